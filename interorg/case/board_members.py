"""Board members and their personal drivers (Kaats & Opheij, 'Bestuurders zijn van betekenis')."""

from typing import Literal

import attrs

from ._types import ID_META

__all__ = ["BoardMember", "Emotion"]

#: An emotion the workbook names as always playing a role for board members.
Emotion = Literal["power", "being_the_best", "uncertainty", "fear", "regret", "attention",
                  "personal_click", "trust"]


@attrs.frozen
class BoardMember:
    """A board member (bestuurder) of a partner, as a person.

    Attributes
    ----------
    name : str
        Who it is (a name or a role); unique among the board members.
    partner : str, optional
        The partner they lead (its id, as in ``partners``).
    drivers : str, optional
        Their personal drivers and beliefs (persoonlijke drijfveren en
        overtuigingen) in this collaboration.
    dilemmas : str, optional
        Their personal dilemmas around the collaboration.
    emotions : tuple of str
        Emotions seen to play a role: ``power`` (macht), ``being_the_best``
        (de beste willen zijn), ``uncertainty`` (onzekerheid), ``fear``
        (angst), ``regret`` (spijt), ``attention`` (aandacht),
        ``personal_click`` (persoonlijke klik), ``trust`` (vertrouwen).
    self_interest_known : bool, optional
        Do they know their own interest (eigenbelang) well?
    self_interest_brought_in : bool, optional
        Do they bring it into the collaboration in an acceptable way?
    personally_engaged : bool, optional
        Is the initiative one where they can 'do nice things with nice
        people' (leuke dingen doen met leuke mensen)?
    """

    name: str
    partner: str | None = attrs.field(default=None, metadata=ID_META)
    drivers: str | None = None
    dilemmas: str | None = None
    emotions: tuple[Emotion, ...] = attrs.field(default=(), converter=tuple)
    self_interest_known: bool | None = None
    self_interest_brought_in: bool | None = None
    personally_engaged: bool | None = None

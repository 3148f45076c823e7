"""The relationships between partners (Common Eye workbook: trust, vigilance, opportunism)."""

from typing import Literal

import attrs

__all__ = ["Relationship"]

#: A level of trust, vigilance or contact.
Level = Literal["high", "low"]


@attrs.frozen
class Relationship:
    """The relationship between two partners, as far as the user knows it (relatie).

    Everything but ``between`` is optional: give the levels of trust and
    vigilance if you know them, the signals behind them if you see them, or
    both (the rules then check that they agree).  A signal is ``True`` when
    it is seen, ``False`` when it is seen *not* to be there, and left out
    when unknown.  After the Common Eye workbook *Leren samenwerken tussen
    organisaties* (trust × vigilance after Lewicki; opportunism after Wathne
    & Heide; the trust paradox and split loyalties after Krackhardt).

    Attributes
    ----------
    between : tuple of two str
        The ids of the two partners, in any order; the
        relationship's id is ``'a~b'`` in the order given.  A pair may be
        described once.
    trust : {'high', 'low'}, optional
        Persoonlijk vertrouwen: how much personal trust there is.
    vigilance : {'high', 'low'}, optional
        Waakzaamheid in de relatie: how vigilant the partners are of each
        other.
    self_awareness, sincere_interest, transparency, reliability : bool, optional
        The four trust-building elements (vertrouwen bouwen): zelfbewustzijn,
        oprechte interesse in de belangen (van de ander), transparantie,
        betrouwbaar.  ``transparency=False`` is also the opportunism trigger
        lack of transparency (gebrek aan transparantie).
    fear, scepticism, cynicism, need_for_control : bool, optional
        Signs of high vigilance: angst, scepsis, cynisme, behoefte aan
        controle.  All four seen to be absent is the sign of low vigilance
        (geen angst, geen scepsis, geen cynisme, op afstand).
    information_asymmetry : bool, optional
        Informatie-asymmetrie: one partner knows much more than the other
        about what matters in the relationship.
    lock_in : {'none', 'specific_investments', 'single_partner', 'both'}, optional
        Lock-in situatie: a partner has made investments that are worth
        little outside this relationship, depends on this one partner, both,
        or neither.
    contact : {'high', 'low'}, optional
        How much time, interaction and personal contact (tijd, interactie en
        affectie) the relationship gets.
    answers_to_both_sides : bool, optional
        Do people in the relationship answer to both sides, for example a
        director who sits on the board of the collaboration and leads one of
        its partners (gespleten of dubbele loyaliteiten)?
    note : str, optional
        Free text, kept with the case.

    Examples
    --------
    >>> Relationship(between=("eersel", "ggz"), trust="high", fear=True).vigilance is None
    True
    """

    between: tuple[str, ...] = attrs.field(converter=tuple)
    trust: Level | None = None
    vigilance: Level | None = None
    self_awareness: bool | None = None
    sincere_interest: bool | None = None
    transparency: bool | None = None
    reliability: bool | None = None
    fear: bool | None = None
    scepticism: bool | None = None
    cynicism: bool | None = None
    need_for_control: bool | None = None
    information_asymmetry: bool | None = None
    lock_in: Literal["none", "specific_investments", "single_partner", "both"] | None = None
    contact: Level | None = None
    answers_to_both_sides: bool | None = None
    note: str | None = None

    @property
    def id(self):
        """``'a~b'``: the two partner ids in the order given."""
        return "~".join(self.between)

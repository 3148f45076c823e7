"""The Case: every section of what a user knows about one collaboration, together."""

import re

import attrs

from .arrangement import Arrangement, Challenge
from .board_members import BoardMember
from .boundaries import Boundaries
from .care import Care
from .complexity import Complexity, ComplexityFactor, Tension
from .coordination import Coordination, CoordinationElement
from .dependencies import Dependency
from .fit import Fit
from .form import CollaborationForm
from .game_rules import GameRuleBreach, GameRules
from .governance import Governance
from .interests import Interests, PartnerInterests
from .leadership import Leader
from .motives import PartnerMotives
from .network_logic import NetworkLogic
from .observations import Observation
from .partners import Partner
from .phase import Phase
from .positions import PositionCriteria
from .reasons import StatedReason
from .relationships import Relationship
from .scan import Respondent, Scan
from .self_organisation import SelfOrganisation, SelfOrganisationPrinciples

__all__ = ["Case"]

#: An assessment date: ISO 8601, year-month-day.
_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


@attrs.frozen
class Case:
    """One collaboration (samenwerkingsverband), as far as the user knows it.

    Attributes
    ----------
    name : str, optional
        What the collaboration is called.
    description : str, optional
        Free text.
    assessed : str, optional
        When this assessment was made, as ``YYYY-MM-DD``: a collaboration
        is assessed more than once, and ``interorg compare`` puts two
        assessments side by side.
    round : int, optional
        The number of the assessment (1 for the first, the baseline).
    partners : tuple of Partner
        The organisations taking part; ids must be unique.
    care : Care, optional
        The care context (Kenis's quadrants and conclusions).
    reasons : tuple of StatedReason
        The reasons the partners give for collaborating.
    coordination : Coordination, optional
        The coordination checks of a multi-organisation network.
    relationships : tuple of Relationship
        The relationships between pairs of partners (trust, vigilance,
        opportunism); each pair once, between partners listed in
        ``partners``.
    dependencies : tuple of Dependency
        Who depends on whom, and how strongly; with the relationships they
        make up the partner network.
    form : CollaborationForm, optional
        The characteristics that show the basic form (Kaats & Opheij).
    arrangement : Arrangement, optional
        Mechanisms, governance structures, expected benefits and what is in
        place (encyclopedia entry "interorganisationeel").
    challenges : tuple of Challenge
        The challenges the partners meet (same entry).
    governance : Governance, optional
        The mode of network governance and its contingencies (Provan & Kenis).
    motives : tuple of PartnerMotives
        Per partner: its motives and where it starts from (Common Eye).
    interests : Interests, optional
        The interests at stake and the outcomes the partners expect.
    complexity : Complexity, optional
        Sources of complexity (Gomes-Casseres) and tensions observed.
    network_logic : NetworkLogic, optional
        Whether the collaboration is run by the logic of hierarchy or of the
        network (De Bruijn & Ten Heuvelhof).
    game_rules : GameRules, optional
        The rules of the game in the network and observed breaches.
    boundaries : Boundaries, optional
        The four boundaries (Hirschhorn & Gilmore), each clear or unclear.
    self_organisation : SelfOrganisation, optional
        Whether it is or wants to be a self-organising network, and how.
    leadership : tuple of Leader
        Who leads the collaboration, with their collaborator signatures.
    board_members : tuple of BoardMember
        The partners' board members (bestuurders) and their drivers.
    scan : Scan, optional
        The answers of respondents of each partner to the statements of the
        sixteen success factors (BINT).
    phase : Phase, optional
        The phase of the collaboration and the activities of the workbook's
        checklist that are done (Common Eye).
    observations : tuple of Observation
        What the user has seen in the collaboration (turnover of people, a
        history of conflict, ...); each kind once.

    Examples
    --------
    >>> from interorg import Case, Care
    >>> Case(name="Jeugdhulp", care=Care(demand="complex", supply_in_municipality=False)).care.demand
    'complex'
    """

    name: str | None = None
    description: str | None = None
    assessed: str | None = attrs.field(default=None, metadata={
        "pattern": _DATE, "pattern_hint": "a date as YYYY-MM-DD, such as 2026-03-01"})
    round: int | None = attrs.field(default=None, metadata={"min": 1, "max": 1000})
    partners: tuple[Partner, ...] = attrs.field(default=(), converter=tuple)
    care: Care | None = None
    reasons: tuple[StatedReason, ...] = attrs.field(default=(), converter=tuple)
    coordination: Coordination | None = None
    relationships: tuple[Relationship, ...] = attrs.field(default=(), converter=tuple)
    dependencies: tuple[Dependency, ...] = attrs.field(default=(), converter=tuple)
    form: CollaborationForm | None = None
    arrangement: Arrangement | None = None
    challenges: tuple[Challenge, ...] = attrs.field(default=(), converter=tuple)
    governance: Governance | None = None
    motives: tuple[PartnerMotives, ...] = attrs.field(default=(), converter=tuple)
    interests: Interests | None = None
    complexity: Complexity | None = None
    network_logic: NetworkLogic | None = None
    game_rules: GameRules | None = None
    boundaries: Boundaries | None = None
    self_organisation: SelfOrganisation | None = None
    leadership: tuple[Leader, ...] = attrs.field(default=(), converter=tuple)
    board_members: tuple[BoardMember, ...] = attrs.field(default=(), converter=tuple)
    scan: Scan | None = None
    phase: Phase | None = None
    observations: tuple[Observation, ...] = attrs.field(default=(), converter=tuple)


    def partner_names(self):
        """The partners' names by id, for the partners that have one (the advice shows those names).

        Examples
        --------
        >>> from interorg import Case, Partner
        >>> Case(partners=[Partner("a", name="Gemeente A"), Partner("b")]).partner_names()
        {'a': 'Gemeente A'}
        """
        return {partner.id: partner.name for partner in self.partners if partner.name}

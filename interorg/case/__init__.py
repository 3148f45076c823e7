"""The case: what a user knows about one collaboration.

Every section is optional.  A case built in Python uses these frozen attrs
classes directly; a case file (YAML or JSON) has the same shape, and
:func:`interorg.load_case` (:mod:`.casefile`) turns it into them, reporting
every problem with its path.  :mod:`.examples` gives the bundled examples.  Each section lives in a module named for its concept; the Dutch
terms of the sources are given next to each field.
"""

from .arrangement import Arrangement, Challenge
from .board_members import BoardMember
from .boundaries import Boundaries
from .care import Care, MunicipalCare
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
from .casefile import case_from_dict, case_from_text, case_to_dict, check_case, dump_case, load_case
from .examples import example_case, example_names, example_path
from .model import Case

__all__ = [
    "Arrangement",
    "BoardMember",
    "Boundaries",
    "Care",
    "Case",
    "Challenge",
    "CollaborationForm",
    "Complexity",
    "ComplexityFactor",
    "Coordination",
    "CoordinationElement",
    "Dependency",
    "Fit",
    "GameRuleBreach",
    "GameRules",
    "Governance",
    "Interests",
    "Leader",
    "MunicipalCare",
    "NetworkLogic",
    "Observation",
    "Partner",
    "PartnerInterests",
    "PartnerMotives",
    "Phase",
    "PositionCriteria",
    "Relationship",
    "Respondent",
    "Scan",
    "SelfOrganisation",
    "SelfOrganisationPrinciples",
    "StatedReason",
    "Tension",
    "case_from_dict",
    "case_from_text",
    "case_to_dict",
    "check_case",
    "dump_case",
    "example_case",
    "example_names",
    "example_path",
    "load_case",
]

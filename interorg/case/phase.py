"""Where a collaboration stands in its phases, and which activities of the workbook's checklist are done."""

from typing import Literal

import attrs

__all__ = ["ACTIVITIES", "CHANGES", "DOMAINS", "PHASES", "Phase"]

#: The phases of a collaboration, in order (Common Eye workbook): verkennen,
#: delen, overeenkomen, vormgeven, uitvoeren en vernieuwen.  Sharing (delen)
#: is the switch point (schakelpunt).
PHASES = ("exploring", "sharing", "agreeing", "shaping", "implementing")

#: The domains of the checklist: ambitie, belangen, relatie, organisatie;
#: ``all`` for the activities of the last phase, which span every domain.
DOMAINS = ("ambition", "interests", "relationship", "organisation", "all")

#: The activities of the checklist "Welke activiteiten heb je al uitgevoerd?",
#: as ``phase.domain.name``, in the order of the source (domain by domain,
#: phase by phase).  Their texts, in Dutch as the source gives them and in
#: English, are in the vocabulary (fact ``phase_activity``).
ACTIVITIES = (
    "exploring.ambition.core_issue",
    "exploring.ambition.own_ambition",
    "exploring.ambition.domain",
    "exploring.ambition.spot_partners",
    "exploring.ambition.partner_ambitions",
    "sharing.ambition.learn_ambitions",
    "sharing.ambition.shared_ambition",
    "sharing.ambition.joint_strategy",
    "sharing.ambition.competition",
    "agreeing.ambition.starting_point",
    "agreeing.ambition.mission_to_means",
    "agreeing.ambition.workable_agreement",
    "shaping.ambition.evaluation_cycle",
    "shaping.ambition.operationalise",
    "exploring.interests.stakeholders",
    "exploring.interests.partner_interests",
    "exploring.interests.own_interest",
    "exploring.interests.mandate",
    "sharing.interests.exchange",
    "sharing.interests.key_issues",
    "sharing.interests.inform_constituency",
    "agreeing.interests.shared_interest",
    "agreeing.interests.constituency_consent",
    "shaping.interests.justice",
    "shaping.interests.gains_losses",
    "implementing.all.execute",
    "implementing.all.evaluate",
    "implementing.all.interventions",
    "exploring.relationship.key_players",
    "exploring.relationship.reputation",
    "exploring.relationship.networks",
    "exploring.relationship.engage",
    "exploring.relationship.robust",
    "sharing.relationship.deepen",
    "sharing.relationship.form_group",
    "sharing.relationship.personal_click",
    "sharing.relationship.discuss_personal",
    "agreeing.relationship.meaningful_ties",
    "agreeing.relationship.build_team",
    "agreeing.relationship.identity",
    "agreeing.relationship.leadership",
    "agreeing.relationship.rules",
    "shaping.relationship.compose_team",
    "shaping.relationship.team_building",
    "shaping.relationship.staffing",
    "shaping.relationship.escalation",
    "shaping.relationship.safeguard",
    "shaping.relationship.care_for_people",
    "exploring.organisation.right_partners",
    "exploring.organisation.desired_relations",
    "sharing.organisation.process",
    "sharing.organisation.process_rules",
    "sharing.organisation.nature",
    "agreeing.organisation.design_views",
    "agreeing.organisation.governance",
    "agreeing.organisation.legal_form",
    "agreeing.organisation.roles",
    "shaping.organisation.design_organisation",
    "shaping.organisation.design_processes",
    "shaping.organisation.governance_rules",
    "shaping.organisation.control_cycle",
)

Activity = Literal[ACTIVITIES]

#: The strong changes a collaboration can go through, for which the workbook
#: says brokering is needed: a reorientation (heroriëntatie), a longer time
#: horizon (verbreding van de tijdshorizon), strong growth or expansion
#: (een sterke groei of uitbreiding).
CHANGES = ("reorientation", "longer_horizon", "growth")


@attrs.frozen
class Phase:
    """The phase a collaboration is in, and the activities of the checklist done so far.

    After the Common Eye workbook *Leren samenwerken tussen organisaties*:
    "Waar plaats je de samenwerking en waarom?" and "Welke activiteiten heb
    je al uitgevoerd?".

    Attributes
    ----------
    current : {'exploring', 'sharing', 'agreeing', 'shaping', 'implementing'}, optional
        Verkennen, delen, overeenkomen, vormgeven, or uitvoeren en vernieuwen.
    done : tuple of str, optional
        The checklist's activities that are done.
        Once given, even empty, the checklist counts as filled in: an
        activity not listed is not done.  Left out, nothing is known of the
        activities and none is flagged as skipped.
    changes : tuple of {'reorientation', 'longer_horizon', 'growth'}, optional
        The strong changes the collaboration is going through now (een
        sterke verandering): a reorientation, a longer time horizon, or
        strong growth or expansion; each once.  Left out, none is known.
    note : str, optional
        Free text, kept with the case.

    Examples
    --------
    >>> Phase("sharing", done=["exploring.ambition.core_issue"]).done
    ('exploring.ambition.core_issue',)
    """

    current: Literal[PHASES] | None = None
    done: tuple[Activity, ...] | None = attrs.field(
        default=None, converter=lambda value: None if value is None else tuple(value))
    changes: tuple[Literal[CHANGES], ...] = attrs.field(default=(), converter=tuple)
    note: str | None = None

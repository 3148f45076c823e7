"""What a user knows of a partner's place in the network: strategic core, complementary ring or free space."""

from typing import Literal

import attrs

__all__ = ["PositionCriteria"]

#: Where a partner stands in the partner network (Common Eye workbook).
Position = Literal["core", "ring", "free_space"]


@attrs.frozen
class PositionCriteria:
    """The workbook's criteria for the three positions, as far as the user knows them.

    Each criterion is ``True`` (it holds for this partner), ``False`` (it
    does not) or left out (unknown).  From "Welke partijen vormen de
    strategische kern, wie zijn complementair?" in *Leren samenwerken tussen
    organisaties*.

    Attributes
    ----------
    collective_vision : bool, optional
        Strategic core: hebben collectieve visie (shares the collective vision).
    added_value_core_processes : bool, optional
        Strategic core: wederzijdse toegevoegde waarde in kernprocessen en
        diensten (mutual added value in core processes and services).
    added_value_target_groups : bool, optional
        Strategic core: wederzijdse toegevoegde waarde in doelgroepen of
        stakeholders.
    shares_risk : bool, optional
        Strategic core: bereidheid om samen risico te nemen (willing to take
        risks together).
    exclusivity : bool, optional
        Strategic core: afspraken over exclusiviteit doelgroepen.
    sets_rules_together : bool, optional
        Strategic core: bepalen samen de spelregels, normen en waarden van de
        groep.
    strategy_agreement : {'consensus', 'consent', 'none'}, optional
        Consensus over strategie en visie (core), consent (ring: may differ,
        no objection), or neither.
    easy_to_work_with : bool, optional
        Complementary ring: valt goed mee samen te werken.
    fills_gaps : bool, optional
        Complementary ring: vult 'gaten' in processen, doelgroepen of
        sleutel-activiteiten.
    invests_on_specific_terrains : bool, optional
        Complementary ring: wil op specifieke terreinen risico's delen of samen
        investeren.
    competitor : bool, optional
        Complementary ring: kan ook concurrent zijn voor kernprocessen of
        doelgroepen.
    market_transactions : bool, optional
        Free space: 'markttransacties'.
    operational_need : bool, optional
        Free space: operationele vulling van behoefte/complementariteit.
    long_term_obligations : bool, optional
        Are there long-term mutual obligations?  ``False`` is the free space's
        "geen langdurige wederzijdse verplichtingen".
    """

    collective_vision: bool | None = None
    added_value_core_processes: bool | None = None
    added_value_target_groups: bool | None = None
    shares_risk: bool | None = None
    exclusivity: bool | None = None
    sets_rules_together: bool | None = None
    strategy_agreement: Literal["consensus", "consent", "none"] | None = None
    easy_to_work_with: bool | None = None
    fills_gaps: bool | None = None
    invests_on_specific_terrains: bool | None = None
    competitor: bool | None = None
    market_transactions: bool | None = None
    operational_need: bool | None = None
    long_term_obligations: bool | None = None

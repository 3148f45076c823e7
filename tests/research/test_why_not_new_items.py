"""Why-not on a rule that needs an item the case does not have: where it goes, and what else it must say."""

import interorg
from conftest import CASES, written
from interorg.engine.edits import Edit
from interorg.facts.editing import CaseEditor, apply_changes
from interorg.facts.newitems import NewItems, empty_at, plain_value, required_keys
from interorg.engine.symbolic import OTHER

PARTNERS = {"partners": [{"id": "a", "kind": "other"}, {"id": "b", "kind": "care_provider"}]}


def _first_confirmed(case, rule):
    """The case, the first set of changes a run confirmed for ``rule``, and the changed case."""
    answer = interorg.why_not(case, rule)
    assert not answer.fired
    confirmed = [changes for changes, verified in zip(answer.changes, answer.result.verified) if verified]
    assert confirmed, (rule, answer.changes, answer.result.unwritable)
    changed, _facts = apply_changes(interorg.case_from_dict(case), written(confirmed[0]))
    assert rule in {c.id for c in interorg.advise(changed).conclusions}
    return {c.path: c.to for c in confirmed[0]}, changed


def test_a_new_board_member_is_given_a_name():
    """A board member needs a name: the new one is called 'other', as any text a rule leaves free."""
    changes, changed = _first_confirmed(PARTNERS, "workbook.board-members.significant")
    assert changes == {"board_members[0].name": ("other",)}
    assert changed.board_members[0].name == "other"


def test_an_emotion_goes_to_a_board_member_the_case_has():
    """An emotion stands in a board member's list: in the first one's, whose name is left as it is."""
    case = PARTNERS | {"board_members": [{"name": "Jansen", "partner": "a"}]}
    changes, changed = _first_confirmed(case, "workbook.board-members.emotions")
    assert list(changes) == ["board_members[0].emotions[0]"]
    assert changed.board_members[0].name == "Jansen"


def test_a_motive_of_a_partner_without_motives_opens_its_entry():
    """No motives at all: the first partner gets an entry, with a motive of the category the rule wants."""
    changes, changed = _first_confirmed(PARTNERS, "workbook.motives.market")
    assert changes["motives[0].partner"] == ("a",)
    assert interorg.case.motives.MOTIVE_CATEGORIES[changed.motives[0].motives[0]] == "market"


def test_a_motive_is_added_to_the_partners_own_entry():
    """A partner that has an entry gets the new motive in it, and its entry is left as it is."""
    case = PARTNERS | {"motives": [{"partner": "a", "starting_point": "question"}]}
    changes, changed = _first_confirmed(case, "workbook.motives.market")
    assert list(changes) == ["motives[0].motives[0]"]
    assert changed.motives[0].starting_point == "question" and len(changed.motives) == 1


def test_a_partners_fit_stands_in_that_partner():
    """A partner's fit is a key of the partner: the first partner's, with the position the rule wants."""
    changes, changed = _first_confirmed(PARTNERS, "network.fit.core-without-strategic-fit")
    assert changes == {"partners[0].position": ("core",), "partners[0].fit.strategic": ("weak",)}
    assert changed.partners[0].fit.strategic == "weak"


def test_a_value_the_holding_item_has_already_is_not_changed():
    """A partner in the core already: its criteria are added, and its position is not written again."""
    case = {"partners": [{"id": "a", "position": "core"}, {"id": "b"}]}
    answer = interorg.why_not(case, "network.fit.core-without-strategic-fit")
    assert answer.changes[0] and all(c.path != "partners[0].position" for c in answer.changes[0])


def test_two_new_items_name_two_partners():
    """Each new item of a list that names a partner once gets a partner the list does not name yet."""
    case = {"partners": [{"id": "a", "kind": "municipality"}, {"id": "b", "kind": "municipality"}],
            "care": {"municipalities": []}}
    changes, _changed = _first_confirmed(case, "kenis.need.municipal.not-one-region")
    named = {path: to for path, to in changes.items() if path.endswith(".municipality")}
    assert sorted(named.values()) == [("a",), ("b",)]


def test_a_municipality_is_a_partner_of_that_kind():
    """A municipality's care names a municipality: with none among the partners, nothing is proposed."""
    answer = interorg.why_not(PARTNERS | {"care": {"municipalities": []}}, "kenis.need.municipal.demand-standard")
    assert not answer.changes
    assert "missing required key 'municipality'" in answer.to_text()


def test_required_keys_come_from_the_case_model():
    assert required_keys("leadership") == ("name",)
    assert required_keys("dependencies") == ("partner", "on", "strength")
    assert required_keys("arrangement.mechanisms") == ()


def test_new_items_keep_the_case_as_it_is():
    """Placing new facts reads the case's data, never changes it, and places each after those before it."""
    data = {"partners": [{"id": "a"}], "board_members": [{"name": "X", "emotions": ["fear"]}]}
    items = NewItems(data, [("a", None)], lambda field, wanted: "a")
    assert items.nested("board_emotion", {"member": OTHER}) == "board_members[0].emotions[1]"
    assert items.nested("board_emotion", {"member": OTHER}) == "board_members[0].emotions[2]"
    assert items.nested("board_emotion", {"member": "Y"}) == "board_members[1].emotions[0]"
    assert items.new_holders() == {"board_members[1]": {"name": "Y"}}
    assert items.nested("partner_fit", {"id": "zz"}) is None  # not a partner of the case: no new partner
    assert items.nested("reason", {}) is None  # a fact of its own, not inside another item
    assert data == {"partners": [{"id": "a"}], "board_members": [{"name": "X", "emotions": ["fear"]}]}


def test_a_fact_the_rule_only_needs_there_is_an_empty_item():
    """network.position.none wants criteria that meet no position: the first partner's are given, empty."""
    changes, changed = _first_confirmed(PARTNERS, "network.position.none")
    assert changes == {"partners[0].criteria": ("given",)}
    assert changed.partners[0].criteria is not None


def test_a_case_without_a_checklist_is_given_one():
    """No phase at all: an activity of the checklist needs phase.done, given empty, and the phase that times it."""
    changes, changed = _first_confirmed(PARTNERS, "phases.next")
    assert changes == {"phase.done": ("given",), "phase.current": ("exploring",)}
    assert changed.phase.done == () and changed.phase.current == "exploring"


def test_an_activity_done_is_ticked_off_on_a_new_checklist():
    """An activity the rule wants done on a case without a checklist: the checklist is that activity's id."""
    changes, changed = _first_confirmed(PARTNERS, "phases.ahead-of-switch")
    assert "phase.done" not in changes and len(changed.phase.done) == 1
    assert changes["phase.done[0]"] == changed.phase.done


def test_a_domain_of_the_checklist_needs_a_current_phase():
    """A domain's counts are made for a current phase: without one, the switch point, moved where the rule needs."""
    changes, changed = _first_confirmed(PARTNERS, "phases.domain-neglected")
    assert changes["phase.done"] == ("given",) and "phase.current" in changes


def test_given_is_an_empty_item_of_the_kind_the_case_has_there():
    assert empty_at("phase.done") == [] and empty_at("partners[3].criteria") == {} and empty_at("care") == {}
    assert empty_at("board_members[0].emotions") == [] and empty_at("no.such") == {}


def test_motives_of_partners_without_an_entry_open_one_each():
    """The spread of the motives over partners without motives: an entry per partner, each named."""
    changes, changed = _first_confirmed(PARTNERS, "workbook.motives.different-motives")
    assert changes["motives[0].partner"] == ("a",) and changes["motives[1].partner"] == ("b",)
    assert [entry.partner for entry in changed.motives] == ["a", "b"]


def test_different_starting_points_open_entries_too():
    changes, changed = _first_confirmed(PARTNERS, "workbook.motives.confusion-of-tongues")
    assert len({entry.starting_point for entry in changed.motives}) == 2
    assert set(changes) == {"motives[0].partner", "motives[0].starting_point",
                            "motives[1].partner", "motives[1].starting_point"}


def test_a_new_items_id_follows_from_its_keys():
    """A municipality's care is found by its municipality: the id the rule leaves free is not written."""
    case = {"partners": [{"id": "a", "kind": "municipality"}], "care": {"municipalities": []}}
    changes, changed = _first_confirmed(case, "kenis.need.municipal.quadrant-i")
    assert changes == {"care.municipalities[0].municipality": ("a",), "care.municipalities[0].demand": ("standard",),
                       "care.municipalities[0].supply_in_municipality": (True,)}


def test_an_item_of_a_list_inside_another_can_be_taken_out():
    """A signature is an item of its leader's list: taking it out is a change the case can take."""
    case = interorg.case_from_dict({"leadership": [{"name": "X", "signatures": ["champion", "designer"]}]})
    editor = CaseEditor(case)
    (champion,) = [i for i, f in enumerate(editor.facts) if f.type == "signature" and f.values["signature"] == "champion"]
    done = editor.realise([Edit(champion, "signature", "signature", None, "given", (None,))])
    assert done.problem is None and [(c.path, c.to) for c in done.changes] == [("leadership[0].signatures[0]", (None,))]


def test_a_value_of_a_list_is_one_its_list_does_not_have():
    """Each signature is listed once: a signature changed is offered as one its leader does not show yet."""
    case = {"leadership": [{"name": "X", "signatures": ["champion", "designer"]}]}
    answer = interorg.why_not(case, "workbook.signatures.champion-missing")
    (change,) = answer.changes[0]
    assert change.path == "leadership[0].signatures[0]" and "designer" not in change.to and answer.result.verified[0]


def test_a_number_another_change_gives_is_kept():
    """A number of participants the rule wants is written, not the count of partners the derived field stood for."""
    answer = interorg.advise(CASES / "provan_kenis_governance_partial.yaml").why_not("provan-kenis.governance.fits-nao")
    assert answer.result.verified == (True,)
    assert ("governance.participants", (8,)) in [(c.path, c.to) for c in answer.changes[0]]


def test_a_mapping_taken_out_keeps_what_another_change_writes_under_it():
    """Taking out a fact whose mapping holds what another change writes leaves that out, not the whole mapping."""
    case = interorg.case_from_dict({"partners": [{"id": "a", "kind": "municipality"}],
                                    "care": {"leading": "demand", "region_basis": "per_demand_type"}})
    editor = CaseEditor(case)
    (care,) = [i for i, f in enumerate(editor.facts) if f.type == "care"]
    done = editor.realise([Edit(care, "care", "care", None, "given", (None,)),
                           Edit(None, "m", "municipal_care", "municipality", None, (OTHER,))])
    paths = {c.path: c.to for c in done.changes}
    assert done.problem is None, done.problem
    assert paths == {"care.leading": (None,), "care.region_basis": (None,), "care.municipalities[0].municipality": ("a",)}


def test_an_item_that_is_a_plain_value_is_one_its_list_lacks():
    """A rule that needs some benefit, of any kind: the first kind the arrangement does not list yet."""
    case = PARTNERS | {"arrangement": {"benefits": ["efficiency"]}}
    # no benefits: the first kind; then the first kind the list (and the other new items) lack
    answer = interorg.why_not(PARTNERS, "interorganisational.challenges.benefits-without-challenges")
    assert [(c.path, c.to) for c in answer.changes[0]] == [("arrangement.benefits[0]", ("efficiency",))]
    assert plain_value(case, "arrangement.benefits") == "learning"
    assert plain_value(case, "arrangement.benefits", ["learning"]) != "learning"


def _realised(case, edits):
    done = CaseEditor(interorg.case_from_dict(case)).realise(edits)
    assert done.problem is None, done.problem
    return [(c.path, c.to[0]) for c in done.changes]


def test_new_facts_of_one_set_share_their_new_items():
    """Facts made in one set go into one new item where they name the same, and into two where they do not."""
    two = {"partners": [{"id": "a"}, {"id": "b"}]}
    assert _realised(two, [Edit(None, "m1", "motive", "motive", None, ("patents",)),
                           Edit(None, "m1", "motive", "partner", None, ("b",)),
                           Edit(None, "m2", "motive", "motive", None, ("legal_obligation",)),
                           Edit(None, "m2", "motive", "partner", None, ("b",))]) == [
        ("motives[0].partner", "b"), ("motives[0].motives[0]", "patents"), ("motives[0].motives[1]", "legal_obligation")]
    # a motive of b and the framing of a, whichever comes first: an entry each
    motive = [Edit(None, "m", "motive", "motive", None, ("patents",)), Edit(None, "m", "motive", "partner", None, ("b",))]
    framing = [Edit(None, "f", "framing", "partner", None, ("a",))]
    for edits in (motive + framing, framing + motive):
        assert dict(_realised(two, edits)) == {"motives[0].partner": "a", "motives[1].partner": "b",
                                               "motives[1].motives[0]": "patents"}
    # an emotion of any board member goes to the new one
    assert _realised(two, [Edit(None, "m", "board_member", "name", None, ("Y",)),
                           Edit(None, "e", "board_emotion", "emotion", None, ("fear",)),
                           Edit(None, "e", "board_emotion", "member", None, (OTHER,))]) == [
        ("board_members[0].name", "Y"), ("board_members[0].emotions[0]", "fear")]


def test_a_plain_value_left_free_is_not_one_another_new_item_wants():
    benefit = Edit(None, "b", "benefit", None, None, ("given",))
    efficiency = Edit(None, "b#1", "benefit", "kind", None, ("efficiency",))
    for edits in ([benefit, efficiency], [efficiency, benefit]):
        assert sorted(value for _path, value in _realised({}, edits)) == ["efficiency", "learning"]


def test_a_key_filled_in_stands_when_its_mapping_is_taken_out():
    """The municipality a new municipality's care is given is written under care, which is taken out key by key."""
    case = {"partners": [{"id": "a", "kind": "municipality"}], "care": {"leading": "demand"}}
    editor = CaseEditor(interorg.case_from_dict(case))
    (care,) = [i for i, f in enumerate(editor.facts) if f.type == "care"]
    done = editor.realise([Edit(care, "care", "care", None, "given", (None,)),
                           Edit(None, "m", "municipal_care", "id", None, (OTHER,))])
    assert {c.path: c.to[0] for c in done.changes} == {"care.municipalities[0].municipality": "a",
                                                       "care.leading": None}
    assert [f.values["municipality"] for f in done.facts if f.type == "municipal_care"] == ["a"]


def test_an_item_of_a_list_taken_out_is_not_taken_apart():
    """A reason taken out and changed in one set contradicts itself: it is not made a change of its keys."""
    answer = interorg.why_not(interorg.example_case("municipal_youth_care"), "kenis.reasons.no-client-reason")
    assert answer.changes and not [c for changes in answer.changes for c in changes
                                   if c.to == (None,) and c.path.startswith("reasons[") and "." in c.path]

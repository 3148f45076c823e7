"""Relationships in a case: the attrs model, the checks with paths, and the facts they give."""

import typing

import attrs
import pytest

import interorg
from conftest import DATA
from interorg.facts import case_facts

PARTNERS = [{"id": "a"}, {"id": "b"}, {"id": "c"}]


def _problems(relationships, partners=PARTNERS):
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"partners": partners, "relationships": relationships})
    return [str(problem) for problem in info.value.problems]


def test_bad_relationships_file_reports_everything_with_paths():
    """Unknown partner, self-relation, duplicate pair, wrong count and bad values are all reported at once."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.load_case(DATA / "bad_relationships.yaml")
    messages = [f"{p.path}: {p.message}" for p in info.value.problems]
    assert messages == [
        "relationships[2].trust: expected one of high, low; got 'hoog'",
        "relationships[5].lock_in: expected one of none, specific_investments, single_partner, both; got 'yes'",
        "relationships[0].between[1]: unknown partner 'bladel'; expected one of eersel, bergeijk, ggz",
        "relationships[1].between: partner 'ggz' cannot have a relationship with itself; name two different partners",
        "relationships[3].between: the relationship between 'bergeijk' and 'eersel' is already given at "
        "relationships[2]; describe each pair once",
        "relationships[4].between: expected the ids of exactly two partners; got 1",
    ]
    assert all(p.line for p in info.value.problems)


def test_unknown_partner_names_the_known_ones():
    """A relationship with a partner not under partners points at the exact element."""
    assert _problems([{"between": ["a", "x"]}]) == [
        "relationships[0].between[1]: unknown partner 'x'; expected one of a, b, c"]


def test_unknown_partner_without_any_partners():
    """Without partners listed, the message says where to add them."""
    assert _problems([{"between": ["a", "b"]}], partners=[]) == [
        "relationships[0].between[0]: unknown partner 'a'; no partners are listed under partners",
        "relationships[0].between[1]: unknown partner 'b'; no partners are listed under partners",
    ]


def test_relationship_with_itself_is_an_error():
    """A partner related to itself is rejected, not silently dropped."""
    assert _problems([{"between": ["b", "b"]}]) == [
        "relationships[0].between: partner 'b' cannot have a relationship with itself; name two different partners"]


def test_same_pair_in_either_order_is_a_duplicate():
    """[a, b] and [b, a] describe the same relationship; the second is an error pointing at the first."""
    assert _problems([{"between": ["a", "b"]}, {"between": ["c", "a"]}, {"between": ["b", "a"]}]) == [
        "relationships[2].between: the relationship between 'b' and 'a' is already given at relationships[0];"
        " describe each pair once"]


def test_between_is_required():
    """A relationship without 'between' is an error with its path."""
    assert _problems([{"trust": "high"}]) == ["relationships[0]: missing required key 'between'"]


def test_relationship_built_in_python_is_checked_too():
    """A Case built in Python with an unknown partner fails in advise like a file would."""
    case = interorg.Case(partners=[interorg.Partner("a")],
                         relationships=[interorg.Relationship(between=("a", "z"), trust="high")])
    with pytest.raises(interorg.CaseError, match=r"relationships\[0\].between\[1\]: unknown partner 'z'"):
        interorg.advise(case)


def test_relationship_round_trips_through_a_file(tmp_path):
    """Writing a case with relationships and reading it back gives the same case."""
    case = interorg.case_from_dict({"partners": PARTNERS, "relationships": [
        {"between": ["a", "b"], "trust": "high", "fear": False, "lock_in": "both", "note": "n"}]})
    interorg.dump_case(case, tmp_path / "case.yaml")
    assert interorg.load_case(tmp_path / "case.yaml") == case


def test_relationship_fact_carries_id_partners_and_stated_values():
    """One relationship fact per relationship, with id 'a~b', its path, and unknowns left None."""
    case = interorg.case_from_dict({"partners": PARTNERS, "relationships": [
        {"between": ["a", "b"], "vigilance": "low"}, {"between": ["c", "a"], "transparency": False}]})
    facts = [f for f in case_facts(case) if f.type == "relationship"]
    assert [(f.path, f.values["id"]) for f in facts] == [("relationships[0]", "a~b"), ("relationships[1]", "c~a")]
    assert facts[0].given() == {"id": "a~b", "partner_a": "a", "partner_b": "b", "vigilance": "low"}
    assert facts[1].values["trust"] is None and facts[1].values["transparency"] is False


def test_relationship_fields_are_the_vocabulary(knowledge):
    """The relationship fact has the case's fields, plus id and the two partners, minus between and note."""
    case_fields = [f.name for f in attrs.fields(interorg.Relationship)]
    expected = ["id", "partner_a", "partner_b"] + [name for name in case_fields if name not in ("between", "note")]
    assert list(knowledge.facts["relationship"].fields) == expected


@pytest.mark.parametrize("attribute", ["trust", "vigilance", "lock_in", "contact"])
def test_relationship_enum_values_agree(knowledge, attribute):
    """The values a relationship may take are exactly the values the vocabulary labels."""
    hint = typing.get_type_hints(interorg.Relationship)[attribute]
    (literal,) = [arg for arg in typing.get_args(hint) if typing.get_origin(arg) is typing.Literal]
    assert set(typing.get_args(literal)) == set(knowledge.facts["relationship"].fields[attribute].values)

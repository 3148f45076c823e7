"""interorg.analysis.compare: whether two assessments look like one collaboration."""

import attrs
import pytest

import interorg
from interorg.analysis.compare import relatedness


@pytest.fixture(scope="module")
def case():
    return interorg.example_case()


def test_names_differing_only_in_case_and_spaces_are_one_name(case):
    """A name written in other capitals or with spaces around it is not another collaboration."""
    found = relatedness(case, attrs.evolve(case, name=f"  {case.name.upper()} "))
    assert not found.names_differ and not found.doubtful


def test_a_case_without_a_name_is_not_taken_for_another(case):
    """Names are compared only when both cases give one."""
    assert not relatedness(case, attrs.evolve(case, name=None)).names_differ


@pytest.mark.parametrize("kept, few", [(3, False), (2, True)])
def test_few_shared_is_fewer_than_half_of_the_partners_in_either(case, kept, few):
    """Half of the partners in common is enough; fewer than half is few."""
    assert len(case.partners) == 6
    found = relatedness(case, attrs.evolve(case, partners=case.partners[:kept], relationships=(), dependencies=()))
    assert (found.shared, found.partners) == (tuple(p.id for p in case.partners[:kept]), 6)
    assert found.few_shared is few and found.doubtful is few


def test_shared_partners_keep_the_earlier_assessments_order(case):
    """The partners in common are listed in the earlier assessment's order, whatever the later one's."""
    later = attrs.evolve(case, partners=tuple(reversed(case.partners)))
    assert relatedness(case, later).shared == tuple(p.id for p in case.partners)

"""advise and to_dict pause the cyclic garbage collector only while they run."""

import gc
import weakref

import interorg
from interorg.utils.collector import collector_paused


def test_the_collector_is_running_again_after_advise():
    """A running collector runs again after advise and to_dict, also when advise fails."""
    assert gc.isenabled()
    advice = interorg.advise(interorg.example_case())
    assert gc.isenabled()
    advice.to_dict()
    assert gc.isenabled()
    try:
        interorg.advise({"care": {"demand": "compelx"}})
    except interorg.CaseError:
        pass
    assert gc.isenabled()


def test_a_collector_turned_off_stays_off():
    """If the caller turned the collector off, advise does not turn it on."""
    gc.disable()
    try:
        interorg.advise(interorg.example_case()).to_dict()
        assert not gc.isenabled()
    finally:
        gc.enable()


def _cyclic_garbage(step):
    """The number of unreachable objects in reference cycles that ``step()`` leaves behind."""
    gc.collect()
    gc.disable()
    try:
        step()
        return gc.collect()
    finally:
        gc.enable()


def test_advising_leaves_no_reference_cycles():
    """What advise, to_dict, to_json and to_text build is freed by reference counting alone."""
    for name in ("municipal_youth_care", "regional_innovation_alliance"):
        case = interorg.example_case(name)
        advice = interorg.advise(case)

        def advise_and_write():
            result = interorg.advise(case)
            result.to_dict(), result.to_json(), result.to_text()

        assert _cyclic_garbage(advise_and_write) == 0, name
        assert _cyclic_garbage(lambda: interorg.advise(case, lang="nl")) == 0, name
        assert _cyclic_garbage(advice.to_dict) == 0, name


def test_the_result_goes_to_the_oldest_generation():
    """The collector's first pass after advise does not walk the new advice: it is in the oldest generation."""
    advice = interorg.advise(interorg.example_case())
    assert any(obj is advice for obj in gc.get_objects(generation=2))
    assert gc.get_count()[0] < 700  # no young collection pending over the whole result


def test_young_cycles_of_the_program_are_still_collected():
    """The program's young cyclic garbage is collected as a pause begins, not moved with the result."""

    class Node:
        pass

    gc.collect()
    node = Node()
    node.itself = node
    gone = weakref.ref(node)
    del node
    with collector_paused():
        pass
    assert gone() is None


def test_frozen_objects_stay_frozen():
    """A program that froze objects (before a fork, say) finds them frozen after advise."""
    gc.freeze()
    try:
        assert gc.get_freeze_count() > 0
        interorg.advise(interorg.example_case()).to_dict()
        # unfreezing would have emptied the permanent generation (some frozen objects may be freed)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()

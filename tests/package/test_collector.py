"""advise and to_dict pause the cyclic garbage collector only while they run."""

import gc

import interorg


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

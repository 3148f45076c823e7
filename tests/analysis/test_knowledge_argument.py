"""Every public function that takes ``knowledge`` takes a knowledge base or the path of its folder, and nothing else."""

import concurrent.futures
import pathlib

import attrs
import pytest

import interorg
from interorg.analysis.knowledge import knowledge_base
from interorg.errors import UsageError
from interorg.report.jsonshape import advice_schema
from interorg.research.coverage import coverage
from interorg.research.export import to_clips

CARE = {"care": {"demand": "complex", "supply_in_municipality": False}}


def test_a_path_loads_the_folder_once_while_its_files_stay_the_same(knowledge_copy):
    """A folder is loaded once as a str or a Path, knows where it came from, and loads anew once edited."""
    first = interorg.load_knowledge(str(knowledge_copy))
    assert interorg.load_knowledge(knowledge_copy) is first
    assert first.folder == str(knowledge_copy.absolute())
    assert interorg.load_knowledge().folder is None
    messages = knowledge_copy / "messages.yaml"
    messages.write_text(messages.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert interorg.load_knowledge(knowledge_copy) is not first


@pytest.mark.parametrize("given", ["str", "path", "loaded"])
def test_advise_why_not_and_diagnose_take_a_path_or_a_knowledge_base(knowledge_copy, given):
    """The same advice, why-not and diagnosis from a folder's path (str or Path) as from its knowledge base."""
    knowledge = {"str": str(knowledge_copy), "path": knowledge_copy,
                 "loaded": interorg.load_knowledge(knowledge_copy)}[given]
    assert interorg.advise(CARE, knowledge=knowledge).ids() == interorg.advise(CARE).ids()
    assert interorg.why_not(CARE, "kenis.need.quadrant-i", knowledge=knowledge).fired is False
    advice = interorg.advise(interorg.example_case())
    assert ([r.id for r in interorg.diagnose(advice, knowledge=knowledge).suspected]
            == [r.id for r in advice.diagnosis.suspected])


def test_the_research_functions_take_a_path(knowledge_copy):
    """coverage, corpus_coverage, to_clips, the advice schema and verify read a folder given by its path."""
    assert [s.id for s in coverage(knowledge_copy)] == [s.id for s in coverage()]
    with interorg.example_path() as path:
        assert interorg.corpus_coverage([path], knowledge=knowledge_copy).percent == \
            interorg.corpus_coverage([path]).percent
    assert "(defrule kenis.need.quadrant-iv" in to_clips(knowledge=str(knowledge_copy))
    assert advice_schema("nl", knowledge=knowledge_copy) == advice_schema("nl")
    assert interorg.verify(interorg.load_knowledge(knowledge_copy)).ok


@pytest.mark.parametrize("call", [
    lambda bad: interorg.advise(CARE, knowledge=bad),
    lambda bad: interorg.why_not(CARE, "kenis.need.quadrant-i", knowledge=bad),
    lambda bad: interorg.diagnose(CARE, knowledge=bad),
    lambda bad: interorg.diagnose(interorg.advise(CARE), knowledge=bad),
    lambda bad: interorg.corpus_coverage(["case.yaml"], knowledge=bad),
    lambda bad: interorg.sweep(CARE, {"care.demand": None}, workers=0, progress=False, knowledge=bad),
    lambda bad: interorg.verify(bad),
    lambda bad: coverage(bad),
    lambda bad: to_clips(knowledge=bad),
    lambda bad: advice_schema("nl", knowledge=bad),
], ids=["advise", "why_not", "diagnose-case", "diagnose-advice", "corpus_coverage", "sweep", "verify",
        "coverage", "to_clips", "advice_schema"])
@pytest.mark.parametrize("bad", [5, b"knowledge", ["knowledge"]], ids=["int", "bytes", "list"])
def test_anything_else_is_refused_naming_the_argument(call, bad):
    """Neither a knowledge base nor a path: interorg's UsageError, naming the argument and what it got.

    The advice schema, asked for in Dutch, refuses in Dutch; its English is the others'.
    """
    with pytest.raises(UsageError) as caught:
        call(bad)
    english = f"knowledge: expected an interorg.KnowledgeBase or the path of a knowledge folder; got {type(bad).__name__}"
    dutch = f"knowledge: verwacht een interorg.KnowledgeBase of het pad van een kennismap; gekregen: {type(bad).__name__}"
    assert str(caught.value) == {"en": english, "nl": dutch}[caught.value.lang]
    assert str(caught.value.in_language("en")) == english


def test_a_missing_folder_is_a_knowledge_error(tmp_path):
    """A path that names no folder says so as the loader does."""
    with pytest.raises(interorg.KnowledgeError, match="does not exist"):
        knowledge_base(tmp_path / "nowhere")


class _Recording(concurrent.futures.ThreadPoolExecutor):
    """An executor that notes the knowledge each task is sent."""

    def __init__(self):
        super().__init__(max_workers=1)
        self.sent = []

    def submit(self, fn, *args, **kwargs):
        self.sent.append(args[-1])
        return super().submit(fn, *args, **kwargs)


def test_sweep_sends_its_workers_the_folder_of_a_knowledge_base(knowledge_copy):
    """A knowledge base loaded from a folder reaches the workers as that folder's path; the shipped one as None."""
    base = {"care": {"supply_in_municipality": True}}
    with _Recording() as executor:
        result = interorg.sweep(base, {"care.demand": None}, executor=executor, progress=False,
                                knowledge=interorg.load_knowledge(knowledge_copy))
    assert executor.sent == [str(knowledge_copy.absolute())]
    with _Recording() as executor:
        shipped = interorg.sweep(base, {"care.demand": None}, executor=executor, progress=False,
                                 knowledge=interorg.load_knowledge())
    assert executor.sent == [None]
    assert result.results == shipped.results


def test_sweep_advises_in_this_process_with_a_knowledge_base_built_in_python():
    """A knowledge base without a folder runs in this process; with an executor it is refused."""
    built = attrs.evolve(interorg.load_knowledge())  # a copy, as research code builds one: no folder
    base = {"care": {"supply_in_municipality": True}}
    result = interorg.sweep(base, {"care.demand": None}, workers=2, progress=False, knowledge=built)
    assert [r["inputs"]["care.demand"] for r in result.results] == ["standard", "complex", None]
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor, \
            pytest.raises(UsageError, match="cannot be sent to the executor's workers"):
        interorg.sweep(base, {"care.demand": None}, executor=executor, progress=False, knowledge=built)


def test_a_path_object_is_taken_for_any_os_pathlike(knowledge_copy):
    """Any os.PathLike names a folder, not only pathlib's."""
    class Where:
        def __fspath__(self):
            return str(knowledge_copy)

    assert knowledge_base(Where()) is interorg.load_knowledge(pathlib.Path(knowledge_copy))

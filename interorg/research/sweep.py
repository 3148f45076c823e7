"""Sweep the input space: advise on every combination of some inputs of a case, in parallel on any executor.

:func:`sweep` takes a base case and, for each varied path (``care.demand``,
``relationships[0].trust``), the values to try; a path's values default to
the values the case model allows there plus unknown (the key left out).
Every combination is advised on an ``concurrent.futures.Executor`` (a
process pool by default; ``dask.distributed.Client(...).get_executor()``
works unchanged), in chunks, each worker loading the knowledge once.  The
results come back in the order of the combinations whatever the executor,
can be streamed as JSON lines, and summed up: the combinations on which a
model that applies concludes nothing, and those on which the conclusions of
an exclusive group clash.  Whether a model applies is the advice's status of
it (``applied``, ``partial`` or ``not_applied``: how much of what it needs
the combination gives), in the results and in the summary alike.
"""

import concurrent.futures
import copy
import functools
import itertools
import json

import attrs

from ..analysis.knowledge import KnowledgeBase, knowledge_base, load_knowledge
from ..case import case_from_dict, case_to_dict, load_case
from ..case.model import Case
from ..engine.conflicts import resolve
from ..engine.translation import problems_in_lang
from ..engine.wording import counted, fill
from ..errors import CaseError, MissingDependency, UsageError
from ..pipeline import LANGUAGES, advise
from ..utils.casepaths import set_value
from .paths import check_paths

__all__ = ["SweepResult", "sweep"]

_CHUNK = 8


@functools.lru_cache(maxsize=None)
def _knowledge(path):
    # once per worker process: a worker advises many chunks
    return load_knowledge(path)


def _advise_chunk(chunk, lang, knowledge):
    """Advise on a chunk of ``(index, inputs, case data)``; return one plain result per combination.

    ``knowledge`` is a KnowledgeBase in this process, or for a worker the
    path of its folder (None for the shipped one), loaded once.
    """
    if not isinstance(knowledge, KnowledgeBase):
        knowledge = _knowledge(knowledge)
    out = []
    for index, inputs, data in chunk:
        record = {"index": index, "inputs": inputs}
        try:
            advice = advise(case_from_dict(data), lang=lang, knowledge=knowledge)
        except CaseError as exc:
            out.append({**record, "error": [str(p) for p in exc.problems], "conclusions": [],
                        "models": {}, "inconsistent": []})
            continue
        resolution = resolve(advice.conclusions, knowledge, lang)
        # the advice's own status and count, so that the results and the summary use its words
        models = {m.id: {"status": m.status, "conclusions": m.conclusions} for m in advice.models}
        out.append({**record, "error": None, "conclusions": [c.key for c in advice.conclusions],
                    "models": models, "inconsistent": sorted({i.group for i in resolution.inconsistencies})})
    return out


@attrs.frozen(repr=False)
class SweepResult:
    """The advice on every combination of a sweep, in the order of the combinations.

    Attributes
    ----------
    paths : tuple of str
        The varied paths.
    results : tuple of dict
        Per combination: ``index``, ``inputs`` (path to value, None for
        unknown), ``conclusions`` (keys), ``models`` (for every model of the
        knowledge, in its order: ``{"status": ..., "conclusions": n}``, the
        advice's status, ``applied``, ``partial`` or ``not_applied`` by how
        much of what the model needs the combination gives, and the number
        of its conclusions), ``inconsistent`` (exclusive groups that
        clashed) and ``error`` (the case problems of an invalid combination;
        then ``models`` is empty).
    models : tuple of str
        Every model id of the knowledge, in its order.
    lang : {'en', 'nl'}
        The language of :meth:`to_text`.
    """

    paths: tuple
    results: tuple
    models: tuple
    lang: str = "en"

    def summary(self):
        """Per model that applies, the combinations on which it concludes nothing; per exclusive group, clashes.

        A model applies on a combination whose status of it is ``applied``
        or ``partial`` (the combination gives all or some of what it needs);
        one that applies on no combination is listed under ``not_applied``
        instead, since its silence says nothing about the rules.  Such a
        model may still conclude, where its rules draw on what other rules
        concluded: ``not_applied_concluding`` gives the combinations on
        which it does.  Returns a dict ``{"no_conclusion": {model: [index,
        ...]}, "not_applied": [model, ...], "not_applied_concluding": {model:
        [index, ...]}, "inconsistent": {group: [index, ...]}, "invalid":
        [index, ...]}``, models in the knowledge's order, every list sorted.
        """
        valid = [r for r in self.results if r["error"] is None]

        def applies(result, model):
            return result["models"][model]["status"] != "not_applied"

        silent = {model: [r["index"] for r in valid if applies(r, model) and not r["models"][model]["conclusions"]]
                  for model in self.models}
        not_applied = [model for model in self.models if not any(applies(r, model) for r in valid)] if valid else []
        concluding = {model: [r["index"] for r in valid if r["models"][model]["conclusions"]]
                      for model in not_applied}
        groups = {}
        for result in valid:
            for group in result["inconsistent"]:
                groups.setdefault(group, []).append(result["index"])
        return {"no_conclusion": {m: i for m, i in silent.items() if i},
                "not_applied": not_applied,
                "not_applied_concluding": {m: i for m, i in concluding.items() if i},
                "inconsistent": groups, "invalid": [r["index"] for r in self.results if r["error"] is not None]}

    def to_dict(self):
        """JSON-ready data: the paths, every result and the summary."""
        return {"paths": list(self.paths), "results": list(self.results), "summary": self.summary()}

    def to_text(self):
        """The summary in words, in :attr:`lang`: models without a conclusion, clashing groups, invalid cases.

        Each count names the first of its combinations by its varied inputs,
        and by its index in :attr:`results` (from 0).

        Examples
        --------
        >>> result = sweep({"care": {"supply_in_municipality": True}}, {"care.demand": None},
        ...                progress=False, workers=0, lang="nl")
        >>> print(result.to_text().splitlines()[1])
          geen conclusie van kenis.need: 1 combinatie, met care.demand = onbekend (index 2)
        """
        summary = self.summary()
        messages = _knowledge(None).labels(self.lang)

        def line(key, indices, **values):
            # the index as a name, not a quantity: written as in the JSON, never grouped as 1.234
            return "  " + counted(messages, key, len(indices), self.lang, first=str(indices[0]),
                                  inputs=_inputs(messages, self.results[indices[0]]["inputs"]), **values)

        lines = [counted(messages, "sweep_combinations", len(self.results), self.lang, paths=", ".join(self.paths))]
        lines += [line("sweep_no_conclusion", i, model=m) for m, i in summary["no_conclusion"].items()]
        lines += [line("sweep_clash", i, group=g) for g, i in summary["inconsistent"].items()]
        if summary["invalid"]:
            lines.append(line("sweep_invalid", summary["invalid"]))
        if summary["not_applied"]:
            lines.append("  " + counted(messages, "sweep_not_applied", len(summary["not_applied"]), self.lang))
        lines += [line("sweep_not_applied_concluding", i, model=m)
                  for m, i in summary["not_applied_concluding"].items()]
        return "\n".join(lines) + "\n"

    def to_frame(self):
        """A ``pandas.DataFrame``: one row per combination, a column per varied path and per conclusion.

        A conclusion's column is True where it was drawn.  Needs pandas
        (``pip install 'interorg[sweep]'``).
        """
        try:
            import pandas
        except ImportError as exc:
            raise MissingDependency("SweepResult.to_frame needs pandas: pip install 'interorg[sweep]'") from exc
        keys = sorted({key for r in self.results for key in r["conclusions"]})
        rows = []
        for result in self.results:
            drawn = set(result["conclusions"])
            rows.append({**result["inputs"], **{key: key in drawn for key in keys}})
        return pandas.DataFrame(rows, index=pandas.Index([r["index"] for r in self.results], name="combination"),
                                columns=list(self.paths) + keys)

    def __len__(self):
        return len(self.results)

    def __repr__(self):
        return f"<SweepResult: {len(self.results)} combinations of {', '.join(self.paths)}>"


def _inputs(messages, inputs):
    """A combination's varied inputs in words: ``care.demand = complex, care.origin = unknown``.

    A value is written as ``--vary`` takes it (true and false as in a case
    file); a path left out is unknown, in the language of ``messages``.
    """
    def value(v):
        if v is None:
            return messages["sweep_unknown"]
        return json.dumps(v) if isinstance(v, bool) else str(v)

    return ", ".join(fill(messages["sweep_input"], path=path, value=value(v)) for path, v in inputs.items())


def _base_data(base_case):
    if isinstance(base_case, Case):
        return case_to_dict(base_case)
    if isinstance(base_case, dict):
        return copy.deepcopy(base_case)
    return case_to_dict(load_case(base_case))


def _combinations(data, vary):
    paths = tuple(vary)
    for index, combination in enumerate(itertools.product(*check_paths(data, vary))):
        case = copy.deepcopy(data)
        for path, value in zip(paths, combination):
            set_value(case, path, value)
        yield index, dict(zip(paths, combination)), case


def _check_arguments(vary, workers, lang):
    """Raise UsageError naming what was expected, for every argument of :func:`sweep` that cannot work."""
    problems = []
    if not isinstance(vary, dict) or not vary:
        problems.append(f"vary: expected a mapping of one or more case paths to their values; got {vary!r}")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 0):
        problems.append(f"workers: expected 0 (advise in this process) or more worker processes; got {workers!r}")
    if lang not in LANGUAGES:
        problems.append(f"lang: expected one of {', '.join(LANGUAGES)}; got {lang!r}")
    if problems:
        raise UsageError("\n".join(problems))


def _computed(executor, tasks, lang, knowledge, knowledge_path):
    """The results of every task, a chunk at a time as each is computed (in this process: one by one)."""
    if executor is None:
        for task in tasks:
            yield _advise_chunk([task], lang, knowledge)
        return
    pending = [executor.submit(_advise_chunk, tasks[start:start + _CHUNK], lang, knowledge_path)
               for start in range(0, len(tasks), _CHUNK)]
    for future in concurrent.futures.as_completed(pending):
        yield future.result()


def _bar(progress, total):
    if not progress:
        return None
    try:
        from tqdm import tqdm
    except ImportError as exc:
        raise MissingDependency("a sweep's progress bar needs tqdm: pip install 'interorg[sweep]', "
                                "or pass progress=False") from exc
    return tqdm(total=total, unit="case")


@problems_in_lang
def sweep(base_case, vary, executor=None, progress=True, lang="en", knowledge=None, out=None, workers=None):
    """Advise on every combination of the varied inputs of a case, in parallel.

    Parameters
    ----------
    base_case : Case, dict, str or os.PathLike
        The case whose other inputs stay as they are.
    vary : dict of str to sequence or None
        For each case path (as a case file writes it: ``care.demand``,
        ``partners[0].fit.strategic``), the values to try (None: leave it
        out, unknown); one text, number or boolean alone is the one value
        to try (``"standard"``, not its letters); None instead of a
        sequence takes the values the case model allows there plus unknown.
        Combinations follow the order of the paths.
    executor : concurrent.futures.Executor, optional
        Where to advise; by default a process pool of ``workers`` processes,
        shut down at the end.  ``workers=0`` advises in this process.
    progress : bool
        Show a tqdm progress bar (needs tqdm, in the ``sweep`` extra).
    lang : {'en', 'nl'}
    knowledge : KnowledgeBase, str or os.PathLike, optional
        A knowledge directory (each worker loads it once), or a knowledge
        base: the workers load the folder it was loaded from, and one built
        in Python (whose :attr:`~interorg.KnowledgeBase.folder` is None) is
        advised with in this process.  By default the shipped knowledge.
    out : file-like, optional
        Where to stream each result as a JSON line, in the order of the
        combinations.
    workers : int, optional
        The size of the default process pool (by default the CPUs).

    Returns
    -------
    SweepResult

    Raises
    ------
    CaseError
        For every varied path that is not in the case model, has no finite
        values and none given, or names an item the base case lacks.
    UsageError
        For ``workers`` below 0, an unknown ``lang`` or an empty ``vary``;
        for ``knowledge`` that is neither a knowledge base nor a path, or a
        knowledge base built in Python given with an ``executor``.

    Examples
    --------
    >>> result = sweep({"care": {"supply_in_municipality": True}}, {"care.demand": None},
    ...                progress=False, workers=0)
    >>> [r["inputs"]["care.demand"] for r in result.results]
    ['standard', 'complex', None]
    >>> result.summary()["no_conclusion"]["kenis.need"]
    [2]
    >>> result.results[2]["models"]["kenis.need"]
    {'status': 'partial', 'conclusions': 0}
    """
    _check_arguments(vary, workers, lang)
    kb = knowledge_base(knowledge)
    # what a worker process is sent: the path of a folder to load, never the knowledge itself
    knowledge_path = None if kb is load_knowledge() else kb.folder
    if knowledge_path is None and kb is not load_knowledge() and executor is not None:
        raise UsageError("knowledge: a knowledge base built in Python cannot be sent to the executor's workers;"
                         " give the path of its folder, or no executor to advise in this process")
    data = _base_data(base_case)
    tasks = list(_combinations(data, vary))
    bar = _bar(progress, len(tasks))
    own = executor is None and workers != 0 and (knowledge_path is not None or kb is load_knowledge())
    if own:
        executor = concurrent.futures.ProcessPoolExecutor(max_workers=workers)
    done, written = {}, 0
    try:
        for chunk in _computed(executor, tasks, lang, kb, knowledge_path):
            for result in chunk:
                done[result["index"]] = result
            if bar is not None:
                bar.update(len(chunk))
            while out is not None and written in done:  # stream in order: what is complete from the start
                out.write(json.dumps(done[written], ensure_ascii=False, sort_keys=True) + "\n")
                written += 1
            if out is not None:
                out.flush()
    finally:
        if own:
            executor.shutdown(cancel_futures=True)
        if bar is not None:
            bar.close()
    results = tuple(done[index] for index in range(len(tasks)))
    return SweepResult(tuple(vary), results, tuple(model.id for model in kb.models), lang)

"""Sweep the input space: advise on every combination of some inputs of a case, in parallel on any executor.

:func:`sweep` takes a base case and, for each varied path (``care.demand``,
``relationships[0].trust``), the values to try; a path's values default to
its field's values in the vocabulary plus unknown (the key left out).
Every combination is advised on an ``concurrent.futures.Executor`` (a
process pool by default; ``dask.distributed.Client(...).get_executor()``
works unchanged), in chunks, each worker loading the knowledge once.  The
results come back in the order of the combinations whatever the executor,
can be streamed as JSON lines, and summed up: the combinations on which a
model concludes nothing, and those on which the conclusions of an exclusive
group clash.
"""

import concurrent.futures
import copy
import functools
import itertools
import json
import os
import re

import attrs

from ..analysis.knowledge import load_knowledge
from ..case import case_from_dict, case_to_dict, load_case
from ..case.model import Case
from ..engine.conflicts import resolve
from ..errors import CaseError, InterorgError, MissingDependency
from ..pipeline import advise

__all__ = ["SweepResult", "sweep", "vocabulary_values"]

_SEGMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")
_CHUNK = 8


def _segments(path):
    """``relationships[0].trust`` as ``['relationships', 0, 'trust']``."""
    out = []
    for part in path.split("."):
        match = _SEGMENT.fullmatch(part)
        if not match:
            raise InterorgError(f"'{path}' is not a case path such as care.demand or relationships[0].trust")
        out.append(match.group(1))
        out.extend(int(index) for index in re.findall(r"\[(\d+)\]", match.group(2)))
    return out


def vocabulary_values(path, knowledge=None):
    """The values a case path takes in the vocabulary, then None (unknown).

    Examples
    --------
    >>> vocabulary_values("care.demand")
    ('standard', 'complex', None)
    >>> vocabulary_values("relationships[0].fear")
    (True, False, None)
    """
    knowledge = knowledge or load_knowledge()
    plain = re.sub(r"\[\d+\]", "", path)
    section, _, field = plain.rpartition(".")
    for fact_type in knowledge.facts.values():
        if fact_type.case_path == section and field in fact_type.fields:
            field_def = fact_type.fields[field]
            if field_def.type == "enum":
                return tuple(field_def.values) + (None,)
            if field_def.type == "bool":
                return (True, False, None)
    raise InterorgError(f"{path}: the vocabulary gives no finite values for it; give them as {path}=A,B,...")


def _set(data, path, value):
    """Set ``path`` in the plain data of a case; None leaves the key out (unknown)."""
    segments = _segments(path)
    node = data
    for segment, following in zip(segments, segments[1:]):
        if isinstance(segment, int):
            if not isinstance(node, list) or segment >= len(node):
                raise InterorgError(f"{path}: the base case has no item {segment} there")
            node = node[segment]
        else:
            node = node.setdefault(segment, [] if isinstance(following, int) else {})
    last = segments[-1]
    if value is None:
        if isinstance(node, dict):
            node.pop(last, None)
    else:
        node[last] = value


@functools.lru_cache(maxsize=None)
def _knowledge(path):
    # once per worker process: a worker advises many chunks
    return load_knowledge(path)


def _advise_chunk(chunk, lang, knowledge_path):
    """Advise on a chunk of ``(index, inputs, case data)``; return one plain result per combination."""
    knowledge = _knowledge(knowledge_path)
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
        models = {}
        for conclusion in advice.conclusions:
            models[conclusion.model] = models.get(conclusion.model, 0) + 1
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
        unknown), ``conclusions`` (keys), ``models`` (model id to the number
        of its conclusions), ``inconsistent`` (exclusive groups that
        clashed) and ``error`` (the case problems of an invalid combination).
    models : tuple of str
        Every model id of the knowledge, in its order.
    """

    paths: tuple
    results: tuple
    models: tuple

    def summary(self):
        """Per model, the combinations on which it concludes nothing; per exclusive group, those that clash.

        Returns a dict ``{"no_conclusion": {model: [index, ...]}, "inconsistent":
        {group: [index, ...]}, "invalid": [index, ...]}``, every list sorted.
        """
        valid = [r for r in self.results if r["error"] is None]
        silent = {model: [r["index"] for r in valid if not r["models"].get(model)] for model in self.models}
        groups = {}
        for result in valid:
            for group in result["inconsistent"]:
                groups.setdefault(group, []).append(result["index"])
        return {"no_conclusion": {m: i for m, i in silent.items() if i}, "inconsistent": groups,
                "invalid": [r["index"] for r in self.results if r["error"] is not None]}

    def to_dict(self):
        """JSON-ready data: the paths, every result and the summary."""
        return {"paths": list(self.paths), "results": list(self.results), "summary": self.summary()}

    def to_text(self):
        """The summary in words: combinations, models without a conclusion, clashing groups, invalid ones."""
        summary = self.summary()
        lines = [f"{len(self.results)} combinations of {', '.join(self.paths)}"]
        for model, indices in summary["no_conclusion"].items():
            lines.append(f"  no conclusion of {model}: {len(indices)} combination(s)")
        for group, indices in summary["inconsistent"].items():
            lines.append(f"  exclusive group {group} clashes: {len(indices)} combination(s), first {indices[0]}")
        if summary["invalid"]:
            lines.append(f"  invalid case: {len(summary['invalid'])} combination(s), first {summary['invalid'][0]}")
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


def _base_data(base_case):
    if isinstance(base_case, Case):
        return case_to_dict(base_case)
    if isinstance(base_case, dict):
        return copy.deepcopy(base_case)
    return case_to_dict(load_case(base_case))


def _combinations(data, vary, knowledge):
    paths = tuple(vary)
    values = [tuple(vary[p]) if vary[p] is not None else vocabulary_values(p, knowledge) for p in paths]
    for index, combination in enumerate(itertools.product(*values)):
        case = copy.deepcopy(data)
        for path, value in zip(paths, combination):
            _set(case, path, value)
        yield index, dict(zip(paths, combination)), case


def _bar(progress, total):
    if not progress:
        return None
    try:
        from tqdm import tqdm
    except ImportError as exc:
        raise MissingDependency("a sweep's progress bar needs tqdm: pip install 'interorg[sweep]', "
                                "or pass progress=False") from exc
    return tqdm(total=total, unit="case")


def sweep(base_case, vary, executor=None, progress=True, lang="en", knowledge=None, out=None, workers=None):
    """Advise on every combination of the varied inputs of a case, in parallel.

    Parameters
    ----------
    base_case : Case, dict, str or os.PathLike
        The case whose other inputs stay as they are.
    vary : dict of str to sequence or None
        For each case path, the values to try (None: leave it out, unknown);
        None instead of a sequence takes the field's vocabulary values plus
        unknown.  Combinations follow the order of the paths.
    executor : concurrent.futures.Executor, optional
        Where to advise; by default a process pool of ``workers`` processes,
        shut down at the end.  ``workers=0`` advises in this process.
    progress : bool
        Show a tqdm progress bar (needs tqdm, in the ``sweep`` extra).
    lang : {'en', 'nl'}
    knowledge : str or os.PathLike, optional
        A knowledge directory (each worker loads it once); by default the
        shipped knowledge.
    out : file-like, optional
        Where to stream each result as a JSON line, in the order of the
        combinations.
    workers : int, optional
        The size of the default process pool (by default the CPUs).

    Returns
    -------
    SweepResult

    Examples
    --------
    >>> result = sweep({"care": {"supply_in_municipality": True}}, {"care.demand": None},
    ...                progress=False, workers=0)
    >>> [r["inputs"]["care.demand"] for r in result.results]
    ['standard', 'complex', None]
    >>> result.summary()["no_conclusion"]["kenis.need"]
    [2]
    """
    knowledge_path = None if knowledge is None else os.fspath(knowledge)
    kb = _knowledge(knowledge_path)
    data = _base_data(base_case)
    tasks = list(_combinations(data, vary, kb))
    chunks = [tasks[start:start + _CHUNK] for start in range(0, len(tasks), _CHUNK)]
    bar = _bar(progress, len(tasks))
    own = executor is None and workers != 0
    if own:
        executor = concurrent.futures.ProcessPoolExecutor(max_workers=workers)
    done, written = {}, 0
    try:
        if executor is None:
            pending = [concurrent.futures.Future() for _ in chunks]
            for future, chunk in zip(pending, chunks):
                future.set_result(_advise_chunk(chunk, lang, knowledge_path))
        else:
            pending = [executor.submit(_advise_chunk, chunk, lang, knowledge_path) for chunk in chunks]
        for future in concurrent.futures.as_completed(pending):
            for result in future.result():
                done[result["index"]] = result
            if bar is not None:
                bar.update(len(future.result()))
            while out is not None and written in done:  # stream in order: what is complete from the start
                out.write(json.dumps(done[written], ensure_ascii=False, sort_keys=True) + "\n")
                written += 1
    finally:
        if own:
            executor.shutdown(cancel_futures=True)
        if bar is not None:
            bar.close()
    results = tuple(done[index] for index in range(len(tasks)))
    return SweepResult(tuple(vary), results, tuple(model.id for model in kb.models))

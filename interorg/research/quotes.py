"""Whether the knowledge quotes its seed documents word for word: the check ``quote`` of ``interorg verify``.

Every citation of a seed (a document shipped in ``knowledge/sources/``)
names a heading or phrase (``where``) and may quote a passage (``quote``);
both must stand in the document as they are cited, white space and line
breaks aside.  A citation of an external source quotes nothing: nothing
shipped could show it.  The records that cite are the rules and models of
the engine's grammar and any record of the domain with ``sources`` (the
archetypes, interventions and conflicts).
"""

import importlib.resources
import pathlib
import re

from ..engine.verify import VerifyFinding

__all__ = ["quote_findings"]


def _normalised(text):
    return re.sub(r"\s+", " ", text).strip()


def _citing(knowledge):
    """``(file, owner, ref)`` of every citation: each record's file where the knowledge knows it."""
    for rule in knowledge.rules:
        for ref in rule.sources:
            yield rule.file or "rules", rule.id, ref
    for model in knowledge.models:
        for ref in model.sources:
            yield "models.yaml", model.id, ref
    for name, file in (("archetypes", "interventions.yaml"), ("interventions", "interventions.yaml"),
                       ("exclusions", "conflicts.yaml"), ("defeats", "conflicts.yaml")):
        for record in getattr(knowledge, name, ()):
            for ref in getattr(record, "sources", ()):
                yield file, getattr(record, "id", name), ref


def quote_findings(knowledge, root=None):
    """The citations of ``knowledge`` that do not quote their seed word for word, as errors of the check ``quote``.

    Parameters
    ----------
    knowledge : KnowledgeBase
    root : str or os.PathLike, optional
        The knowledge folder the seeds are read from; by default the
        shipped one.

    Returns
    -------
    tuple of VerifyFinding

    Examples
    --------
    >>> import interorg
    >>> quote_findings(interorg.load_knowledge())
    ()
    """
    folder = importlib.resources.files("interorg.knowledge") if root is None else pathlib.Path(root)
    # a citation taken by 'like' (or copied) is one fault, said at its first rule
    texts, findings, said = {}, [], set()
    for file, owner, ref in _citing(knowledge):
        source = knowledge.sources.get(ref.source)
        if source is None or source.kind != "seed":
            if source is not None and ref.quote:
                findings.append(VerifyFinding("error", "quote", file, owner, f"quotes {ref.source}, which is not"
                                              " shipped: an external source is cited by subject only"))
            continue
        if ref.source not in texts:
            try:
                texts[ref.source] = _normalised(folder.joinpath("sources", source.file).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                texts[ref.source] = None
                findings.append(VerifyFinding("error", "quote", "sources.yaml", ref.source,
                                              f"the seed file sources/{source.file} cannot be read"))
        text = texts[ref.source]
        if text is None:
            continue
        if _normalised(ref.where) not in text and (ref.source, "where", ref.where) not in said:
            said.add((ref.source, "where", ref.where))
            findings.append(VerifyFinding("error", "quote", file, owner, f"the heading or phrase (where)"
                                          f" {ref.where!r} is not in {ref.source} word for word"))
        if ref.quote and _normalised(ref.quote) not in text and (ref.source, "quote", ref.quote) not in said:
            said.add((ref.source, "quote", ref.quote))
            findings.append(VerifyFinding("error", "quote", file, owner,
                                          f"the quote {ref.quote!r} is not in {ref.source} word for word"))
    return tuple(findings)

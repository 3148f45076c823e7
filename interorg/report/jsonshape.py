"""How the conclusions and their explanations are written in the advice's JSON: everything shared, once.

At the example's size most of a naive JSON is repetition: a rule's
citations repeated for every subject it concludes on, each source's title
and author repeated in every citation, an input fact's values repeated in
every explanation that cites it, the words for a field's value repeated in
every evidence that names it, a cited conclusion's title repeated in every
explanation that rests on it, and whole sub-explanations repeated in every
explanation that rests on them.  Schema 4 writes each of these once:

* ``rules``: per rule id, its ``reason`` (when derived) and its citations,
  each naming a source by id;
* ``sources``: per source id, its title, author, year and document;
* ``inputs``: per input fact cited by an explanation (by its position in
  the order first cited), its fact type, path and values, and in ``shown``
  the words for each field an explanation names (``field = value``, or the
  field not given);
* ``explanations``: per conclusion key, its supports; an evidence is
  ``{"input": position, "fields": [field]}``, the fields its condition
  tested, or ``{"conclusion": key}``, the key naming the earlier
  conclusion's entry in ``conclusions`` (its title and subject) and its own
  explanation.

The shape is documented in the README ("The advice as JSON") and, for
validators, as a JSON Schema (draft 2020-12) in ``advice.schema.json``
(:func:`advice_schema`); the tests validate every case of the corpus
against it.
"""

import importlib.resources
import json
import operator
import re

from ..engine.results import plain
from ..engine.translation import problems_in_lang

__all__ = ["CONCLUSION_FIELDS", "SCHEMA_FILE", "SCHEMA_VERSION", "advice_schema", "advice_schema_text",
           "conclusion_dict", "explanations_table", "rules_table", "schema_texts", "sources_table"]

#: Version of the shape of :meth:`Advice.to_dict <interorg.Advice.to_dict>`; raised on any incompatible change.
#: 2: a ``plan``; every conclusion in one list ``conclusions``, with its ``key``, ``priority``,
#: ``status`` and conflicts; ``advice`` lists the keys of what is advice, by kind; each
#: explanation is written once, in ``explanations`` under the conclusion's key.
#: 3: what is shared is written once: each rule's reason and citations in ``rules``, each
#: source in ``sources``, each cited input in ``inputs``; an evidence names an input by its
#: position or an earlier conclusion by its key; ``to_json`` is compact unless indented.
#: 4: an input's evidence names the fields tested, the words for them once in the input's
#: ``shown``; a conclusion's evidence is its key alone (its title is in ``conclusions``).
#: 5: an archetype's numbers are its ``weighing``'s alone; ``signs_for``, ``signs_against`` and
#: ``balance`` (counts of indicator rules, shown by no other rendering) are gone.
#: 6: ``knowledge`` names the knowledge base the advice was drawn from and its fingerprint.
SCHEMA_VERSION = 6

#: The JSON Schema of the advice, shipped in this package.
SCHEMA_FILE = "advice.schema.json"


@problems_in_lang
def advice_schema(lang="en", knowledge=None):
    """The JSON Schema (draft 2020-12) of :meth:`Advice.to_dict <interorg.Advice.to_dict>`, as a new dict.

    Strict: every object lists all its fields and allows no others, so a
    validator also catches a field a tool misspells.

    Parameters
    ----------
    lang : {'en', 'nl'}
        The language of its title and descriptions; the fields and values
        are the same in both.
    knowledge : KnowledgeBase, str or os.PathLike, optional
        Whose ``advice_format`` gives the Dutch (or the path of its folder);
        by default the shipped one.

    Examples
    --------
    >>> schema = advice_schema()
    >>> schema["properties"]["schema_version"]
    {'const': 6}
    >>> schema["$defs"]["conclusion"]["properties"]["status"]["enum"]
    ['advice', 'step', 'set-aside', 'held-back']
    >>> advice_schema("nl")["properties"]["plan"]["description"]
    'Hoogstens zeven acties, de belangrijkste eerst.'
    """
    return json.loads(advice_schema_text(lang, knowledge))


@problems_in_lang
def advice_schema_text(lang="en", knowledge=None):
    """The text of ``advice.schema.json``: as shipped in English, its texts in Dutch for ``lang='nl'``.

    ``interorg schema --advice [--lang nl]`` prints it.  The Dutch keeps the
    shipped layout: only each title and description is replaced, by its
    entry in ``knowledge/advice_format.yaml``.
    """
    if lang not in ("en", "nl"):
        raise ValueError(f"expected the language en or nl; got {lang!r}")
    text = importlib.resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    if lang == "en":
        return text
    from ..analysis.knowledge import knowledge_base  # only the Dutch schema needs the knowledge

    knowledge = knowledge_base(knowledge)
    said = {entry.en: entry.get(lang) for entry in knowledge.advice_format.values()}

    def translated(match):
        english = json.loads(match.group(2))
        return f'"{match.group(1)}": ' + json.dumps(said.get(english, english), ensure_ascii=False)

    return _TEXT_MEMBER.sub(translated, text)


#: A title or description of the schema, with a string value (a field named ``title`` has an object).
_TEXT_MEMBER = re.compile(r'"(title|description)": ("(?:[^"\\]|\\.)*")')


def schema_texts(schema):
    """Every title and description of a JSON Schema, in the order they stand.

    Examples
    --------
    >>> list(schema_texts({"title": "t", "properties": {"title": {"type": "string", "description": "d"}}}))
    ['t', 'd']
    """
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key in ("title", "description") and isinstance(value, str):
                yield value
            else:
                yield from schema_texts(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from schema_texts(value)

#: The fields of a conclusion that its JSON entry carries itself; its rule's
#: reason and citations are in ``rules``, its explanation under its key.
CONCLUSION_FIELDS = ("id", "kind", "subject", "subject_label", "model", "title", "text", "basis",
                     "priority", "weight")

# the fields read in one call, not by a getattr per field in a comprehension
_conclusion_fields = operator.attrgetter(*CONCLUSION_FIELDS)


def conclusion_dict(conclusion):
    """A conclusion's own fields as JSON-ready data (its rule's citations are in :func:`rules_table`).

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> data = conclusion_dict(advice.conclusions[0])
    >>> data["id"], data["basis"], "sources" in data
    ('kenis.need.multi-organisation-network', 'source', False)
    """
    # every one of these fields is a text, or None: nothing to convert
    return dict(zip(CONCLUSION_FIELDS, _conclusion_fields(conclusion)))


def rules_table(conclusions):
    """``{rule id: {"reason", "sources"}}`` for the rules of ``conclusions``, in their order.

    ``reason`` says why a derived rule holds (None for one from the
    source); each citation is ``{"source", "where", "quote"}``, its source
    described once in :func:`sources_table`.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> rules_table(advice.conclusions)["kenis.need.multi-organisation-network"]["sources"][0]["source"]
    'kenis-2011'
    """
    table = {}
    for conclusion in conclusions:
        if conclusion.id not in table:
            table[conclusion.id] = {
                "reason": conclusion.reason,
                "sources": [{"source": c.source, "where": c.where, "quote": c.quote} for c in conclusion.sources],
            }
    return table


def sources_table(conclusions):
    """``{source id: {"title", "author", "year", "document"}}`` for every source the conclusions cite.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> sources_table(advice.conclusions)["kenis-2011"]["author"]
    'Patrick Kenis'
    """
    table = {}
    for conclusion in conclusions:
        for citation in conclusion.sources:
            if citation.source not in table:
                table[citation.source] = {"title": citation.title, "author": citation.author,
                                          "year": citation.year, "document": citation.document}
    return dict(sorted(table.items()))


def _key(rule, subject):
    return rule if subject is None else f"{rule}[{subject}]"


class _Inputs:
    """The input facts cited, each given a position once: the first place it is cited."""

    def __init__(self):
        self.table = {}
        # (fact, path) -> [[values, their repr or None, position], ...]: one input is one
        # (fact, path, repr of its values), but a path has one set of values in all but
        # the rarest advice, so a repr is made only when a second one comes
        self._paths = {}
        # id(values) -> (values, fact, path, position, shown): the evidence of one input
        # shares its values, so most evidence is placed by this one look-up
        self._placed = {}

    def position(self, evidence):
        """The input's position; the words for the fields ``evidence`` names are added to its ``shown``."""
        # Evidence of one input is built once per pattern that cites it; its
        # path and values are the same whichever pattern, so they key it.
        values = evidence.values
        known = self._placed.get(id(values))
        if known is not None and known[0] is values and known[1] == evidence.fact and known[2] == evidence.path:
            found, shown = known[3], known[4]
        else:
            found = self._find(evidence.fact, evidence.path, values)
            shown = self.table[found]["shown"]
            # the values are held here, so that their id names no other object while the table is made
            self._placed[id(values)] = (values, evidence.fact, evidence.path, found, shown)
        # a field's words depend on its value alone, the same whichever condition names it
        for name, part in zip(evidence.fields, evidence.parts):
            if name not in shown:
                shown[name] = part
        return found

    def _find(self, fact, path, values):
        entries = self._paths.setdefault((fact, path), [])
        if entries:
            text = repr(values)
            for entry in entries:
                if entry[1] is None:
                    entry[1] = repr(entry[0])
                if entry[1] == text:
                    return entry[2]
        found = len(self.table)
        self.table[found] = {"fact": fact, "path": path, "values": plain(values), "shown": {}}
        entries.append([values, None, found])
        return found


def _evidence(evidence, inputs):
    if evidence.type == "input":
        return {"input": inputs.position(evidence), "fields": list(evidence.fields)}
    return {"conclusion": _key(evidence.rule, evidence.subject)}


def explanations_table(conclusions, keys=None):
    """``(explanations, inputs)``: each conclusion's supports under its key, and the inputs they cite.

    ``explanations`` maps every conclusion's key, in the advice's order, to
    its supports: ``[{"evidence": [...], "absent": [str]}]``.  An evidence
    is ``{"input": n, "fields": [field]}``, with ``inputs[n]`` the input
    fact's ``{"fact", "path", "values", "shown"}`` (``shown`` gives the words
    for each field named), or ``{"conclusion": key}``, whose own
    explanation is the entry under ``key``.  ``inputs`` maps each position
    (as a string, since JSON keys are) to its input.  An evidence's summary
    is ``path + ": " + "; ".join(shown[f] for f in fields)`` for an input,
    and the cited conclusion's title (with ``": "`` and its
    ``subject_label`` when the title does not name it) for a conclusion.
    ``keys``, where the caller has made them, are the conclusions' keys in
    their order.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> explanations, inputs = explanations_table(advice.conclusions)
    >>> len(explanations) == len(advice.conclusions)
    True
    >>> evidence = explanations["kenis.need.multi-organisation-network"][0]["evidence"][0]
    >>> inputs[str(evidence["input"])]["path"], evidence["fields"]
    ('care.municipalities[3]', ['demand'])
    >>> inputs[str(evidence["input"])]["shown"]["demand"].startswith("type of care demand (type zorgvraag) = complex")
    True
    """
    inputs = _Inputs()
    if keys is None:
        keys = [conclusion.key for conclusion in conclusions]
    explanations = {
        key: [{"evidence": [_evidence(e, inputs) for e in support.evidence],
               "absent": list(support.absent)}
              for support in conclusion.explanation.supports]
        for key, conclusion in zip(keys, conclusions)}
    return explanations, {str(position): value for position, value in inputs.table.items()}

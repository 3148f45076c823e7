"""The wording of the plan's actions: each one's title, and what it is about.

An action's title says what to do: the title of its group in
``knowledge/plan.yaml``, the title of its one recommendation, or, for an
urgent warning that no recommendation answers, the ``action`` its rule
gives (else "Address the warning ..."). What an action is about are the
subjects of its conclusions; a member of a group that has no subject is
named by the value its rule fixes where that is what tells the members
apart (the principle of a self-organising network each rule is about), so
that the action lists all it covers, not the subject of one member only.
"""

import functools
import re

from ..engine.conditions import FactPattern, Negation
from ..engine.wording import fill, partner_names

__all__ = ["NamedIn", "action_title", "member_subjects", "names_as_whole", "subject_words", "together"]

#: A run of the characters a name is a whole among: a word's, and the hyphen ('Bergeijk-Noord').
_RUN = re.compile(r"[\w-]+")
_IN_RUN = re.compile(r"[\w-]")

#: The names :class:`NamedIn` asks of each text before it indexes the texts by their runs (and the texts it
#: never indexes).
_ASKED = 8


def subject_words(subject, label, names):
    """A subject in words: a label if the rules gave one, partner names for ids joined by ``~`` or ``>``.

    Examples
    --------
    >>> subject_words("a~b", None, {"a": "Gemeente A", "b": "Stichting B"})
    'Gemeente A – Stichting B'
    >>> subject_words("a>b", None, {"a": "Gemeente A"})
    'Gemeente A → b'
    """
    if label and label != subject:
        return label
    return partner_names(subject, names)


def together(words, labels):
    """Names in a row: 'A and B', 'A, B and C', past three 'A, B and 2 more'.

    Examples
    --------
    >>> labels = {"list_and": "{first} and {last}", "and_more": "and {count} more"}
    >>> together(["A", "B", "C"], labels), together(["A", "B", "C", "D"], labels)
    ('A, B and C', 'A, B and 2 more')
    """
    if len(words) > 3:
        return ", ".join(words[:2]) + " " + fill(labels["and_more"], count=len(words) - 2)
    return fill(labels["list_and"], first=", ".join(words[:-1]), last=words[-1]) if len(words) > 1 else words[0]


def action_title(group, members, lang, labels):
    """The title of the action of ``members``: what to do, in one line.

    The group's title where ``plan.yaml`` groups them; for an urgent warning
    of its own, its rule's ``action`` (an instruction), or else the message
    ``plan_address`` around the warning's title; for one recommendation, its
    title, where it names its subject naming them all ("Stichting Jeugdzorg
    Kempen and GGZ Kempen: name the criteria..." rather than the first
    subject's title over both).

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> warning = advice.get_all("trust.blind-spot")[0]
    >>> action_title(None, [warning], "en", interorg.load_knowledge().labels("en"))
    'Keep the trust of unhindered collaboration (onbelemmerd samenwerken), and put safeguards against opportunistic behaviour (opportunistisch gedrag) in place while relations are good'
    """
    if group is not None:
        return group.title.get(lang)
    first = members[0]
    if first.kind == "warning":
        return first.action or fill(labels["plan_address"], title=first.title)
    named = [m.subject_label for m in members]
    if len(members) == 1 or not first.subject_label or first.subject_label not in first.title:
        return first.title
    if any(not label or m.title != first.title.replace(first.subject_label, label)
           for m, label in zip(members, named)):
        return first.title
    return first.title.replace(first.subject_label, together(list(dict.fromkeys(named)), labels))


def member_subjects(members, group, knowledge, lang, names):
    """What the conclusions of an action are about, in words, each once, in the members' order.

    A conclusion with a subject is named by it (:func:`subject_words`); one
    without, in a group of ``plan.yaml``, by the value its rule fixes on
    the field whose value tells the group's rules apart (principle 2, 4,
    7... of a self-organising network), labelled as the vocabulary labels
    it, the way a subject drawn from that field is.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case("regional_innovation_alliance"))
    >>> action = next(a for a in advice.plan if "workbook.self-organisation.no-boundaries" in a.rules)
    >>> [subject.split(":")[0].split(" (")[0] for subject in action.subjects][:2]
    ['2 set no boundaries', '4 room for competing solutions']
    """
    telling = _telling_values(group, knowledge) if group is not None else {}
    words = {}
    for member in members:
        if member.subject is not None:
            words[subject_words(member.subject, member.subject_label, names)] = None
        elif member.id in telling:
            fact, field, value = telling[member.id]
            words[knowledge.label(fact, field, value, lang=lang)] = None
    return tuple(words)


def _telling_values(group, knowledge):
    """``{rule id: (fact, field, value)}``: for each rule of ``group`` without a subject, the value that tells it apart.

    A field tells the rules apart when two or more of them fix it, each to
    another value of the vocabulary's (the principle of
    ``self_organisation_principle``, the boundary of ``boundary``, the
    signature that no leader shows, in a negated condition); a value
    fixed by one rule only, or by several alike, says nothing of which is
    which.  The same for every run: kept with the knowledge.
    """
    key = ("telling_values", group.id)
    found = knowledge._cache.get(key)
    if found is None:
        fixed = {}
        for rule_id in group.rules:
            rule = knowledge.rule(rule_id)
            if rule.subject is None:
                # a negated condition fixes a value too (the signature no leader shows), told apart from
                # a positive one: "no authority boundary" is not about the authority boundary as "one" is
                patterns = [(c.pattern, True) if isinstance(c, Negation) else (c, False) for c in rule.when]
                fixed[rule_id] = {(pattern.fact, test.field, negated): test.equals for pattern, negated in patterns
                                  if isinstance(pattern, FactPattern) for test in pattern.tests
                                  if test.equals is not None and _labelled(knowledge, pattern.fact, test)}
        values = {}
        for fields in fixed.values():
            for place, value in fields.items():
                values.setdefault(place, []).append(value)
        telling = [place for place, seen in values.items() if len(seen) > 1 and len(set(seen)) == len(seen)]
        found = knowledge._cache[key] = {
            rule_id: (*place[:2], fields[place]) for rule_id, fields in fixed.items()
            for place in [next((place for place in telling if place in fields), None)] if place is not None}
    return found


def _labelled(knowledge, fact, test):
    """Whether the vocabulary labels the value ``test`` fixes (a value of an enum field): a word to name it by."""
    field = knowledge.facts[fact].fields.get(test.field)
    return field is not None and bool(field.values) and str(test.equals) in field.values


def names_as_whole(text, name):
    """Whether ``text`` names ``name`` as a whole: 'Gemeente Bergeijk' is not named by 'Gemeente Bergeijk-Noord'.

    Examples
    --------
    >>> names_as_whole("Gemeente Bergeijk – Stichting X", "Gemeente Bergeijk"), names_as_whole("Gemeente Bergeijk-Noord", "Gemeente Bergeijk")
    (True, False)
    """
    if name not in text:  # most premises: no need for a pattern
        return False
    return _whole(name).search(text) is not None


@functools.lru_cache(maxsize=1024)
def _whole(name):
    # the same few names in every advice: the pattern is made once, not escaped and looked up per premise
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


class NamedIn:
    """Whether any of some texts names a name as a whole (:func:`names_as_whole`), asked of many names.

    An action of a group names every partner it covers, and what it rests
    on is about as many: asking each text of each name would grow with the
    square of the partners.  A name that a text names as a whole is there
    with each of its runs of word characters a whole run of the text's, so
    the texts are looked up by their runs, and only those with the name's
    least common run are read.  The first few names are asked of each text
    (:data:`_ASKED`): an action of a few subjects and premises is answered
    before an index of its texts would be made, and so are a few texts.

    Examples
    --------
    >>> named_in = NamedIn(["Gemeente Bergeijk-Noord", "Gemeente Eersel – GGZ Kempen"])
    >>> named_in("Gemeente Eersel"), named_in("Gemeente Bergeijk"), named_in("GGZ Kempen")
    (True, False, True)
    """

    def __init__(self, texts):
        self._texts = texts
        self._at = None  # run -> [(text, where it starts)], made once enough names were asked
        self._known = {}

    def __call__(self, name):
        found = self._known.get(name)
        if found is None:
            found = self._known[name] = self._find(name)
        return found

    def _find(self, name):
        if self._at is None and (len(self._known) < _ASKED or len(self._texts) <= _ASKED):
            return any(names_as_whole(text, name) for text in self._texts)
        runs = list(_RUN.finditer(name))
        if not runs:  # no run to look up by (a name of dashes and signs): read every text
            return any(names_as_whole(text, name) for text in self._texts)
        if self._at is None:
            self._at = {}
            for text in self._texts:
                for run in _RUN.finditer(text):
                    self._at.setdefault(run.group(), []).append((text, run.start()))
        rarest = min(runs, key=lambda run: len(self._at.get(run.group(), ())))
        length = len(name)
        for text, start in self._at.get(rarest.group(), ()):
            begin = start - rarest.start()
            if (begin >= 0 and text.startswith(name, begin)
                    and (begin == 0 or not _IN_RUN.match(text, begin - 1))
                    and (begin + length == len(text) or not _IN_RUN.match(text, begin + length))):
                return True
        return False

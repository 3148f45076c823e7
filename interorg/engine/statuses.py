"""Whether each model of the knowledge could be applied to a run: what the model needs, and what the case gives."""

from collections import Counter
from operator import attrgetter

from .results import Missing, ModelStatus

__all__ = ["model_statuses"]


def model_statuses(knowledge, facts, conclusions, lang, label):
    """The :class:`ModelStatus` of every model of ``knowledge``, in its order.

    Parameters
    ----------
    knowledge : KnowledgeBase
    facts : iterable of InputFact
        The input facts of the run.
    conclusions : iterable of Conclusion
        What the run concluded: each model counts its own.
    lang : {'en', 'nl'}
    label : callable
        ``label(fact type)`` and ``label(fact type, field)`` in ``lang``, as
        :meth:`KnowledgeBase.label` gives them.

    Examples
    --------
    >>> import interorg
    >>> kb = interorg.load_knowledge()
    >>> statuses = model_statuses(kb, [], (), "nl", lambda *names: kb.label(*names, lang="nl"))
    >>> statuses[0].id, statuses[0].status, statuses[0].missing[0]
    ('kenis.need', 'not_applied', Missing(path='care.demand', label='type zorgvraag'))
    """
    needs = _needs(knowledge, lang, label)
    # what the case gives of what the models need: a fact type, and a field of it with a value
    present = set(map(_type, facts))
    fields_of = needs.fields
    for fact in facts:
        fields = fields_of.get(fact.type)
        if fields:
            values = fact.values
            present.update([(fact.type, field) for field in fields if values.get(field) is not None])
    counts = Counter(map(_model, conclusions))
    statuses = []
    for model, wanted, title, to_apply in needs.models:
        missing = tuple([found for given, found in wanted if present.isdisjoint(given)])
        status = "applied" if not missing else "not_applied" if len(missing) == len(wanted) else "partial"
        statuses.append(ModelStatus(model, title, status, missing, to_apply if missing else None,
                                    counts.get(model, 0)))
    return tuple(statuses)


_type, _model = attrgetter("type"), attrgetter("model")


class _Needs:
    """What the models need of a case, in one language: the same in every run, so kept with the knowledge.

    ``models`` holds each model's id, its needs as ``(what the case must
    give for one of its alternatives to hold, the Missing that says it
    otherwise)``, its title and what it says to apply it; ``fields`` the
    fields each fact type is needed with.
    """

    def __init__(self, knowledge, lang, label):
        self.models, self.fields = [], {}
        for model in knowledge.models:
            wanted = []
            for alternatives in model.need_alternatives():
                # a set to meet the present ones: a fact type, or a fact type and a field of it with a value
                given = frozenset((fact, field) if field else fact for fact, field in alternatives)
                fact_type, field = alternatives[0]  # the first form is the one to suggest
                case_path = knowledge.facts[fact_type].case_path
                wanted.append((given, Missing(f"{case_path}.{field}" if field else case_path,
                                              label(fact_type, field) if field else label(fact_type))))
                for fact, field in alternatives:
                    if field and field not in self.fields.setdefault(fact, []):
                        self.fields[fact].append(field)
            self.models.append((model.id, tuple(wanted), model.title.get(lang), model.to_apply.get(lang)))


def _needs(knowledge, lang, label):
    found = knowledge._cache.get(("model_needs", lang))
    if found is None:
        found = knowledge._cache["model_needs", lang] = _Needs(knowledge, lang, label)
    return found

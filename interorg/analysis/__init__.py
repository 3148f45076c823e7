"""What is computed over a case or over the conclusions of its advice.

- :mod:`.network`: the partner network as a networkx graph, and its
  structure (brokers, hubs, one-sided dependence);
- :mod:`.scan`: the scores of the sixteen-factor scan;
- :mod:`.relationships`: the summary of the trust rules over all
  relationships;
- :mod:`.diagnosis`: suspected problems, ranked, and the interventions that
  answer them;
- :mod:`.knowledge`: the domain's knowledge base, the rule base with the
  instruments of the diagnosis (:mod:`.instruments`), and the fingerprint
  of its files (:mod:`.fingerprint`).

Nothing here runs the engine: a function over an advice takes its
conclusions, and :func:`interorg.advise` calls them once.
"""

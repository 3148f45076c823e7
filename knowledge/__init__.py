"""The knowledge base of interorg, as data: sources, vocabulary, models, rules and examples.

Nothing here is code: the YAML files are read with ``importlib.resources``
by :func:`interorg.load_knowledge`.  See README.md in this folder for the
grammar.
"""

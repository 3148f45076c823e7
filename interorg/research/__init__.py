"""The researcher's tools: how the rule base covers the sources and the space of situations.

:mod:`.coverage` lists every model of every source with the rules that
encode it and what fires on the bundled example; :mod:`.export` writes the
rule base as a CLIPS program; :mod:`.knowledge_copy` copies a knowledge
folder to edit.
"""

"""The advice as the user receives it, and its renderings.

:class:`~.advice.Advice` holds what :func:`interorg.advise` computed;
:mod:`.render` writes it as plain text, Markdown and HTML, with the
summaries of :mod:`.summaries`; :mod:`.html` writes the report to hand
over (one self-contained HTML file); :mod:`.plots` draws the pictures.
Nothing here runs the engine or an analysis: it reads their results.
"""

"""Small pieces for showing results: HTML tables and folds for Jupyter, and pandas frames.

Every result object of interorg shows itself in a notebook as HTML and
gives a ``to_frame()``; the pieces they share are here so that each
looks the same.  User text (partner names, notes, ids) is always escaped:
a name with ``<`` or ``&`` shows as written and never as markup.
"""

import html

from ..errors import MissingDependency

__all__ = ["details", "escape", "frame", "html_table", "one_line", "pandas"]

#: Style of every table, inline, because a notebook's or a report's page styles vary.
_TABLE = 'style="border-collapse:collapse;margin:4px 0"'
_CELL = 'style="border:1px solid #cbd5e0;padding:2px 6px;text-align:left;vertical-align:top"'


def escape(value):
    """Return ``value`` as text safe inside HTML; None becomes an empty string.

    Examples
    --------
    >>> escape("<b>Zorg & Welzijn</b>")
    '&lt;b&gt;Zorg &amp; Welzijn&lt;/b&gt;'
    >>> escape(None)
    ''
    """
    return "" if value is None else html.escape(str(value))


def html_table(headers, rows, raw=()):
    """An HTML table; every cell escaped except the columns named in ``raw`` (already HTML).

    Parameters
    ----------
    headers : sequence of str
    rows : iterable of sequence
        One value per header; None is shown empty.
    raw : collection of int
        Indices of columns whose values are HTML built by the caller.

    Returns
    -------
    str

    Examples
    --------
    >>> html_table(["partner", "score"], [["A&B", 4.5]])  # doctest: +ELLIPSIS
    '<table ...><thead><tr><th ...>partner</th><th ...>score</th></tr></thead><tbody><tr><td ...>A&amp;B</td><td ...>4.5</td></tr></tbody></table>'
    """
    head = "".join(f"<th {_CELL}>{escape(header)}</th>" for header in headers)
    body = "".join(
        "<tr>" + "".join(f"<td {_CELL}>{value if index in raw else escape(value)}</td>"
                         for index, value in enumerate(row)) + "</tr>"
        for row in rows)
    return f"<table {_TABLE}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def details(summary, body_html):
    """A fold: ``summary`` (text, escaped) that opens to ``body_html`` (HTML).

    Examples
    --------
    >>> details("Why", "<ul><li>x</li></ul>")
    '<details><summary>Why</summary><ul><li>x</li></ul></details>'
    """
    return f"<details><summary>{escape(summary)}</summary>{body_html}</details>"


def one_line(text, limit=60):
    """``text`` on one line, cut at ``limit`` characters with an ellipsis.

    Examples
    --------
    >>> one_line("a\\nb")
    'a b'
    >>> one_line("x" * 70, 10)
    'xxxxxxxxx…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def pandas():
    """Import pandas, or raise :class:`~interorg.errors.MissingDependency` saying how to install it."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingDependency(
            "tables need pandas: pip install 'interorg[table]' (or pip install pandas)") from exc
    return pd


def frame(records, columns, index=None):
    """A pandas DataFrame of ``records`` (dicts) with ``columns`` in order.

    Parameters
    ----------
    records : iterable of dict
    columns : sequence of str
    index : str, optional
        A column to use as the index.

    Raises
    ------
    MissingDependency
        If pandas is not installed.
    """
    pd = pandas()
    table = pd.DataFrame(list(records), columns=list(columns))
    return table.set_index(index) if index else table

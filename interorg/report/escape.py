"""Make user text safe for where it is shown: a terminal, Markdown, XML.

A case's names, notes and descriptions reach every rendering.  Whatever they
hold, they must stay text: a partner named ``"\\x1b[2J"`` must not clear the
user's terminal, one named ``"# heading"`` or holding ``</details>`` or a
code fence must not change the structure of a Markdown report, and a name
with control characters must not make GraphML unreadable.  The renderings
pass user text through these functions; text interorg writes itself has
none of what they change, so it comes out as it went in.
"""

import re

__all__ = ["fence", "markdown", "markdown_line", "one_line", "terminal", "xml"]

# Control characters (C0 but tab and newline, DEL, C1), the bidirectional
# overrides that can make text read differently from what it holds, and
# the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What starts a block in Markdown when it opens a line: a heading, a quote,
# a list item, a thematic break or setext underline, a fence, an HTML block.
_BLOCK_START = re.compile(r"[#>+=*_~`-]|\d+[.)]")


def _visible(match):
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text):
    r"""Show control characters of ``text`` as escapes (``\x1b``), keeping newlines and tabs.

    Examples
    --------
    >>> terminal("a\x1b[2Jb\tc\n")
    'a\\x1b[2Jb\tc\n'
    """
    return _CONTROL.sub(_visible, text)


def one_line(text):
    r"""``text`` on one line: every line break becomes a space.

    Examples
    --------
    >>> one_line("Jeugdhulp\n# regio")
    'Jeugdhulp # regio'
    """
    return _LINE_BREAK.sub(" ", text)


def markdown_line(text):
    r"""``text`` for a line of Markdown that interorg starts: one line, no raw HTML, no table cells.

    ``<`` is written as ``&lt;`` (so ``</details>`` or ``<script>`` stay
    text) and ``|`` as ``\|``; control characters are shown as escapes.

    Examples
    --------
    >>> markdown_line("a </details> | b")
    'a &lt;/details> \\| b'
    """
    return terminal(one_line(text)).replace("<", "&lt;").replace("|", r"\|")


def markdown(text):
    r"""``text`` as a Markdown paragraph or heading of its own: :func:`markdown_line`, and no block opened.

    Examples
    --------
    >>> markdown("# not a heading")
    '\\# not a heading'
    >>> markdown("Jeugdhulp regio Kempenland")
    'Jeugdhulp regio Kempenland'
    """
    text = markdown_line(text).lstrip()
    if _BLOCK_START.match(text):
        return "\\" + text if not text[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text


def fence(content):
    """A code fence longer than every run of backticks in ``content``, so that it cannot be closed from inside.

    Examples
    --------
    >>> fence("plain"), fence("a ``` b")
    ('```', '````')
    """
    longest = max((len(run) for run in re.findall("`+", content)), default=0)
    return "`" * max(3, longest + 1)


def xml(text):
    r"""``text`` with what XML 1.0 cannot hold (most control characters, lone surrogates) shown as escapes.

    Examples
    --------
    >>> xml("a\x00b\ud800")
    'a\\x00b\\ud800'
    """
    return _XML_INVALID.sub(_visible, text)

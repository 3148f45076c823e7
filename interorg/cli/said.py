"""What the command line says of what it did, in the language of the command."""

from ..analysis.knowledge import load_knowledge
from ..engine.wording import fill

__all__ = ["wrote"]


def wrote(path, lang="en"):
    """The line that says ``path`` was written, in ``lang``.

    Examples
    --------
    >>> wrote("advies.md", "nl")
    'advies.md geschreven\\n'
    """
    return fill(load_knowledge().messages["cli_wrote"].get(lang), path=str(path)) + "\n"

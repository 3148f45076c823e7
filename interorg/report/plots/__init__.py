"""Pictures of a collaboration (matplotlib): the scan, the agreement between partners, the trust grid, the partner map, rounds.

Every function takes ``ax=None`` and returns the Axes it drew on, so a
plot can be placed in a figure of one's own; :func:`save_figure` writes
one to PNG, SVG or PDF.  Drawing needs ``pip install 'interorg[plot]'``.
"""

from ._common import pyplot, save_figure
from .network import draw_map, save_map
from .relationships import trust_grid
from .rounds import scan_rounds
from .scan import scan_agreement, scan_heatmap

__all__ = ["FORMATS", "draw_map", "save_figure", "save_map", "scan_agreement", "scan_heatmap", "scan_rounds",
           "trust_grid"]

#: The file formats a plot is written in, by suffix.
FORMATS = (".png", ".svg", ".pdf")

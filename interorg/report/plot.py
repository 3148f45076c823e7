"""The concentric map of the partner network (kept here for existing imports; see :mod:`interorg.report.plots`)."""

from .plots.network import draw_map, save_map

__all__ = ["draw_map", "save_map"]

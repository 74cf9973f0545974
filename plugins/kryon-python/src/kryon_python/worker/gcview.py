"""What an isolated script's ``import gc`` gives: collecting and the
collector's settings, nothing that hands out objects.

Programs import ``gc`` to run finalizers at a known point (``del x;
gc.collect()`` before printing what ``__del__`` did) or to time code with the
collector off; those work.  What walks the heap (``get_objects``,
``get_referrers``, ``get_referents``, ``garbage``) or runs code during a
collection (``callbacks``, ``set_debug``) would reach the worker's own
objects, and is absent (``AttributeError``), as in the ``sys`` subset.
"""

from __future__ import annotations

import gc
import types

__all__ = ["gc_view"]

_SAFE = (
    "collect",
    "disable",
    "enable",
    "isenabled",
    "get_count",
    "get_threshold",
    "set_threshold",
    "get_stats",
    "is_tracked",
    "is_finalized",
    "freeze",
    "unfreeze",
    "get_freeze_count",
    "DEBUG_STATS",
    "DEBUG_COLLECTABLE",
    "DEBUG_UNCOLLECTABLE",
    "DEBUG_SAVEALL",
    "DEBUG_LEAK",
)


def gc_view() -> types.ModuleType:
    """A new ``gc`` for one script."""
    view = types.ModuleType("gc", gc.__doc__)
    for name in _SAFE:
        if hasattr(gc, name):  # (is_finalized: Python 3.9 on)
            view.__dict__[name] = getattr(gc, name)
    return view

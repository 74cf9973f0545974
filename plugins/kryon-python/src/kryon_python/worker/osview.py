"""What an isolated script's ``import os`` gives: the facts and the pure path
functions, nothing that reaches files, processes or the environment.

Programs import ``os`` for ``os.path.join``, ``os.sep`` or ``os.environ.get``
more often than for files; those work (the environment is empty, as
``os.getenv`` in the Lua sandbox), and the rest is absent
(``AttributeError``), as in the ``sys`` subset.
"""

from __future__ import annotations

import os
import posixpath
import types
from typing import Any

__all__ = ["os_view"]

_FACTS = ("name", "sep", "altsep", "extsep", "pathsep", "linesep", "curdir", "pardir", "devnull")

_PURE_PATH = (
    "basename",
    "commonpath",
    "commonprefix",
    "dirname",
    "isabs",
    "join",
    "normcase",
    "normpath",
    "split",
    "splitdrive",
    "splitext",
)
"""``os.path`` functions that only compute on their arguments (``abspath``,
``exists``, ``expanduser``... read the file system or the environment)."""


def _path_view() -> types.ModuleType:
    view = types.ModuleType("posixpath", "Pure path functions for a sandboxed script.")
    for name in (*_PURE_PATH, "sep", "altsep", "extsep", "pathsep", "curdir", "pardir"):
        view.__dict__[name] = getattr(posixpath, name)
    return view


def os_view() -> types.ModuleType:
    """A new ``os`` for one script (its ``environ`` is its own, and empty)."""
    view = types.ModuleType("os", "A safe subset of os for a sandboxed script.")
    for name in _FACTS:
        view.__dict__[name] = getattr(os, name)
    environ: dict[str, str] = {}

    def getenv(key: str, default: Any = None) -> Any:
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        return environ.get(key, default)

    view.__dict__.update(path=_path_view(), environ=environ, getenv=getenv)
    return view

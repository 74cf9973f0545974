"""Running a script's top-level code the way ``python script.py`` would.

Standard library only: the isolated worker imports it too.
"""

from __future__ import annotations

from types import CodeType
from typing import Any

__all__ = ["module_name", "run_module"]


def module_name(script: str, *, entry_point: bool) -> str:
    """``__name__`` of a script: ``"__main__"`` for the program itself
    (``kryon run FILE``), else the script's name without ``.py``."""
    if entry_point:
        return "__main__"
    return script[:-3] if script.endswith(".py") else script


def run_module(code: CodeType, namespace: dict[str, Any]) -> None:
    """Run top-level code; ``sys.exit()`` or ``exit(0)`` ends it normally, as
    it ends a Python program (any other exit status is an error)."""
    try:
        exec(code, namespace)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            raise

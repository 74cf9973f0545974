"""Running a script's top-level code the way ``python script.py`` would.

Standard library only: the isolated worker imports it too.
"""

from __future__ import annotations

from collections.abc import Callable
from types import CodeType
from typing import Any, NoReturn

__all__ = ["exit_", "make_print", "module_name", "run_module"]


def module_name(script: str, *, entry_point: bool) -> str:
    """``__name__`` of a script: ``"__main__"`` for the program itself
    (``kryon run FILE``), else the script's name without ``.py``."""
    if entry_point:
        return "__main__"
    return script[:-3] if script.endswith(".py") else script


def exit_(status: object = None) -> NoReturn:
    """``exit``/``quit`` of a script (and ``sys.exit`` in isolated mode): end its
    top-level code.  Unlike the interactive ``site`` helpers they replace, they
    never close the interpreter's standard input."""
    raise SystemExit(status)


def run_module(code: CodeType, namespace: dict[str, Any]) -> None:
    """Run top-level code; ``sys.exit()`` or ``exit(0)`` ends it normally, as
    it ends a Python program (any other exit status is an error)."""
    try:
        exec(code, namespace)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            raise


Writer = Callable[[str], None]


def make_print(stdout: Writer, route: Callable[[Any], Writer]) -> Callable[..., None]:
    """A script's ``print``: its text goes to ``stdout``, or with ``file=`` to
    the writer ``route(file)`` picks (the host's stderr for ``sys.stderr``, ...)."""

    def print_(
        *values: object,
        sep: str | None = " ",
        end: str | None = "\n",
        file: Any = None,
        flush: bool = False,
    ) -> None:
        text = (" " if sep is None else sep).join(map(str, values))
        text += "\n" if end is None else end
        (stdout if file is None else route(file))(text)

    return print_

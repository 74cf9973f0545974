"""The ``sys`` an isolated script may import.

Facts about the interpreter, ``argv``, ``exit`` and the standard streams
(written through the host like ``print``); nothing that reaches modules,
frames, the import system or the process.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterable
from typing import Any

from kryon_python.toplevel import exit_

__all__ = ["sys_view"]

_FACTS = (
    "api_version",
    "byteorder",
    "float_info",
    "float_repr_style",
    "hash_info",
    "hexversion",
    "int_info",
    "maxsize",
    "maxunicode",
    "platform",
    "version",
    "version_info",
)
_FUNCTIONS = ("getdefaultencoding", "getrecursionlimit", "getsizeof", "intern")


class _Stream:
    """``sys.stdout`` / ``sys.stderr`` of a script: text goes where ``print`` sends it."""

    encoding = "utf-8"

    def __init__(self, write: Callable[[str], None]) -> None:
        self._write = write

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            self._write(text)
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False


def sys_view(
    script: str, stdout: Callable[[str], None], stderr: Callable[[str], None]
) -> types.ModuleType:
    """A per-script ``sys`` module."""
    view = types.ModuleType("sys", "System facts for a sandboxed script (a safe subset of sys).")
    namespace: dict[str, Any] = view.__dict__
    for name in _FACTS + _FUNCTIONS:
        namespace[name] = getattr(sys, name)
    namespace["argv"] = [script]
    namespace["exit"] = exit_
    namespace["stdout"] = _Stream(stdout)
    namespace["stderr"] = _Stream(stderr)
    return view

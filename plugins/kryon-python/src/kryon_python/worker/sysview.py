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

__all__ = ["ScriptStream", "sys_view"]

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


class ScriptStream:
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


class _SysView(types.ModuleType):
    """``sys`` of one script.  ``stdout``/``stderr`` are its own streams (which
    it may replace), except while a library such as ``contextlib.redirect_stdout``
    has replaced the process's: then, as in Python, ``sys.stdout`` is that."""

    def __init__(self, own: list[Any], library: tuple[ScriptStream, ScriptStream]) -> None:
        super().__init__("sys", "System facts for a sandboxed script (a safe subset of sys).")
        self._own = own
        self._library = library

    def _stream(self, index: int) -> Any:
        real = (sys.stdout, sys.stderr)[index]
        return self._own[index] if real is self._library[index] else real

    @property
    def stdout(self) -> Any:
        return self._stream(0)

    @stdout.setter
    def stdout(self, value: Any) -> None:
        self._own[0] = value

    @property
    def stderr(self) -> Any:
        return self._stream(1)

    @stderr.setter
    def stderr(self, value: Any) -> None:
        self._own[1] = value


def sys_view(
    script: str,
    stdout: Callable[[str], None],
    stderr: Callable[[str], None],
    library: tuple[ScriptStream, ScriptStream],
) -> types.ModuleType:
    """A per-script ``sys`` module; ``library`` are the process's own streams
    (the worker's ``sys.stdout``/``sys.stderr`` for library code)."""
    view = _SysView([ScriptStream(stdout), ScriptStream(stderr)], library)
    namespace: dict[str, Any] = view.__dict__
    for name in _FACTS + _FUNCTIONS:
        namespace[name] = getattr(sys, name)
    namespace["argv"] = [script]
    namespace["exit"] = exit_
    return view

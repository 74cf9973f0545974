"""``*out*``, ``*err*``, ``System/out`` and ``System/err``: the writers Clojure
programs print through.

``(binding [*out* *err*] (println "oops"))`` sends a print to stderr, and
``(.write *out* "x")`` / ``(.println System/err "x")`` are the Java methods
programs call on them. A writer is only a way into the script's output: it
holds no file and nothing of the host.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kryon_lisp.types import identity_hash


class PrintWriter:
    """One output stream of a script: ``*out*`` and ``*err*``."""

    __slots__ = ("emit", "stream")
    java_class = "java.io.PrintWriter"

    def __init__(self, stream: str, emit: Callable[[str], None]) -> None:
        self.stream = stream  # "stdout" or "stderr"
        self.emit = emit

    def call(self, method: str, args: tuple[Any, ...]) -> Any:
        """``(.method writer args...)``: the methods programs use."""
        from kryon_lisp.printer import str_of

        if method in ("write", "print", "append") and len(args) == 1:
            self.emit(str_of(args[0]))
            return self if method == "append" else None
        if method == "println" and len(args) <= 1:
            self.emit((str_of(args[0]) if args else "") + "\n")
            return None
        if method in ("flush", "close") and not args:
            return None
        raise TypeError(f"No method {method} for {self.java_class}")

    def _identity(self) -> str:
        return f"{self.java_class}@{identity_hash(self):x}"

    def java_to_string(self) -> str:
        return self._identity()

    def lisp_repr(self) -> str:
        return f'#object[{self.java_class} 0x{identity_hash(self):x} "{self._identity()}"]'


class PrintStream(PrintWriter):
    """``System/out`` and ``System/err``."""

    __slots__ = ()
    java_class = "java.io.PrintStream"

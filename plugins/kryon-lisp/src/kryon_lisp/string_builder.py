"""``java.lang.StringBuilder``: the mutable string Clojure programs build text in.

``(let [sb (StringBuilder.)] (.append sb "x") (str sb))`` and the chained
``(-> (StringBuilder.) (.append "a") (.append 1) .toString)``.  Its size is
held to the memory limit as ``str``'s results are.
"""

from __future__ import annotations

from typing import Any

from kryon_lisp import limits
from kryon_lisp.types import identity_hash


class StringBuilder:
    """A growing string: appended pieces, joined when read."""

    __slots__ = ("parts", "size")
    java_class = "java.lang.StringBuilder"

    def __init__(self, initial: Any = None) -> None:
        from kryon_lisp.printer import str_of

        # (StringBuilder. 16) gives a capacity, (StringBuilder. "s") the start
        self.parts: list[str] = [] if initial is None or type(initial) is int else [str_of(initial)]
        self.size = sum(map(len, self.parts))

    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def _set(self, text: str) -> StringBuilder:
        self.parts = [text] if text else []
        self.size = len(text)
        return self

    def append(self, x: Any) -> StringBuilder:
        from kryon_lisp.printer import str_of

        piece = "null" if x is None else str_of(x)
        limits.check_text(self.size + len(piece))
        self.parts.append(piece)
        self.size += len(piece)
        return self

    def call(self, method: str, args: tuple[Any, ...]) -> Any:
        """``(.method sb args...)``: the methods programs use."""
        if method == "append" and len(args) == 1:
            return self.append(args[0])
        if method == "toString" and not args:
            return self.text()
        if method == "length" and not args:
            return self.size
        if method == "isEmpty" and not args:
            return self.size == 0
        if method == "reverse" and not args:
            return self._set(self.text()[::-1])
        if method == "charAt" and len(args) == 1:
            from kryon_lisp.types import Char

            text = self.text()
            if not 0 <= args[0] < len(text):
                raise IndexError(f"index {args[0]},length {len(text)}")
            return Char(text[args[0]])
        if method == "insert" and len(args) == 2:
            from kryon_lisp.printer import str_of

            text = self.text()
            if not 0 <= args[0] <= len(text):
                raise IndexError(f"offset {args[0]}, length {len(text)}")
            piece = str_of(args[1])
            limits.check_text(len(text) + len(piece))
            return self._set(text[: args[0]] + piece + text[args[0] :])
        if method == "setLength" and len(args) == 1:
            limits.check_text(args[0])
            self._set(self.text()[: args[0]].ljust(args[0], "\0"))
            return None
        if method in ("deleteCharAt", "delete") and args:
            text = self.text()
            start = args[0]
            end = start + 1 if method == "deleteCharAt" else min(args[1], len(text))
            if not 0 <= start <= end <= len(text) or (method == "deleteCharAt" and start == end):
                raise IndexError(f"index {start},length {len(text)}")
            return self._set(text[:start] + text[end:])
        if method == "indexOf" and len(args) == 1:
            return self.text().find(args[0])
        raise TypeError(f"No method {method} for {self.java_class}")

    def _identity(self) -> str:
        return f"0x{identity_hash(self):x}"

    def java_to_string(self) -> str:
        return self.text()

    def lisp_repr(self) -> str:
        from kryon_lisp.printer import pr_str

        return f"#object[{self.java_class} {self._identity()} {pr_str(self.text())}]"

"""The JVM class names Clojure gives functions, for printing them.

Clojure prints a function as the object of its class, ``#object[user$my_fn
0x1b6d3586 "user$my_fn@1b6d3586"]``: the namespace and the munged names of the
enclosing functions (``user$outer$inner__141``, ``clojure.core$even_QMARK_``).
The numbers Clojure's compiler appends to anonymous functions count every
class it ever made; here they are the compiler's own count of ``fn`` forms.
"""

from __future__ import annotations

from types import FunctionType
from typing import Any

from kryon_lisp.types import identity_hash

_MUNGE = {
    "-": "_", ":": "_COLON_", "+": "_PLUS_", ">": "_GT_", "<": "_LT_", "=": "_EQ_",
    "~": "_TILDE_", "!": "_BANG_", "@": "_CIRCA_", "#": "_SHARP_", "'": "_SINGLEQUOTE_",
    '"': "_DOUBLEQUOTE_", "%": "_PERCENT_", "^": "_CARET_", "&": "_AMPERSAND_",
    "*": "_STAR_", "|": "_BAR_", "{": "_LBRACE_", "}": "_RBRACE_", "[": "_LBRACK_",
    "]": "_RBRACK_", "/": "_SLASH_", "\\": "_BSLASH_", "?": "_QMARK_",
}  # fmt: skip
"""Clojure's ``clojure.lang.Compiler/CHAR_MAP``."""


def munge(name: str) -> str:
    return "".join(_MUNGE.get(c, c) for c in name)


def name_core_functions(table: dict[str, Any]) -> None:
    """Give the core's Python functions their Lisp names (``is_even`` is ``even?``)."""
    for lisp_name, fn in table.items():
        if (
            type(fn) is FunctionType
            and not lisp_name.startswith(("@", "*"))
            and "/" not in lisp_name
            and "lisp_name" not in fn.__dict__  # the first of its names (alter, not commute)
        ):
            fn.lisp_name = lisp_name  # type: ignore[attr-defined]


def java_class_name(fn: Any) -> str:
    """``user$my_fn``, ``clojure.core$inc``, ``clojure.core$partial$fn``."""
    g = getattr(fn, "__globals__", None)
    if isinstance(g, dict) and "@g" in g:  # compiled from Lisp
        parts = [munge(str(g.get("*ns*", "user")))]
        for piece in fn.__qualname__.split(".<locals>."):
            if piece == "<toplevel>":
                continue
            lisp, _, count = piece.rpartition(" ")
            if not lisp:
                continue
            named = len(parts) == 1 and lisp != "fn"  # a defn: its own class name
            parts.append(munge(lisp) if named else f"{munge(lisp)}__{count}")
        return "$".join(parts)
    lisp_name = getattr(fn, "lisp_name", None)
    if lisp_name is not None:
        return f"clojure.core${munge(lisp_name)}"
    outer = getattr(fn, "__qualname__", "").split(".<locals>.")[0]
    made_by = getattr(getattr(fn, "__globals__", {}).get(outer), "lisp_name", None)
    if made_by is not None:  # what (partial f x) and (comp f g) answer
        return f"clojure.core${munge(made_by)}$fn"
    return "clojure.core$fn"


def object_string(java_class: str, x: Any) -> str:
    """Java's ``Object.toString``: ``user$my_fn@1b6d3586``."""
    return f"{java_class}@{identity_hash(x):x}"


def printed_object(java_class: str, x: Any, readably: bool) -> str:
    """``#object[user$my_fn 0x1b6d3586 "user$my_fn@1b6d3586"]``: how Clojure
    prints a function, a multimethod, any object without a printer of its own."""
    text = object_string(java_class, x)
    shown = '"' + text + '"' if readably else text
    return f"#object[{java_class} 0x{identity_hash(x):x} {shown}]"


def printed_fn(fn: Any, readably: bool) -> str:
    return printed_object(java_class_name(fn), fn, readably)

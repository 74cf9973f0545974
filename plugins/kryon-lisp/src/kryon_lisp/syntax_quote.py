"""Syntax-quote (`` ` ``) expansion at read time, as Clojure's reader does it.

Symbols are qualified (core names to ``clojure.core``, others to the current
namespace), ``x#`` becomes one auto-gensym per syntax-quote, ``~`` and ``~@``
splice the evaluated forms back in.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from kryon_lisp.types import Char, Keyword, LMap, LSet, PList, PVector, Symbol, plist

if TYPE_CHECKING:
    from kryon_lisp.reader import Reader

SPECIAL_FORMS = frozenset(
    [
        "def",
        "if",
        "do",
        "let*",
        "fn*",
        "loop*",
        "recur",
        "quote",
        "var",
        "throw",
        "try",
        "catch",
        "finally",
        "letfn*",
        "set!",
        "new",
        ".",
        "&",
        "monitor-enter",
        "monitor-exit",
        "import*",
        "case*",
        "deftype*",
        "reify*",
    ]
)

_gensym_ids = itertools.count(1)


def gensym_id() -> int:
    """A fresh number for ``gensym`` and auto-gensyms."""
    return next(_gensym_ids)


def _core(name: str) -> Symbol:
    return Symbol(name, "clojure.core")


_SEQ = _core("seq")
_CONCAT = _core("concat")
_LIST = _core("list")
_APPLY = _core("apply")
_VECTOR = _core("vector")
_HASH_MAP = _core("hash-map")
_HASH_SET = _core("hash-set")
_QUOTE = Symbol("quote")


class SyntaxQuoter:
    """Expands one syntax-quoted form into the code that builds it."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.gensyms: dict[str, Symbol] = {}

    def quote(self, form: Any) -> Any:
        self.gensyms = {}
        return self._sq(form)

    def _sq(self, form: Any) -> Any:
        if isinstance(form, Symbol):
            return plist([_QUOTE, self._symbol(form)])
        if isinstance(form, PList):
            if form.count == 0:
                return plist([_LIST])
            head = form.first()
            if isinstance(head, Symbol) and head.ns == "clojure.core":
                if head.name == "unquote":
                    return form.more().first()
                if head.name == "unquote-splicing":
                    raise self.reader.error("splice not in list")
            return plist([_SEQ, self._concat(form)]).at(form.line, form.column)
        if type(form) is PVector:
            return plist([_APPLY, _VECTOR, plist([_SEQ, self._concat(form)])])
        if isinstance(form, LMap):
            flat = [x for kv in form.items() for x in kv]
            return plist([_APPLY, _HASH_MAP, plist([_SEQ, self._concat(flat)])])
        if isinstance(form, LSet):
            return plist([_APPLY, _HASH_SET, plist([_SEQ, self._concat(list(form))])])
        if form is None or isinstance(form, (bool, int, float, str, Keyword, Char)):
            return form
        return plist([_QUOTE, form])

    def _concat(self, items: Any) -> PList:
        parts: list[Any] = [_CONCAT]
        for item in items:
            if isinstance(item, PList) and item.count and isinstance(item.first(), Symbol):
                head = item.first()
                if head.ns == "clojure.core" and head.name == "unquote":
                    parts.append(plist([_LIST, item.more().first()]))
                    continue
                if head.ns == "clojure.core" and head.name == "unquote-splicing":
                    parts.append(item.more().first())
                    continue
            parts.append(plist([_LIST, self._sq(item)]))
        return plist(parts)

    def _symbol(self, sym: Symbol) -> Symbol:
        name = sym.name
        if sym.ns is None and name.endswith("#") and len(name) > 1:
            found = self.gensyms.get(name)
            if found is None:
                found = Symbol(f"{name[:-1]}__{gensym_id()}__auto__")
                self.gensyms[name] = found
            return found
        if sym.ns is not None or name in SPECIAL_FORMS:
            return sym
        if name.startswith(".") or name.endswith("."):
            return sym
        from kryon_lisp.classes import CLASSES, EXCEPTIONS
        from kryon_lisp.core import CORE_NAMES
        from kryon_lisp.macros import CORE_MACROS
        from kryon_lisp.special import SPECIAL_FORMS as COMPILED_FORMS

        java_name = f"java.lang.{name}"
        if java_name in CLASSES or java_name in EXCEPTIONS:
            return Symbol(java_name)  # a class name resolves to its class, as in Clojure

        if name in CORE_NAMES or name in CORE_MACROS or name in COMPILED_FORMS:
            return Symbol(name, "clojure.core")
        return Symbol(name, self.reader.ns)

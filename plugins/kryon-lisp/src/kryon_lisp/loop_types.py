"""Loop variables that always hold longs.

A ``loop`` variable that starts as a proven long (a literal, arithmetic of
literals and other proven longs) and that every ``recur`` gives a proven long
holds a long on every pass, so the arithmetic on it needs no type test and an
overflow check on the result alone (see :mod:`kryon_lisp.inline`).  Whether
the ``recur`` values are proven depends on what is assumed of the variables
themselves, so the body is compiled assuming it, and compiled again with fewer
assumptions when a ``recur`` disproves one.  A look at the source guesses the
set first (:func:`likely_longs`), so the second compile is rare.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from kryon_lisp.scope import LONG_MAX, LONG_MIN
from kryon_lisp.types import Keyword, PList, Symbol

_ARITY = {"inc": (1, 1), "dec": (1, 1), "+": (2, 64), "-": (2, 64), "*": (2, 64)}
_ARITY |= {"mod": (2, 2), "rem": (2, 2)}
"""Core functions whose value is a long when their arguments are (the
number of arguments for which the compiler proves it)."""

_OWN_TARGET = frozenset(
    ["fn", "fn*", "loop", "loop*", "letfn", "defn", "defn-", "reify", "deftype", "defrecord"]
) | frozenset(["extend-type", "extend-protocol", "proxy", "for", "doseq", "dotimes", "quote"])
"""Forms whose ``recur`` jumps elsewhere (or is no code)."""

_MAX_NESTING = 32


def likely_longs(body: list[Any], names: list[str], candidates: set[int]) -> set[int]:
    """The variables among ``candidates`` (indexes into ``names``) that every
    ``recur`` written in ``body`` gives what looks like a long, assuming the
    same of the others: a guess, checked as the body compiles."""
    recurs = [args for args in _recurs(body) if len(args) == len(names)]
    longs = set(candidates)
    changed = True
    while changed and longs:
        changed = False
        symbols = {names[i] for i in longs}
        for args in recurs:
            for i in sorted(longs):
                if not _looks_long(args[i], symbols, 0):
                    longs.discard(i)
                    symbols.discard(names[i])
                    changed = True
    return longs


def _recurs(body: list[Any]) -> Iterator[list[Any]]:
    """The arguments of each ``(recur ...)`` in ``body`` that jumps to it."""
    stack = [form for form in body if isinstance(form, PList)]
    while stack:
        form = stack.pop()
        head = form.first()
        if isinstance(head, Symbol) and head.ns is None:
            if head.name == "recur":
                yield list(form.more())
                continue
            if head.name in _OWN_TARGET:
                continue
        stack.extend(x for x in form if isinstance(x, PList))


def _looks_long(form: Any, symbols: set[str], depth: int) -> bool:
    if type(form) is int:
        return LONG_MIN <= form <= LONG_MAX
    if isinstance(form, Symbol):
        return form.ns is None and form.name in symbols
    if not isinstance(form, PList) or depth > _MAX_NESTING:
        return False
    head = form.first()
    if not isinstance(head, Symbol) or head.ns not in (None, "clojure.core"):
        return False
    if head.name == "if" and head.ns is None:
        branches = list(form.more())[1:]
        return len(branches) == 2 and all(_looks_long(x, symbols, depth + 1) for x in branches)
    if head.name == "cond" and head.ns is None:
        clauses = list(form.more())
        return (
            len(clauses) >= 2
            and len(clauses) % 2 == 0
            and (isinstance(clauses[-2], Keyword) or clauses[-2] is True)
            and all(_looks_long(x, symbols, depth + 1) for x in clauses[1::2])
        )
    arity = _ARITY.get(head.name)
    if arity is None or not arity[0] <= form.count - 1 <= arity[1]:
        return False
    return all(_looks_long(x, symbols, depth + 1) for x in form.more())


class ExpansionMemo:
    """The macro expansions made while a loop body compiles, replayed when it
    compiles again: the n-th expansion of a form object in a pass is the n-th
    of the pass before, so a macro runs (prints, counts, makes gensyms) as
    often as without the second pass, and a form a macro placed twice still
    expands twice."""

    def __init__(self) -> None:
        self.done: dict[int, list[tuple[Any, Any]]] = {}
        self.cursor: dict[int, int] = {}
        self.log: list[int] = []

    def mark(self) -> int:
        """Where a pass begins."""
        return len(self.log)

    def rewind(self, mark: int) -> None:
        """Begin the pass that began at ``mark`` again."""
        while len(self.log) > mark:
            self.cursor[self.log.pop()] -= 1

    def expand(self, form: Any, compute: Callable[[], Any]) -> Any:
        key = id(form)  # the stored form stays alive, so its id names it
        n = self.cursor.get(key, 0)
        self.cursor[key] = n + 1
        self.log.append(key)
        seen = self.done.setdefault(key, [])
        if n < len(seen):
            return seen[n][1]
        expanded = compute()
        seen.append((form, expanded))
        return expanded

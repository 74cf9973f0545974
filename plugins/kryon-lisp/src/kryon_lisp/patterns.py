"""Regular expressions the time limit can stop.

Python's ``re`` matches in C without ever returning to the interpreter, so a
catastrophic pattern (``#"(a|aa)+$"`` on a long subject) would hold the
process far past any deadline.  Script regexes are ``regex`` patterns
instead: every match gets the time left to the running call as its timeout,
and running out of it is the call's :class:`TimeLimitError`.

The timeout is not free: ``regex`` then reads the clock as it scans, which
makes a split of a long text six times slower than ``re``'s.  A pattern that
cannot backtrack (fixed-width atoms, at most one quantifier and that one
last) matches in linear time, so it runs without a timeout, and on an ASCII
subject (where the two modules' classes agree) through an ``re`` twin.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import regex

from kryon_core import TimeLimitError
from kryon_lisp import limits

__all__ = [
    "Pattern",
    "compile_pattern",
    "error",
    "finditer",
    "fullmatch",
    "search",
    "split",
    "sub",
]

Pattern = regex.Pattern
error = regex.error


def compile_pattern(text: Any) -> Any:
    """``re-pattern`` and ``#"..."``: a pattern (``regex.error`` when invalid)."""
    if type(text) is Pattern:
        return text  # as Clojure: a pattern is its own pattern
    if not isinstance(text, str):
        from kryon_lisp.printer import type_name

        raise TypeError(f"{type_name(text)} cannot be cast to java.lang.String")
    return regex.compile(_from_java(text) if "\\" in text else text)


def _from_java(text: str) -> str:
    """Java's pattern syntax Python's lacks: ``\\Q...\\E`` quotes a literal run
    (to ``\\E`` or the end) and ``\\z`` is the very end of the input."""
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != "\\" or i + 1 == n:
            out.append(c)
            i += 1
            continue
        nxt = text[i + 1]
        if nxt == "Q":
            end = text.find("\\E", i + 2)
            literal = text[i + 2 :] if end < 0 else text[i + 2 : end]
            out.append(regex.escape(literal))
            i = n if end < 0 else end + 2
        elif nxt == "z":
            out.append("\\Z")
            i += 2
        else:
            out.append(text[i : i + 2])
            i += 2
    return "".join(out)


_ATOM = (
    r"(?:[^\\\[\](){}|*+?.^$]|\\[^A-Za-z0-9]|\\[dDsSwWntrfv]|\."
    r"|\[\^?\]?(?:[^\]\\\[]|\\[^A-Za-z0-9]|\\[dDsSwWntrfv])*\])"
)
_LINEAR = regex.compile(rf"\^?(?:{_ATOM}|\\[bB])*(?:{_ATOM}[*+?]|\$)?")
"""Patterns without backtracking: a run of single-character atoms (literals,
escapes, classes, ``.``) and word boundaries, then optionally one quantified
atom or ``$``; nothing may follow the quantifier (``\\s+$`` on a long run of
spaces is quadratic)."""

_UNLIKE_SPACES = re.compile("[\x1c-\x1f]")
"""ASCII characters ``re`` counts as ``\\s`` and ``regex`` does not."""


@functools.lru_cache(maxsize=512)
def _linear_twin(text: str) -> Any:
    """None when ``text`` may backtrack, else its ``re`` twin (False when
    ``re`` cannot compile it)."""
    if not _LINEAR.fullmatch(text):
        return None
    try:
        return re.compile(text)
    except re.error:
        return False


def _fast(pattern: Any, s: str) -> Any:
    """What runs ``pattern`` on ``s`` without a timeout, or None."""
    twin = _linear_twin(pattern.pattern)
    if twin is None:
        return None
    if twin is not False and s.isascii() and not _UNLIKE_SPACES.search(s):
        return twin
    return pattern


def _timeout() -> float | None:
    budget = limits.current.budget
    if budget is None or budget.deadline is None:
        return None
    return max(budget.deadline - time.monotonic(), 0.001)


def _expired() -> TimeLimitError:
    budget = limits.current.budget
    limit = budget.time_limit_ms if budget is not None else None
    return TimeLimitError(f"time limit of {limit} ms exceeded (in a regular expression)")


def _timed(run: Callable[[float | None], Any]) -> Any:
    try:
        return run(_timeout())
    except TimeoutError:
        raise _expired() from None


def search(pattern: Any, s: str) -> Any:
    fast = _fast(pattern, s)
    if fast is not None:
        return fast.search(s)
    return _timed(lambda t: pattern.search(s, timeout=t))


def fullmatch(pattern: Any, s: str) -> Any:
    fast = _fast(pattern, s)
    if fast is not None:
        return fast.fullmatch(s)
    return _timed(lambda t: pattern.fullmatch(s, timeout=t))


def finditer(pattern: Any, s: str) -> Iterator[Any]:
    """Matches one by one, all within the time left when the first is looked for."""
    fast = _fast(pattern, s)
    if fast is not None:
        yield from fast.finditer(s)
        return
    matches = _timed(lambda t: pattern.finditer(s, timeout=t))
    while True:
        try:
            m = next(matches)
        except StopIteration:
            return
        except TimeoutError:
            raise _expired() from None
        yield m


def sub(pattern: Any, replacement: Any, s: str, count: int = 0) -> str:
    fast = _fast(pattern, s)
    if fast is not None:
        return str(fast.sub(replacement, s, count=count))
    return str(_timed(lambda t: pattern.sub(replacement, s, count=count, timeout=t)))


def split(pattern: Any, s: str, maxsplit: int = 0) -> list[str]:
    fast = _fast(pattern, s)
    if fast is not None:
        return list(fast.split(s, maxsplit=maxsplit))
    return list(_timed(lambda t: pattern.split(s, maxsplit=maxsplit, timeout=t)))

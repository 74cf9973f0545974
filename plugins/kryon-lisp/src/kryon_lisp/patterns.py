"""Regular expressions the time limit can stop.

Python's ``re`` matches in C without ever returning to the interpreter, so a
catastrophic pattern (``#"(a|aa)+$"`` on a long subject) would hold the
process far past any deadline.  Script regexes are ``regex`` patterns
instead: every match gets the time left to the running call as its timeout,
and running out of it is the call's :class:`TimeLimitError`.
"""

from __future__ import annotations

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


def compile_pattern(text: str) -> Any:
    """``re-pattern`` and ``#"..."``: a pattern (``regex.error`` when invalid)."""
    return regex.compile(text)


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
    return _timed(lambda t: pattern.search(s, timeout=t))


def fullmatch(pattern: Any, s: str) -> Any:
    return _timed(lambda t: pattern.fullmatch(s, timeout=t))


def finditer(pattern: Any, s: str) -> Iterator[Any]:
    """Matches one by one, all within the time left when the first is looked for."""
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
    return str(_timed(lambda t: pattern.sub(replacement, s, count=count, timeout=t)))


def split(pattern: Any, s: str, maxsplit: int = 0) -> list[str]:
    return list(_timed(lambda t: pattern.split(s, maxsplit=maxsplit, timeout=t)))

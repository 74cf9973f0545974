"""The report ``python script.py`` prints for an uncaught exception, cut down
to the script's frames.

Standard library only: the isolated worker imports it too.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Generator, Iterator
from types import FrameType
from typing import Any

__all__ = ["MOST_REPORT_CHARS", "python_report", "script_stack_functions"]

MOST_REPORT_CHARS = 64 * 1024
"""Longest report kept: its end (the exception that ended the program) is
what matters, so a longer one loses its beginning."""


def python_report(exc: BaseException, is_script: Callable[[str], bool]) -> str:
    """What python writes on stderr when ``exc`` ends the program: each
    exception of the chain (``raise ... from``, one raised while handling
    another, exception groups) with its traceback, joined by python's
    sentences, in python's format (source lines and carets where the
    source is known).  Frames of code that is not a script's (the engine's,
    the standard library's) are left out, except code the script compiled
    itself (``exec``, ``eval``; ``"<string>"``, a dataclass's ``__init__``),
    which python shows too.  Script code runs here
    (``__str__``, notes): call this under the policy's limits."""
    report = traceback.TracebackException(
        type(exc), exc, exc.__traceback__, lookup_lines=False, compact=True
    )
    for shown, error in _chain(report, exc):
        shown.stack = traceback.StackSummary.from_list(
            [frame for frame in shown.stack if _frame_shown(frame.filename, is_script)]
        )
        if sys.version_info < (3, 11):
            _name_as_python_310_does(shown)
        if sys.version_info < (3, 12):  # (its traceback module offers them itself)
            _offer_suggestion(shown, error)
    text = "".join(report.format())
    if len(text) > MOST_REPORT_CHARS:
        cut = len(text) - MOST_REPORT_CHARS
        text = f"[{cut:,} characters of the report left out]\n" + text[cut:]
    return text.rstrip("\n")


def _chain(
    report: traceback.TracebackException, exc: BaseException
) -> Iterator[tuple[traceback.TracebackException, BaseException]]:
    """Each exception of the chain (causes, contexts, members of groups, as
    far as the report shows them) with the report's part for it, once each
    (iteratively: a chain may be long; it is never a cycle here, but is
    checked anyway)."""
    pending: list[tuple[traceback.TracebackException, BaseException]] = [(report, exc)]
    seen: set[int] = set()
    while pending:
        shown, error = pending.pop()
        if id(shown) in seen:
            continue
        seen.add(id(shown))
        yield shown, error
        for linked, original in (
            (shown.__cause__, error.__cause__),
            (shown.__context__, error.__context__),
        ):
            if linked is not None and original is not None:
                pending.append((linked, original))
        members = getattr(error, "exceptions", ())
        pending += zip(
            getattr(shown, "exceptions", None) or (), members, strict=False
        )  # (a group shows 15)


def _name_as_python_310_does(report: traceback.TracebackException) -> None:
    """Python 3.10 prints an uncaught error with its C printer, not the
    traceback module, which words its last line otherwise: a program's own
    class as ``__main__.Name``, a failing ``__str__`` as ``<exception str()
    failed>``."""
    final = report.format_exception_only
    exc_type = report.exc_type
    module = getattr(exc_type, "__module__", None)
    unprintable = f"<unprintable {getattr(exc_type, '__name__', '')} object>\n"

    def format_exception_only() -> Generator[str, None, None]:
        lines = list(final())
        if lines and lines[-1].endswith(unprintable):
            lines[-1] = lines[-1][: -len(unprintable)] + "<exception str() failed>\n"
        if lines and module == "__main__":
            lines[-1] = "__main__." + lines[-1]
        yield from lines

    report.format_exception_only = format_exception_only  # type: ignore[method-assign]


def _offer_suggestion(shown: traceback.TracebackException, error: BaseException) -> None:
    """Python 3.10 and 3.11 name a close match after a ``NameError`` or
    ``AttributeError`` (``Did you mean: 'values'?``) in their C printer, not
    in the traceback module."""
    match = _suggestion(error)
    added = f". Did you mean: '{match}'?"
    # (on 3.10 the exceptiongroup backport, when installed, adds it too)
    if match is not None and not shown._str.endswith(added):  # type: ignore[attr-defined]
        shown._str += added  # type: ignore[attr-defined]


_MOST_CANDIDATES = 750
_LONGEST_NAME = 40
_MOVE_COST = 2
_CASE_COST = 1


def _suggestion(error: BaseException) -> str | None:
    """The name python suggests for a missing one: among the object's
    attributes for an ``AttributeError``; among the innermost frame's locals,
    then its globals, then its builtins for a ``NameError``."""
    name = getattr(error, "name", None)
    if not isinstance(name, str):
        return None
    if isinstance(error, AttributeError):
        try:
            candidates = dir(error.obj)
        except Exception:
            return None
        return _closest(name, candidates)
    if isinstance(error, NameError):
        tb = error.__traceback__
        if tb is None:
            return None
        while tb.tb_next is not None:
            tb = tb.tb_next
        frame = tb.tb_frame
        for scope in (frame.f_locals, frame.f_globals, frame.f_builtins):
            found = _closest(name, list(scope))
            if found is not None:
                return found
    return None


def _closest(name: str, candidates: list[Any]) -> str | None:
    if len(candidates) >= _MOST_CANDIDATES:
        return None
    best, best_cost = None, 0
    for candidate in candidates:
        if not isinstance(candidate, str) or candidate == name:
            continue
        limit = (len(name) + len(candidate) + 3) * _MOVE_COST // 6
        if best is not None:
            limit = min(limit, best_cost - 1)
        cost = _edit_cost(name, candidate, limit)
        if cost <= limit and (best is None or cost < best_cost):
            best, best_cost = candidate, cost
    return best


def _edit_cost(a: str, b: str, limit: int) -> int:
    """The edit distance python's suggestions use: inserting, deleting or
    replacing a character costs 2, a change of case only 1; past ``limit``
    (or for names longer than 40 characters) anything above it."""
    if a == b:
        return 0
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return (len(a) + len(b)) * _MOVE_COST
    if len(a) > _LONGEST_NAME or len(b) > _LONGEST_NAME:
        return limit + 1
    if len(a) > len(b):
        a, b = b, a
    if (len(b) - len(a)) * _MOVE_COST > limit:
        return limit + 1
    row = [(i + 1) * _MOVE_COST for i in range(len(a))]
    result = 0
    for j, b_char in enumerate(b):
        diagonal = j * _MOVE_COST
        result = diagonal + _MOVE_COST
        low = result
        for i, a_char in enumerate(a):
            if a_char == b_char:
                replace = 0
            elif a_char.lower() == b_char.lower() and a_char.isascii() and b_char.isascii():
                replace = _CASE_COST
            else:
                replace = _MOVE_COST
            result = min(diagonal + replace, row[i] + _MOVE_COST, result + _MOVE_COST)
            diagonal, row[i] = row[i], result
            low = min(low, result)
        if low > limit:
            return limit + 1
    return result


def _frame_shown(filename: str, is_script: Callable[[str], bool]) -> bool:
    # "<string>": code the script compiled itself (exec, a dataclass's __init__)
    return filename == "<string>" or is_script(filename)


def script_stack_functions(is_script: Callable[[str], bool]) -> dict[str, Callable[..., Any]]:
    """``traceback.extract_stack``, ``format_stack`` and ``print_stack`` for
    scripts: the stack starts at the script's outermost frame, as under
    ``python`` (the engine's frames above it, through which the script was
    run, are left out; library frames between script frames stay)."""

    def extract_stack(f: FrameType | None = None, limit: int | None = None) -> Any:
        if f is None:
            f = sys._getframe(1)
        stack = list(traceback.extract_stack(f))
        first = next((i for i, frame in enumerate(stack) if is_script(frame.filename)), 0)
        stack = stack[first:]
        if limit is not None:  # as python's: the innermost frames, or the outermost if < 0
            stack = stack[max(len(stack) - limit, 0) :] if limit >= 0 else stack[:-limit]
        return traceback.StackSummary.from_list(stack)

    def format_stack(f: FrameType | None = None, limit: int | None = None) -> list[str]:
        if f is None:
            f = sys._getframe(1)
        return traceback.format_list(extract_stack(f, limit))

    def print_stack(f: FrameType | None = None, limit: int | None = None, file: Any = None) -> None:
        if f is None:
            f = sys._getframe(1)
        traceback.print_list(extract_stack(f, limit), file=file)

    functions: dict[str, Callable[..., Any]] = {
        "extract_stack": extract_stack,
        "format_stack": format_stack,
        "print_stack": print_stack,
    }
    for name, function in functions.items():
        real = getattr(traceback, name)
        function.__doc__, function.__module__ = real.__doc__, "traceback"
    return functions

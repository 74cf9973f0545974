"""The report ``python script.py`` prints for an uncaught exception, cut down
to the script's frames.

Standard library only: the isolated worker imports it too.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Generator
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
    _keep_script_frames(report, is_script)
    text = "".join(report.format())
    if len(text) > MOST_REPORT_CHARS:
        cut = len(text) - MOST_REPORT_CHARS
        text = f"[{cut:,} characters of the report left out]\n" + text[cut:]
    return text.rstrip("\n")


def _keep_script_frames(
    report: traceback.TracebackException, is_script: Callable[[str], bool]
) -> None:
    """Cut every traceback of the chain down to script frames (iteratively:
    a chain may be long, and is never a cycle here, but is checked anyway)."""
    seen: set[int] = set()
    pending = [report]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.stack = traceback.StackSummary.from_list(
            [frame for frame in current.stack if _shown(frame.filename, is_script)]
        )
        pending += [
            linked
            for linked in (current.__cause__, current.__context__)
            if isinstance(linked, traceback.TracebackException)
        ]
        pending += getattr(current, "exceptions", None) or ()  # groups (3.11)
        if sys.version_info < (3, 11):
            _name_as_python_310_does(current)


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


def _shown(filename: str, is_script: Callable[[str], bool]) -> bool:
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

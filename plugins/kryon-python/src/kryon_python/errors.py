"""Python exceptions -> Kryon errors, with tracebacks cut down to script frames."""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Mapping, Sequence
from types import TracebackType
from typing import Any

from kryon_core import (
    ConversionError,
    MemoryLimitError,
    RecursionLimitError,
    ScriptError,
    ScriptExit,
    ScriptRuntimeError,
    SecurityError,
    StackFrame,
    TimeLimitError,
)
from kryon_python.pytraceback import MOST_REPORT_CHARS, python_report
from kryon_python.toplevel import describe_exception, exit_status
from kryon_python.tracer import RecursionLimitExceeded
from kryon_python.watchdog import TimeLimitExceeded

__all__ = [
    "HostError",
    "HostExit",
    "error_from_exception",
    "error_from_report",
    "locate_host_error",
    "traceback_frames",
]


class HostError(Exception):
    """Raised inside a script when a ``kryon`` host function fails.

    Scripts catch it as ``kryon.HostError`` (or ``Exception``); left uncaught,
    the call fails with the host's original error.
    """

    def __init__(self, error: ScriptError) -> None:
        super().__init__(error.message)
        self.error = error


class HostExit(SystemExit):
    """Raised inside a script when a ``kryon`` host function ended with a
    program exit (a script it called exited): as in Python, only ``except
    SystemExit``/``BaseException`` catch it; left uncaught, the call fails
    with the original :class:`~kryon_core.ScriptExit`."""

    def __init__(self, error: ScriptExit) -> None:
        super().__init__(error.exit_message or error.status)
        self.error = error


def traceback_frames(tb: TracebackType | None, scripts: Collection[str]) -> list[StackFrame]:
    """The script frames of a traceback, outermost first."""
    frames: list[StackFrame] = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename in scripts:
            frames.append(StackFrame(code.co_filename, code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return frames


def error_from_exception(exc: BaseException, scripts: Collection[str], script: str) -> ScriptError:
    """The Kryon error for an exception that escaped script code."""
    frames = traceback_frames(exc.__traceback__, scripts)
    where = frames[-1] if frames else None
    located: dict[str, Any] = {
        "script": where.script if where else script,
        "line": where.line if where else None,
        "traceback": frames,
    }
    if isinstance(exc, HostError | HostExit):
        return locate_host_error(exc.error, frames, script)
    if isinstance(exc, ScriptError):
        return exc.with_script(script)
    if isinstance(exc, TimeLimitExceeded):
        return TimeLimitError("the call ran past the policy's time limit", **located)
    if isinstance(exc, RecursionLimitExceeded | RecursionError):
        return RecursionLimitError(f"RecursionError: {exc}", **located)
    if isinstance(exc, MemoryError):
        return MemoryLimitError("MemoryError: out of memory", **located)
    if isinstance(exc, SystemExit):
        status, message = exit_status(exc)
        return ScriptExit(status, message, **located)
    with contextlib.suppress(Exception):  # else the message alone
        located["rendered"] = python_report(exc, scripts.__contains__)
    return ScriptRuntimeError(describe_exception(exc), **located)


def locate_host_error(
    error: ScriptError, frames: Sequence[StackFrame], script: str | None
) -> ScriptError:
    """A host error the script left uncaught, placed where the script made the
    call: ``frames`` are the script's frames down to that call (outermost
    first).  An error raised without a line (a refused capability, an unknown
    function, a host function's own failure) takes the calling line; one that
    already has its place (an error in a script called through the host)
    keeps it.  Either way the script's frames lead its traceback.  The
    error keeps its class; returns it."""
    where = frames[-1] if frames else None
    if frames and error.traceback[: len(frames)] != list(frames):
        error.traceback = [*frames, *error.traceback]
        error.rendered = None  # python's report of the callee alone: the frames tell more
    if where is not None and error.line is None and error.script in (None, where.script):
        return error.amend(script=where.script, line=where.line)
    if error.script is None and script is not None:
        return error.amend(script=script)
    return error


_KINDS: Mapping[str, type[ScriptError]] = {
    "runtime": ScriptRuntimeError,
    "time": TimeLimitError,
    "memory": MemoryLimitError,
    "recursion": RecursionLimitError,
    "security": SecurityError,
    "conversion": ConversionError,
}


def error_from_report(report: object, fallback_script: str | None) -> ScriptError:
    """Rebuild an error the worker reported.  The worker is untrusted: every
    field is checked and anything malformed becomes a plain runtime error."""
    if not isinstance(report, dict):
        return ScriptRuntimeError("the worker sent a malformed error", script=fallback_script)
    kind = report.get("kind")
    if kind == "exit":
        return _exit_from_report(report, fallback_script)
    cls = _KINDS.get(kind if isinstance(kind, str) else "", ScriptRuntimeError)
    place = _place(report, fallback_script)
    if cls is ScriptRuntimeError:
        place["rendered"] = _text(report.get("rendered"), _MOST_REPORT_TEXT)
    return cls(_text(report.get("message")) or "error", **place)


def _place(report: dict[Any, Any], fallback_script: str | None) -> dict[str, Any]:
    """Where a reported error happened: script, line and (bounded) frames."""
    raw_frames = report.get("frames")
    line = report.get("line")
    return {
        "script": _text(report.get("script")) or fallback_script,
        "line": line if isinstance(line, int) and not isinstance(line, bool) else None,
        "traceback": frames_from_report(raw_frames[-200:]) if isinstance(raw_frames, list) else [],
    }


_MOST_REPORT_TEXT = MOST_REPORT_CHARS + 100
"""Characters of python's report of an uncaught error kept (with its header)."""

_MOST_EXIT_TEXT = 1 << 20
"""Characters of a ``sys.exit("message")`` kept (python prints it all)."""


def _exit_from_report(report: dict[Any, Any], fallback_script: str | None) -> ScriptExit:
    status = report.get("status")
    if not isinstance(status, int) or isinstance(status, bool) or abs(status) > 1 << 63:
        status = 1
    message = _text(report.get("exit_message"), _MOST_EXIT_TEXT)
    return ScriptExit(status, message, **_place(report, fallback_script))


def _text(value: object, limit: int = 4000) -> str | None:
    return value[:limit] if isinstance(value, str) else None


def frames_from_report(raw: Sequence[object]) -> list[StackFrame]:
    """Stack frames in a worker reply (``[[script, function, line], ...]``)."""
    out: list[StackFrame] = []
    for item in raw:
        if (
            isinstance(item, list)
            and len(item) == 3
            and isinstance(item[0], str)
            and isinstance(item[1], str)
            and isinstance(item[2], int)
        ):
            out.append(StackFrame(item[0], item[1], item[2]))
    return out

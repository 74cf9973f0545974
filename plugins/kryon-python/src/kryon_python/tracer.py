"""Breakpoints, script stacks and the recursion limit for in-process scripts,
through ``sys.settrace``.

The tracer is installed only around calls that need it (debug mode with
breakpoints, or a policy recursion limit), so ordinary calls pay nothing.
Only frames whose code belongs to a loaded script are traced line by line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection
from types import CodeType, FrameType
from typing import Any

from kryon_core import (
    BreakpointHit,
    BreakpointId,
    StackFrame,
)
from kryon_python.watchdog import TimeLimitExceeded

__all__ = ["BreakpointHandler", "RecursionLimitExceeded", "ScriptTracer", "script_stack"]

TraceFunction = Callable[[FrameType, str, Any], Any]
BreakpointHandler = Callable[[BreakpointHit], None]
_SIMPLE = (type(None), bool, int, float, str)


class RecursionLimitExceeded(BaseException):
    """Raised in a script frame nested deeper than the policy allows."""


def script_stack(
    frame: FrameType | None, scripts: Collection[str], *, with_locals: bool = False
) -> list[StackFrame]:
    """Script frames from ``frame`` outwards, returned outermost first."""
    frames: list[StackFrame] = []
    while frame is not None:
        code = frame.f_code
        if code.co_filename in scripts:
            frames.append(
                StackFrame(
                    script=code.co_filename,
                    function=code.co_name,
                    line=frame.f_lineno,
                    locals=_locals(frame) if with_locals else None,
                )
            )
        frame = frame.f_back
    frames.reverse()
    return frames


def _locals(frame: FrameType) -> dict[str, Any]:
    if frame.f_code.co_name == "<module>":
        return {}
    return {
        name: value if type(value) in _SIMPLE else repr(value)[:200]
        for name, value in frame.f_locals.items()
    }


def _raise_time_limit(frame: FrameType, event: str, arg: Any) -> TraceFunction | None:
    # Only inside the handler that caught the watchdog's exception: raising from
    # a trace function switches tracing off, so it must count, and an exception
    # raised in an ``except`` block escapes its ``try``.
    if event == "line" and isinstance(sys.exc_info()[1], TimeLimitExceeded):
        raise TimeLimitExceeded("the call ran past the policy's time limit")
    return _raise_time_limit


class _LineMonitor:
    """The same for frames that run already, through ``sys.monitoring`` (3.12+).

    From 3.13 a ``frame.f_trace`` set by another thread (the watchdog) gets no
    events; line events a monitoring tool asks for on the frame's code do, and
    an exception its callback raises propagates into the code, as a trace
    function's does.  One tool for the process, taken on first use among the
    ids ``sys.monitoring`` leaves free (3 and 4); None when both are taken.
    """

    _tool: int | None = None

    @classmethod
    def tool(cls) -> int | None:
        if sys.version_info >= (3, 12) and cls._tool is None:
            monitoring = sys.monitoring
            for tool in (3, 4):
                if monitoring.get_tool(tool) is None:
                    monitoring.use_tool_id(tool, "kryon-python time limit")
                    monitoring.register_callback(tool, monitoring.events.LINE, cls._line)
                    cls._tool = tool
                    break
        return cls._tool

    @staticmethod
    def _line(code: CodeType, line: int) -> None:
        if isinstance(sys.exc_info()[1], TimeLimitExceeded):
            raise TimeLimitExceeded("the call ran past the policy's time limit")

    @classmethod
    def watch(cls, code: CodeType, on: bool) -> bool:
        """Line events of ``code`` on or off; False when no tool is free."""
        tool = cls.tool()
        if tool is None:
            return False
        if sys.version_info >= (3, 12):
            events = sys.monitoring.events.LINE if on else 0
            sys.monitoring.set_local_events(tool, code, events)
        return True


class ScriptTracer:
    """Line breakpoints and call-depth counting for the scripts of one engine."""

    def __init__(self, scripts: Collection[str]) -> None:
        self._scripts = scripts
        self._breakpoints: dict[BreakpointId, tuple[str, int]] = {}
        self._lines: dict[str, set[int]] = {}
        self._next_id = 0
        self._handler: BreakpointHandler | None = None
        self._debug = False
        self._recursion_limit: int | None = None
        self.needed = False
        """Whether calls must run under the tracer (kept current for the hot path)."""
        self.stoppable = False
        """Trace every call so that a time limit can stop a script that swallows
        the watchdog's exception (see :meth:`stop`)."""
        self._stopping = False
        self._monitored: set[CodeType] = set()
        """Code of frames that ran when the call was stopped (see :class:`_LineMonitor`)."""

    def _update(self) -> None:
        self.needed = (
            self.stoppable
            or self._recursion_limit is not None
            or (self._debug and self._handler is not None and any(self._lines.values()))
        )

    @property
    def handler(self) -> BreakpointHandler | None:
        return self._handler

    @handler.setter
    def handler(self, handler: BreakpointHandler | None) -> None:
        self._handler = handler
        self._update()

    @property
    def debug(self) -> bool:
        return self._debug

    @debug.setter
    def debug(self, enabled: bool) -> None:
        self._debug = enabled
        self._update()

    @property
    def recursion_limit(self) -> int | None:
        return self._recursion_limit

    @recursion_limit.setter
    def recursion_limit(self, limit: int | None) -> None:
        self._recursion_limit = limit
        self._update()

    def add(self, script: str, line: int) -> BreakpointId:
        self._next_id += 1
        bid = BreakpointId(self._next_id)
        self._breakpoints[bid] = (script, line)
        self._lines.setdefault(script, set()).add(line)
        self._update()
        return bid

    def remove(self, bid: BreakpointId) -> None:
        script, line = self._breakpoints.pop(bid, ("", 0))
        if not any(where == (script, line) for where in self._breakpoints.values()):
            self._lines.get(script, set()).discard(line)
        self._update()

    def install(self) -> Any:
        """Start tracing the current thread; returns the previous trace function."""
        previous = sys.gettrace()
        sys.settrace(self._on_call)
        return previous

    @staticmethod
    def restore(previous: Any) -> None:
        sys.settrace(previous)

    def stop(self, frame: FrameType | None) -> None:
        """Called from the watchdog thread when a call outlives its deadline and
        keeps catching the exception: every script frame of the stuck thread,
        and every new one, is traced, and the first line run by a handler that
        caught the exception raises it again, out of the ``try``."""
        self._stopping = True
        while frame is not None:
            code = frame.f_code
            if code.co_filename in self._scripts:
                if _LineMonitor.watch(code, True):
                    self._monitored.add(code)
                else:
                    frame.f_trace = _raise_time_limit
            frame = frame.f_back

    def reset(self) -> None:
        self._stopping = False
        while self._monitored:
            _LineMonitor.watch(self._monitored.pop(), False)

    def _on_call(self, frame: FrameType, event: str, arg: Any) -> TraceFunction | None:
        filename = frame.f_code.co_filename
        if filename not in self._scripts:
            return None
        if self._stopping:
            return _raise_time_limit
        limit = self._recursion_limit
        if limit is not None and event == "call":
            depth = 0
            outer: FrameType | None = frame
            while outer is not None and depth <= limit:
                if outer.f_code.co_filename in self._scripts:
                    depth += 1
                outer = outer.f_back
            if depth > limit:
                raise RecursionLimitExceeded(f"call depth exceeds the limit of {limit}")
        if self._debug and self._handler is not None and filename in self._lines:
            return self._on_line
        return None

    def _on_line(self, frame: FrameType, event: str, arg: Any) -> TraceFunction | None:
        if event == "line":
            filename = frame.f_code.co_filename
            line = frame.f_lineno
            if line in self._lines.get(filename, ()):
                self._hit(frame, filename, line)
        return self._on_line

    def _hit(self, frame: FrameType, script: str, line: int) -> None:
        handler = self._handler
        if handler is None:
            return
        bid = next(
            (b for b, where in self._breakpoints.items() if where == (script, line)),
            BreakpointId(0),
        )
        frames = tuple(script_stack(frame, self._scripts, with_locals=True))
        handler(BreakpointHit(breakpoint=bid, script=script, line=line, frames=frames))

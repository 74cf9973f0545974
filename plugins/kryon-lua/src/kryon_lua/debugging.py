"""Breakpoints, debug mode and stack traces of one Lua VM.

Breakpoints are kept by the kernel per (chunk source, line) and checked by a
line hook that is on only while debug mode is on and a breakpoint exists.  In
debug mode, traceback frames also carry their locals.
"""

from __future__ import annotations

from typing import Any

from kryon_core import (
    BreakpointHandler,
    BreakpointId,
    StackFrame,
    UnsupportedOperationError,
)
from kryon_lua.errors import FunctionNames, stack_frames
from kryon_lua.host import HostCalls

__all__ = ["LuaDebugger"]


class LuaDebugger:
    """The debugging side of a LuaEngine."""

    def __init__(self, kernel: Any, host: HostCalls, names: FunctionNames) -> None:
        self._kernel = kernel
        self._host = host
        self._names = names
        self._breakpoints: set[int] = set()
        self._next = 0
        self._enabled = False
        self.handler_errors: list[BaseException] = []
        """Exceptions raised by the breakpoint handler (never raised into Lua)."""

    def set_debug_mode(self, enabled: bool) -> None:
        self._enabled = enabled
        self._kernel.set_debug(enabled)
        self._kernel.set_line_hook(enabled and bool(self._breakpoints))

    def set_breakpoint(self, script: str, line: int) -> BreakpointId:
        """Stop at ``line`` of ``script`` (turns debug mode on)."""
        self._next += 1
        self._breakpoints.add(self._next)
        self._kernel.set_breakpoint(b"=" + script.encode(), line, self._next)
        self.set_debug_mode(True)
        return BreakpointId(self._next)

    def remove_breakpoint(self, breakpoint_id: BreakpointId) -> None:
        if breakpoint_id not in self._breakpoints:
            raise UnsupportedOperationError(f"no breakpoint {breakpoint_id}")
        self._breakpoints.discard(breakpoint_id)
        self._kernel.remove_breakpoint(breakpoint_id)
        self.set_debug_mode(self._enabled)

    def set_breakpoint_handler(self, handler: BreakpointHandler | None) -> None:
        if handler is None:
            self._kernel.set_breakpoint_handler(None)
            return
        self._kernel.set_breakpoint_handler(
            self._host.breakpoint_callback(handler, self.handler_errors.append, self._names)
        )

    def stack_trace(self) -> list[StackFrame]:
        return stack_frames(self._kernel.stack(), self._names, self._host.locals_of)

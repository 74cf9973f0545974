"""Python callables that Lua calls: the ``kryon`` API, print, FunctionRefs.

Every callable here *returns* its outcome and never raises into Lua: lupa
would hand a raised Python exception to the script as an object (reachable
with ``pcall``), and from there its ``__traceback__`` frames lead to the host's
globals.  The kernel's Lua wrapper turns the returned status into a Lua error:

* ``(True, value)``: success;
* ``(False, error type, message)``: the script sees a catchable Lua error
  ``{type=, message=}`` (``tostring`` gives ``"type: message"``);
* ``(None, b"", b"")``: the host was interrupted (KeyboardInterrupt, ...):
  the kernel trips an uncatchable stop and the engine re-raises it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kryon_core import (
    BreakpointHit,
    BreakpointId,
    FunctionRef,
    HostFunction,
    ScriptBridge,
    ScriptError,
    StackFrame,
    Value,
    values_equal,
)
from kryon_lua.convert import LuaConverter
from kryon_lua.errors import FunctionNames, script_of, stack_frames

__all__ = ["HostCalls"]

Outcome = tuple[Any, ...]


class HostCalls:
    """Builds the never-raising callables of one engine."""

    def __init__(self) -> None:
        self.converter: LuaConverter | None = None
        self.pending: BaseException | None = None

    def _fail(self, exc: BaseException) -> Outcome:
        if isinstance(exc, ScriptError):
            return (False, type(exc).__name__.encode(), _bytes(exc.message))
        if isinstance(exc, Exception):
            return (False, b"HostError", _bytes(f"{type(exc).__name__}: {exc}"))
        self.pending = exc
        return (None, b"", b"")

    def take_pending(self) -> BaseException | None:
        pending, self.pending = self.pending, None
        return pending

    def host_function(self, function: HostFunction) -> Callable[..., Outcome]:
        fn = function.fn

        def call(caller: str, *args: Any) -> Outcome:
            try:
                converter = self.converter
                assert converter is not None
                values = [converter.from_lua(a) for a in args]
                return (True, converter.to_lua(fn(caller, *values)))
            except BaseException as exc:
                return self._fail(exc)

        return call

    def writer(self, bridge: ScriptBridge) -> Callable[[str, bytes], Outcome]:
        def write(caller: str, text: bytes) -> Outcome:
            try:
                bridge.write(text.decode("utf-8", "replace"), stream="stdout", script=caller)
                return (True, None)
            except BaseException as exc:
                return self._fail(exc)

        return write

    def call_ref(self, ref: Any, *args: Any) -> Outcome:
        """Call a host FunctionRef (or refuse a non-callable opaque value)."""
        try:
            converter = self.converter
            assert converter is not None
            if not isinstance(ref, FunctionRef):
                return (False, b"TypeError", b"opaque host value is not callable")
            values = [converter.from_lua(a) for a in args]
            return (True, converter.to_lua(ref.call(values)))
        except BaseException as exc:
            return self._fail(exc)

    @staticmethod
    def same(a: Any, b: Any) -> bool:
        """``==`` of two opaque proxies: the same host object (or equal handles)."""
        try:
            return a is b or bool(values_equal(a, b))
        except BaseException:
            return False

    def breakpoint_callback(
        self,
        handler: Callable[[BreakpointHit], None],
        on_error: Callable[[BaseException], None],
        names: FunctionNames | None = None,
    ) -> Callable[..., None]:
        def hit(bp: int, source: bytes, line: int, frames: Any) -> None:
            try:
                stack = stack_frames(frames, names)
                if stack:
                    inner = stack[-1]
                    stack[-1] = StackFrame(
                        inner.script,
                        inner.function,
                        inner.line,
                        inner.column,
                        self._locals(frames[1][b"locals"]),
                    )
                handler(
                    BreakpointHit(
                        BreakpointId(bp),
                        script_of(source.decode("utf-8", "replace")),
                        line,
                        tuple(stack),
                    )
                )
            except BaseException as exc:
                on_error(exc)

        return hit

    def _locals(self, table: Any) -> dict[str, Value]:
        out: dict[str, Value] = {}
        if table is None or self.converter is None:
            return out
        for key, value in table.items():
            name = key.decode("utf-8", "replace") if isinstance(key, bytes) else str(key)
            try:
                out[name] = self.converter.from_lua(value)
            except ScriptError:
                out[name] = repr(value)
        return out


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "replace")

"""Python callables that Lua calls: the ``kryon`` API, print, FunctionRefs.

Every callable here *returns* and never raises into Lua: lupa would hand a
raised Python exception to the script as an object (reachable with
``pcall``), and from there its ``__traceback__`` frames lead to the host's
globals.  On success a callable returns its (converted) result; on failure it
records ``(False, error type, message)`` (or ``(None, ...)`` when the host was
interrupted, e.g. KeyboardInterrupt) and returns the kernel's ``FAILED``
sentinel.  The kernel's Lua wrapper then fetches the failure and raises a
catchable Lua error ``{type=, message=}`` (``tostring`` gives "type: message"),
or trips an uncatchable stop for an interrupt or for a ScriptExit (a script
the host called ended the program), which the engine re-raises.
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
    ScriptExit,
    Value,
    snake_from_camel,
    values_equal,
)
from kryon_lua.convert import LuaConverter
from kryon_lua.errors import FunctionNames, script_of, stack_frames

__all__ = ["HostCalls"]

Outcome = tuple[Any, ...]


# Lua values that are already canonical (ints from Lua are always in range).
_SCALARS = frozenset({int, float, bool, type(None)})


class HostCalls:
    """Builds the never-raising callables of one engine."""

    def __init__(self) -> None:
        self.converter: LuaConverter | None = None
        self.pending: BaseException | None = None
        self.failed: Any = None
        """The kernel's FAILED sentinel (set once the VM exists)."""
        self.failure: Outcome = (False, b"HostError", b"no failure recorded")

    def _fail(self, exc: BaseException) -> Any:
        if isinstance(exc, ScriptExit):  # a script the host called ended the program
            self.pending = exc
            self.failure = (None, b"", b"")
        elif isinstance(exc, ScriptError):
            self.failure = (False, type(exc).__name__.encode(), _bytes(exc.message))
        elif isinstance(exc, Exception):
            self.failure = (False, b"HostError", _bytes(f"{type(exc).__name__}: {exc}"))
        else:
            self.pending = exc
            self.failure = (None, b"", b"")
        return self.failed

    def release(self) -> None:
        """The VM is closing: drop what refers to it (the VM holds these callables)."""
        self.converter = None
        self.failed = None

    def take_failure(self) -> Outcome:
        """Called by the kernel after a FAILED result."""
        failure: Outcome = self.failure
        self.failure = (False, b"HostError", b"no failure recorded")
        return failure

    def interrupted(self, exc: Any) -> None:
        """The kernel's poll of the host raised (Ctrl-C while a script runs):
        the script stops as for a limit, and the engine re-raises ``exc``."""
        self.pending = exc if isinstance(exc, BaseException) else KeyboardInterrupt()

    def take_pending(self) -> BaseException | None:
        pending, self.pending = self.pending, None
        return pending

    def host_function(self, function: HostFunction) -> Callable[..., Any]:
        """The callable behind ``kryon.<name>``: scalars cross without conversion calls."""
        fn = function.fn
        assert self.converter is not None, "initialize the engine before setup_bridge"
        low, high = self.converter.int_range

        def call(caller: str, *args: Any) -> Any:
            try:
                for a in args:
                    if a.__class__ not in _SCALARS:
                        args = self._arguments(args)
                        break
                result = fn(caller, *args)
                cls = result.__class__
                if cls is float or cls is bool or result is None:
                    return result
                if cls is int and low <= result <= high:
                    return result
                return self._result(result)
            except BaseException as exc:  # nothing may raise into Lua
                return self._fail(exc)

        return call

    def _arguments(self, args: tuple[Any, ...]) -> tuple[Value, ...]:
        assert self.converter is not None, "the engine was closed"
        return tuple(self.converter.from_lua_all(args))

    def _result(self, result: Value) -> Any:
        assert self.converter is not None, "the engine was closed"
        return self.converter.to_lua(result)

    @staticmethod
    def denial(bridge: ScriptBridge) -> Callable[[bytes], bytes | None]:
        """``kryon.<name>`` lookups that miss: the refusal message when the
        policy withholds that function, else None."""

        def denied(name: bytes) -> bytes | None:
            try:
                text = name.decode("utf-8", "replace")
                function = bridge.denied(snake_from_camel(text))
                if function is None:
                    return None
                return _bytes(bridge.refusal_message(function, text))
            except BaseException:  # nothing may raise into Lua
                return None

        return denied

    def writer(self, bridge: ScriptBridge) -> Callable[[str, bytes], Any]:
        def write(caller: str, text: bytes, to_stderr: Any = None) -> Any:
            try:
                bridge.write(
                    text.decode("utf-8", "surrogateescape"),
                    stream="stderr" if to_stderr else "stdout",
                    script=caller,
                )
                return None
            except BaseException as exc:
                return self._fail(exc)

        return write

    def call_ref(self, ref: Any, *args: Any) -> Any:
        """Call a host FunctionRef (or refuse a non-callable opaque value)."""
        try:
            converter = self.converter
            assert converter is not None
            if not isinstance(ref, FunctionRef):
                raise TypeError("opaque host value is not callable")
            values = converter.from_lua_all(args)
            return converter.to_lua(ref.call(values))
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
                stack = stack_frames(frames, names, self.locals_of)
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

    def locals_of(self, table: Any) -> dict[str, Value]:
        """A frame's locals as host values (``repr`` where one cannot convert)."""
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

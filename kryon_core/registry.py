"""The function registry: qualified and short names, slots and handles.

Every exported function gets a :class:`FunctionSlot` under its qualified name
``script.function``; the short name ``function`` points at it while it is
unambiguous.  A slot holds the current *invoker* - the engine-bound callable
wrapped with the engine's dispatcher and the profiler - so a
:class:`FunctionHandle` resolves its name once and then calls the slot directly.
Hot reload swaps the invoker inside the slot, which is why handles follow the
new code without being looked up again.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from time import perf_counter_ns
from typing import TYPE_CHECKING, Any

from kryon_core.dispatch import Dispatcher, SerializedDispatcher
from kryon_core.errors import (
    AmbiguousFunctionError,
    FunctionNotFoundError,
    ScriptError,
    ScriptRuntimeError,
)
from kryon_core.profiler import FunctionStats
from kryon_core.values import Value

if TYPE_CHECKING:
    from kryon_core.engine import FunctionInfo

__all__ = ["FunctionHandle", "FunctionRegistry", "FunctionSlot", "make_invoker"]

Invoker = Callable[[Sequence[Value]], Value]


def _wrap_foreign(exc: Exception, script: str) -> ScriptError:
    """An engine let a non-Kryon exception through: never hand the host a raw one."""
    error = ScriptRuntimeError(f"{type(exc).__name__}: {exc}", script=script)
    error.__cause__ = exc
    return error


def make_invoker(
    bound: Invoker, dispatch: Dispatcher, stats: FunctionStats | None, script: str
) -> Invoker:
    """Wrap an engine-bound function with its dispatcher and (optionally) profiling.

    Built once per function (and per reload), so the per-call path is a single
    closure with everything it needs in local variables.  The serialized
    dispatcher's logic is inlined: this is the hottest path there is.
    """
    if isinstance(dispatch, SerializedDispatcher):
        serialized, lock = dispatch, dispatch.lock

        def enter(args: Sequence[Value]) -> Value:
            if lock.acquire(False):
                try:
                    return bound(args)
                finally:
                    lock.release()
            return serialized.contended(bound, (args,))
    else:

        def enter(args: Sequence[Value]) -> Value:
            return dispatch(bound, args)

    if stats is None:

        def invoke(args: Sequence[Value]) -> Value:
            try:
                return enter(args)
            except ScriptError:
                raise
            except Exception as exc:
                raise _wrap_foreign(exc, script) from exc

        return invoke

    def profiled(args: Sequence[Value]) -> Value:
        start = perf_counter_ns()
        try:
            result = enter(args)
        except Exception as exc:
            stats.record(perf_counter_ns() - start, False)
            if isinstance(exc, ScriptError):
                raise
            raise _wrap_foreign(exc, script) from exc
        elapsed = perf_counter_ns() - start
        stats.calls += 1
        stats.total_ns += elapsed
        if elapsed > stats.max_ns:  # noqa: PLR1730 - cheaper than max() on the hot path
            stats.max_ns = elapsed
        return result

    if isinstance(dispatch, SerializedDispatcher):
        # Fold the lock into the profiled closure: one Python frame per call.
        def profiled_serialized(args: Sequence[Value]) -> Value:
            if not lock.acquire(False):
                return profiled(args)
            start = perf_counter_ns()
            try:
                result = bound(args)
            except Exception as exc:
                stats.record(perf_counter_ns() - start, False)
                if isinstance(exc, ScriptError):
                    raise
                raise _wrap_foreign(exc, script) from exc
            finally:
                lock.release()
            elapsed = perf_counter_ns() - start
            stats.calls += 1
            stats.total_ns += elapsed
            if elapsed > stats.max_ns:  # noqa: PLR1730 - cheaper than max() on the hot path
                stats.max_ns = elapsed
            return result

        return profiled_serialized
    return profiled


AsyncInvoker = Callable[[Sequence[Value]], Any]
Binder = Callable[["FunctionSlot"], tuple[Invoker, AsyncInvoker]]
"""Builds a slot's invokers; one per loaded script version, shared by its slots."""


class FunctionSlot:
    """The registry entry of one qualified function; outlives hot reloads.

    A slot is bound lazily: its first call asks the script version's binder
    for the invokers (the engine-bound function wrapped with dispatch and
    profiling) and keeps them, so loading a script with many functions costs
    little and functions never called cost nothing.  Hot reload gives the slot
    the new version's binder; the next call binds to the new code.
    """

    __slots__ = ("async_invoker", "binder", "function", "info", "invoke", "name", "script")

    def __init__(
        self, name: str, script: str, function: str, info: FunctionInfo, binder: Binder
    ) -> None:
        self.name = name
        self.script = script
        self.function = function
        self.rebind(info, binder)

    def rebind(self, info: FunctionInfo, binder: Binder) -> None:
        """Point the slot at a (new) script version; bound again on the next call."""
        self.info = info
        self.binder = binder
        self.invoke: Invoker = self._bind_and_call
        self.async_invoker: AsyncInvoker = self._bind_and_call_async

    def _bind(self) -> None:
        binder = self.binder
        invoke, async_invoker = binder(self)
        if self.binder is binder:  # not rebound (hot reload) while binding
            self.invoke, self.async_invoker = invoke, async_invoker

    def _bind_and_call(self, args: Sequence[Value]) -> Value:
        self._bind()
        return self.invoke(args)

    async def _bind_and_call_async(self, args: Sequence[Value]) -> Value:
        self._bind()
        return await self.async_invoker(args)

    def kill(self) -> None:
        """The function no longer exists: calls through old handles fail clearly."""
        name = self.name

        def gone(args: Sequence[Value]) -> Value:
            raise FunctionNotFoundError(
                f"function {name!r} no longer exists (script unloaded or reloaded without it)"
            )

        async def gone_async(args: Sequence[Value]) -> Value:
            return gone(args)

        self.binder = _dead
        self.invoke = gone
        self.async_invoker = gone_async


def _dead(slot: FunctionSlot) -> tuple[Invoker, AsyncInvoker]:
    return slot.invoke, slot.async_invoker


class FunctionHandle:
    """A resolved function: ``handle(*args)`` calls it with no lookup.

    Obtained from ``ScriptManager.function(name)``; follows hot reloads.
    """

    __slots__ = ("_slot",)

    def __init__(self, slot: FunctionSlot) -> None:
        self._slot = slot

    def __call__(self, *args: Value) -> Value:
        return self._slot.invoke(args)

    def call(self, args: Sequence[Value]) -> Value:
        """Call with a sequence of arguments."""
        return self._slot.invoke(args)

    async def call_async(self, *args: Value) -> Value:
        """Call and await (async functions, promises, coroutines)."""
        return await self._slot.async_invoker(args)

    @property
    def name(self) -> str:
        """The qualified name (``script.function``)."""
        return self._slot.name

    @property
    def info(self) -> FunctionInfo:
        return self._slot.info

    def __repr__(self) -> str:
        return f"<FunctionHandle {self._slot.name}>"


class FunctionRegistry:
    """Qualified names to slots, and short names to the qualified ones."""

    def __init__(self) -> None:
        self._slots: dict[str, FunctionSlot] = {}
        self._short: dict[str, dict[str, None]] = {}  # short name -> qualified names (ordered)

    def add(self, slot: FunctionSlot) -> None:
        existing = self._slots.get(slot.name)
        if existing is not None and existing.script != slot.script:
            raise ScriptError(
                f"function {slot.name!r} of script {slot.script!r} collides with "
                f"{existing.function!r} of script {existing.script!r}",
                script=slot.script,
            )
        self._slots[slot.name] = slot
        self._short.setdefault(slot.function, {})[slot.name] = None

    def remove(self, qualified: str) -> FunctionSlot | None:
        slot = self._slots.pop(qualified, None)
        if slot is not None:
            names = self._short.get(slot.function, {})
            names.pop(qualified, None)
            if not names:
                self._short.pop(slot.function, None)
        return slot

    def get(self, qualified: str) -> FunctionSlot | None:
        return self._slots.get(qualified)

    def resolve(self, name: str) -> FunctionSlot:
        """A qualified or unambiguous short name to its slot."""
        slot = self._slots.get(name)
        if slot is not None:
            return slot
        candidates = self._short.get(name)
        if candidates:
            if len(candidates) > 1:
                raise AmbiguousFunctionError(name, list(candidates))
            return self._slots[next(iter(candidates))]
        known = list(self._slots) + list(self._short)
        close = difflib.get_close_matches(name, known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise FunctionNotFoundError(f"no loaded script exports a function {name!r}{hint}")

    def names(self) -> list[str]:
        return sorted(self._slots)

    def __contains__(self, name: object) -> bool:
        return name in self._slots or name in self._short

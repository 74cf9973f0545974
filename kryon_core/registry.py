"""The function registry: qualified and short names, slots and handles.

Every exported function gets a :class:`FunctionSlot` under its qualified name
``script.function``; the short name ``function`` points at it while it is
unambiguous.  A slot holds the current *invoker* - the engine-bound callable
wrapped with the engine's dispatcher and the profiler - so a
:class:`FunctionHandle` resolves its name once and then calls the slot directly.
Hot reload swaps the invoker inside the slot, which is why handles follow the
new code without being looked up again.  Slots are made on first use: loading
a script registers its names only.
"""

from __future__ import annotations

import difflib
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from threading import get_ident
from time import perf_counter_ns
from typing import TYPE_CHECKING, Any

from kryon_core.dispatch import Dispatcher, OwnerThread, SerializedDispatcher
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

__all__ = [
    "AsyncInvoker",
    "Binder",
    "FunctionHandle",
    "FunctionRegistry",
    "FunctionSlot",
    "Invoker",
    "make_invoker",
]

Invoker = Callable[[Sequence[Value]], Value]


def make_invoker(
    bound: Invoker, dispatch: Dispatcher, stats: FunctionStats | None, script: str
) -> Invoker:
    """Wrap an engine-bound function with its dispatcher and (optionally) profiling.

    Built once per function (and per reload), so the per-call path is a single
    closure with everything it needs in local variables.  The common case of
    each dispatcher is inlined - the serialized engine's lock is free, the
    thread-affine engine is called from its owner thread - and everything
    else goes through the dispatcher itself: this is the hottest path there is.
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
    elif isinstance(dispatch, OwnerThread):
        owner, ident = dispatch, dispatch.ident

        def enter(args: Sequence[Value]) -> Value:
            if get_ident() == ident:
                return bound(args)
            return owner(bound, args)
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
                raise ScriptRuntimeError.from_foreign(exc, script) from exc

        return invoke

    def timed(call: Invoker, args: Sequence[Value]) -> Value:
        start = perf_counter_ns()
        try:
            result = call(args)
        except Exception as exc:
            stats.record(perf_counter_ns() - start, False)
            if isinstance(exc, ScriptError):
                raise
            raise ScriptRuntimeError.from_foreign(exc, script) from exc
        elapsed = perf_counter_ns() - start
        stats.calls += 1
        stats.total_ns += elapsed
        if elapsed > stats.max_ns:  # noqa: PLR1730 - cheaper than max() on the hot path
            stats.max_ns = elapsed
        return result

    if isinstance(dispatch, SerializedDispatcher):
        # The lock folded into the timing: one Python frame per call.
        def profiled_serialized(args: Sequence[Value]) -> Value:
            if not lock.acquire(False):
                return timed(enter, args)
            start = perf_counter_ns()
            try:
                result = bound(args)
            except Exception as exc:
                stats.record(perf_counter_ns() - start, False)
                if isinstance(exc, ScriptError):
                    raise
                raise ScriptRuntimeError.from_foreign(exc, script) from exc
            finally:
                lock.release()
            elapsed = perf_counter_ns() - start
            stats.calls += 1
            stats.total_ns += elapsed
            if elapsed > stats.max_ns:  # noqa: PLR1730
                stats.max_ns = elapsed
            return result

        return profiled_serialized

    if isinstance(dispatch, OwnerThread):

        def profiled_owned(args: Sequence[Value]) -> Value:
            return timed(bound if get_ident() == ident else enter, args)

        return profiled_owned

    def profiled(args: Sequence[Value]) -> Value:
        return timed(enter, args)

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


@dataclass
class _ScriptEntry:
    """One loaded script's exports and how their slots get bound."""

    functions: Mapping[str, FunctionInfo]
    binder: Binder


class FunctionRegistry:
    """Qualified and short names of every loaded script's functions.

    Registering a script records its function table only: a qualified name
    is found through the script it names, and a function's
    :class:`FunctionSlot` is made the first time the name is resolved, so
    loading scripts with many functions stays cheap.  The index of short
    names is brought up to date when a short name is first looked up after
    loads.  Changes, the making of slots and that indexing hold a lock, so a
    slot made while a script is being reloaded is bound to one version or
    rebound with the others; resolving a name that already has a slot takes
    no lock.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._scripts: dict[str, _ScriptEntry] = {}
        self._slots: dict[str, FunctionSlot] = {}  # the slots made so far
        self._short: dict[str, dict[str, None]] = {}  # short name -> qualified names (ordered)
        self._unindexed: dict[str, None] = {}  # scripts not in _short yet (in load order)

    def add_script(
        self, script: str, functions: Mapping[str, FunctionInfo], binder: Binder
    ) -> None:
        """Register (or, on hot reload, replace) a script's functions.

        Slots of functions that still exist are pointed at the new version;
        slots of functions that disappeared are killed.
        """
        with self._lock:
            self._add_script(script, functions, binder)

    def _add_script(
        self, script: str, functions: Mapping[str, FunctionInfo], binder: Binder
    ) -> None:
        old = self._scripts.get(script)
        # Names without a dot cannot collide: "s.f" splits one way only.
        if "." in script or "." in "".join(functions):
            self._check_collisions(script, functions)
        if old is None:
            self._scripts[script] = _ScriptEntry(functions, binder)
            self._unindexed[script] = None
            return
        self._index()
        self._forget_names(script, old.functions.keys() - functions.keys())
        for function, info in functions.items():
            slot = self._slots.get(f"{script}.{function}")
            if slot is not None:
                slot.rebind(info, binder)
        self._scripts[script] = _ScriptEntry(functions, binder)
        self._index_script(script, functions)

    def _check_collisions(self, script: str, functions: Iterable[str]) -> None:
        for function in functions:
            qualified = f"{script}.{function}"
            other = self._owner(qualified)
            if other is not None and other[0] != script:
                raise ScriptError(
                    f"function {qualified!r} of script {script!r} collides with "
                    f"{other[1]!r} of script {other[0]!r}",
                    script=script,
                )

    def _owner(self, qualified: str) -> tuple[str, str] | None:
        """The (script, function) a qualified name names, if one is loaded."""
        scripts = self._scripts
        dot = qualified.find(".")
        while dot >= 0:
            entry = scripts.get(qualified[:dot])
            if entry is not None and qualified[dot + 1 :] in entry.functions:
                return qualified[:dot], qualified[dot + 1 :]
            dot = qualified.find(".", dot + 1)
        return None

    def _index(self) -> None:
        """Put the short names of scripts loaded since the last look-up in the index."""
        while self._unindexed:
            script = next(iter(self._unindexed))
            del self._unindexed[script]
            self._index_script(script, self._scripts[script].functions)

    def _index_script(self, script: str, functions: Iterable[str]) -> None:
        short = self._short
        for function in functions:
            qualified = f"{script}.{function}"
            names = short.get(function)
            if names is None:
                short[function] = {qualified: None}
            else:
                names[qualified] = None

    def remove_script(self, script: str) -> None:
        """Forget a script's functions; calls through old handles fail clearly."""
        with self._lock:
            entry = self._scripts.pop(script, None)
            if entry is None:
                return
            self._unindexed.pop(script, None)
            self._forget_names(script, entry.functions)

    def clear(self) -> None:
        """Forget every script (the manager closed): old handles fail clearly,
        and no slot keeps a closed engine's functions alive."""
        with self._lock:
            for script, entry in self._scripts.items():
                self._forget_names(script, entry.functions)
            self._scripts.clear()
            self._unindexed.clear()

    def _forget_names(self, script: str, functions: Iterable[str]) -> None:
        for function in functions:
            qualified = f"{script}.{function}"
            slot = self._slots.pop(qualified, None)
            if slot is not None:
                slot.kill()
            names = self._short.get(function)
            if names is not None:
                names.pop(qualified, None)
                if not names:
                    del self._short[function]

    def get(self, qualified: str) -> FunctionSlot | None:
        """The slot of a qualified name (made now if it was never resolved)."""
        slot = self._slots.get(qualified)
        if slot is not None:
            return slot
        with self._lock:
            slot = self._slots.get(qualified)
            if slot is not None:  # made by another thread meanwhile
                return slot
            owner = self._owner(qualified)
            if owner is None:
                return None
            script, function = owner
            entry = self._scripts[script]
            info = entry.functions[function]
            slot = self._slots[qualified] = FunctionSlot(
                qualified, script, function, info, entry.binder
            )
            return slot

    def _candidates(self, name: str) -> dict[str, None] | None:
        if self._unindexed:
            with self._lock:
                self._index()
        return self._short.get(name)

    def resolve(self, name: str) -> FunctionSlot:
        """A qualified or unambiguous short name to its slot."""
        slot = self._slots.get(name) or self.get(name)
        if slot is not None:
            return slot
        candidates = self._candidates(name)
        if candidates:
            if len(candidates) > 1:
                raise AmbiguousFunctionError(name, list(candidates))
            found = self.get(next(iter(candidates)))
            assert found is not None
            return found
        known = self.names() + list(self._short)
        close = difflib.get_close_matches(name, known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise FunctionNotFoundError(f"no loaded script exports a function {name!r}{hint}")

    def names(self) -> list[str]:
        with self._lock:
            scripts = list(self._scripts.items())
        return sorted(f"{script}.{f}" for script, entry in scripts for f in entry.functions)

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        return self._owner(name) is not None or bool(self._candidates(name))

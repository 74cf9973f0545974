"""Wren fibers, each backed by a Python thread that runs only while the
fiber is the current one.

Only one fiber of a VM ever runs at a time: switching hands a lock from one
thread to the other, so Wren code never runs concurrently and compiled
functions stay plain (fast) Python functions.  The host thread that enters
the VM acts as the root fiber.  Threads of fibers that can never resume are
released when the VM closes.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any

from kryon_wren.runtime.objects import WObject, WrenError
from kryon_wren.runtime.sequences import WFn

if TYPE_CHECKING:
    from kryon_wren.vm import VM

FIBER_STACK_BYTES = 32 * 1024 * 1024
MAX_LIVE_FIBERS = 2000


class FiberKill(BaseException):
    """Unwinds the thread of an abandoned fiber when its VM closes."""


class VMSuspend(BaseException):
    """Unwinds the entry (root) fiber when execution returns to the host."""


class FatalError(BaseException):
    """A limit breach or internal failure: no fiber may catch it."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(error)
        self.error = error


class WFiber(WObject):
    __slots__ = (
        "__weakref__",
        "caller",
        "error",
        "fn",
        "inbox",
        "is_try",
        "killed",
        "lock",
        "root",
        "state",
        "thread",
        "vm",
    )

    def __init__(self, vm: VM, fn: WFn | None, root: bool = False) -> None:
        self.vm = vm
        self.fn = fn
        self.root = root
        self.state = "running" if root else "new"
        self.caller: WFiber | None = None
        self.error: Any = None
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()
        self.lock.acquire()
        self.inbox: tuple[str, Any] = ("value", None)
        self.is_try = False
        self.killed = False

    # -- instance methods (Wren) --------------------------------------------------

    def m_call_0(self) -> Any:
        return self.vm.fibers.call(self, None, False)

    def m_call_1(self, v: Any) -> Any:
        return self.vm.fibers.call(self, v, False)

    def m_try_0(self) -> Any:
        return self.vm.fibers.call(self, None, True)

    def m_try_1(self, v: Any) -> Any:
        return self.vm.fibers.call(self, v, True)

    def m_transfer_0(self) -> Any:
        return self.vm.fibers.transfer(self, ("value", None))

    def m_transfer_1(self, v: Any) -> Any:
        return self.vm.fibers.transfer(self, ("value", v))

    def m_transferError_1(self, v: Any) -> Any:
        return self.vm.fibers.transfer(self, ("error", WrenError(v)))

    def g_error(self) -> Any:
        return self.error

    def g_isDone(self) -> bool:
        return self.state == "done"

    def g_toString(self) -> str:
        return "instance of Fiber"


class FiberStatics:
    def m_new_1(self, fn: Any) -> WFiber:
        if not isinstance(fn, WFn):
            raise WrenError("Argument must be a function.")
        if fn.arity > 1:
            raise WrenError("Function cannot take more than one parameter.")
        vm: VM = self.vm  # type: ignore[attr-defined]
        return WFiber(vm, fn)

    def m_yield_0(self) -> Any:
        return self.vm.fibers.yield_(None)  # type: ignore[attr-defined]

    def m_yield_1(self, v: Any) -> Any:
        return self.vm.fibers.yield_(v)  # type: ignore[attr-defined]

    def m_abort_1(self, v: Any) -> None:
        if v is not None:
            raise WrenError(v)

    def g_current(self) -> WFiber:
        return self.vm.fibers.current  # type: ignore[attr-defined, no-any-return]

    def m_suspend_0(self) -> Any:
        return self.vm.fibers.suspend()  # type: ignore[attr-defined]


class FiberScheduler:
    def __init__(self, vm: VM) -> None:
        self.vm = vm
        self.current: WFiber | None = None
        self.entry: WFiber | None = None
        self.live: weakref.WeakSet[WFiber] = weakref.WeakSet()
        self.depth = 0

    # -- host entry -------------------------------------------------------------

    def enter(self) -> tuple[WFiber | None, WFiber | None, WFiber]:
        saved = (self.entry, self.current)
        root = WFiber(self.vm, None, root=True)
        self.entry = self.current = root
        return saved[0], saved[1], root

    def leave(self, saved_entry: WFiber | None, saved_current: WFiber | None) -> None:
        self.entry, self.current = saved_entry, saved_current

    # -- switching ----------------------------------------------------------------

    def _switch(self, target: WFiber, payload: tuple[str, Any]) -> tuple[str, Any]:
        me = self.current
        assert me is not None
        target.inbox = payload
        self.current = target
        if target.thread is None and not target.root:
            self._start(target)
        else:
            target.lock.release()
        me.lock.acquire()
        if me.killed:
            raise FiberKill
        self.current = me
        kind, value = me.inbox
        if kind == "end":
            raise VMSuspend
        if kind == "fatal":
            raise value
        return kind, value

    def _start(self, fiber: WFiber) -> None:
        if len(self.live) >= MAX_LIVE_FIBERS:
            from kryon_core import RecursionLimitError

            raise FatalError(
                RecursionLimitError(
                    f"more than {MAX_LIVE_FIBERS} live fibers", script=self.vm.main_name, line=None
                )
            )
        old = threading.stack_size()
        try:
            threading.stack_size(FIBER_STACK_BYTES)
            thread = threading.Thread(target=self._run, args=(fiber,), daemon=True)
        finally:
            threading.stack_size(old)
        fiber.thread = thread
        fiber.state = "running"
        self.live.add(fiber)
        try:
            thread.start()
        except RuntimeError as exc:  # the OS refused another thread
            self.live.discard(fiber)
            fiber.thread = None
            fiber.state = "new"
            from kryon_core import MemoryLimitError

            raise FatalError(
                MemoryLimitError(
                    f"cannot start a fiber: {exc}", script=self.vm.main_name, line=None
                )
            ) from None

    def _run(self, fiber: WFiber) -> None:
        from kryon_wren.runtime.core import set_current_vm

        set_current_vm(self.vm)
        outcome: tuple[str, Any]
        try:
            kind, value = fiber.inbox
            if kind == "error":
                raise value
            fn = fiber.fn
            assert fn is not None
            result = fn.fn(value) if fn.arity == 1 else fn.fn()
            outcome = ("value", result)
        except FiberKill:
            return
        except (FatalError, VMSuspend) as exc:
            outcome = ("fatal", exc)
        except BaseException as exc:
            err = self.vm.to_wren_error(exc)
            if isinstance(err, FatalError):
                outcome = ("fatal", err)
            else:
                fiber.error = err.value
                outcome = ("error", err)
        fiber.state = "done"
        self.live.discard(fiber)
        caller = fiber.caller
        fiber.caller = None
        if caller is None:
            caller = self.entry
            if outcome[0] == "value":
                outcome = ("end", outcome[1])
        assert caller is not None
        caller.inbox = outcome
        self.current = caller
        caller.lock.release()

    # -- Wren operations ------------------------------------------------------------

    def _check(self, fiber: WFiber, verb: str, is_call: bool) -> None:
        if fiber.error is not None:
            raise WrenError(f"Cannot {verb} an aborted fiber.")
        if is_call:
            if fiber.caller is not None:
                raise WrenError("Fiber has already been called.")
            if fiber.root:
                raise WrenError("Cannot call root fiber.")
        if fiber.state == "done":
            raise WrenError(f"Cannot {verb} a finished fiber.")

    def call(self, fiber: WFiber, value: Any, is_try: bool) -> Any:
        self._check(fiber, "try" if is_try else "call", True)
        if fiber is self.current:
            raise WrenError("Fiber has already been called.")
        fiber.caller = self.current
        fiber.is_try = is_try
        kind, result = self._switch(fiber, ("value", value))
        if kind == "error":
            if is_try:
                return result.value
            raise result
        return result

    def transfer(self, fiber: WFiber, payload: tuple[str, Any]) -> Any:
        self._check(fiber, "transfer to", False)
        if fiber is self.current:
            if payload[0] == "error":
                raise payload[1]
            return payload[1]
        me = self.current
        assert me is not None
        me.state = "suspended"
        kind, result = self._switch(fiber, payload)
        me.state = "running"
        if kind == "error":
            raise result
        return result

    def yield_(self, value: Any) -> Any:
        me = self.current
        assert me is not None
        caller = me.caller
        if caller is None:
            return self.suspend(value)
        me.caller = None
        me.state = "suspended"
        kind, result = self._switch(caller, ("value", value))
        me.state = "running"
        if kind == "error":
            raise result
        return result

    def suspend(self, value: Any = None) -> Any:
        me = self.current
        entry = self.entry
        assert me is not None and entry is not None
        if me is entry:
            raise VMSuspend
        me.state = "suspended"
        kind, result = self._switch(entry, ("end", value))
        me.state = "running"
        if kind == "error":
            raise result
        return result

    def close(self) -> None:
        for fiber in list(self.live):
            if fiber.thread is not None and fiber.state != "done":
                fiber.killed = True
                fiber.lock.release()
                fiber.thread.join(timeout=1.0)
        self.live = weakref.WeakSet()

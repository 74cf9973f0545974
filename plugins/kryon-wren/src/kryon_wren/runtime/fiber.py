"""The Wren ``Fiber`` class: fiber objects and their methods.

The switching itself (greenlets, limits, cleanup) is
:mod:`kryon_wren.runtime.scheduler`.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any, NoReturn

from kryon_wren.runtime.objects import WObject, WrenError
from kryon_wren.runtime.sequences import WFn

if TYPE_CHECKING:
    from greenlet import greenlet  # type: ignore[import-untyped]

    from kryon_wren.runtime.scheduler import FiberScheduler
    from kryon_wren.vm import VM


class VMSuspend(BaseException):
    """Unwinds the entry (root) fiber when execution returns to the host."""


class FatalError(BaseException):
    """A limit breach or internal failure: no fiber may catch it."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(error)
        self.error = error


class Signal:
    """Anything but a plain value passed by a switch, by ``kind``:

    - ``"value"``: ``value`` itself (only for null, since None means "killed");
    - ``"error"``: the WrenError of the fiber this one called (``try`` catches it);
    - ``"uncaught"``: an error that nothing catches: it ends the run;
    - ``"raise"``: ``transferError``'s error, raised in the fiber it resumes
      as that fiber's own (a ``try`` that fiber is waiting in does not catch it);
    - ``"fatal"``: a FatalError (limit breach) or VMSuspend, raised through every fiber;
    - ``"end"``: the run is over (``Fiber.suspend``, or a transferred-to fiber ended).
    """

    __slots__ = ("kind", "value")

    def __init__(self, kind: str, value: Any) -> None:
        self.kind = kind
        self.value = value


NULL_RESULT = Signal("value", None)
"""What a fiber that returns null hands back (None itself means "killed")."""


def unwrap(result: Signal) -> NoReturn:
    """Raise, in the fiber that receives it, what a non-value signal means."""
    if result.kind == "end":
        raise VMSuspend
    raise result.value


class WGenFn(WFn):
    """A ``Fiber.new { ... }`` function whose body yields (see fiberscan):
    ``fn`` runs it as a plain function, ``gen`` makes the generator its body
    compiles to, which a fiber on its caller's stack resumes."""

    __slots__ = ("gen",)

    def __init__(self, fn: Any, arity: int, gen: Any) -> None:
        super().__init__(fn, arity)
        self.gen = gen


class WFiber(WObject):
    __slots__ = (
        "__weakref__",
        "caller",
        "error",
        "fn",
        "g",
        "gen",
        "level",
        "root",
        "sched",
        "state",
    )

    def __init__(self, sched: FiberScheduler, fn: WFn | None, root: bool = False) -> None:
        self.sched = sched
        self.fn = fn
        self.root = root
        self.state = "running" if root else "new"
        self.caller: WFiber | None = None
        self.error: Any = None
        self.g: greenlet | None = None
        # A fiber on its caller's stack: its generator once started (see
        # FiberScheduler.call); it runs with no greenlet of its own.
        self.gen: Generator[Any, Any, Any] | None = None
        self.level = 0

    # -- instance methods (Wren) --------------------------------------------------

    def m_call_0(self) -> Any:
        return self.sched.call(self, None, False)

    def m_call_1(self, v: Any) -> Any:
        return self.sched.call(self, v, False)

    def m_try_0(self) -> Any:
        return self.sched.call(self, None, True)

    def m_try_1(self, v: Any) -> Any:
        return self.sched.call(self, v, True)

    def m_transfer_0(self) -> Any:
        return self.sched.transfer(self, None)

    def m_transfer_1(self, v: Any) -> Any:
        return self.sched.transfer(self, v)

    def m_transferError_1(self, v: Any) -> Any:
        return self.sched.transfer(self, Signal("raise", WrenError(v)))

    def g_error(self) -> Any:
        return self.error

    def g_isDone(self) -> bool:
        return self.state == "done"

    def g_toString(self) -> str:
        return "instance of Fiber"


class FiberStatics:
    def m_new_1(self, fn: Any) -> WFiber:
        vm: VM = self.vm  # type: ignore[attr-defined]
        return vm.fibers.new_fiber(fn)

    def m_yield_0(self) -> Any:
        return self.vm.fibers.yield_(None)  # type: ignore[attr-defined]

    def m_yield_1(self, v: Any) -> Any:
        return self.vm.fibers.yield_(v)  # type: ignore[attr-defined]

    def m_abort_1(self, v: Any) -> Any:
        # Aborting with null is no abort: the call answers its receiver, as
        # every primitive that succeeds without setting a result does.
        if v is not None:
            raise WrenError(v)
        return self

    def g_current(self) -> WFiber:
        return self.vm.fibers.current  # type: ignore[attr-defined, no-any-return]

    def m_suspend_0(self) -> Any:
        return self.vm.fibers.suspend()  # type: ignore[attr-defined]

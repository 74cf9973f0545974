"""Fiber switching on greenlets: stackful coroutines on the calling thread.

A fiber can suspend from any depth of calls (``Fiber.yield`` inside a method
called by a block called by the fiber's function), so it needs its own stack;
a greenlet gives it one without an OS thread.  Compiled Wren functions stay
plain Python functions.

- The host greenlet that enters the VM is the root fiber of that run.
  Whoever switches sets ``FiberScheduler.current`` to the fiber it resumes;
  values travel through ``greenlet.switch`` as they are, anything else (an
  error, the end of the run, a fatal limit breach) as a :class:`Signal`.
- Starting a greenlet costs far more than switching to one (CPython gives it
  a fresh frame stack), so a fiber runs on a worker greenlet taken from a
  per-thread pool; a worker whose fiber finished parks itself there again.
- A worker started by a fiber sits on top of that fiber's C stack: nesting
  deepens the one C stack of the thread.  Python's recursion count carries
  over into a new greenlet, so the interpreter's recursion limit keeps
  guarding that stack, and the logical nesting of fibers is capped as well
  (``MAX_FIBER_NESTING`` or the recursion limit of the policy, if lower).
- Most programs need none of this: when the only suspending calls are
  ``Fiber.yield`` calls written in a ``Fiber.new { ... }`` body (see
  :mod:`kryon_wren.fiberscan`), that body is a Python generator and every
  fiber runs on its caller's stack (:meth:`FiberScheduler.call`): a
  call is a generator resumption, not two greenlet switches.  Once a module
  that may suspend otherwise is loaded (``stackless`` turns false), fibers
  get workers; one that was suspended on its caller's stack is resumed on a
  worker that drives its generator (:meth:`FiberScheduler.drive`).
- Started fibers that never finish are counted against the memory limit and
  capped in number; the VM kills them when it closes.  Scheduler frames keep
  no reference to the suspended fiber itself, so a fiber that scripts drop
  while it is suspended is freed like any value.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

# greenlet ships no type information (checked: 3.x).
from greenlet import GreenletExit, getcurrent, greenlet  # type: ignore[import-untyped]
from greenlet import error as GreenletError

from kryon_wren.runtime.fiber import (
    NULL_RESULT,
    FatalError,
    Signal,
    VMSuspend,
    WFiber,
    WGenFn,
    unwrap,
)
from kryon_wren.runtime.objects import WrenError
from kryon_wren.runtime.sequences import WFn

if TYPE_CHECKING:
    from kryon_wren.vm import VM

MAX_FIBER_NESTING = 1000
MAX_LIVE_FIBERS = 100_000
# Parked workers kept per thread (each holds a 16 KB frame stack chunk).
MAX_IDLE_WORKERS = 512
# What a suspended fiber holds (saved C stack slice, frame data stack); the
# memory limit counts it since the allocator statistics do not see it.
FIBER_BYTES = 16 * 1024

_pool = threading.local()


def _idle_workers() -> list[greenlet]:
    try:
        idle: list[greenlet] = _pool.idle
    except AttributeError:
        idle = _pool.idle = []
    return idle


def _new_worker() -> greenlet:
    # The thread's main greenlet as parent: a worker that ends re-parents
    # itself to the fiber it resumes, which must not create a cycle.
    main = getcurrent()
    while main.parent is not None:
        main = main.parent
    return greenlet(_worker, main)


def _worker(task: tuple[FiberScheduler, Any]) -> Any:
    """Body of a worker greenlet: runs one fiber after another."""
    idle = _idle_workers()
    while True:
        sched, payload = task
        outcome = sched.run_current(payload)
        if outcome is None:
            return None  # killed
        target = sched.current.g  # type: ignore[union-attr]
        assert target is not None
        sched = payload = task = None  # type: ignore[assignment]
        if len(idle) >= MAX_IDLE_WORKERS:
            try:
                getcurrent().parent = target
            except ValueError:
                pass  # `target` descends from this worker: park after all
            else:
                # Returning hands ``outcome`` to the parent: the fiber to resume.
                return outcome
        idle.append(getcurrent())
        task = target.switch(outcome)


class FiberScheduler:
    def __init__(self, vm: VM) -> None:
        self.vm = vm
        self.current: WFiber | None = None
        self.prev: WFiber | None = None
        self.entry: WFiber | None = None
        # Started fibers that have not finished (weakly: see close()).
        self.live: dict[weakref.ref[WFiber], None] = {}
        lim = vm.limits.max_depth
        self.max_nesting = MAX_FIBER_NESTING if lim is None else min(lim, MAX_FIBER_NESTING)
        # Whether fibers run on their callers' stacks (see the module's doc).
        self.stackless = True

    def new_fiber(self, fn: Any) -> WFiber:
        """``Fiber.new(fn)``."""
        if not isinstance(fn, WFn):
            raise WrenError("Argument must be a function.")
        if fn.arity > 1:
            raise WrenError("Function cannot take more than one parameter.")
        return WFiber(self, fn)

    def generator_fn(self, body: Callable[..., Generator[Any, Any, Any]], arity: int) -> WGenFn:
        """The function of ``Fiber.new { ... }`` whose compiled ``body`` is a
        generator; called as a plain function, its yields are Fiber.yield."""
        drive = self.drive
        if arity:
            return WGenFn(lambda a: drive(body(a), None), 1, body)
        return WGenFn(lambda: drive(body(), None), 0, body)

    def drive(self, gen: Generator[Any, Any, Any], value: Any) -> Any:
        """Run a fiber body's generator from ``value`` on to its end, each of
        its yields a Fiber.yield of the running fiber (on a worker)."""
        try:
            out = gen.send(value)
            while True:
                try:
                    value = self.yield_(out)
                except BaseException as exc:
                    out = gen.throw(exc)
                else:
                    out = gen.send(value)
        except StopIteration as stop:
            return stop.value

    # -- host entry -------------------------------------------------------------

    def enter(self) -> tuple[WFiber | None, WFiber | None]:
        saved = (self.entry, self.current)
        root = WFiber(self, None, root=True)
        root.g = getcurrent()
        if saved[1] is not None:
            # A host callback running inside a fiber: its stack lies on top.
            root.level = saved[1].level
        self.entry = self.current = root
        return saved

    def leave(self, saved_entry: WFiber | None, saved_current: WFiber | None) -> None:
        root = self.entry
        if root is not None:
            root.state = "done"
        self.entry, self.current = saved_entry, saved_current
        self.prev = None

    # -- switching ----------------------------------------------------------------

    def _start(self, fiber: WFiber, starter: WFiber | None) -> greenlet:
        level = (starter.level if starter is not None else 0) + 1
        if level > self.max_nesting:
            raise FatalError(
                self.vm._limit("recursion", f"fiber depth exceeded {self.max_nesting}")
            )
        if len(self.live) >= MAX_LIVE_FIBERS:
            raise FatalError(self.vm._limit("memory", f"more than {MAX_LIVE_FIBERS} live fibers"))
        idle = _idle_workers()
        g = idle.pop() if idle else _new_worker()
        fiber.g = g
        fiber.level = level
        fiber.state = "running"
        self.live[weakref.ref(fiber, self.live.pop)] = None
        return g

    def _switch(self, target: WFiber, payload: Any) -> Any:
        """Run ``target`` until some fiber switches back; returns what it passed."""
        g = target.g
        if g is None:
            g = self._start(target, self.current)
            payload = (self, payload)
        # No local may keep a fiber alive while this one is suspended.
        self.prev = self.current
        self.current = target
        target = None  # type: ignore[assignment]
        try:
            return g.switch(payload)
        except GreenletError:
            self.current = self.prev
            raise WrenError("Cannot resume a fiber started on another thread.") from None

    def run_current(self, payload: Any) -> Any:
        """Run the current fiber (just started on this worker) to its end.

        Returns what to hand to the fiber resumed next (made current), or
        None when the worker was killed.
        """
        outcome: Any
        try:
            if payload.__class__ is Signal:
                raise payload.value
            fiber = self.current
            assert fiber is not None
            if fiber.gen is not None:
                # Suspended on its caller's stack before fibers needed workers.
                outcome = self.drive(fiber.gen, payload)
            else:
                fn = fiber.fn
                assert fn is not None
                outcome = fn.fn(payload) if fn.arity == 1 else fn.fn()
            fiber = None
        except GreenletExit:
            # Killed: a dropped suspended fiber, or the VM closing.
            return None
        except (FatalError, VMSuspend) as exc:
            outcome = Signal("fatal", exc)
        except BaseException as exc:
            err = self.vm.to_wren_error(exc)
            if isinstance(err, FatalError):
                outcome = Signal("fatal", err)
            else:
                self.current.error = err.value  # type: ignore[union-attr]
                outcome = Signal("error", err)
        fiber = self.current
        assert fiber is not None
        fiber.state = "done"
        fiber.g = fiber.gen = None
        self.live.pop(weakref.ref(fiber), None)
        caller = fiber.caller
        fiber.caller = None
        if caller is None or caller.state == "done":
            # Transferred to (or its caller's run is over): the run ends
            # here, and an error is uncaught whatever the root is doing.
            caller = self.entry
            if outcome.__class__ is not Signal:
                outcome = Signal("end", outcome)
            elif outcome.kind == "error":
                outcome.kind = "uncaught"
        self.current = caller
        return outcome if outcome is not None else NULL_RESULT

    # -- Wren operations ------------------------------------------------------------

    def call(self, fiber: WFiber, value: Any, is_try: bool) -> Any:
        state = fiber.state
        if not (
            state in {"new", "suspended"}
            and fiber.g is None
            and self.stackless
            and fiber.caller is None
        ):
            return self._call_on_worker(fiber, value, is_try)
        # On this stack, until the fiber yields or ends (see the module's doc).
        me = self.current
        level = (me.level if me is not None else 0) + 1
        if level > self.max_nesting:
            raise FatalError(
                self.vm._limit("recursion", f"fiber depth exceeded {self.max_nesting}")
            )
        fiber.caller = me
        fiber.level = level
        fiber.state = "running"
        self.current = fiber
        try:
            gen = fiber.gen
            if gen is None:
                fn = fiber.fn
                assert fn is not None
                if fn.__class__ is not WGenFn:
                    # No yield in its body: it runs to its end now.
                    return fn.fn(value) if fn.arity == 1 else fn.fn()
                gen = fiber.gen = fn.gen(value) if fn.arity == 1 else fn.gen()
                value = None
            result = gen.send(value)
            fiber.state = "suspended"
            return result
        except StopIteration as stop:
            return stop.value
        except (FatalError, VMSuspend, GreenletExit):
            raise
        except BaseException as exc:
            err = self.vm.to_wren_error(exc)
            if isinstance(err, FatalError):
                raise err from None
            fiber.error = err.value
            if is_try:
                return err.value
            raise err from None
        finally:
            if fiber.state == "running":  # it ended: returned, failed or was stopped
                fiber.state = "done"
                fiber.gen = None
            fiber.caller = None
            self.current = me

    def _call_on_worker(self, fiber: WFiber, value: Any, is_try: bool) -> Any:
        if (
            fiber.caller is not None
            or fiber.error is not None
            or fiber.root
            or fiber.state == "done"
        ):
            self._refuse_call(fiber, is_try)
        me = self.current
        if fiber.state == "running" and (fiber is me or fiber.g is getcurrent()):
            self._refuse_call(fiber, is_try)
        fiber.caller = me
        g = fiber.g
        if g is None:
            g = self._start(fiber, me)
            value = (self, value)
        self.prev = me
        self.current = fiber
        me = None
        try:
            result = g.switch(value)
        except GreenletError:
            fiber.caller = None
            self.current = self.prev
            raise WrenError("Cannot resume a fiber started on another thread.") from None
        if result.__class__ is not Signal:
            return result
        kind = result.kind
        if kind == "value":
            return result.value
        if is_try and kind == "error":
            return result.value.value
        return unwrap(result)

    def _refuse_call(self, fiber: WFiber, is_try: bool) -> None:
        verb = "try" if is_try else "call"
        if fiber.error is not None:
            raise WrenError(f"Cannot {verb} an aborted fiber.")
        if fiber.caller is not None:
            raise WrenError("Fiber has already been called.")
        if fiber.root:
            raise WrenError("Cannot call root fiber.")
        if fiber.state == "done":
            raise WrenError(f"Cannot {verb} a finished fiber.")
        raise WrenError("Fiber has already been called.")

    def _refuse_here(self) -> None:
        """The running fiber runs on its caller's stack (it started while
        fibers were stackless) and cannot suspend from a nested call, which
        a module loaded since allows."""
        raise WrenError("Cannot suspend a fiber from a nested call it started without a stack.")

    def transfer(self, fiber: WFiber, payload: Any) -> Any:
        if fiber.error is not None:
            raise WrenError("Cannot transfer to an aborted fiber.")
        if fiber.state == "done":
            raise WrenError("Cannot transfer to a finished fiber.")
        me = self.current
        assert me is not None
        if fiber is me:
            if payload.__class__ is Signal:
                raise payload.value
            return payload
        if me.g is None:
            self._refuse_here()
        if fiber.g is not None and fiber.g is getcurrent():
            # The fiber that a host callback interrupted: it cannot resume
            # before the callback returns.
            raise WrenError("Fiber has already been called.")
        me.state = "suspended"
        me = None
        return self._resumed(self._switch(fiber, payload))

    def yield_(self, value: Any) -> Any:
        me = self.current
        assert me is not None
        if me.g is None:
            self._refuse_here()
        caller = me.caller
        if caller is None:
            me = None
            return self.suspend(value)
        me.caller = None
        me.state = "suspended"
        me = None
        g = caller.g
        assert g is not None
        self.current = caller
        caller = None
        result = g.switch(value)
        self.current.state = "running"
        if result.__class__ is not Signal:
            return result
        return self._resumed(result)

    def suspend(self, value: Any = None) -> Any:
        me = self.current
        entry = self.entry
        assert me is not None and entry is not None
        if me is entry:
            raise VMSuspend
        if me.g is None:
            self._refuse_here()
        me.state = "suspended"
        me = None
        return self._resumed(self._switch(entry, Signal("end", value)))

    def _resumed(self, result: Any) -> Any:
        self.current.state = "running"  # type: ignore[union-attr]
        if result.__class__ is not Signal:
            return result
        if result.kind == "value":
            return result.value
        return unwrap(result)

    def suspended_count(self) -> int:
        return len(self.live)

    def close(self) -> None:
        """Kill every fiber that started and did not finish."""
        here = getcurrent()
        for ref in list(self.live):
            fiber = ref()
            g = None if fiber is None else fiber.g
            if g is None or g.dead:
                continue
            try:
                g.parent = here
                g.throw(GreenletExit)
            except (GreenletError, ValueError):
                # Another thread's greenlet: it is freed with that thread.
                pass
        self.live.clear()

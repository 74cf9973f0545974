"""``process.exit``: ending the program in a way no script code can intercept.

A thrown value would be caught by ``try``/``catch``, would run ``finally``
blocks and would reject an async function's promise.  Only one kind of
error goes past all of them in QuickJS: the *uncatchable* ``InternalError:
interrupted`` of the interrupt handler, the one the time limit uses.  Its
unwinding skips every catch and finally handler, an async function stops
without settling its promise, and a promise job ends with it (measured in
``tests/test_exit.py``).

The binding installs the interrupt handler when a call into the VM starts,
with the limit set at that moment, and removes it at the end of that call
only if a limit is still set.  So, inside the host callback of
``process.exit`` (where no limit is set: the binding refuses callbacks
otherwise), :meth:`ExitLatch.begin`:

1. sets a limit of 0 s and registers a *drop token*, a Python callable kept
   only by a non-configurable global of the prelude;
2. enters the VM once more to drop the token: that entry installs the
   handler with the expired limit, and the token's finalizer lifts the limit
   again before the entry ends, so the handler stays installed;
3. returns to the script, which spins in an empty loop until the handler's
   next check (QuickJS asks it every 10,000 back edges or calls).

From there every check fires again until the top-level call has unwound:
:class:`~kryon_js.jserrors.ErrorMapper` reports the interrupt as the pending
``ScriptExit`` instead of a time limit, and the runtime's next top-level entry
(``JsRuntime.quiesce``) drops the jobs and timers the script left and removes
the stale handler (:meth:`ExitLatch.reset`).  A ``ScriptExit`` raised by a host
function (another engine's script that exited) ends the JavaScript caller the
same way.
"""

from __future__ import annotations

from typing import Any

from kryon_core import ScriptError, ScriptExit

__all__ = ["DROP_GLOBAL", "ExitLatch"]

DROP_GLOBAL = "__kryon_exit"
_TRIES = 3
_FOREVER_S = 1e6


class _DropToken:
    """Lifts the binding's limit when QuickJS frees it (see module docs)."""

    __slots__ = ("_context",)

    def __init__(self, context: Any) -> None:
        self._context = context

    def __call__(self, *args: Any) -> None:
        return None

    def __del__(self) -> None:
        self._context.set_time_limit(-1.0)


class ExitLatch:
    """The pending exit of one VM and the interrupt that carries it out."""

    def __init__(self, context: Any, exceptions: tuple[type[BaseException], ...]) -> None:
        self._context = context
        self._exceptions = exceptions
        # Made before any script runs: the global cannot become an accessor that
        # catches the token, and the function keeps the real global object.
        self._drop = context.eval(
            f'Object.defineProperty(globalThis, "{DROP_GLOBAL}", '
            "{ value: undefined, writable: true, configurable: false }), "
            f'((g) => function () {{ g["{DROP_GLOBAL}"] = undefined; }})(globalThis)'
        )
        self._noop = context.eval("(function () {})")
        self.pending: ScriptExit | None = None
        self.stale = False
        """The handler installed for an exit is still there (``reset`` removes it)."""

    def begin(self, exit: ScriptExit) -> None:
        """Inside a host callback: make every interrupt check fire from now on."""
        if self.pending is None:
            self.pending = exit
        context = self._context
        for _ in range(_TRIES):
            context.add_callable(DROP_GLOBAL, _DropToken(context))
            context.set_time_limit(0.0)
            self.stale = True
            try:
                self._drop()
            except self._exceptions:
                # The entry itself was interrupted (the handler's counter ran out at
                # its first check) before the token was dropped: it was removed with
                # the entry; the next try starts with a fresh counter.
                continue
            finally:
                context.set_time_limit(-1.0)  # the token is gone or will be replaced
            return
        raise ScriptError("process.exit could not stop the script", script=exit.script)

    def reset(self) -> None:
        """At the next top-level entry: forget the exit and remove its handler (an
        entry made with a limit set removes the handler as it ends)."""
        self.pending = None
        if not self.stale:
            return
        self.stale = False
        context = self._context
        context.set_time_limit(_FOREVER_S)
        try:
            self._noop()
        except self._exceptions:
            pass  # interrupted by the stale handler: removed all the same
        finally:
            context.set_time_limit(-1.0)

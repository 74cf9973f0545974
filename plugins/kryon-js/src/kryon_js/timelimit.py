"""A per-call time limit that keeps working when scripts call the host.

The binding's ``set_time_limit`` installs QuickJS's interrupt handler when a
call *starts* (start time and limit are stored in the context) and refuses
every call into Python while the limit is set: ``Can not call into Python
with a time limit set.``  The check only looks at a flag, and the handler
stays installed until the end of the call if the flag is cleared meanwhile.

So the engine clears the flag from inside the running call, the first time
the script needs the host: each armed call owns a *disarm token*, a Python
callable registered with ``add_callable`` whose only reference is a variable
of the prelude.  When the script calls a host function, the prelude drops
that reference; QuickJS frees the function object at once, the binding's
finalizer releases the Python object, and its ``__del__`` clears the flag.
The interrupt handler, armed at the call's start, keeps counting: host
callbacks, nested calls back into JavaScript and reading the result back all
stay inside the one budget.  Calls that never reach the host pay nothing;
the others pay one ``add_callable`` to re-arm (measured in the benchmark and
``docs/languages/js.md``).

A fresh token sits in a global property until the next entry adopts it, so
every entry of the prelude adopts first; only when no token waits
(:attr:`TimeLimit.ready`) may the handle fast path call a wrapper that skips
that step.

QuickJS measures the limit with ``clock()`` (CPU time), so a host callback
that blocks without using CPU is caught by a wall-clock check when it
returns (the wall clock starts at the call's first host callback, which
keeps ``time.monotonic()`` off the path of calls that never reach the host):
the call then fails with TimeLimitError however the script reacts.
"""

from __future__ import annotations

from time import monotonic as _monotonic
from typing import Any

__all__ = ["TimeLimit"]

DISARM_GLOBAL = "__kryon_disarm"


class _DisarmToken:
    """Cleared by QuickJS's finalizer; its ``__del__`` lifts the Python ban."""

    __slots__ = ("_owner",)

    def __init__(self, owner: TimeLimit) -> None:
        self._owner = owner

    def __call__(self, *args: Any) -> None:
        return None

    def __del__(self) -> None:
        self._owner.disarmed()


class TimeLimit:
    """Arms the binding's time limit around top-level calls (see module docs)."""

    def __init__(self, context: Any, limit_ms: int | None) -> None:
        self._context = context
        self.limit_ms = limit_ms
        self.seconds = limit_ms / 1000 if limit_ms is not None else 0.0
        self.armed = False
        self.fresh = False
        """A token is registered that no entry has adopted yet."""
        self.enabled = limit_ms is not None
        self.ready = not self.enabled
        """A top-level call may enter as it is: no limit, or armed with the token adopted."""
        self._closed = False
        self.deadline = 0.0
        self.timed_out = False
        self.disarms = 0
        """How many calls needed the host (each re-arms once): for the benchmark."""

    def begin(self) -> None:
        """Before a top-level call through an adopting entry (only when
        ``enabled``): a fresh budget, armed with a new token if the last call
        used its token up."""
        if not self.armed:
            self.arm()
        self.deadline = 0.0

    def adopted(self) -> None:
        """After an adopting entry returned: a waiting token was taken, so calls
        may skip adoption until the next re-arm."""
        if self.fresh:
            self.fresh = False
            self.ready = True

    def arm(self) -> None:
        """Register a fresh disarm token and set the binding's limit."""
        context = self._context
        context.add_callable(DISARM_GLOBAL, _DisarmToken(self))
        # The flag is set before the next entry, so that entry installs a fresh
        # interrupt handler (a stale one from a disarmed call would fire), and the
        # prelude takes the token out of the global object before any script runs.
        context.set_time_limit(self.seconds)
        self.armed = self.fresh = True

    def disarmed(self) -> None:
        """Called by the token's finalizer, inside the running call."""
        if self._closed:
            return
        self.armed = self.fresh = self.ready = False
        self.disarms += 1
        self._context.set_time_limit(-1.0)

    def started(self) -> None:
        """At each host callback: the wall clock starts at the call's first one."""
        if self.deadline == 0.0:
            self.deadline = _monotonic() + self.seconds

    def expired(self) -> bool:
        """Wall-clock check when a host callback returns (CPU time misses sleeps)."""
        if _monotonic() <= self.deadline:
            return False
        self.timed_out = True
        return True

    def close(self) -> None:
        self._closed = True

"""Wall-clock limits for in-process (trusted) calls.

One daemon thread per engine watches the deadline of the running call.  When
it passes, the watchdog raises :class:`TimeLimitExceeded` asynchronously in
the calling thread (``PyThreadState_SetAsyncExc``), repeating every 50 ms in
case the script swallows it.  Nothing is paid per bytecode; the price is that
an async exception is only delivered while Python bytecode runs, so a script
blocked inside one long C call (a huge ``re`` match, ``time.sleep``) is
stopped only when that call returns.  That limitation is documented.  A script
that keeps catching the exception is handed to ``on_stuck`` (the engine then
makes its frames raise on every line through the tracer).

An exception raised inside a garbage collection (a ``gc.callbacks`` entry, a
``__del__`` it runs) is not propagated but reported as unraisable and lost, so
the watchdog holds its fire while the collector runs: two callbacks, first and
last in ``gc.callbacks``, mark the collection (each call puts them back there:
callbacks registered later, such as hypothesis's, would otherwise run after
the collection counted as over).  From Python 3.12 the collector runs where
the interpreter checks for asynchronous exceptions, before it does: one
injected just before a collection starts is raised inside it all the same.
Such a lost exception is kept from the host's ``sys.unraisablehook`` (which
:class:`_Unraisable` wraps) and, the call being still armed, fired again
``_REPEAT_S`` later as any swallowed one is.
"""

from __future__ import annotations

import ctypes
import gc
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

__all__ = ["TimeLimitExceeded", "Watchdog"]

_REPEAT_S = 0.05
_GC_WAIT_S = 0.001


class _Collecting:
    """Whether a garbage collection (with its callbacks and finalizers) runs."""

    active = False

    @staticmethod
    def _started(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            _Collecting.active = True

    @staticmethod
    def _stopped(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            _Collecting.active = False

    @classmethod
    def keep_outermost(cls) -> None:
        """Put the markers first and last in ``gc.callbacks`` (where they are
        already, this is two comparisons)."""
        callbacks = gc.callbacks
        started, stopped = cls._started, cls._stopped
        if callbacks and callbacks[0] is started and callbacks[-1] is stopped:
            return
        callbacks[:] = [started, *(c for c in callbacks if c not in (started, stopped)), stopped]


_Collecting.keep_outermost()


class TimeLimitExceeded(BaseException):
    """Raised inside a script whose call ran past its time limit.

    A ``BaseException`` so that ``except Exception`` in a script does not catch it.
    """


class _Unraisable:
    """``sys.unraisablehook`` without the TimeLimitExceeded a collection swallowed."""

    def __init__(self, inner: Callable[[Any], object]) -> None:
        self.inner = inner

    def __call__(self, unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, TimeLimitExceeded):
            self.inner(unraisable)

    @classmethod
    def keep_wrapped(cls) -> None:
        """Wrap the current hook (unless it is wrapped already: one check)."""
        if not isinstance(sys.unraisablehook, cls):
            sys.unraisablehook = cls(sys.unraisablehook)


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
# c_void_p: the class is kept alive by this module and the call takes its own reference.
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.c_void_p)
_set_async_exc.restype = ctypes.c_int


class Watchdog:
    """Arms a deadline for one call at a time (the engine is serialised).

    Only C-level locks are taken on the calling thread: a Python-level lock
    (``Condition``) could be left held if the asynchronous exception landed
    inside its ``__exit__``.
    """

    def __init__(self, on_stuck: Callable[[int], None] | None = None) -> None:
        self._on_stuck = on_stuck
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._deadline: float | None = None
        self._thread_id = 0
        self._generation = 0
        self._injected = False
        self._closed = False
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float) -> int:
        """Start watching the current thread for ``seconds``; returns a token."""
        _Collecting.keep_outermost()
        _Unraisable.keep_wrapped()
        with self._lock:
            self._generation += 1
            self._deadline = time.monotonic() + seconds
            self._thread_id = threading.get_ident()
            self._injected = False
            token = self._generation
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._watch, name="kryon-python-watchdog", daemon=True
                )
                self._thread.start()
        self._wake.set()
        return token

    def disarm(self, token: int) -> bool:
        """Stop watching; True when the limit fired during the call.

        A fired exception that is still pending is delivered here and
        swallowed (clearing it with ``SetAsyncExc(NULL)`` leaves CPython 3.11's
        eval breaker signalled), so none reaches host code after the call.
        """
        fired = False
        while True:
            try:
                with self._lock:
                    if token == self._generation:
                        self._deadline = None
                        fired = fired or self._injected
                        self._injected = False
                if fired:
                    for _ in range(4):  # backward jumps run the eval breaker
                        pass
                return fired
            except TimeLimitExceeded:
                fired = True

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._wake.set()

    def _watch(self) -> None:
        while True:
            self._wake.clear()
            with self._lock:
                if self._closed:
                    return
                deadline = self._deadline
                now = time.monotonic()
                if deadline is not None and now >= deadline and _Collecting.active:
                    deadline = now + _GC_WAIT_S  # it would be lost in the collector
                elif deadline is not None and now >= deadline:
                    if self._injected and self._on_stuck is not None:
                        self._on_stuck(self._thread_id)  # the script swallowed it
                    self._injected = True
                    _set_async_exc(self._thread_id, id(TimeLimitExceeded))
                    deadline = self._deadline = now + _REPEAT_S
            self._wake.wait(None if deadline is None else max(0.0, deadline - time.monotonic()))

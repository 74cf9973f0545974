"""Threading models made real: how the manager enters an engine.

One dispatcher per engine instance, chosen from the engine's declared
:class:`~kryon_core.engine.ThreadingModel` - never from engine-specific code.
A dispatcher is a callable ``dispatch(fn, *args)`` that runs ``fn`` the way
the model requires and returns its result (or raises its exception).

Cross-language calls make this subtle: a Lua script (holding the Lua VM on
thread T) may call a JavaScript function (which must run on the JS owner
thread J), which may call back into Lua.  The Lua VM is still held by T, which
is blocked waiting for J.  Entering Lua from J would deadlock (or corrupt the
VM), so every waiting thread *serves* its inbox: a thread that needs a VM held
by a thread blocked on its behalf sends the work to that thread's inbox
instead.  The chain of "threads blocked on my behalf" travels with each job.
"""

from __future__ import annotations

import queue
import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from kryon_core.engine import ThreadingModel

__all__ = ["Dispatcher", "OwnerThread", "SerializedDispatcher", "make_dispatcher"]

T = TypeVar("T")
Dispatcher = Callable[..., Any]
_Inbox = queue.SimpleQueue[tuple[Any, ...]]

_local = threading.local()


def _inbox() -> _Inbox:
    inbox: _Inbox | None = getattr(_local, "inbox", None)
    if inbox is None:
        inbox = _local.inbox = queue.SimpleQueue()
    return inbox


# Asynchronous signals a Python handler may wait for (Ctrl-C's SIGINT first).
_HOST_SIGNALS = {
    getattr(signal, name)
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGALRM", "SIGUSR1", "SIGUSR2")
    if hasattr(signal, name)
}


def _leave_signals_to_the_main_thread() -> None:
    """Block the host's signals in this (engine-owned) thread.  The kernel
    hands a process signal to any thread not blocking it; Python runs the
    handler only in the main thread, and a main thread blocked waiting on
    this one would never wake for it (Ctrl-C lost while a VM spins)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, _HOST_SIGNALS)


def _chain() -> dict[int, _Inbox]:
    """Threads currently blocked waiting for this thread, by ident."""
    chain: dict[int, _Inbox] = getattr(_local, "chain", {})
    return chain


def _run_as(
    chain: dict[int, _Inbox], fn: Callable[..., Any], args: tuple[Any, ...], reply: _Inbox
) -> None:
    """Run a job handed over by another thread and post its outcome."""
    saved = _chain()
    _local.chain = chain
    try:
        reply.put(("done", fn(*args), None))
    except BaseException as exc:  # delivered to the waiting caller, never lost
        reply.put(("done", None, exc))
    finally:
        _local.chain = saved


def _handoff(target: _Inbox, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
    """Send ``fn`` to another thread's inbox and serve our own until it is done."""
    me = _inbox()
    chain = {**_chain(), threading.get_ident(): me}
    target.put(("run", chain, fn, args, me))
    while True:
        message = me.get()
        if message[0] == "run":
            _run_as(*message[1:])
            continue
        _, value, error = message
        if error is not None:
            raise error
        result: T = value
        return result


def _direct(fn: Callable[..., T], *args: Any) -> T:
    return fn(*args)


class SerializedDispatcher:
    """One caller at a time; re-entrant on the holding thread and on threads
    working on the holder's behalf (their calls are run by the holder).

    The fast path is a bare re-entrant lock.  Only when the lock is busy and
    this thread works on behalf of others (its chain is not empty) do we look
    for the holder among them: each is asked in turn to run the call if it
    holds the lock, and the one that does runs it.
    """

    __slots__ = ("lock",)

    def __init__(self) -> None:
        self.lock = threading.RLock()

    def __call__(self, fn: Callable[..., T], *args: Any) -> T:
        lock = self.lock
        if lock.acquire(False):
            try:
                return fn(*args)
            finally:
                lock.release()
        return self.contended(fn, args)

    def contended(self, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
        """The lock is held by another thread: it may be one blocked on our behalf."""
        for inbox in _chain().values():
            ran, value = _handoff(inbox, self._run_if_held, (fn, args))
            if ran:
                result: T = value
                return result
        with self.lock:
            return fn(*args)

    def _run_if_held(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[bool, Any]:
        if not self.lock.acquire(False):
            return False, None
        try:
            return True, fn(*args)
        finally:
            self.lock.release()


class OwnerThread:
    """A dedicated thread that owns a thread-affine engine.

    Calls from other threads are queued and waited for; calls made on the
    owner thread itself run inline; calls from a thread the owner is blocked
    on go to the owner's inbox, so re-entrancy cannot deadlock.
    """

    def __init__(self, name: str) -> None:
        self._jobs: _Inbox = queue.SimpleQueue()
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name=f"kryon-{name}", daemon=True
        )
        self._thread.start()
        ready.wait()

    def _run(self, ready: threading.Event) -> None:
        _leave_signals_to_the_main_thread()
        self._inbox = _inbox()
        self._ident = threading.get_ident()
        ready.set()
        while (job := self._jobs.get())[0] == "run":
            _run_as(*job[1:])

    def __call__(self, fn: Callable[..., T], *args: Any) -> T:
        if threading.get_ident() == self._ident:
            return fn(*args)
        if self._ident in _chain():
            return _handoff(self._inbox, fn, args)
        thread = self._thread
        if not thread.is_alive():
            raise RuntimeError(f"{thread.name}: the engine's owner thread has stopped")
        return _handoff(self._jobs, fn, args)

    @property
    def ident(self) -> int:
        """The owner thread's identifier."""
        return self._ident

    def stop(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(("stop",))
            if threading.current_thread() is not self._thread:
                self._thread.join(timeout=5)


def make_dispatcher(model: ThreadingModel, name: str) -> Dispatcher:
    """The dispatcher for ``model``; ``OwnerThread`` instances need ``stop()``."""
    if model is ThreadingModel.FREE:
        return _direct
    if model is ThreadingModel.SERIALIZED:
        return SerializedDispatcher()
    return OwnerThread(name)

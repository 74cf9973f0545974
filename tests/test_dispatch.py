"""Threading models: mutual exclusion, owner threads, re-entrancy across them."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from kryon_core import ThreadingModel
from kryon_core.dispatch import OwnerThread, SerializedDispatcher, make_dispatcher


def test_free_dispatch_calls_directly() -> None:
    dispatch = make_dispatcher(ThreadingModel.FREE, "x")
    assert dispatch(lambda a, b: a + b, 1, 2) == 3


def test_serialized_is_mutually_exclusive_and_reentrant() -> None:
    dispatch = SerializedDispatcher()
    inside = []
    overlaps = []

    def work() -> None:
        inside.append(1)
        if len(inside) > 1:
            overlaps.append(1)
        time.sleep(0.002)
        dispatch(lambda: None)  # re-entrant on the same thread
        inside.pop()

    threads = [
        threading.Thread(target=lambda: [dispatch(work) for _ in range(5)]) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert overlaps == []


def test_owner_thread_runs_everything_on_one_thread_and_propagates_errors() -> None:
    owner = OwnerThread("test")
    try:
        idents = {owner(threading.get_ident) for _ in range(5)}
        assert len(idents) == 1 and threading.get_ident() not in idents
        with pytest.raises(ZeroDivisionError):
            owner(lambda: 1 / 0)
        assert owner(lambda: owner(lambda: 7)) == 7  # nested call on the owner runs inline
    finally:
        owner.stop()
    with pytest.raises(RuntimeError, match="stopped"):
        owner(lambda: 1)


def test_owner_calling_back_into_a_serialized_engine_held_by_the_caller() -> None:
    serialized, owner = SerializedDispatcher(), OwnerThread("js")
    try:

        def inner() -> int:  # runs on the owner thread, needs the serialized VM
            return serialized(lambda: threading.get_ident())

        holder = threading.get_ident()
        ran_on = serialized(lambda: owner(inner))
        assert ran_on == holder  # the holder ran it: the VM was entered by its holder only
    finally:
        owner.stop()


def test_contended_lock_held_by_an_unrelated_thread_is_waited_for() -> None:
    serialized, owner = SerializedDispatcher(), OwnerThread("js")
    release = threading.Event()
    held = threading.Event()

    def hold() -> None:
        serialized(lambda: (held.set(), release.wait(5)))

    other = threading.Thread(target=hold)
    other.start()
    held.wait(5)
    try:
        result: list[int] = []
        caller = threading.Thread(
            target=lambda: result.append(
                serialized(lambda: 0) + owner(lambda: serialized(lambda: 5))
            )
        )
        caller.start()
        time.sleep(0.05)
        assert result == []  # still waiting for the unrelated holder
        release.set()
        caller.join(5)
        assert result == [5]
    finally:
        release.set()
        other.join(5)
        owner.stop()


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no POSIX signal masks")
def test_owner_threads_leave_ctrl_c_to_the_main_thread() -> None:
    """The kernel may hand SIGINT to any thread that does not block it; if the
    owner got it, a main thread waiting on the owner would never see Ctrl-C."""
    owner = OwnerThread("signals")
    try:
        blocked = owner(signal.pthread_sigmask, signal.SIG_BLOCK, [])
    finally:
        owner.stop()
    assert signal.SIGINT in blocked and signal.SIGTERM in blocked
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])

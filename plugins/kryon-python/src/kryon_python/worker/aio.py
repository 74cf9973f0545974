"""``asyncio`` for isolated scripts: an event loop that needs no file descriptor.

Python's own loop opens a socket pair (its self-pipe) and an epoll selector,
which the worker's limits refuse (no new descriptors, no sockets), so
``asyncio.run(main())`` failed.  A sandboxed script has no I/O to wait for and
no thread to wake the loop, so the loop here only ever waits for time: its
"selector" sleeps until the next timer (``asyncio.sleep``, ``wait_for``...).
When nothing is ready and no timer is set, every task waits for something
that can never happen: python would hang for good; here it is an error.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

__all__ = ["SandboxEventLoop", "install"]


class _Timer:
    """The loop's selector: no descriptors, only the wait for the next timer."""

    def __init__(self, sleep: Callable[[float], None]) -> None:
        self._sleep = sleep

    def select(self, timeout: float | None = None) -> list[Any]:
        if timeout is None:
            raise RuntimeError(
                "the event loop has nothing left to run: every task waits for "
                "something that cannot happen (sandboxed scripts have no I/O or threads)"
            )
        if timeout > 0:
            self._sleep(timeout)
        return []

    def close(self) -> None:
        pass


class SandboxEventLoop(asyncio.BaseEventLoop):
    """A :class:`asyncio.BaseEventLoop` whose only events are timers."""

    def __init__(self, sleep: Callable[[float], None]) -> None:
        super().__init__()
        self._selector = _Timer(sleep)

    def _process_events(self, event_list: list[Any]) -> None:
        pass

    def _write_to_self(self) -> None:
        pass  # no other thread can add callbacks: nothing to wake


def install(sleep: Callable[[float], None]) -> None:
    """Make every new event loop (``asyncio.run``, ``new_event_loop``) a
    :class:`SandboxEventLoop` waiting with ``sleep``."""

    class SandboxPolicy(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self) -> asyncio.AbstractEventLoop:
            return SandboxEventLoop(sleep)

    asyncio.set_event_loop_policy(SandboxPolicy())

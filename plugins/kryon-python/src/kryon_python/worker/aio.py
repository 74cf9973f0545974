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

    def __init__(
        self, sleep: Callable[[float], None], limit: Callable[[], BaseException | None]
    ) -> None:
        self._sleep = sleep
        self._limit = limit

    def select(self, timeout: float | None = None) -> list[Any]:
        if timeout is None:
            limit = self._limit()
            if limit is not None:
                # a limit stopped the loop, and the tasks' cleanup after it
                # waits for a wakeup the limit interrupted: the limit goes on
                raise limit
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

    def __init__(self, sleep: Callable[[float], None], now: Callable[[], float]) -> None:
        super().__init__()
        self._selector = _Timer(sleep, lambda: self._limit)
        self._limit: BaseException | None = None  # the limit that stopped the loop
        self._now = now

    def time(self) -> float:
        return self._now()  # the clock ``sleep`` moves on (worker/clock.py)

    def run_forever(self) -> None:
        try:
            super().run_forever()
        except BaseException as exc:
            if not isinstance(exc, Exception):
                self._limit = exc
            raise

    def run_until_complete(self, future: Any) -> Any:
        try:
            return super().run_until_complete(future)
        except BaseException as exc:
            if not isinstance(exc, Exception):
                self._limit = exc
            raise

    def _process_events(self, event_list: list[Any]) -> None:
        pass

    def _write_to_self(self) -> None:
        pass  # no other thread can add callbacks: nothing to wake

    def call_exception_handler(self, context: dict[str, Any]) -> None:
        # A limit (the time limit's alarm, a BaseException) that lands in a
        # callback the loop runs, outside any task, goes on up to the script,
        # as KeyboardInterrupt does: asyncio's Handle logs anything else and
        # carries on, which printed the worker's paths on stderr, lost the
        # wakeup of the task it interrupted and ended in "nothing left to run".
        exc = context.get("exception")
        if isinstance(exc, BaseException) and not isinstance(exc, Exception):
            raise exc
        if self._limit is not None and exc is None:
            # "Task was destroyed but it is pending!": the limit, raised again
            # while asyncio.run cancelled the tasks, left them pending
            return
        super().call_exception_handler(context)


def install(sleep: Callable[[float], None], now: Callable[[], float]) -> None:
    """Make every new event loop (``asyncio.run``, ``new_event_loop``) a
    :class:`SandboxEventLoop` waiting with ``sleep`` on the clock ``now``."""

    class SandboxPolicy(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self) -> asyncio.AbstractEventLoop:
            return SandboxEventLoop(sleep, now)

    asyncio.set_event_loop_policy(SandboxPolicy())

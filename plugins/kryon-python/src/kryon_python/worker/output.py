"""Script output on its way to the host, gathered into few frames."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from kryon_python.wire import Op

__all__ = ["OutputQueue"]

_MOST_CHARACTERS = 1 << 16
"""Characters gathered into one frame at most (writes come in pieces no longer)."""
_MOST_WAIT_S = 0.001
"""How long a write may wait for company before it travels anyway."""


class OutputQueue:
    """Consecutive writes of one script to one stream travel as one ``WRITE``.

    A frame costs the worker an encoding and a system call, several times
    what printing a line costs Python itself, and it comes out of the script's
    time limit.  So writes wait here until anything else goes to the host (the
    worker flushes first: a reply, a host call; order is kept), the script or
    the stream changes, 64 Ki characters gather, or the oldest has waited a
    millisecond; the worker also flushes before the script really sleeps (with
    no time limit; under one, sleeping takes no time).  Only what was written
    in the last millisecond before a hard kill (a C call stuck past the time
    limit, a crash) is lost, as block-buffered ``python`` loses more.
    """

    def __init__(self, send: Callable[[list[Any]], None]) -> None:
        self._send = send
        self._texts: list[str] = []
        self._size = 0
        self._key: tuple[Any, Any] | None = None
        self._since = 0.0

    def put(self, script: Any, stream: Any, text: str) -> None:
        if not text.isascii():
            # UnicodeEncodeError for a lone surrogate, raised in the writer as
            # python's stdout raises it; the frame itself must always encode
            text.encode("utf-8")
        key = (script, stream)
        if key != self._key or self._size + len(text) > _MOST_CHARACTERS:
            self.flush()
            self._key = key
            self._since = time.monotonic()
        self._texts.append(text)
        self._size += len(text)
        if time.monotonic() - self._since > _MOST_WAIT_S:
            self.flush()

    def flush(self) -> None:
        if not self._texts or self._key is None:
            return
        script, stream = self._key
        text = "".join(self._texts)
        self._texts.clear()
        self._size = 0
        self._key = None
        self._send([Op.WRITE, script, stream, text])

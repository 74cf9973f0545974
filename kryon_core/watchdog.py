"""The last line of defence of ``kryon run``: a phase that overruns its time ends the run.

Engines enforce the policy's time limit themselves, and every engine's tests
show it.  Some work runs where no engine check can reach it: one C call of an
interpreter (a regular expression, a bignum operation, building a huge list)
or a bug in an engine.  Such a call holds the GIL, so no thread of the same
process could step in.  Under ``kryon run`` the CLI therefore forks first:
the child runs the script and tells the parent, over a pipe, when a phase
(loading the script, the ``--call``) starts and ends; the parent, which runs
no Python code of the script's, kills the child when a phase runs past its
allowance, reports a ``TimeLimitError`` for the script on stderr and exits
with status 70, as the CLI contract says for a limit.  Otherwise the parent
exits with the child's status.  Where ``os.fork`` does not exist nothing is
supervised.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import select
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, NoReturn

from kryon_core.errors import TimeLimitError

__all__ = ["GRACE_FACTOR", "PendingOutput", "Watchdog"]

GRACE_FACTOR = 20
"""A phase may take this many times the policy's per-call limit (nested calls
and top-level code each have their own limit) plus ``[kryon] run_grace_s``."""

_EXIT_LIMIT = 70


class PendingOutput:
    """Bytes a run printed to stdout and has not written yet.

    Writing each print at once costs a system call per line, which capped a
    program at some ten thousand lines within the sandboxed policy's 100 ms.
    So, when stdout is not a terminal, ``kryon run`` keeps what is printed
    here, as Python's own block-buffered stdout does, and writes it when it
    fills, before anything goes to stderr, and at the end.  The bytes live in
    an anonymous shared mapping made before the watchdog forks: when the
    parent kills a stuck child it writes them out itself, so a run the
    watchdog ends still shows everything it printed, before the error.
    """

    CAPACITY = 64 * 1024

    def __init__(self) -> None:
        # An 8-byte count of pending bytes, then the bytes.
        self._memory = mmap.mmap(-1, 8 + self.CAPACITY)
        self._size = memoryview(self._memory)[:8].cast("Q")

    def add(self, data: bytes) -> bool:
        """Keep ``data`` after the pending bytes; False if it does not fit."""
        size = self._size[0]
        end = size + len(data)
        if end > self.CAPACITY:
            return False
        self._memory[8 + size : 8 + end] = data
        self._size[0] = end  # counted once copied: the parent never reads half a write
        return True

    def take(self) -> bytes:
        """The pending bytes, which are no longer pending."""
        data = self._memory[8 : 8 + self._size[0]]
        self._size[0] = 0
        return data


class Watchdog:
    """The child's side: :meth:`guard` reports phases to the supervising parent."""

    def __init__(self, channel: IO[str] | None = None) -> None:
        self._channel = channel

    @classmethod
    def supervise(
        cls,
        script: str,
        limit_ms: int | None,
        grace_s: float,
        pending: PendingOutput | None = None,
    ) -> Watchdog:
        """Fork; the parent supervises the child and exits with its status, the
        child (the only one to return) runs the script.  Without a time limit,
        or without ``os.fork``, nothing is supervised.  ``pending`` is the
        child's unwritten stdout, which the parent writes if it ends the child."""
        if limit_ms is None or not hasattr(os, "fork"):
            return cls()
        allowance = grace_s + GRACE_FACTOR * limit_ms / 1000
        read_fd, write_fd = os.pipe()
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: closed when kryon started (`>&-`)
                stream.flush()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            return cls(os.fdopen(write_fd, "w", buffering=1))
        os.close(write_fd)
        _supervise(pid, read_fd, script, allowance, pending)

    @contextmanager
    def guard(self, phase: str) -> Iterator[None]:
        """Guard one phase of the run (``phase`` reads "loading the script", ...)."""
        if self._channel is None:
            yield
            return
        self._tell("arm " + " ".join(phase.split()))
        try:
            yield
        finally:
            self._tell("disarm")

    def _tell(self, line: str) -> None:
        try:
            if self._channel is not None:
                self._channel.write(line + "\n")
        except OSError:  # the parent is gone: nothing supervises the run any more
            self._channel = None


def _supervise(
    pid: int, read_fd: int, script: str, allowance: float, output: PendingOutput | None
) -> NoReturn:
    """The parent's side: wait for the child, ending it if a phase overruns."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the child's to handle
    deadline: float | None = None
    phase = ""
    pending = b""
    while True:
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([read_fd], [], [], timeout)
        if not ready:
            _end(pid, script, allowance, phase, output)
        data = os.read(read_fd, 4096)
        if not data:
            break  # the child is done
        pending += data
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            if line.startswith(b"arm "):
                deadline = time.monotonic() + allowance
                phase = line[4:].decode("utf-8", "replace")
            elif line == b"disarm":
                deadline = None
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    os._exit(code if code >= 0 else 128 - code)


def _end(
    pid: int, script: str, allowance: float, phase: str, output: PendingOutput | None
) -> NoReturn:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    if output is not None:
        data = output.take()
        with contextlib.suppress(OSError):  # no reader left: only the status can tell
            while data:
                data = data[os.write(1, data) :]
    error = TimeLimitError(
        f"the script did not stop within {allowance:g} s while {phase}; "
        "ended by the kryon run watchdog",
        script=script,
    )
    os.write(2, (error.render() + "\n").encode("utf-8", "replace"))
    os._exit(_EXIT_LIMIT)

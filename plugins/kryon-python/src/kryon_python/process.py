"""Starting, watching and killing one worker process (host side)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from kryon_python.wire import MAX_FRAME, FrameReader, Op, WireError, decode, encode, write_frame

__all__ = ["WorkerProcess", "WorkerStartError"]

# -I: no environment variables, no user site, no script directory on sys.path;
# -S: no site-packages.  The package's parent directory is put on sys.path only
# long enough to import the worker, which then empties sys.path.
_BOOT = (
    "import sys; sys.path[:] = [sys.argv[1]] + sys.path; "
    "from kryon_python.worker.main import main; main(int(sys.argv[2]), int(sys.argv[3]))"
)
_EXIT_MEMORY = 3


class WorkerStartError(RuntimeError):
    """The worker did not start or did not report ready."""


class WorkerProcess:
    """One running worker: its pipes, its frame reader and how it ended."""

    def __init__(
        self, init: dict[str, Any], start_timeout: float, max_frame: int = MAX_FRAME
    ) -> None:
        to_worker_r, to_worker_w = os.pipe()
        from_worker_r, from_worker_w = os.pipe()
        package_parent = str(Path(__file__).resolve().parent.parent)
        debug = os.environ.get("KRYON_PYTHON_WORKER_STDERR") == "1"
        try:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-I",
                    "-S",
                    "-c",
                    _BOOT,
                    package_parent,
                    str(to_worker_r),
                    str(from_worker_w),
                ],
                pass_fds=(to_worker_r, from_worker_w),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=None if debug else subprocess.DEVNULL,
                env={},
                cwd="/",
                start_new_session=True,
                close_fds=True,
            )
        finally:
            os.close(to_worker_r)
            os.close(from_worker_w)
        self.write_fd = to_worker_w
        self.reader = FrameReader(from_worker_r, max_frame)
        self.killed_for: str | None = None
        self.closed = False
        try:
            self.send(encode([Op.INIT, init]))
            payload = self.reader.read(time.monotonic() + start_timeout)
            if payload is None:
                raise WorkerStartError(f"the worker did not start within {start_timeout} s")
            reply = decode(payload)
            if not isinstance(reply, list) or reply[:1] != [Op.OK]:
                raise WorkerStartError("the worker failed to start")
        except (OSError, WireError, EOFError, WorkerStartError) as exc:
            self.kill()
            if isinstance(exc, WorkerStartError):
                raise
            raise WorkerStartError(f"the worker failed to start: {exc}") from None
        except BaseException:
            self.kill()
            raise

    def send(self, payload: bytes) -> None:
        write_frame(self.write_fd, payload)

    def kill(self, reason: str | None = None) -> None:
        """Kill the process (idempotent) and release the pipes."""
        if reason is not None and self.killed_for is None:
            self.killed_for = reason
        if self.closed:
            return
        self.closed = True
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        for fd in (self.write_fd, self.reader.fd):
            with contextlib.suppress(OSError):
                os.close(fd)

    def death(self) -> str:
        """Why the process ended: ``time``, ``memory`` or ``crash``."""
        if self.killed_for is not None:
            return self.killed_for
        try:
            code = self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "crash"
        if code == -signal.SIGXCPU:
            return "time"
        if code == _EXIT_MEMORY:
            return "memory"
        return "crash"

    def describe_exit(self) -> str:
        code = self.process.poll()
        if code is None:
            return "the worker stopped responding"
        if code < 0:
            try:
                return f"the worker was killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"the worker was killed by signal {-code}"
        return f"the worker exited with status {code}"

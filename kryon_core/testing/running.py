"""Running a script as a user runs it: ``kryon run`` in a process of its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

__all__ = ["kryon_run"]


def kryon_run(
    path: str | Path, *options: str, cwd: str | Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``kryon run PATH [OPTIONS]`` with this interpreter's installed core: the
    exit status, stdout and stderr as outside tools see them."""
    return subprocess.run(
        [sys.executable, "-m", "kryon_core", "run", str(path), *options],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        check=False,
    )

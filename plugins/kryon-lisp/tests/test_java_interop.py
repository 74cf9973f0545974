"""The slice of Java interop, run as ``kryon run`` runs it (under the sandbox)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def kryon_run(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "main.klisp"
    script.write_text(source)
    return subprocess.run(
        [sys.executable, "-m", "kryon_core", "run", str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_to_string_with_a_radix_out_of_range_uses_ten(tmp_path: Path) -> None:
    # radix 1 looped forever in Python, where no limit check runs
    result = kryon_run(
        tmp_path,
        "(prn (Long/toString 5 1) (Integer/toString 5 0) (Long/toString -255 37)"
        " (Integer/toString 255 16))\n",
    )
    assert (result.returncode, result.stdout) == (0, '"5" "5" "-255" "ff"\n'), result.stderr

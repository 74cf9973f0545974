"""The slice of Java interop, run as ``kryon run`` runs it (under the sandbox)."""

from __future__ import annotations

from pathlib import Path

from .conftest import kryon_run


def test_to_string_with_a_radix_out_of_range_uses_ten(tmp_path: Path) -> None:
    # radix 1 looped forever in Python, where no limit check runs
    result = kryon_run(
        tmp_path,
        "(prn (Long/toString 5 1) (Integer/toString 5 0) (Long/toString -255 37)"
        " (Integer/toString 255 16))\n",
    )
    assert (result.returncode, result.stdout) == (0, '"5" "5" "-255" "ff"\n'), result.stderr

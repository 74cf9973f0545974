"""Whole programs of the kind users write, run with `kryon run` as a user would.

Each ``programs/NAME.wren`` prints ``programs/NAME.out`` (checked by hand
against the Wren 0.4 reference and its documented semantics): classes and
inheritance, operators, numbers, strings, collections and Sequence helpers,
fibers both ways (``generators_stackless`` has only yields written in
``Fiber.new`` bodies, ``generators_stackful`` yields from nested calls), and
imports of sibling files. They run under the sandboxed policy (how `kryon run`
compiles by default, with limit checks; its time limit raised so that a busy
machine cannot fail them) and under `trusted` (compiled without checks).

``programs/errors/NAME.wren`` are programs that fail: each prints
``NAME.out``, then writes ``NAME.err`` to stderr (the reference's message and
stack trace, or its compile errors) and exits 65 when its name starts with
``compile_``, 70 otherwise (runtime errors, and ``limit_`` programs that meet a
limit of the sandboxed policy).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROGRAMS = Path(__file__).parent / "programs"
CASES = [*sorted(PROGRAMS.glob("*.wren")), PROGRAMS / "imports" / "main.wren"]

CONFIG = """
[kryon]
default_policy = "roomy"

[security.policies.roomy]
extends = "sandboxed"
time_limit_ms = 60000
"""


def kryon_run(tmp_path: Path, program: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``kryon run PROGRAM`` in its directory, under CONFIG's roomy policy unless
    ``options`` name another."""
    config = tmp_path / "kryon.toml"
    config.write_text(CONFIG)
    command = [sys.executable, "-m", "kryon_core", "run", "--config", str(config), *options]
    return subprocess.run(
        [*command, program.name],
        cwd=program.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("policy", ["sandboxed", "trusted"])
@pytest.mark.parametrize("program", CASES, ids=lambda p: p.stem if p.stem != "main" else "imports")
def test_program_prints_what_wren_prints(tmp_path: Path, program: Path, policy: str) -> None:
    options = ["--policy", "trusted"] if policy == "trusted" else []
    proc = kryon_run(tmp_path, program, *options)
    expected = program.with_suffix(".out").read_text()
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == expected


ERRORS = sorted((PROGRAMS / "errors").glob("*.wren"))


@pytest.mark.parametrize("program", ERRORS, ids=lambda p: p.stem)
def test_failing_program_reports_what_wren_reports(tmp_path: Path, program: Path) -> None:
    proc = kryon_run(tmp_path, program)
    status = 65 if program.name.startswith("compile_") else 70
    assert (proc.returncode, proc.stdout) == (status, program.with_suffix(".out").read_text())
    assert proc.stderr == program.with_suffix(".err").read_text()

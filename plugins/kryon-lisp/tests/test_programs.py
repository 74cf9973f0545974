"""Whole programs: their output is checked against the expected transcript, and
``kryon run`` honours the CLI contract (stdout, exit codes, error on stderr)."""

from __future__ import annotations

from pathlib import Path

import pytest
from kryon_lisp.engine import LispConfig, LispEngine

from kryon_core import ScriptBridge, default_policies

from .conftest import kryon_run

PROGRAMS = Path(__file__).parent / "programs"
TRUSTED = next(p for p in default_policies() if p.name == "trusted")


@pytest.mark.parametrize("program", sorted(p.stem for p in PROGRAMS.glob("*.klisp")))
def test_program_output(program: str) -> None:
    engine = LispEngine()
    engine.initialize(LispConfig(), TRUSTED)
    out: list[str] = []
    engine.setup_bridge(ScriptBridge(TRUSTED, {}, output=lambda t, s, n: out.append(t)))
    source = (PROGRAMS / f"{program}.klisp").read_text()
    engine.load_script(engine.compile(source, script=f"{program}.klisp"))
    assert "".join(out) == (PROGRAMS / f"{program}.out").read_text()


def test_kryon_run_contract(tmp_path: Path) -> None:
    ok = kryon_run(tmp_path, '(println "hello" (+ 1 2))')
    assert (ok.returncode, ok.stdout) == (0, "hello 3\n")
    boom = kryon_run(tmp_path, '(println "before")\n(throw (ex-info "boom" {}))\n')
    assert boom.returncode == 70 and boom.stdout == "before\n"
    assert "main.klisp:2: boom" in boom.stderr
    broken = kryon_run(tmp_path, "(println 1\n")
    assert broken.returncode == 65 and "main.klisp:2" in broken.stderr
    assert "starting at line 1" in broken.stderr


@pytest.mark.parametrize(
    "call", ['(eval (read-string "(undefined-thing 1)"))', '(read-string "(1 2")']
)
def test_code_read_or_evaluated_at_run_time_fails_as_a_runtime_error(
    tmp_path: Path, call: str
) -> None:
    """The script compiled: what it reads or evaluates while running fails as
    Clojure's RuntimeException does, catchable, and an uncaught one exits 70
    at the script's line (it was a compile error, 65, at the string's line)."""
    caught = kryon_run(tmp_path, f"(println (try {call} (catch RuntimeException e :caught)))")
    assert (caught.returncode, caught.stdout) == (0, ":caught\n")
    failed = kryon_run(tmp_path, f'(println "before")\n{call}\n')
    assert (failed.returncode, failed.stdout) == (70, "before\n")
    assert "main.klisp:2: " in failed.stderr

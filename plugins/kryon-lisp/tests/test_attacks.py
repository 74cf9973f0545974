"""Scripts that try to escape the sandbox or exhaust the host, run as ``kryon run``
runs them (default ``sandboxed`` policy): each ends with its error on stderr,
naming the script's line, and exit status 70; none reaches Python."""

from __future__ import annotations

from pathlib import Path

import pytest

from kryon_core.testing import kryon_run

ATTACKS = Path(__file__).parent / "attacks"

EXPECTED = {
    "alter_core_println": "2: Can't alter built-in var #'clojure.core/println",
    "apply_str_bomb": "MemoryLimitError: ",
    "class_for_name": "2: Class/forName is not available: Kryon Lisp has no host classes",
    "clojure_lang_rt": "2: clojure.lang.RT/var is not available",
    "deep_recursion": "RecursionLimitError: ",
    "deftype_field_dunder": "3: No matching field found: __class__ for class user.T",
    "dot_form_dunder": "2: No method __class__ for java.lang.String",
    "dotdot_chain": "2: No method __class__ for java.lang.String",
    "eval_python_builtin": "2: Unable to resolve symbol: __import__ in this context",
    # the time or, on a loaded machine, the memory of the printed text runs out first
    "infinite_seq_printed": "LimitError: ",
    "macro_expansion_bomb": "TimeLimitError: ",
    "nested_structure_printed": "4: StackOverflowError",
    "new_process_builder": "2: Unable to resolve classname: java.lang.ProcessBuilder",
    "read_eval": "2: EvalReader not allowed when *read-eval* is false.",
    "repeat_vector_bomb": "MemoryLimitError: ",
    "resolve_builtins": "2: nil cannot be cast to clojure.lang.IFn",
    "runtime_exec": "2: Runtime/getRuntime is not available",
    "string_doubling": "MemoryLimitError: ",
}


def test_every_attack_script_has_its_expectation() -> None:
    assert sorted(p.stem for p in ATTACKS.glob("*.klisp")) == sorted(EXPECTED)


@pytest.mark.parametrize("attack", sorted(EXPECTED))
def test_attack_ends_with_its_error_and_exit_70(attack: str) -> None:
    script = ATTACKS / f"{attack}.klisp"
    result = kryon_run(script, timeout=30)
    assert result.returncode == 70, (result.stdout, result.stderr)
    assert f"{attack}.klisp:" in result.stderr  # names the script (and, below, the line)
    assert EXPECTED[attack] in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr
    assert ":pwned" not in result.stdout and "uid=" not in result.stdout
    # a limit names the line of the form that met it
    first = result.stderr.splitlines()[0]
    assert first.split(f"{attack}.klisp:")[1].split(":")[0].isdigit(), first

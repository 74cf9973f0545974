"""`kryon run file.wren`: stdout, stderr and exit codes exactly as the reference CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any


def _run(tmp_path: Path, name: str, source: str | bytes) -> subprocess.CompletedProcess[Any]:
    """`kryon run name`; output as text, or as bytes for a source given as bytes."""
    if isinstance(source, bytes):
        (tmp_path / name).write_bytes(source)
    else:
        (tmp_path / name).write_text(source)
    return subprocess.run(
        [sys.executable, "-m", "kryon_core", "run", name],
        cwd=tmp_path,
        capture_output=True,
        text=isinstance(source, str),
        timeout=60,
    )


def test_success_prints_to_stdout(tmp_path: Path) -> None:
    proc = _run(tmp_path, "ok.wren", 'System.print("hello")\nSystem.write(1 + 1)\n')
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "hello\n2", "")


def test_compile_errors_exit_65_with_every_error(tmp_path: Path) -> None:
    source = "class A {\n  f() {}\n  f() {}\n}\nSystem.print(nope)\n"
    proc = _run(tmp_path, "bad.wren", source)
    assert proc.returncode == 65
    assert proc.stderr == (
        "[bad.wren line 3] Error at ')': Class A already defines a method 'f()'.\n"
        "[bad.wren line 5] Error at 'nope': Variable is used but not defined.\n"
    )


def test_runtime_errors_exit_70_with_message_and_stack(tmp_path: Path) -> None:
    source = 'System.print("before")\nclass B {\n  static g { null.x }\n}\nB.g\n'
    proc = _run(tmp_path, "boom.wren", source)
    assert proc.returncode == 70
    assert proc.stdout == "before\n"
    assert proc.stderr == (
        "Null does not implement 'x'.\n[boom.wren line 3] in g\n[boom.wren line 5] in (script)\n"
    )


def test_source_and_output_are_bytes_as_in_the_reference(tmp_path: Path) -> None:
    """A Latin-1 byte in a string literal and a \\x escape reach stdout as the
    bytes they are; a stray byte outside a string is the lexer's error."""
    proc = _run(tmp_path, "raw.wren", b'System.print("caf\xe9")\nSystem.print("\\xff")\n')
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"caf\xe9\n\xff\n", b"")
    proc = _run(tmp_path, "stray.wren", b"var x = 1\n\xff\n")
    assert (proc.returncode, proc.stderr) == (
        65,
        b"[stray.wren line 2] Error: Invalid byte 0xff.\n",
    )


def test_a_withheld_host_function_is_a_runtime_error_when_called(tmp_path: Path) -> None:
    source = 'import "kryon" for Kryon\nSystem.print("a")\nKryon.call("f", 1)\n'
    proc = _run(tmp_path, "deny.wren", source)
    assert (proc.returncode, proc.stdout) == (70, "a\n")
    assert proc.stderr == (
        "policy 'sandboxed' does not grant 'cross_language' (kryon.call)\n"
        "[deny.wren line 3] in (script)\n"
    )


def test_a_script_named_after_a_builtin_module_still_imports_it(tmp_path: Path) -> None:
    source = 'import "meta" for Meta\nimport "random" for Random\nSystem.print([Meta, Random])\n'
    for name in ("meta.wren", "random.wren"):
        proc = _run(tmp_path, name, source)
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, "[Meta, Random]\n", "")


def test_a_module_importing_the_main_script_gets_the_running_main_module(
    tmp_path: Path,
) -> None:
    (tmp_path / "b.wren").write_text(
        'System.print("b start")\nimport "./a" for A\nvar B = "B"\nSystem.print("b sees %(A)")\n'
    )
    source = (
        'System.print("a start")\nimport "./b" for B\nvar A = "A"\nSystem.print("a end %(B)")\n'
    )
    proc = _run(tmp_path, "a.wren", source)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == "a start\nb start\nb sees null\na end B\n"

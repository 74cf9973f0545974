"""The `kryon` command, run as a user runs it (a subprocess of the installed script)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kryon_core import ScriptManager

TESTS = Path(__file__).parent
KRYON = [sys.executable, "-m", "kryon_core"]


ENV = {
    **os.environ,
    "KRYON_PLUGINS": "fakeengine",
    "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
}


def kryon(*args: str, cwd: Path | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KRYON, *args], capture_output=True, text=True, env=ENV, cwd=cwd, input=stdin, timeout=60
    )


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "app.fake"
    path.write_text(
        "print('hello')\n\ndef add(a, b):\n    return a + b\n\n"
        "def fail():\n    raise ValueError('boom')\n"
    )
    return path


def test_run_prints_script_output(script: Path) -> None:
    result = kryon("run", str(script))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "hello\n"


def test_run_call_prints_json_result(script: Path) -> None:
    result = kryon("run", str(script), "--call", "add", "[1, 2]", "[3]")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["hello", "[1, 2, 3]"]
    result = kryon("run", str(script), "--call", "add", '"a"', '"b"')
    assert json.loads(result.stdout.splitlines()[-1]) == "ab"


def test_call_result_is_strict_json_even_with_nan_inside(tmp_path: Path) -> None:
    path = tmp_path / "floats.fake"
    path.write_text("def f():\n    return [float('nan'), {'x': float('-inf')}, float('inf')]\n")
    result = kryon("run", str(path), "--call", "f")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["NaN", {"x": "-Infinity"}, "Infinity"]


def test_call_accepts_the_file_stem_as_script_name(script: Path) -> None:
    result = kryon("run", str(script), "--call", "app.add", "1", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["hello", "3"]


def test_compile_error_exits_65_with_script_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.fake"
    bad.write_text("x = 1\ndef f(:\n")
    result = kryon("run", str(bad))
    assert result.returncode == 65
    assert result.stdout == ""
    assert f"{bad}:2" in result.stderr and "CompileError" in result.stderr


def test_runtime_error_exits_70(script: Path) -> None:
    result = kryon("run", str(script), "--call", "fail")
    assert result.returncode == 70
    assert result.stdout == "hello\n"
    assert str(script) in result.stderr and "boom" in result.stderr


def test_missing_function_exits_70(script: Path) -> None:
    result = kryon("run", str(script), "--call", "nope")
    assert result.returncode == 70
    assert "nope" in result.stderr


def test_usage_errors_exit_64(script: Path, tmp_path: Path) -> None:
    assert kryon("run", str(tmp_path / "absent.fake")).returncode == 64
    assert kryon("run", str(script), "--call", "add", "{not json").returncode == 64


@pytest.mark.parametrize(
    "args",
    [
        ("run",),  # FILE missing
        ("run", "--bogus", "x.fake"),  # an unknown option of run
        ("--bogus",),  # an unknown option of kryon
        ("run", "--call"),  # an option without its value
        ("nosuchcommand",),
    ],
)
def test_every_usage_error_exits_64_not_clicks_2(args: tuple[str, ...]) -> None:
    result = kryon(*args)
    assert result.returncode == 64, result.stderr
    assert "Traceback" not in result.stderr


def test_file_that_is_not_a_regular_file_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.fake"
    folder.mkdir()
    fifo = tmp_path / "fifo.fake"
    os.mkfifo(fifo)  # reading it would block forever
    assert kryon("run", str(folder)).returncode == 64
    result = kryon("run", str(fifo))
    assert (result.returncode, result.stderr) == (64, f"{fifo}: not a regular file\n")
    assert kryon("config", "check", str(folder)).returncode == 64


def test_unreadable_file_is_a_usage_error(script: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from kryon_core.cli import main

    monkeypatch.setattr(os, "access", lambda path, mode: False)  # root reads any file
    result = CliRunner().invoke(main, ["run", str(script)])
    assert result.exit_code == 64
    assert result.output.endswith(f"File '{script}' is not readable.\n")


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        # json's decoder recursed until 3.12; 3.13's decodes it, and the value is too deep
        ("[" * 5000 + "]" * 5000, "argument 2 nests too deeply|nesting deeper than 100 levels"),
        ('"\\ud800"', "argument 2 is not a script value"),  # a lone surrogate
        ("123456789012345678901234567890", "argument 2 is not a script value"),
    ],
)
def test_call_arguments_that_are_no_script_values_are_usage_errors(
    script: Path, argument: str, message: str
) -> None:
    result = kryon("run", str(script), "--call", "add", "1", argument)
    assert result.returncode == 64, result.stderr
    assert any(text in result.stderr for text in message.split("|")), result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # refused before the script ran


def test_call_result_that_cannot_be_converted_names_the_script(tmp_path: Path) -> None:
    path = tmp_path / "cyc.fake"
    path.write_text("def cyclic():\n    x = []\n    x.append(x)\n    return x\n")
    result = kryon("run", str(path), "--call", "cyclic")
    assert result.returncode == 70
    assert result.stderr.startswith(f"ConversionError: {path}: ")


def test_output_that_cannot_be_written_ends_the_run_with_a_message(
    script: Path, tmp_path: Path
) -> None:
    """A full disk (/dev/full) or a stdout closed before the run: status 70 and
    one line saying why, never a traceback or an engine's confused error."""
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*KRYON, "run", str(script)], stdout=full, stderr=subprocess.PIPE, text=True, env=ENV
        )
    assert result.returncode == 70
    assert result.stderr == f"{script}: cannot write to stdout: No space left on device\n"
    closed = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *KRYON, "run", str(script)],
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert closed.returncode == 70
    assert closed.stderr == f"{script}: cannot write to stdout: Bad file descriptor\n"
    quiet = tmp_path / "quiet.fake"
    quiet.write_text("x = 1\n")
    silent = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *KRYON, "run", str(quiet)], env=ENV)
    assert silent.returncode == 0  # nothing to write, nothing wrong


def test_unknown_extension_exits_69(tmp_path: Path) -> None:
    other = tmp_path / "x.cobol"
    other.write_text("")
    result = kryon("run", str(other))
    assert result.returncode == 69
    assert "no installed engine" in result.stderr


def test_bad_config_exits_78(script: Path, tmp_path: Path) -> None:
    config = tmp_path / "kryon.toml"
    config.write_text("[kryon]\nbogus = 1\n")
    result = kryon("run", str(script), "--config", str(config))
    assert result.returncode == 78
    assert "kryon.bogus: unknown key" in result.stderr


def test_policy_option(script: Path) -> None:
    assert kryon("run", str(script), "--policy", "trusted").returncode == 0
    result = kryon("run", str(script), "--policy", "nonexistent")
    assert result.returncode == 70 and "unknown security policy" in result.stderr


def test_watchdog_ends_a_script_stuck_where_no_engine_check_reaches(tmp_path: Path) -> None:
    # one C call that holds the GIL for hours: no thread of the process could stop it
    stuck = tmp_path / "stuck.fake"
    stuck.write_text("print('before')\nsum(range(10 ** 15))\n")
    config = tmp_path / "kryon.toml"
    config.write_text("[kryon]\nrun_grace_s = 1.0\n")  # 1 s + 20 x 100 ms
    started = time.monotonic()
    result = kryon("run", str(stuck), "--config", str(config))
    assert time.monotonic() - started < 30
    assert result.returncode == 70
    # Printed into the pending output shared with the parent, which wrote it.
    assert result.stdout == "before\n"
    assert f"TimeLimitError: {stuck}" in result.stderr and "watchdog" in result.stderr
    assert "3 s while loading the script" in result.stderr


def test_watchdog_passes_exit_statuses_through(script: Path) -> None:
    result = kryon("run", str(script), "--call", "fail")
    assert (result.returncode, result.stdout) == (70, "hello\n")
    assert "ScriptRuntimeError" in result.stderr and "ended by" not in result.stderr


@pytest.mark.parametrize(
    ("call", "status", "stderr"),
    [
        ("exit()", 0, ""),
        ("exit(3)", 3, ""),
        ("exit(1, 'bad input')", 1, "bad input\n"),
        ("exit(256 + 7)", 7, ""),
    ],
)
def test_a_scripts_own_exit_ends_the_run_with_its_status(
    tmp_path: Path, call: str, status: int, stderr: str
) -> None:
    path = tmp_path / "quits.fake"
    path.write_text(f"print('before')\n{call}\nprint('after')\n\ndef f():\n    return 1\n")
    result = kryon("run", str(path), "--call", "f")  # no call: the program has ended
    assert (result.returncode, result.stdout, result.stderr) == (status, "before\n", stderr)


def test_in_process_scripts_see_the_program_as_argv(tmp_path: Path) -> None:
    path = tmp_path / "args.fake"
    path.write_text("import sys\nprint(sys.argv)\n")
    result = kryon("run", str(path), "--policy", "trusted")
    assert result.stdout == f"{[str(path)]}\n"


def test_an_exit_inside_a_called_function_ends_the_run(tmp_path: Path) -> None:
    path = tmp_path / "quits.fake"
    path.write_text("def f():\n    print('in f')\n    exit(4)\n")
    result = kryon("run", str(path), "--call", "f")
    assert (result.returncode, result.stdout, result.stderr) == (4, "in f\n", "")


def test_engines_lists_engines_and_broken_plugins() -> None:
    env_broken = kryon("engines")
    assert env_broken.returncode == 0
    assert "fake" in env_broken.stdout and ".fake" in env_broken.stdout
    # piped, the table is 80 columns wide: no capability or note is cut short
    words = " ".join(env_broken.stdout.split())
    with ScriptManager() as manager:
        for name, cls in manager.engine_classes.items():
            for capability in cls.CAPABILITIES.enabled():
                assert f" {capability.removeprefix('supports_')} " in words
            assert f"{name}: {cls.notes}" in words


def test_config_check(tmp_path: Path) -> None:
    good = tmp_path / "kryon.toml"
    good.write_text('[kryon]\ndefault_policy = "trusted"\n[engines.fake]\nflavour = "x"\n')
    result = kryon("config", "check", str(good))
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout and '"default_policy": "trusted"' in result.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text('[engines.fake]\ncolour = 1\n[scripts.s]\npath = "s.fake"\npolicy = "nope"\n')
    result = kryon("config", "check", str(bad))
    assert result.returncode == 78
    assert "engines.fake.colour: unknown key" in result.stderr


def test_config_check_reports_every_engine_table(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[engines.fake]\nflavour = 1\n[engines.fake-affine]\ncolour = 1\n")
    result = kryon("config", "check", str(bad))
    assert result.returncode == 78
    assert "engines.fake.flavour: Input should be a valid string" in result.stderr
    assert "engines.fake-affine.colour: unknown key" in result.stderr  # not only the first


def test_config_check_reports_unknown_policy(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[scripts.s]\npath = "s.fake"\npolicy = "nope"\n')
    result = kryon("config", "check", str(bad))
    assert result.returncode == 78 and "scripts.s.policy" in result.stderr


def test_repl_gathers_piped_multi_line_input_until_it_compiles() -> None:
    stdin = "def f(x):\n    return x + 1\n\nf(41)\ndef broken(:\n"
    result = kryon("repl", "fake", stdin=stdin)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "42"
    assert "CompileError" in lines[1]  # unfinished input at the end is reported


def test_repl_evaluates_in_one_namespace() -> None:
    result = kryon("repl", "fake", stdin="x = 20\nx + 22\nundefined_name\n'still alive'\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["42", result.stdout.splitlines()[1], '"still alive"']
    assert "undefined_name" in result.stdout


def test_repl_whose_reader_goes_away_ends_quietly_with_141() -> None:
    proc = subprocess.Popen(
        [*KRYON, "repl", "fake"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    assert proc.stdout is not None and proc.stdin is not None
    proc.stdin.write(b"1 + 1\n")
    proc.stdin.flush()
    assert proc.stdout.readline() == b"2\n"
    proc.stdout.close()  # as `| head -1` does
    proc.stdin.write(b"3 + 3\n" * 1000)
    proc.stdin.close()
    assert proc.wait(timeout=60) == 141
    assert proc.stderr is not None and proc.stderr.read() == b""


def run_piped_together(program: Path) -> subprocess.CompletedProcess[str]:
    """``kryon run PROGRAM`` with stdout and stderr on one pipe, as ``2>&1 | ...``."""
    return subprocess.run(
        [*KRYON, "run", str(program)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=ENV,
        timeout=60,
    )


def test_a_piped_run_keeps_the_order_of_stdout_and_stderr(tmp_path: Path) -> None:
    # stdout waits in PendingOutput when it is a pipe; what goes to stderr (here
    # the error that ends the run) comes after everything printed before it.
    program = tmp_path / "order.fake"
    program.write_text("for i in range(3000):\n    print(i)\nraise ValueError('boom')\n")
    done = run_piped_together(program)
    lines = done.stdout.splitlines()
    assert done.returncode == 70
    assert lines[:3000] == [str(i) for i in range(3000)]
    assert "boom" in lines[3000]


def test_a_piped_run_logs_after_what_was_printed_before(tmp_path: Path) -> None:
    program = tmp_path / "logs.fake"
    program.write_text("print('before')\nkryon.log('logged')\nprint('after')\n")
    done = run_piped_together(program)
    assert (done.returncode, done.stdout) == (
        0,
        f"before\n[kryon.script.{program}] INFO: logged\nafter\n",
    )


def test_pending_output_keeps_bytes_in_order_up_to_its_capacity() -> None:
    from kryon_core.watchdog import PendingOutput

    pending = PendingOutput()
    assert pending.take() == b""
    assert pending.add(b"abc") and pending.add(b"\x00\xff")
    assert pending.take() == b"abc\x00\xff"
    assert pending.take() == b""
    assert pending.add(b"x" * PendingOutput.CAPACITY)
    assert not pending.add(b"y")  # full: the caller writes the pending bytes first
    assert pending.take() == b"x" * PendingOutput.CAPACITY
    assert not pending.add(b"z" * (PendingOutput.CAPACITY + 1))  # never fits: written at once

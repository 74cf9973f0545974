"""The `kryon run` contract, for every installed engine, as outside tools see it.

stdout carries exactly what the script printed; a compile error exits 65 and a
runtime error 70, each with the script's name and line on stderr.
"""

from __future__ import annotations

import select
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kryon_core import ScriptManager

# language: (extension, prints "kryon-ok", syntax error on line 2, runtime error on line 2)
CASES = {
    "lua": (
        ".lua",
        'print("kryon-ok")\n',
        "local a = 1\nlocal x = = 2\n",
        "local t = nil\nprint(t.x)\n",
    ),
    "js": (".js", 'console.log("kryon-ok");\n', "let a = 1;\nlet x = ;\n", "let a = 1;\nnull.x;\n"),
    "python": (".py", 'print("kryon-ok")\n', "a = 1\ndef f(:\n", "a = 1\nNone.x\n"),
    "wren": (
        ".wren",
        'System.print("kryon-ok")\n',
        "var a = 1\nvar x = )\n",
        "var a = 1\nnull.foo\n",
    ),
    "lisp": (
        ".klisp",
        '(println "kryon-ok")\n',
        '(def a 1)\n(println "x"\n',
        '(def a 1)\n(throw (ex-info "boom" {}))\n',
    ),
}

with ScriptManager() as _manager:
    INSTALLED = [lang for lang in CASES if lang in _manager.engine_classes]


def run(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kryon_core", "run", str(path), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def start_trusted(path: Path, **options: Any) -> subprocess.Popen[bytes]:
    """`kryon run --policy trusted PATH`, its stdout and stderr piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "kryon_core", "run", "--policy", "trusted", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **options,
    )


def first_line(proc: subprocess.Popen[bytes], timeout: float = 60) -> bytes:
    """The run's first line of output; empty if none came within ``timeout``."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return proc.stdout.readline() if ready else b""


def finished(proc: subprocess.Popen[bytes], timeout: float = 60) -> int:
    """The run's exit status; a run still going after ``timeout`` is killed
    and the test fails (leaving it would hang the test on leaving Popen)."""
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(f"the run did not end within {timeout} s")


@pytest.mark.parametrize("language", INSTALLED)
def test_success_prints_to_stdout(language: str, tmp_path: Path) -> None:
    ext, ok, _, _ = CASES[language]
    path = tmp_path / f"ok{ext}"
    path.write_text(ok)
    result = run(path)
    assert (result.returncode, result.stdout) == (0, "kryon-ok\n"), result.stderr


@pytest.mark.parametrize("language", INSTALLED)
def test_syntax_error_exits_65_naming_script_and_line(language: str, tmp_path: Path) -> None:
    ext, _, bad, _ = CASES[language]
    path = tmp_path / f"bad{ext}"
    path.write_text(bad)
    result = run(path)
    assert result.returncode == 65, result.stderr
    assert result.stdout == ""
    assert "bad" in result.stderr and "2" in result.stderr, result.stderr


@pytest.mark.parametrize("language", INSTALLED)
def test_runtime_error_exits_70_naming_script_and_line(language: str, tmp_path: Path) -> None:
    ext, _, _, err = CASES[language]
    path = tmp_path / f"err{ext}"
    path.write_text(err)
    result = run(path)
    assert result.returncode == 70, result.stderr
    assert "err" in result.stderr and "2" in result.stderr, result.stderr


# language: (extension, a script calling the kryon API's `call` on line 2)
WITHHELD = {
    "lua": (".lua", 'local a = 1\nkryon.call("x")\n'),
    "js": (".js", 'let a = 1;\nkryon.call("x");\n'),
    "python": (".py", 'import kryon\nkryon.call("x")\n'),
    "wren": (".wren", 'import "kryon" for Kryon\nKryon.call("x")\n'),
    "lisp": (".klisp", '(def a 1)\n(kryon/call "x")\n'),
}


@pytest.mark.parametrize("language", INSTALLED)
def test_a_withheld_api_function_is_refused_alike_in_every_language(
    language: str, tmp_path: Path
) -> None:
    ext, source = WITHHELD[language]
    path = tmp_path / f"denied{ext}"
    path.write_text(source)
    result = run(path)
    assert result.returncode == 70, result.stderr
    assert "denied" in result.stderr and "2" in result.stderr, result.stderr
    assert "policy 'sandboxed' does not grant 'cross_language' (kryon.call)" in result.stderr


@pytest.mark.parametrize("language", INSTALLED)
def test_infinite_loop_is_a_limit_exit_70(language: str, tmp_path: Path) -> None:
    loops = {
        "lua": "while true do end\n",
        "js": "while (true) {}\n",
        "python": "while True:\n    pass\n",
        "wren": "while (true) {}\n",
        "lisp": "(loop [] (recur))\n",
    }
    ext = CASES[language][0]
    path = tmp_path / f"spin{ext}"
    path.write_text(loops[language])
    result = run(path)
    assert result.returncode == 70, result.stderr
    assert "limit" in result.stderr.lower(), result.stderr


# what runs when a program ends, in the languages that run anything then
ENDLESS_FINALIZERS = {
    "lua": 'print("end")\nsetmetatable({}, {__gc = function() while true do end end})\n',
    "python": "import atexit\n\n@atexit.register\ndef bye():\n    while True:\n        pass\n"
    "print('end')\n",
}


# language: a program whose object (or atexit callback) prints "bye" as the program
# ends, and whose line 3 fails
FAILING_WITH_FINALIZERS = {
    "lua": (
        'setmetatable({}, {__gc = function() print("bye") end})\nprint("start")\nerror("boom")\n'
    ),
    "python": 'import atexit\natexit.register(lambda: print("bye"))\nprint("start") or 1 / 0\n',
}


@pytest.mark.parametrize(
    "language", [lang for lang in FAILING_WITH_FINALIZERS if lang in INSTALLED]
)
def test_a_failed_programs_error_comes_before_what_it_runs_as_it_ends(
    language: str, tmp_path: Path
) -> None:
    """As ``lua`` and ``python`` do: the error is reported, then the program
    ends (finalizers, atexit), seen in order when stdout and stderr are one."""
    path = tmp_path / f"fails{CASES[language][0]}"
    path.write_text(FAILING_WITH_FINALIZERS[language])
    result = subprocess.run(
        [sys.executable, "-m", "kryon_core", "run", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=60,
    )
    assert result.returncode == 70
    lines = result.stdout.splitlines()
    assert lines[0] == "start" and lines[-1] == "bye", result.stdout
    assert any(f"{path.name}" in line and "3" in line for line in lines[1:-1]), result.stdout


@pytest.mark.parametrize("language", [lang for lang in ENDLESS_FINALIZERS if lang in INSTALLED])
def test_a_limit_that_stops_the_programs_finalizers_exits_70(language: str, tmp_path: Path) -> None:
    path = tmp_path / f"bye{CASES[language][0]}"
    path.write_text(ENDLESS_FINALIZERS[language])
    result = run(path)
    assert (result.returncode, result.stdout) == (70, "end\n"), result.stderr
    assert f"bye{CASES[language][0]}:" in result.stderr
    assert "limit" in result.stderr


@pytest.mark.skipif("lua" not in INSTALLED, reason="kryon-lua is not installed")
def test_the_program_ends_after_its_call(tmp_path: Path) -> None:
    """With --call, the program's finalizers run after the call's result."""
    path = tmp_path / "prog.lua"
    path.write_text(
        'setmetatable({}, {__gc = function() print("finalized") end})\n'
        'function f(x) print("called") return x + 1 end\n'
    )
    result = subprocess.run(
        [sys.executable, "-m", "kryon_core", "run", str(path), "--call", "f", "41"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (0, "called\n42\nfinalized\n"), result.stderr


@pytest.mark.parametrize("language", INSTALLED)
def test_a_closed_output_pipe_ends_the_run_quietly(language: str, tmp_path: Path) -> None:
    """`kryon run x | head -1`: the script ends as a Unix tool killed by SIGPIPE
    does (status 141), with nothing on stderr."""
    printers = {
        "lua": 'while true do print("y") end\n',
        "js": 'for (;;) console.log("y");\n',
        "python": 'while True:\n    print("y")\n',
        "wren": 'while (true) System.print("y")\n',
        "lisp": '(loop [] (println "y") (recur))\n',
    }
    path = tmp_path / f"yes{CASES[language][0]}"
    path.write_text(printers[language])
    with start_trusted(path) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert first_line(proc) == b"y\n"
        proc.stdout.close()
        status = finished(proc)
        stderr = proc.stderr.read()
    assert (status, stderr) == (141, b"")


RAW_OUTPUT = {
    "lua": ('print("a\\255b" .. string.char(200))\n', b"a\xffb\xc8\n"),
    "js": ('console.log("a\\ud800b");\n', "a\ufffdb\n".encode()),
}


@pytest.mark.parametrize("language", [lang for lang in RAW_OUTPUT if lang in INSTALLED])
def test_output_that_is_not_utf8_is_written_as_the_script_made_it(
    language: str, tmp_path: Path
) -> None:
    """Lua strings are bytes, written unchanged; a lone surrogate of a JS
    string prints as U+FFFD, as node prints it."""
    source, expected = RAW_OUTPUT[language]
    path = tmp_path / f"raw{CASES[language][0]}"
    path.write_text(source)
    result = subprocess.run(
        [sys.executable, "-m", "kryon_core", "run", str(path)], capture_output=True, timeout=60
    )
    assert (result.returncode, result.stdout) == (0, expected), result.stderr


INTERRUPTIBLE = [lang for lang in ("lua", "js", "python", "wren", "lisp") if lang in INSTALLED]


@pytest.mark.parametrize("language", INTERRUPTIBLE)
def test_ctrl_c_ends_a_runaway_script_with_status_130(language: str, tmp_path: Path) -> None:
    """Under the trusted policy nothing else stops `while true`: SIGINT does,
    even while the VM runs on its own thread."""
    spinners = {
        "lua": 'print("ready")\nwhile true do end\n',
        "js": 'console.log("ready");\nwhile (true) {}\n',
        "python": 'print("ready")\nwhile True:\n    pass\n',
        "wren": 'System.print("ready")\nwhile (true) {}\n',
        "lisp": '(println "ready")\n(loop [] (recur))\n',
    }
    path = tmp_path / f"spin{CASES[language][0]}"
    path.write_text(spinners[language])
    with start_trusted(
        path, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        if first_line(proc) != b"ready\n":
            proc.kill()
            pytest.fail(f"the script did not start: {proc.stderr.read().decode()}")
        proc.send_signal(signal.SIGINT)
        status = finished(proc)
        stderr = proc.stderr.read().decode()
    assert status == 130, stderr
    assert stderr == f"{path}: interrupted\n"


@pytest.mark.skipif("python" not in INSTALLED, reason="kryon-python is not installed")
def test_a_python_program_runs_as_main_and_may_exit(tmp_path: Path) -> None:
    path = tmp_path / "prog.py"
    path.write_text(
        "import sys\n\ndef main():\n    print('main ran')\n    return 0\n\n"
        "if __name__ == '__main__':\n    sys.exit(main())\n"
    )
    result = run(path)
    assert (result.returncode, result.stdout) == (0, "main ran\n"), result.stderr


# language: (extension, a program printing its name and arguments as "NAME|ARG|ARG")
ARGUMENTS = {
    "lua": (".lua", 'print(table.concat({arg[0], ...}, "|"))\n'),
    "js": (".js", 'console.log(process.argv.slice(1).join("|"));\n'),
    "python": (".py", 'import sys\nprint("|".join(sys.argv))\n'),
    "lisp": (".klisp", '(println (apply str (interpose "|" (cons *file* *command-line-args*))))\n'),
    "wren": (
        ".wren",
        'import "os" for Process\nSystem.print(Process.allArguments[1..-1].join("|"))\n',
    ),
}


@pytest.mark.parametrize("language", [lang for lang in ARGUMENTS if lang in INSTALLED])
def test_a_program_gets_its_command_line_arguments(language: str, tmp_path: Path) -> None:
    """``kryon run FILE ARG...`` hands the ARGs to the program as its language
    does; they are text, whatever they look like (``--policy`` after ``--``
    is the program's, not kryon's)."""
    ext, source = ARGUMENTS[language]
    path = tmp_path / f"args{ext}"
    path.write_text(source)
    result = run(path, "a", "b c", "--", "--policy", "-1")
    assert (result.returncode, result.stdout) == (0, f"{path}|a|b c|--policy|-1\n"), result.stderr
    bare = run(path)
    assert (bare.returncode, bare.stdout) == (0, f"{path}\n"), bare.stderr

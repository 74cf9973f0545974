"""Whole programs of the kind users (and testers) write, run with `kryon run`.

Each ``programs/NAME.py`` prints what ``python NAME.py`` prints, run by the
same interpreter at each test run: classes, dataclasses, enums
and properties, generators, comprehensions, f-strings and format specs,
exceptions (chaining, notes, groups, context managers), the standard library
(itertools, functools, collections, heapq, bisect, re, json, csv, math,
decimal, fractions, datetime), big ints, ``match``, the walrus, closures and
decorators, asyncio.  They run under the sandboxed policy (the isolated
worker; its time limit raised, so that a busy machine cannot fail them) and
under ``trusted``.

Each runs in process, on an engine of its own, as ``kryon run`` runs it (the
program's module is ``__main__``, the program is ended after its top-level
code, its output and the host's ``sys.stdout``/``sys.stderr`` written in
order); a few also run through ``kryon run`` itself.

Programs that fail end with Python's report on stderr, and exit status 65
(compile error), 70 (runtime error or limit) or the status of their own
``sys.exit``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import decimal
import functools
import io
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from kryon_python.config import PythonConfig
from kryon_python.engine import PythonEngine

from kryon_core import ScriptBridge

from .conftest import SANDBOXED, TRUSTED, reported_headline

PROGRAMS = Path(__file__).parent / "programs"
CASES = sorted(p.stem for p in PROGRAMS.glob("*.py"))

ROOMY = """
[kryon]
default_policy = "roomy"

[security.policies.roomy]
extends = "sandboxed"
time_limit_ms = 60000
"""


def kryon_run(path: Path, *options: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kryon_core", "run", path.name, *options],
        capture_output=True,
        timeout=120,
        cwd=path.parent,
        check=False,
    )


# a trusted script's module is never in the host's sys.modules: library code
# that looks a class's module up there (dataclasses reading a ClassVar
# written as a string, typing.get_type_hints) does not find it
ISOLATED_ONLY = {"typing_annotations"}
PYTHON_311 = {
    "async_tasks",
    "custom_exceptions",
    "exception_groups",
    "exceptions",
    "generators_errors",
    "language",
}
THROUGH_KRYON_RUN = ["asyncio_tasks", "print_streams", "typing_annotations"]
"""Programs also run by ``kryon run`` itself (each run costs a new process)."""


@functools.cache
def python_prints(name: str) -> tuple[bytes, bytes]:
    """What this interpreter's ``python NAME.py`` prints on stdout and stderr:
    the reference, taken at each run (what a program prints moves with
    Python's version: 3.12's ``OrderedDict`` repr, its abstract-class
    message, ``math.fsum``...)."""
    result = subprocess.run(
        [sys.executable, f"{name}.py"], capture_output=True, timeout=60, check=False, cwd=PROGRAMS
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, result.stderr


def skip_unless_runnable(name: str, policy: str) -> None:
    if policy == "trusted" and name in ISOLATED_ONLY:
        pytest.skip("the script's module is not in the host's sys.modules")
    if name in PYTHON_311 and sys.version_info < (3, 11):
        pytest.skip("the program uses Python 3.11 (exception groups, TaskGroup, except*, notes)")


def run_in_process(name: str, policy: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """A program run as ``kryon run`` runs it, in this process: what it wrote
    on stdout and on stderr.  The engine's output goes where the CLI sends it
    (this process's ``sys.stdout``/``sys.stderr``, here buffers), so that a
    trusted program's direct writes to them keep their place."""
    limits = TRUSTED if policy == "trusted" else SANDBOXED.derive("roomy", time_limit_ms=60000)
    stdout, stderr = text_stream("<stdout>"), text_stream("<stderr>")

    def sink(text: str, stream: str, script: str) -> None:
        (sys.stderr if stream == "stderr" else sys.stdout).write(text)

    script = f"{name}.py"
    monkeypatch.setattr(sys, "argv", [script])
    monkeypatch.setattr(sys, "stdin", text_stream("<stdin>"))  # as `kryon run ... < /dev/null`
    engine = PythonEngine()
    engine.initialize(PythonConfig(), limits)
    try:
        engine.setup_bridge(ScriptBridge(limits, {}, output=sink))
        compiled = engine.compile((PROGRAMS / script).read_text(), script=script)
        with process_state_kept(), contextlib.redirect_stdout(stdout):
            with contextlib.redirect_stderr(stderr):
                sid = engine.load_script(dataclasses.replace(compiled, entry_point=True))
                engine.end_program(sid)
    finally:
        engine.close()
    return tuple(stream.buffer.getvalue().decode() for stream in (stdout, stderr))  # type: ignore[return-value]


def text_stream(name: str) -> io.TextIOWrapper:
    """A stream as a process's standard streams are (``name``, ``encoding``,
    ``buffer``)."""
    buffer = io.BytesIO()
    buffer.name = name
    return io.TextIOWrapper(buffer, encoding="utf-8", write_through=True)


@contextlib.contextmanager
def process_state_kept() -> Iterator[None]:
    """The interpreter state a trusted program may change (each ``kryon run``
    is a process of its own): the decimal context, the random generator, the
    recursion limit, the int/str conversion limit."""
    state = random.getstate()
    recursion = sys.getrecursionlimit()
    digits = getattr(sys, "get_int_max_str_digits", lambda: None)()
    try:
        with decimal.localcontext(decimal.Context()):
            yield
    finally:
        random.setstate(state)
        sys.setrecursionlimit(recursion)
        if digits is not None:
            sys.set_int_max_str_digits(digits)


@pytest.mark.parametrize("policy", ["sandboxed", "trusted"])
@pytest.mark.parametrize("name", CASES)
def test_program_prints_what_python_prints(
    name: str, policy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    skip_unless_runnable(name, policy)
    stdout, stderr = run_in_process(name, policy, monkeypatch)
    assert (stdout, stderr) == tuple(text.decode() for text in python_prints(name))


@pytest.mark.parametrize("policy", ["sandboxed", "trusted"])
@pytest.mark.parametrize("name", THROUGH_KRYON_RUN)
def test_kryon_run_prints_what_python_prints(tmp_path: Path, name: str, policy: str) -> None:
    skip_unless_runnable(name, policy)
    config = tmp_path / "kryon.toml"
    config.write_text(ROOMY)
    options = ["--policy", "trusted"] if policy == "trusted" else ["--config", str(config)]
    result = kryon_run(PROGRAMS / f"{name}.py", *options)
    assert (result.returncode, result.stdout, result.stderr) == (0, *python_prints(name))


# (source, printed before the failure, exit status, stderr's first line; {s}
# is the script's name, {n} any line: where a time limit lands in a loop;
# {main}, the "__main__." before a program's own class on Python 3.10)
FAILING = {
    "syntax": ("x = (1,\n", "", 65, "CompileError: {s}:1: SyntaxError: '(' was never closed"),
    "indentation": (
        "def f():\nreturn 1\n",
        "",
        65,
        "CompileError: {s}:2: IndentationError: expected an indented block after "
        "function definition on line 1",
    ),
    "division by zero": (
        "def f(x):\n    return 1 / x\n\nprint('start')\nf(0)\n",
        "start\n",
        70,
        "ScriptRuntimeError: {s}:2: ZeroDivisionError: division by zero",
    ),
    "custom exception": (
        "class MyError(Exception):\n    pass\n\nraise MyError('custom')\n",
        "",
        70,
        "ScriptRuntimeError: {s}:4: {main}MyError: custom",
    ),
    "key error": (
        "d = {}\nd['missing']\n",
        "",
        70,
        "ScriptRuntimeError: {s}:2: KeyError: 'missing'",
    ),
    "name error": (
        "print('hi')\nprint(undefined_name)\n",
        "hi\n",
        70,
        "ScriptRuntimeError: {s}:2: NameError: name 'undefined_name' is not defined",
    ),
    "exit with a message": ("import sys\nprint('out')\nsys.exit('bye')\n", "out\n", 1, "bye"),
    "exit with a status": ("raise SystemExit(4)\n", "", 4, None),
    "recursion": (
        "def r(n):\n    return r(n + 1)\nr(0)\n",
        "",
        70,
        "RecursionLimitError: {s}:2: RecursionError: maximum recursion depth exceeded",
    ),
    "infinite loop": (
        "print('before')\nwhile True:\n    pass\n",
        "before\n",
        70,
        "TimeLimitError: {s}:{n}: the call ran past the policy's time limit",
    ),
    "memory bomb": ("x = bytearray(10**10)\n", "", 70, "MemoryLimitError: {s}:1: MemoryError"),
    "list bomb": ("x = [0] * 10**9\n", "", 70, "MemoryLimitError: {s}:1: MemoryError"),
    "string bomb": ("x = '9' * 10**9\n", "", 70, "MemoryLimitError: {s}:1: MemoryError"),
    "huge power": (
        "x = 10 ** 10 ** 8\n",
        "",
        70,
        "TimeLimitError: {s}:1: the call ran past the policy's time limit",
    ),
    "loop in finally": (
        "try:\n    pass\nfinally:\n    while True:\n        pass\n",
        "",
        70,
        "TimeLimitError: {s}:{n}: the call ran past the policy's time limit",
    ),
    "endless generator": (
        "def g():\n    while True:\n        yield\nfor _ in g():\n    pass\n",
        "",
        70,
        "TimeLimitError: {s}:{n}: the call ran past the policy's time limit",
    ),
    "os beyond its safe subset": (
        "import os\nos.system('id')\n",
        "",
        70,
        "ScriptRuntimeError: {s}:2: AttributeError: module 'os' has no attribute 'system'",
    ),
    "import subprocess": (
        "import subprocess\n",
        "",
        70,
        "ScriptRuntimeError: {s}:1: ModuleNotFoundError: import of 'subprocess' is not allowed "
        "in the sandbox",
    ),
    "subclass walking": (
        "print(().__class__.__subclasses__())\n",
        "",
        70,
        "SecurityError: {s}:1:7: access to '__subclasses__' is not allowed in sandboxed scripts",
    ),
}


@pytest.mark.parametrize("case", sorted(FAILING))
def test_a_failing_program_ends_as_python_does(tmp_path: Path, case: str) -> None:
    source, printed, status, expected = FAILING[case]
    script = tmp_path / "failing.py"
    script.write_text(source)
    result = kryon_run(script)  # the default policy: sandboxed
    assert (result.returncode, result.stdout.decode()) == (status, printed)
    stderr = result.stderr.decode()
    if expected is None:
        assert stderr == ""
    else:
        pattern = (
            re.escape(expected)
            .replace(r"\{s\}", "failing\\.py")
            .replace(r"\{n\}", r"\d+")
            .replace(r"\{main\}", "(?:__main__\\.)?")  # (Python 3.10 names a program's class so)
        )
        assert re.fullmatch(pattern, reported_headline(stderr)), stderr

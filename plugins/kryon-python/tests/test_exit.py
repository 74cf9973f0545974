"""A script's own exit (``sys.exit``, ``exit``, ``raise SystemExit``): ``ScriptExit``."""

from __future__ import annotations

import dataclasses
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kryon_core import HostFunction, ScriptExit, ScriptManager, ScriptRuntimeError
from kryon_core.testing import kryon_run as run_cli

from .conftest import Harness


@pytest.mark.parametrize(
    ("ending", "status", "message"),
    [
        ("sys.exit()", 0, None),
        ("sys.exit(0)", 0, None),
        ("exit()", 0, None),
        ("raise SystemExit", 0, None),
        ("raise SystemExit(None)", 0, None),
        ("quit(3)", 3, None),
        ("sys.exit(True)", 1, None),
        ("sys.exit(-1)", -1, None),
        ("sys.exit(2**70)", -1, None),  # past a C long, as python: 255
        ("sys.exit('bye now')", 1, "bye now"),
        ("raise SystemExit(1, 2)", 1, "(1, 2)"),
        ("sys.exit([3])", 1, "[3]"),
    ],
)
def test_an_exit_while_loading_is_a_script_exit_and_nothing_is_loaded(
    either: Harness, ending: str, status: int, message: str | None
) -> None:
    with pytest.raises(ScriptExit) as info:
        either.load(f"import sys\ndef f():\n    return 1\nprint('a')\n{ending}\nprint('b')\n")
    assert (info.value.status, info.value.exit_message) == (status, message)
    assert (info.value.script, info.value.line) == ("main", 5)
    assert either.printed == "a\n"
    assert either.load("def g():\n    return 2\n", "other") and either.printed == "a\n"


def test_an_exit_inside_a_called_function_ends_that_call(either: Harness) -> None:
    sid = either.load(
        "import sys\n"
        "def stop(n):\n"
        "    print('stopping', n)\n"
        "    sys.exit(n)\n"
        "def ok():\n"
        "    return 'fine'\n"
    )
    with pytest.raises(ScriptExit) as info:
        either.call(sid, "stop", 4)
    assert (info.value.status, info.value.line) == (4, 4)
    assert either.printed == "stopping 4\n"
    assert either.call(sid, "ok") == "fine"


def test_the_script_catches_its_own_exit_as_in_python(either: Harness) -> None:
    sid = either.load(
        "import sys\n"
        "def run():\n"
        "    seen = []\n"
        "    try:\n"
        "        sys.exit(5)\n"
        "    except SystemExit as exc:\n"
        "        seen.append(exc.code)\n"
        "    try:\n"
        "        exit('text')\n"
        "    except BaseException as exc:\n"
        "        seen.append(exc.code)\n"
        "    try:\n"
        "        quit()\n"
        "    except Exception:\n"
        "        seen.append('never')\n"
        "    finally:\n"
        "        seen.append('finally')\n"
    )
    with pytest.raises(ScriptExit) as info:
        either.call(sid, "run")
    assert info.value.status == 0
    sid = either.load(
        "import sys\n"
        "def run():\n"
        "    try:\n"
        "        sys.exit(5)\n"
        "    except SystemExit as exc:\n"
        "        return exc.code\n",
        "catcher",
    )
    assert either.call(sid, "run") == 5


@pytest.fixture(params=["trusted", "sandboxed"])
def policy(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def manager() -> Iterator[ScriptManager]:
    with ScriptManager() as made:
        yield made


def test_embedded_a_script_that_exits_while_loading_is_not_loaded(
    manager: ScriptManager, policy: str
) -> None:
    with pytest.raises(ScriptExit) as info:
        manager.load_script(
            "quits.py", "def f():\n    return 1\nraise SystemExit(0)\n", policy=policy
        )
    assert info.value.status == 0 and "quits.py" not in manager.scripts
    manager.load_script("calc.py", "def add(a, b):\n    return a + b\n", policy=policy)
    assert manager.call_function("add", 2, 3) == 5


def test_an_exit_through_the_host_is_a_system_exit_in_the_caller(
    manager: ScriptManager, policy: str
) -> None:
    """Script A calls the host, which calls script B, which exits: A sees a
    SystemExit (as a nested exit is in Python); uncaught, the call fails with
    B's own ScriptExit."""
    manager.add_host_function(
        HostFunction("run_other", lambda caller, name, *args: manager.call_function(name, *args))
    )
    manager.load_script("b.py", "import sys\ndef leave(n):\n    sys.exit(n)\n", policy=policy)
    manager.load_script(
        "a.py",
        "import kryon\n"
        "def catching():\n"
        "    try:\n"
        "        kryon.run_other('leave', 6)\n"
        "    except Exception:\n"
        "        return 'an Exception'\n"
        "    except SystemExit as exc:\n"
        "        return ['SystemExit', exc.code]\n"
        "def passing():\n"
        "    kryon.run_other('leave', 7)\n",
        policy=policy,
    )
    assert manager.call_function("catching") == ["SystemExit", 6]
    with pytest.raises(ScriptExit) as info:
        manager.call_function("passing")
    assert (info.value.status, info.value.script, info.value.line) == (7, "b.py", 3)
    assert [frame.script for frame in info.value.traceback] == ["a.py", "b.py"]


def test_exit_status_zero_still_ends_a_program(either: Harness) -> None:
    """``if __name__ == "__main__": sys.exit(main())`` with main() returning None."""
    compiled = either.engine.compile(
        "import sys\ndef main():\n    print('ran')\nif __name__ == '__main__':\n"
        "    sys.exit(main())\nprint('after')\n",
        script="prog.py",
    )
    with pytest.raises(ScriptExit) as info:
        either.engine.load_script(dataclasses.replace(compiled, entry_point=True))
    assert info.value.status == 0 and either.printed == "ran\n"


def kryon_run(path: Path, policy: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(path, "--policy", policy, *args)


@pytest.mark.parametrize("policy", ["sandboxed", "trusted"])
@pytest.mark.parametrize(
    ("ending", "status", "stderr"),
    [
        ("sys.exit(main())", 3, ""),
        ("sys.exit()", 0, ""),
        ("sys.exit('bad input')", 1, "bad input\n"),
    ],
)
def test_kryon_run_ends_with_the_scripts_exit_status(
    tmp_path: Path, policy: str, ending: str, status: int, stderr: str
) -> None:
    path = tmp_path / "prog.py"
    path.write_text(
        "import sys\n"
        "def main():\n"
        "    for n in range(2000):\n"
        "        print(n)\n"
        "    return 3\n"
        "def later():\n"
        "    print('later')\n"
        "if __name__ == '__main__':\n"
        f"    {ending}\n"
        "print('after')\n"
    )
    result = kryon_run(path, policy, "--call", "later")
    printed = "".join(f"{n}\n" for n in range(2000)) if "main" in ending else ""
    assert (result.returncode, result.stdout, result.stderr) == (status, printed, stderr)


@pytest.mark.parametrize("policy", ["sandboxed", "trusted"])
def test_kryon_run_ends_with_an_exit_inside_the_called_function(
    tmp_path: Path, policy: str
) -> None:
    path = tmp_path / "prog.py"
    path.write_text("def f(n):\n    print('in f')\n    exit(n)\n    print('after')\n")
    result = kryon_run(path, policy, "--call", "f", "4")
    assert (result.returncode, result.stdout, result.stderr) == (4, "in f\n", "")


def test_an_exit_raised_by_a_failing_str_does_not_crash_the_worker(either: Harness) -> None:
    """A ``SystemExit`` from the ``__str__`` of an error or of an exit's
    message crashed the worker; python prints ``<exception str() failed>`` for
    the one and nothing for the other."""
    sid = either.load(
        "class Bad:\n"
        "    def __str__(self):\n"
        "        raise SystemExit(9)\n"
        "class BadError(Exception):\n"
        "    __str__ = Bad.__str__\n"
        "def fail():\n"
        "    raise BadError()\n"
        "def leave():\n"
        "    raise SystemExit(Bad())\n"
        "def ok():\n"
        "    return 1\n"
    )
    with pytest.raises(ScriptRuntimeError) as info:
        either.call(sid, "fail")
    assert (info.value.message, info.value.line) == ("BadError: <exception str() failed>", 7)
    with pytest.raises(ScriptExit) as ended:
        either.call(sid, "leave")
    assert (ended.value.status, ended.value.render()) == (1, "")
    assert either.call(sid, "ok") == 1

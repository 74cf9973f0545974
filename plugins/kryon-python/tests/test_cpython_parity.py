"""Programs whose output or error differed from ``python FILE`` (found by
running the same programs through both and comparing)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from kryon_core import CompileError, ScriptRuntimeError

from .conftest import PY311, Harness


def run_program(h: Harness, source: str) -> None:
    compiled = h.engine.compile(source, script="prog.py")
    h.engine.load_script(dataclasses.replace(compiled, entry_point=True))


@pytest.mark.parametrize(
    ("source", "message", "line"),
    [
        (
            "import json\ndef load(s):\n    return json.loads(s)\nload('{\"bad\": }')\n",
            "json.decoder.JSONDecodeError: Expecting value: line 1 column 9 (char 8)",
            3,
        ),
        (
            "from decimal import Decimal\nDecimal(1) / Decimal(0)\n",
            "decimal.DivisionByZero: [<class 'decimal.DivisionByZero'>]",
            2,
        ),
        (
            "class Outer:\n    class Inner(Exception):\n        pass\nraise Outer.Inner('x')\n",
            "Outer.Inner: x",
            4,
        ),
        ("raise KeyError('k')\n", "KeyError: 'k'", 1),
    ],
)
def test_an_uncaught_error_is_named_as_pythons_traceback_names_it(
    either: Harness, source: str, message: str, line: int
) -> None:
    """A standard module's error class is named with its module, a nested
    class by its qualified name (python prints both so; we printed the bare
    ``__name__``)."""
    with pytest.raises(ScriptRuntimeError) as info:
        run_program(either, source)
    assert (info.value.message, info.value.line) == (message, line)


REPORTED = {
    "raise from": (
        "def parse(s):\n"
        "    try:\n"
        "        return int(s)\n"
        "    except ValueError as e:\n"
        "        raise RuntimeError('bad config') from e\n"
        "def main():\n"
        "    parse('x')\n"
        "main()\n"
    ),
    "raised while handling another": (
        "class Failed(Exception):\n"
        "    pass\n"
        "try:\n"
        "    {}['k']\n"
        "except KeyError:\n"
        "    try:\n"
        "        1 / 0\n"
        "    finally:\n"
        "        raise Failed('cleanup')\n"
    ),
    "from None": "try:\n    {}['k']\nexcept KeyError:\n    raise ValueError('v') from None\n",
    "a name python suggests": "values = [1]\ndef total():\n    return sum(valuez)\ntotal()\n",
    "attributes python suggests": (
        "import math\n"
        "class A:\n"
        "    color = 1\n"
        "try:\n"
        "    A().colour\n"
        "except AttributeError:\n"
        "    math.sqr(2)\n"
    ),
    "code the script compiled": (
        "from dataclasses import dataclass\n"
        "@dataclass\n"
        "class P:\n"
        "    x: int\n"
        "    def __post_init__(self):\n"
        "        exec('def inner():\\n    raise IndexError(self.x)\\ninner()')\n"
        "P(-1)\n"
    ),
    "a failing str and a note": (
        "class Odd(Exception):\n"
        "    def __str__(self):\n"
        "        raise RuntimeError('no text')\n"
        "e = Odd()\n"
        "e.add_note('noted') if hasattr(e, 'add_note') else None\n"
        "raise e\n"
    ),
}


def run_python(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    """``python prog.py`` run on ``source`` in ``tmp_path``."""
    (tmp_path / "prog.py").write_text(source)
    return subprocess.run(
        [sys.executable, "prog.py"], capture_output=True, text=True, cwd=tmp_path, check=False
    )


def python_stderr(tmp_path: Path, source: str) -> str:
    """What ``python prog.py`` writes on stderr, the script named as Kryon names it."""
    result = run_python(tmp_path, source)
    assert result.returncode == 1
    return result.stderr.replace(f'"{tmp_path / "prog.py"}"', '"prog.py"').rstrip("\n")


@pytest.mark.parametrize("case", sorted(REPORTED))
def test_an_uncaught_error_is_reported_as_python_reports_it(
    either: Harness, tmp_path: Path, case: str
) -> None:
    """``kryon run`` showed only the last exception of a chain (``raise ...
    from``, one raised while handling another) in its own words; python
    shows each, with its traceback, source lines and carets (and, for a
    missing name, the close match it suggests)."""
    source = REPORTED[case]
    with pytest.raises(ScriptRuntimeError) as info:
        run_program(either, source)
    assert info.value.render() == python_stderr(tmp_path, source)
    assert "kryon_python" not in info.value.render()


@PY311
def test_an_uncaught_exception_group_is_reported_as_python_reports_it(
    either: Harness, tmp_path: Path
) -> None:
    source = (
        "def a():\n"
        "    raise ValueError('inner')\n"
        "try:\n"
        "    a()\n"
        "except ValueError as e:\n"
        "    e.add_note('note here')\n"
        "    raise ExceptionGroup('grp', [e, ExceptionGroup('sub', [TypeError('t')])])\n"
    )
    with pytest.raises(ScriptRuntimeError) as info:
        run_program(either, source)
    assert info.value.render() == python_stderr(tmp_path, source)


def test_the_stack_a_script_extracts_starts_at_its_own_outermost_frame(
    either: Harness, tmp_path: Path
) -> None:
    """``traceback.print_stack()`` and ``extract_stack()`` listed the engine's
    frames that ran the script (the worker's, or the host's CLI, click...)."""
    source = (
        "import json, traceback\n"
        "def hook(d):\n"
        "    print(len(traceback.extract_stack()), traceback.extract_stack(limit=-1)[0].name)\n"
        "    print(''.join(traceback.format_stack(limit=1)).splitlines()[0])\n"
        "    for entry in traceback.format_stack():\n"
        "        print(entry.splitlines()[0])  # (a library's source line: no file to read)\n"
        "    return d\n"
        "def main():\n"
        "    json.loads('{}', object_hook=hook)\n"
        "main()\n"
    )
    run_program(either, source)
    python = run_python(tmp_path, source)
    assert either.printed == python.stdout.replace(str(tmp_path / "prog.py"), "prog.py")


@pytest.mark.parametrize(
    "source",
    [
        "x = (1,\n",
        "print('a' 'b' c)\n",
        "x = 1\nif x = 2:\n    pass\n",
        "a = 1\nb = 2 3\n",
        "for i in range(3):\n    print(i)\n  print('bad')\n",
        "x = 'unterminated\n",
    ],
)
def test_a_syntax_error_is_reported_as_python_reports_it(
    either: Harness, tmp_path: Path, source: str
) -> None:
    """It was ``CompileError: prog.py:1:5: SyntaxError: ...``; python shows
    the place, the line and a caret under the fault."""
    with pytest.raises(CompileError) as info:
        run_program(either, source)
    assert info.value.render() == python_stderr(tmp_path, source)

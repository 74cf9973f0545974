"""Scripts written as Python programs: ``__main__``, ``sys.exit`` and ``sys``."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from kryon_core import ScriptRuntimeError, SecurityError

from .conftest import SANDBOXED, Harness

PROGRAM = """\
def main():
    print("main ran")
    return 0

def name():
    return __name__

if __name__ == "__main__":
    main()
"""


def load_entry(h: Harness, source: str, script: str = "prog.py") -> int:
    compiled = h.engine.compile(source, script=script)
    return h.engine.load_script(dataclasses.replace(compiled, entry_point=True))


def test_the_entry_point_runs_as_main(either: Harness) -> None:
    sid = load_entry(either, PROGRAM)
    assert either.printed == "main ran\n"
    assert either.call(sid, "name") == "__main__"


def test_a_loaded_module_is_not_main(either: Harness) -> None:
    sid = either.load(PROGRAM, "lib.py")
    assert either.printed == ""
    assert either.call(sid, "name") == "lib"


@pytest.mark.parametrize("ending", ["sys.exit()", "sys.exit(0)", "exit()", "raise SystemExit"])
def test_exit_with_status_zero_ends_top_level_code_normally(either: Harness, ending: str) -> None:
    sid = either.load(f"import sys\ndef f():\n    return 1\nprint('a')\n{ending}\nprint('b')\n")
    assert either.printed == "a\n"
    assert either.call(sid, "f") == 1


def test_exit_with_another_status_is_an_error(either: Harness) -> None:
    with pytest.raises(ScriptRuntimeError, match="SystemExit: 3") as info:
        either.load("import sys\nsys.exit(3)\n")
    assert info.value.line == 2


def test_sandboxed_sys_offers_facts_argv_and_streams(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "import sys\nfrom sys import argv\n"
        "sys.stdout.write('out\\n')\nprint('err', file=sys.stderr)\n"
        "def facts():\n"
        "    return [argv, sys.maxsize, list(sys.version_info[:2]),\n"
        "            hasattr(sys, 'modules'), hasattr(sys, '_getframe'), hasattr(sys, 'path')]\n",
        "facts.py",
    )
    assert h.output == [("out\n", "stdout", "facts.py"), ("err\n", "stderr", "facts.py")]
    argv, maxsize, version, *hidden = h.call(sid, "facts")
    assert argv == ["facts.py"] and maxsize == 2**63 - 1 and len(version) == 2
    assert hidden == [False, False, False]


def test_sandboxed_scripts_use_in_memory_io_but_never_files(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "import csv, hashlib, html, io\n"
        "def table(text):\n"
        "    return list(csv.reader(io.StringIO(text)))\n"
        "def digest(text):\n"
        "    return hashlib.sha256(text.encode()).hexdigest()[:8] + html.escape('<')\n"
        "def steal():\n"
        "    return io.open('/etc/hostname').read()\n",
        "tools.py",
    )
    assert h.call(sid, "table", "a,b\n1,2\n") == [["a", "b"], ["1", "2"]]
    assert h.call(sid, "digest", "x") == "2d711642&lt;"
    with pytest.raises(SecurityError, match="does not allow 'open'"):
        h.call(sid, "steal")

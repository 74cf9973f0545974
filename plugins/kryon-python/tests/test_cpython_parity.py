"""Programs whose output or error differed from ``python FILE`` (found by
running the same programs through both and comparing)."""

from __future__ import annotations

import dataclasses

import pytest

from kryon_core import ScriptRuntimeError

from .conftest import Harness


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

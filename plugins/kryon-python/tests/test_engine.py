"""Engine behaviour common to both modes: namespaces, kryon API, values, errors."""

from __future__ import annotations

import asyncio
import math
from pathlib import Path
from typing import Any

import pytest
from kryon_python.engine import PythonEngine

from kryon_core import (
    AccessDeniedError,
    CompileError,
    ConversionError,
    FunctionRef,
    RecursionLimitError,
    ScriptManager,
    ScriptRuntimeError,
    StackFrame,
    TimeLimitError,
    UserData,
)

from .conftest import SANDBOXED, TRUSTED

SOURCE = """\
import kryon
import math

counter = 0

def bump():
    global counter
    counter += 1
    return counter

def use_api(a, b):
    print("adding", a, b)
    return kryon.add(a, b)

def catch_host_error():
    try:
        kryon.fail()
    except kryon.HostError as exc:
        return "caught: " + str(exc)

def uncaught_host_error():
    kryon.fail()

def nested():
    return helper()

def helper():
    raise KeyError("missing")

async def double_later(x):
    return await twice(x)

async def twice(x):
    return x * 2

def hypot(a, b):
    return math.hypot(a, b)

def tuple_back():
    return (1, (2, 3))

def opaque(token):
    return [token, token]
"""


def test_each_script_has_its_own_namespace(either) -> None:
    a = either.load(SOURCE, "a")
    b = either.load(SOURCE, "b")
    assert [either.call(a, "bump") for _ in range(3)] == [1, 2, 3]
    assert either.call(b, "bump") == 1
    assert either.engine.get_global("counter", a) == 3
    assert either.engine.get_global("counter", b) == 1


def test_globals_of_one_script_are_invisible_to_another(either) -> None:
    either.load("secret = 'a only'\n", "a")
    b = either.load("def peek():\n    return secret\n", "b")
    with pytest.raises(ScriptRuntimeError, match="NameError"):
        either.call(b, "peek")


def test_kryon_api_and_print(either) -> None:
    sid = either.load(SOURCE)
    assert either.call(sid, "use_api", 2, 3) == 5
    assert either.output == [("adding 2 3\n", "stdout", "main")]


def test_host_errors_are_catchable_and_keep_their_class(either) -> None:
    sid = either.load(SOURCE)
    assert either.call(sid, "catch_host_error") == "caught: not for you"
    with pytest.raises(AccessDeniedError):
        either.call(sid, "uncaught_host_error")


HOST_CALLS = """\
import kryon

def helper(name):
    return kryon.fail(name)

def outer(name):
    x = 1
    return helper(name)

def caught(name):
    try:
        kryon.fail(name)
    except kryon.HostError as exc:
        return str(exc)
"""


def _failing_host(caller: str, name: str) -> None:
    if name == "denied":
        raise AccessDeniedError("not for you", script=caller)
    if name == "time":
        raise TimeLimitError("the other script ran too long")
    if name == "placed":  # an error in another script, with its own place
        raise ScriptRuntimeError(
            "ValueError: bad",
            script="other.lua",
            line=7,
            traceback=[StackFrame("other.lua", "f", 7)],
        )
    raise KeyError(name)  # a bug in the host function itself


@pytest.fixture(params=["trusted", "isolated"])
def failing(request: pytest.FixtureRequest, harness) -> Any:
    policy = TRUSTED if request.param == "trusted" else SANDBOXED
    return harness(policy, functions={"fail": _failing_host})


@pytest.mark.parametrize(
    ("name", "kind"),
    [("denied", AccessDeniedError), ("time", TimeLimitError), ("bug", ScriptRuntimeError)],
)
def test_uncaught_host_errors_name_the_calling_line(failing, name: str, kind: type) -> None:
    """A host error the script does not catch keeps its class and is placed
    where the script made the call, with the script's traceback (it named
    the script only: no line, no frames)."""
    sid = failing.load(HOST_CALLS, "main.py")
    with pytest.raises(kind) as info:
        failing.call(sid, "outer", name)
    error = info.value
    assert type(error) is kind
    assert (error.script, error.line) == ("main.py", 4)
    assert [(f.function, f.line) for f in error.traceback] == [("outer", 8), ("helper", 4)]
    assert "main.py:4: " in str(error) and "script traceback" in error.render()
    assert failing.call(sid, "caught", name)  # still a catchable kryon.HostError


def test_uncaught_host_error_at_top_level_names_its_line(failing) -> None:
    with pytest.raises(AccessDeniedError) as info:
        failing.load("import kryon\n\nx = 1\nkryon.fail('denied')\n", "top.py")
    assert (info.value.script, info.value.line) == ("top.py", 4)
    assert [(f.function, f.line) for f in info.value.traceback] == [("<module>", 4)]


def test_a_placed_host_error_keeps_its_place_after_the_script_frames(failing) -> None:
    sid = failing.load(HOST_CALLS, "main.py")
    with pytest.raises(ScriptRuntimeError) as info:
        failing.call(sid, "outer", "placed")
    error = info.value
    assert (error.script, error.line) == ("other.lua", 7)
    assert [(f.script, f.line) for f in error.traceback] == [
        ("main.py", 8),
        ("main.py", 4),
        ("other.lua", 7),
    ]


def test_runtime_error_has_script_frames_only(either) -> None:
    sid = either.load(SOURCE, "main.py")
    with pytest.raises(ScriptRuntimeError) as info:
        either.call(sid, "nested")
    error = info.value
    assert error.script == "main.py" and error.line == 28
    assert [(f.function, f.line) for f in error.traceback] == [("nested", 25), ("helper", 28)]
    assert "KeyError" in str(error)
    assert "kryon_python" not in error.render()


def test_compile_error_position(either) -> None:
    with pytest.raises(CompileError) as info:
        either.engine.compile("x = 1\ny = (\n", script="broken.py")
    assert info.value.script == "broken.py" and info.value.line == 2


def test_a_null_byte_is_a_syntax_error_at_its_position(either) -> None:
    """As ``python FILE`` reports it (the error named no line before)."""
    with pytest.raises(CompileError) as info:
        either.engine.compile('print(1)\nx = "a\0b"\n', script="nul.py")
    assert (info.value.line, info.value.column) == (2, 7)
    assert info.value.message == "SyntaxError: source code cannot contain null bytes"


@pytest.mark.parametrize("source", ["x = " + "-" * 100_000 + "1", "x = " + "1+" * 100_000 + "1"])
def test_source_too_deep_to_compile_names_the_reason(either, source: str) -> None:
    with pytest.raises(CompileError) as info:
        either.engine.compile(source, script="deep.py")
    message = info.value.message
    assert message.startswith("cannot compile: ") and "Error" in message
    assert message.endswith("(the source is nested too deeply or is too large)")


def test_async_functions_are_awaited(either) -> None:
    sid = either.load(SOURCE)
    assert asyncio.run(either.engine.call_function_async(sid, "double_later", [21])) == 42
    assert either.engine.script_functions(sid)["double_later"].is_async


def test_values_cross_both_ways(either) -> None:
    sid = either.load(SOURCE)
    assert either.call(sid, "hypot", 3.0, 4.0) == 5.0
    assert either.call(sid, "tuple_back") == [1, [2, 3]]
    token = UserData(object())
    result = either.call(sid, "opaque", token)
    assert result[0] is token and result[1] is token
    assert math.isnan(either.engine.call_function(sid, "opaque", [math.nan])[0])
    with pytest.raises(ConversionError):
        either.call(sid, "opaque", 2**64)


def test_functions_cross_both_ways(either) -> None:
    sid = either.load(
        "def apply(f, x):\n    return f(x) + 1\n\ndef make():\n    return lambda v: v * 3\n"
    )
    triple = either.call(sid, "make")
    assert isinstance(triple, FunctionRef) and triple(5) == 15
    assert either.call(sid, "apply", FunctionRef("host", "sq", lambda a: a[0] ** 2), 4) == 17
    assert either.call(sid, "apply", triple, 2) == 7


def test_loading_from_bytecode_skips_parsing(either) -> None:
    compiled = either.engine.compile("def answer():\n    return 42\n", script="cached")
    compiled.from_cache = True
    sid = either.engine.load_script(compiled)
    assert either.call(sid, "answer") == 42
    assert compiled.bytecode[:1] == b"\xe3"  # a marshalled code object


def test_cache_key_names_interpreter_and_mode() -> None:
    engine = PythonEngine()
    assert "cpython-3" in engine.cache_key()


def test_recursion_is_a_recursion_limit(either) -> None:
    sid = either.load("def down(n):\n    return down(n + 1)\n")
    with pytest.raises(RecursionLimitError):
        either.call(sid, "down", 0)
    assert either.call(either.load("def ok():\n    return 1\n", "ok"), "ok") == 1


def test_unload_removes_functions(either) -> None:
    sid = either.load(SOURCE)
    call = either.engine.bind_function(sid, "bump")
    assert call([]) == 1
    either.engine.unload_script(sid)
    with pytest.raises(Exception, match="unloaded|no script"):
        call([])


def test_evaluate_snippets_for_the_repl(either) -> None:
    sid = either.load("base = 40\n", "repl")
    assert either.engine.evaluate(sid, "x = base + 1") is None
    assert either.engine.evaluate(sid, "x + 1") == 42
    assert either.engine.evaluate(sid, "def twice(v):\n    return v * 2\n\ntwice(x)") == 82
    assert "twice" in either.engine.script_functions(sid)
    assert either.engine.evaluate(sid, "object()").startswith("<object object")
    with pytest.raises(CompileError):
        either.engine.evaluate(sid, "x +")
    with pytest.raises(ScriptRuntimeError, match="ZeroDivisionError"):
        either.engine.evaluate(sid, "1 / 0")


def test_repl_results_show_as_pythons_repl_shows_them(either) -> None:
    sid = either.load("", "repl")
    show = either.engine.evaluate_display
    assert show(sid, "d = {'a': [1, 2.5], 's': 'q'}") is None
    assert show(sid, "d") == "{'a': [1, 2.5], 's': 'q'}"
    assert show(sid, "_['s']") == "'q'"  # the last value is kept as _
    assert show(sid, "None") is None
    assert show(sid, "(1, None)") == "(1, None)"


def test_a_coding_declaration_names_the_source_encoding(tmp_path: Path) -> None:
    """PEP 263, as `python FILE` reads it; without one the file must be UTF-8."""
    declared = tmp_path / "latin.py"
    declared.write_bytes(b"# -*- coding: latin-1 -*-\ndef word():\n    return '\xe9t\xe9'\n")
    undeclared = tmp_path / "plain.py"
    undeclared.write_bytes(b"def word():\n    return '\xe9t\xe9'\n")
    with ScriptManager() as manager:
        manager.load_file(declared)
        assert manager.call_function("latin.word") == "été"
        with pytest.raises(CompileError) as info:
            manager.load_file(undeclared)
    assert (info.value.line, info.value.column) == (2, 13)

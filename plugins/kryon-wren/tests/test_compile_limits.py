"""Compiling big sources: linear work, pieces with the right lines, policy limits."""

from __future__ import annotations

import time
from pathlib import Path
from types import CodeType

import pytest
from kryon_wren.vm import VM, Limits

from kryon_core import (
    KryonConfig,
    MemoryLimitError,
    ScriptManager,
    ScriptRuntimeError,
    TimeLimitError,
)


def _config(tmp_path: Path, policy: str, **overrides: int) -> KryonConfig:
    policies = {"custom": {"extends": policy, **overrides}} if overrides else {}
    return KryonConfig.from_mapping(
        {
            "kryon": {"default_policy": "custom" if overrides else policy},
            "security": {"policies": policies},
            "cache": {"directory": str(tmp_path / "cache")},
        }
    )


def _classes(n: int) -> str:
    return "".join(
        f"class K{i} {{\n  construct new() {{ _v = {i} }}\n  v {{ _v }}\n}}\n" for i in range(n)
    )


def _nested_code(code: CodeType) -> list[str]:
    return [c.co_name for c in code.co_consts if isinstance(c, CodeType)]


def test_module_methods_and_closures_are_not_nested_in_the_module_function() -> None:
    """CPython copies the names a function binds for each function nested in
    it: 10,000 classes nested in the module function took 80 s to compile."""
    vm = VM(write=lambda s: None, checks=True, limits=Limits())
    compiled = vm.compile(
        "class A {\n  f { 1 }\n}\nvar g = Fn.new { A }\n"
        "{\n  var local = 2\n  var h = Fn.new { local }\n}\n",
        "m",
    )
    module = next(
        c
        for code in compiled.code
        for c in code.co_consts
        if getattr(c, "co_name", "") == "_wren_module"
    )
    # Only the closure over a variable of the module function stays inside it.
    assert [name.split("_")[0] for name in _nested_code(module)] == ["fn"]


def test_classes_closures_and_super_calls_work_from_the_module_top(tmp_path: Path) -> None:
    out: list[str] = []
    with ScriptManager(
        _config(tmp_path, "sandboxed"), output=lambda text, stream, script: out.append(text)
    ) as manager:
        manager.load_script(
            "top",
            "class A {\n  construct new() { __n = 1 }\n  f { __n + 1 }\n"
            "  static n=(v) { __n = v }\n}\n"
            "class B is A {\n  construct new() { super() }\n  f { super.f * 10 }\n}\n"
            "var fs = []\n"
            "for (i in 1..2) fs.add(Fn.new { i })\n"
            "var twice = Fn.new {|x| B.new().f + x }\n"
            "A.n = 4\n"
            'System.print("%(twice.call(1)) %(fs.map {|f| f.call() }.toList)")\n',
            language="wren",
        )
    assert "".join(out) == "21 [1, 2]\n"


def test_errors_in_later_pieces_have_their_wren_lines(tmp_path: Path) -> None:
    source = _classes(400) + "class Bad {\n  static f { 1 + null }\n}\nBad.f\n"
    with ScriptManager(_config(tmp_path, "trusted")) as manager:
        with pytest.raises(ScriptRuntimeError) as info:
            manager.load_script("late", source, language="wren")
    assert info.value.line == 1602
    assert [f.line for f in info.value.traceback] == [1604, 1602]


def test_thousands_of_classes_compile_under_trusted(tmp_path: Path) -> None:
    with ScriptManager(_config(tmp_path, "trusted")) as manager:
        start = time.monotonic()
        manager.load_script("many", _classes(3000) + "var x = K2999.new().v\n", language="wren")
        assert time.monotonic() - start < 10
        assert manager.get_global("x", script="many") == 2999.0


def test_a_source_too_big_for_the_memory_limit_ends_quickly_at_it(tmp_path: Path) -> None:
    """A 900 KB source took 900 MB and 7 s to compile under the sandboxed policy
    (it compiled: no limit looked at compiling).  The limit is what ends it now,
    long before the 100 s compile budget of this policy's 10 s time limit."""
    source = "var x = 0\n" + "x = x + 1\n" * 60000
    with ScriptManager(_config(tmp_path, "sandboxed", time_limit_ms=10000)) as manager:
        with pytest.raises(MemoryLimitError) as info:
            manager.load_script("bomb", source, language="wren")
    assert info.value.script == "bomb"
    assert "compiling" in str(info.value)


def test_compiling_past_the_time_limit_is_a_time_limit_error(tmp_path: Path) -> None:
    with ScriptManager(
        _config(tmp_path, "sandboxed", time_limit_ms=1, memory_limit_mb=1024)
    ) as manager:
        with pytest.raises(TimeLimitError) as info:
            manager.load_script("slow", _classes(1000), language="wren")
    assert info.value.script == "slow"


def test_lexer_shares_name_strings_and_keeps_positions() -> None:
    """A name used many times is one string (tokens are the bulk of what
    compiling a big source holds); lines and errors stay where they were."""
    from kryon_wren.lexer import tokenize

    tokens, errors = tokenize('var count = 1\ncount = count + 1 /* a\nb */ @\n"%(count)" 1e')
    names = [t for t in tokens if t.text == "count"]
    assert len(names) == 4 and all(t.text is names[0].text for t in names)
    assert [t.line for t in names] == [1, 2, 2, 4]
    assert errors == [
        (3, "Invalid character '@'.", 10),
        (4, "Unterminated scientific notation.", 15),
    ]


def _statements(prefix: str, n: int) -> str:
    """2n lines of top-level statements (about 25 KB per 1000 lines)."""
    return "".join(
        f'var {prefix}{i} = [{i}, "s{i}", {i} * 2]\nif ({prefix}{i}[0] < 0) System.print(0)\n'
        for i in range(n)
    )


def test_a_long_module_body_loads_under_sandboxed_in_chunks(tmp_path: Path) -> None:
    """The module body went to CPython as one function: 2,000 lines of
    top-level statements were past the 16 MB of the sandboxed policy.  (The
    time limit is the policy's memory test's bystander: a full collection of
    the whole test process's heap, in the middle of the body, once took the
    100 ms by itself.)"""
    out: list[str] = []
    source = (
        "var total = 0\n"
        + _statements("a", 2000)
        + "for (i in 1..3) total = total + i\n"
        + "var late = Fn.new { total * 2 }\n"
        + "System.print(late.call())\n"
    )
    with ScriptManager(
        _config(tmp_path, "sandboxed", time_limit_ms=2000),
        output=lambda text, stream, script: out.append(text),
    ) as manager:
        manager.load_script("long", source, language="wren")
        assert manager.get_global("a1999", script="long") == [1999.0, "s1999", 3998.0]
    assert "".join(out) == "12\n"


def test_a_chunked_body_keeps_one_script_frame_returns_and_breakpoints(tmp_path: Path) -> None:
    vm = VM(write=lambda s: None, checks=False, limits=Limits())
    chunked = vm.compile(_statements("a", 1000), "m")
    assert sum(name == "(script)" for name in chunked.debug_names.values()) > 2
    source = "class A {\n  static boom(x) { x.nope }\n}\n" + _statements("a", 1000) + "A.boom(1)\n"
    with ScriptManager(_config(tmp_path, "trusted")) as manager:
        with pytest.raises(ScriptRuntimeError) as info:
            manager.load_script("late", source, language="wren")
        assert [(f.function, f.line) for f in info.value.traceback] == [
            ("(script)", 2004),
            ("boom(_)", 2),
        ]
        # A top-level return ends the whole body, from whichever chunk.
        out = _statements("b", 1000) + "return\n" + _statements("c", 1000) + "var after = 1\n"
        manager.load_script("ret", out, language="wren")
        assert manager.get_global("b999", script="ret") == [999.0, "s999", 1998.0]
        assert manager.get_global("after", script="ret") is None
        # The REPL's trailing expression is the value of the last chunk, and
        # a breakpoint in a late chunk stops in the one "(script)" frame.
        hits = []
        manager.on_breakpoint(hits.append)
        record = manager.load_script("repl", "", language="wren")
        manager.set_breakpoint("repl", 1801)
        instance = manager.engine("wren", "trusted")
        result = instance.run(
            instance.engine.evaluate, record.script_id, _statements("e", 1000) + "e999[2]"
        )
        assert result == 1998.0
        assert [(f.function, f.line) for f in hits[0].frames] == [("(script)", 1801)]

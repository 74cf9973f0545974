"""Reading and compiling a script is bounded by the policy, as running it is."""

from __future__ import annotations

import time

import pytest
from kryon_lisp.compile_budget import COMPILE_TIME_FACTOR
from kryon_lisp.engine import LispConfig, LispEngine

from kryon_core import (
    LimitError,
    MemoryLimitError,
    ScriptBridge,
    SecurityPolicy,
    TimeLimitError,
    default_policies,
)

TRUSTED = next(p for p in default_policies() if p.name == "trusted")


def make(policy: SecurityPolicy) -> tuple[LispEngine, list[str]]:
    engine = LispEngine()
    engine.initialize(LispConfig(), policy)
    out: list[str] = []
    engine.setup_bridge(
        ScriptBridge(policy, {}, output=lambda text, stream, script: out.append(text))
    )
    return engine, out


def limited(time_limit_ms: int | None, memory_limit_mb: int | None) -> SecurityPolicy:
    return SecurityPolicy(
        name="limited",
        time_limit_ms=time_limit_ms,
        instruction_limit=1_000_000,
        memory_limit_mb=memory_limit_mb,
        recursion_limit=200,
    )


def many_forms(n: int) -> str:
    return "\n".join(f"(def a{i} (+ {i} 1))" for i in range(n))


def test_compiling_too_many_forms_ends_with_a_limit_naming_the_script() -> None:
    engine, _ = make(limited(5, 16))
    started = time.monotonic()
    with pytest.raises(LimitError) as info:
        engine.compile(many_forms(20_000), script="big.klisp")
    # unbounded, checking these forms takes seconds
    assert time.monotonic() - started < 1.0
    assert info.value.script == "big.klisp"
    assert "while compiling the script" in str(info.value)


def test_compiling_is_allowed_ten_times_the_call_limit() -> None:
    engine, _ = make(limited(5, None))
    started = time.monotonic()
    with pytest.raises(TimeLimitError):
        engine.compile(many_forms(20_000), script="big.klisp")
    assert time.monotonic() - started >= COMPILE_TIME_FACTOR * 0.005


def test_a_huge_literal_ends_with_the_memory_limit() -> None:
    engine, _ = make(limited(10_000, 1))
    source = "(def m {" + " ".join(f":k{i} {i}" for i in range(30_000)) + "})"
    with pytest.raises(MemoryLimitError) as info:
        engine.compile(source, script="huge.klisp")
    assert info.value.script == "huge.klisp"


def test_loading_compiles_within_the_limits_too() -> None:
    """A compiled script (from a cache, or an engine without limits) is compiled
    again when it loads: that is bounded as well, and nothing of it runs."""
    trusted, _ = make(TRUSTED)
    compiled = trusted.compile(many_forms(4_000) + '\n(println "ran")', script="big.klisp")
    engine, out = make(limited(5, 16))
    with pytest.raises(LimitError) as info:
        engine.load_script(compiled)
    assert info.value.script == "big.klisp"
    assert out == []


def test_an_ordinary_program_loads_and_runs_under_the_sandbox() -> None:
    engine, out = make(limited(100, 16))
    defns = "\n".join(
        f"(defn f{i} [a b]\n  (let [s (+ a b {i})]\n    (if (> s 10) (* s 2) (str s))))"
        for i in range(150)
    )
    # running the loop after the loading is still within the call's time limit
    source = defns + "\n(println (f3 1 2) (loop [i 0] (if (< i 100000) (recur (inc i)) i)))"
    engine.load_script(engine.compile(source, script="ok.klisp"))
    assert out == ["6 100000\n"]


@pytest.mark.parametrize(
    ("macro", "error"),
    [
        # checking ran macros with no budget in force: this string took 350 MB
        ('(apply str (repeat 10000000 "a"))', MemoryLimitError),
        ("(vec (repeat 10000000 1))", MemoryLimitError),
        ("(loop [] (recur))", LimitError),
    ],
)
def test_a_macro_runs_under_the_limits_while_checking(macro: str, error: type) -> None:
    engine, _ = make(limited(100, 16))
    with pytest.raises(error) as info:
        engine.compile(f"(defmacro m [] {macro})\n(println (m))", script="m.klisp")
    assert info.value.script == "m.klisp"


def test_a_limit_in_a_macro_is_the_limit_not_a_compile_error() -> None:
    """A macro expanding without end stops at the time limit as it loads
    (it was 'CompileError: Error in macro user/m: time limit ... exceeded')."""
    bomb = "(defmacro m [n] (if (> n 0) `(do (m ~(dec n)) (m ~(dec n))) 1))\n(println (m 30))"
    engine, _ = make(limited(50, 16))
    with pytest.raises(LimitError):
        engine.load_script(engine.compile(bomb, script="bomb.klisp"))

"""The engine contract specifics: errors in Lisp terms, limits, host functions."""

from __future__ import annotations

import time
from typing import Any

import pytest
from kryon_lisp.engine import LispConfig, LispEngine

from kryon_core import (
    CompileError,
    HostFunction,
    InstructionLimitError,
    LimitError,
    MemoryLimitError,
    RecursionLimitError,
    ScriptBridge,
    ScriptRuntimeError,
    SecurityPolicy,
    TimeLimitError,
    default_policies,
)

TRUSTED = next(p for p in default_policies() if p.name == "trusted")
SANDBOXED = SecurityPolicy(
    name="sandboxed",
    time_limit_ms=200,
    instruction_limit=None,
    memory_limit_mb=16,
    recursion_limit=200,
)


def make(
    policy: SecurityPolicy = TRUSTED, host: dict[str, HostFunction] | None = None
) -> tuple[LispEngine, list[str]]:
    engine = LispEngine()
    engine.initialize(LispConfig(), policy)
    out: list[str] = []
    bridge = ScriptBridge(policy, host or {}, output=lambda text, stream, script: out.append(text))
    engine.setup_bridge(bridge)
    return engine, out


def load(engine: LispEngine, source: str, script: str = "t.klisp") -> Any:
    return engine.load_script(engine.compile(source, script=script))


def test_compile_error_has_line_and_column() -> None:
    engine, _ = make()
    with pytest.raises(CompileError) as info:
        engine.compile("(defn f []\n  (let [x] x))", script="bad.klisp")
    assert info.value.script == "bad.klisp"
    assert info.value.line == 2 and info.value.column == 3
    with pytest.raises(CompileError) as info:
        engine.compile("(println 1)\n(undefined-fn 2)", script="bad.klisp")
    assert info.value.line == 2 and "undefined-fn" in info.value.message


def test_unclosed_paren_is_a_compile_error() -> None:
    engine, _ = make()
    with pytest.raises(CompileError) as info:
        engine.compile("(println 1\n", script="x.klisp")
    # as Clojure: located where the input ends, naming the line the form starts on
    assert info.value.line == 2 and "starting at line 1" in info.value.message


def test_recur_outside_tail_position_is_rejected() -> None:
    engine, _ = make()
    with pytest.raises(CompileError, match="tail position"):
        engine.compile("(defn f [n] (+ 1 (recur n)))", script="x.klisp")
    with pytest.raises(CompileError, match="recur"):
        engine.compile("(loop [i 0] (recur 1 2))", script="x.klisp")


def test_runtime_error_has_a_lisp_stack() -> None:
    engine, _ = make()
    sid = load(
        engine,
        '(defn inner [x]\n  (throw (ex-info "bad" {:x x})))\n(defn outer [x]\n  (inner x))\n',
    )
    with pytest.raises(ScriptRuntimeError) as info:
        engine.call_function(sid, "outer", [1])
    err = info.value
    assert err.line == 2 and err.message == "bad"
    assert [f.function for f in err.traceback] == ["outer", "inner"]
    assert [f.line for f in err.traceback] == [4, 2]
    rendered = err.render()
    assert rendered.startswith("t.klisp:2: bad")
    assert "Traceback" not in rendered and ".py" not in rendered


def test_python_level_errors_read_as_lisp() -> None:
    engine, _ = make()
    sid = load(engine, "(defn f [x] (+ x 1))\n(defn g [] (f 1 2))\n(defn h [] (nil 1))")
    with pytest.raises(ScriptRuntimeError, match=r"Wrong number of args \(2\) passed to: user/f"):
        engine.call_function(sid, "g", [])
    with pytest.raises(ScriptRuntimeError, match="nil cannot be cast"):
        engine.call_function(sid, "h", [])
    with pytest.raises(ScriptRuntimeError, match='because "x" is null'):
        engine.call_function(sid, "f", [None])


def test_exported_functions_are_public_defns() -> None:
    engine, _ = make()
    compiled = engine.compile(
        "(defn a [x y] x)\n(defn- b [] 1)\n(defn ^:private c [] 1)\n"
        '(def d 1)\n(defn e "doc" [& xs] xs)',
        script="t.klisp",
    )
    assert set(compiled.functions) == {"a", "e"}
    assert compiled.functions["a"].parameter_names == ("x", "y")
    assert compiled.functions["e"].is_variadic and compiled.functions["e"].doc == "doc"
    sid = engine.load_script(compiled)
    assert set(engine.script_functions(sid)) == {"a", "e"}


def test_values_convert_both_ways() -> None:
    engine, _ = make()
    sid = load(
        engine,
        '(defn id [x] x)\n(defn kw [] {:a [1 2.5 "s" nil true] :b #{1}})\n'
        "(defn get-name [m] (:name m))\n(defn ratio [] 1/2)",
    )
    value = {"x": [1, {"y": None}], "z": "s"}
    assert engine.call_function(sid, "id", [value]) == value
    assert engine.call_function(sid, "kw", []) == {"a": [1, 2.5, "s", None, True], "b": [1]}
    assert engine.call_function(sid, "get-name", [{"name": "Ann"}]) == "Ann"
    assert engine.call_function(sid, "ratio", []) == 0.5


def test_print_goes_through_the_bridge() -> None:
    engine, out = make()
    load(engine, '(println "hi" [1 "x"])\n(prn "q")')
    assert "".join(out) == 'hi [1 x]\n"q"\n'


def test_host_functions_in_kryon_namespace_and_seed_names() -> None:
    calls: list[tuple[Any, ...]] = []

    def set_property(caller: str, *args: Any) -> None:
        calls.append((caller, *args))

    def get_element_by_id(caller: str, element_id: str) -> Any:
        return {"id": element_id}

    host = {
        "set_property": HostFunction("set_property", set_property, None, mutates=True),
        "get_element_by_id": HostFunction("get_element_by_id", get_element_by_id, None),
    }
    engine, _ = make(host=host)
    sid = load(
        engine,
        '(defn run []\n  (set-property! "btn" "text" [1 2])\n'
        '  (kryon/set-property "b2" "k" :v)\n'
        '  (:id (get-element-by-id "btn")))',
        script="ui.klisp",
    )
    assert engine.call_function(sid, "run", []) == "btn"
    assert calls == [("ui.klisp", "btn", "text", [1, 2]), ("ui.klisp", "b2", "k", "v")]


def test_time_limit_and_engine_survives() -> None:
    engine, _ = make(SANDBOXED)
    sid = load(
        engine,
        "(defn spin [] (loop [] (recur)))\n(defn ok [] 1)\n"
        "(defn caught [] (try (spin) (catch Exception e :swallowed)))",
    )
    with pytest.raises(TimeLimitError):
        engine.call_function(sid, "spin", [])
    with pytest.raises(TimeLimitError):
        engine.call_function(sid, "caught", [])
    assert engine.call_function(sid, "ok", []) == 1


def test_infinite_sequences_never_read_ahead_under_limits() -> None:
    engine, _ = make(SANDBOXED)
    sid = load(
        engine,
        "(def calls (atom 0))\n"
        "(defn doubling [n] (last (take n (iterate #(do (swap! calls inc) (* 2 %)) 1))))\n"
        "(defn used [] @calls)",
    )
    # 2^62 fits in 64 bits; computing ahead would overflow (and call f too often)
    assert engine.call_function(sid, "doubling", [63]) == 2**62
    assert engine.call_function(sid, "used", []) == 62


@pytest.mark.parametrize(
    "body",
    [
        '(reduce (fn [s _] (str s s)) "x" (range 40))',  # 40 doublings: a terabyte
        '(reduce (fn [s _] (clojure.string/join [s s])) "x" (range 40))',
        '(reduce (fn [s _] (format "%s%s" s s)) "x" (range 40))',
        '(reduce (fn [s _] (clojure.string/replace s "x" "xx")) "x" (range 40))',
    ],
)
def test_strings_built_in_one_step_are_held_to_the_memory_limit(body: str) -> None:
    engine, _ = make(SANDBOXED)
    sid = load(engine, f'(defn grow [] (count {body}))\n(defn ok [] (count (str "ab" 1)))')
    started = time.monotonic()
    with pytest.raises(MemoryLimitError):
        engine.call_function(sid, "grow", [])
    assert time.monotonic() - started < 5.0
    assert engine.call_function(sid, "ok", []) == 3


def test_catastrophic_regex_ends_within_the_time_limit() -> None:
    engine, _ = make(SANDBOXED)
    sid = load(
        engine,
        '(defn bomb [n] (re-find #"(a|aa)+$" (str (apply str (repeat n "a")) "!")))\n'
        "(defn caught [n] (try (bomb n) (catch Exception e :swallowed)))\n"
        '(defn words [s] (vec (re-seq #"\\w+" s)))',
    )
    for name in ("bomb", "caught", "bomb"):
        started = time.monotonic()
        with pytest.raises(TimeLimitError, match="regular expression"):
            engine.call_function(sid, name, [40])
        assert time.monotonic() - started < 2.0
    assert engine.call_function(sid, "bomb", [4]) is None
    assert engine.call_function(sid, "words", ["a bb ccc"]) == ["a", "bb", "ccc"]


def test_deep_recursion_is_a_recursion_limit() -> None:
    for policy in (SANDBOXED, TRUSTED):
        engine, _ = make(policy)
        sid = load(
            engine,
            "(defn down [n] (+ 1 (down n)))\n(defn ok [n] (if (zero? n) 0 (inc (ok (dec n)))))",
        )
        with pytest.raises(RecursionLimitError):
            engine.call_function(sid, "down", [1])
        assert engine.call_function(sid, "ok", [150]) == 150


def test_infinite_sequences_are_stopped_by_the_limits() -> None:
    engine, _ = make(SANDBOXED)
    sid = load(
        engine,
        "(defn all [] (count (range)))\n(defn v [] (vec (iterate inc 0)))\n"
        "(defn some5 [] (take 5 (iterate inc 0)))",
    )
    for name in ("all", "v"):
        with pytest.raises(LimitError) as info:
            engine.call_function(sid, name, [])
        assert isinstance(info.value, (MemoryLimitError, TimeLimitError))
    assert engine.call_function(sid, "some5", []) == [0, 1, 2, 3, 4]


def test_instruction_limit() -> None:
    policy = SANDBOXED.derive("steps", time_limit_ms=None, instruction_limit=10_000)
    engine, _ = make(policy)
    sid = load(
        engine,
        "(defn spin [] (loop [i 0] (recur (inc i))))\n(defn small [] (reduce + (range 100)))",
    )
    with pytest.raises(InstructionLimitError):
        engine.call_function(sid, "spin", [])
    assert engine.call_function(sid, "small", []) == 4950


def test_breakpoint_reports_lisp_locals() -> None:
    engine, _ = make()
    hits: list[Any] = []
    engine.set_breakpoint_handler(hits.append)
    sid = load(engine, "(defn f [a]\n  (let [b (* a 2)]\n    (+ a b)))", script="bp.klisp")
    engine.set_breakpoint("bp.klisp", 3)
    assert engine.call_function(sid, "f", [5]) == 15
    assert hits and hits[0].line == 3 and hits[0].function == "f"
    assert hits[0].locals == {"a": 5, "b": 10}


def test_callbacks_cross_both_ways() -> None:
    engine, _ = make()
    sid = load(engine, "(defn twice [f x] (f (f x)))\n(defn adder [n] (fn [x] (+ x n)))")
    from kryon_core import FunctionRef

    assert (
        engine.call_function(sid, "twice", [FunctionRef("host", "inc", lambda a: a[0] + 1), 1]) == 3
    )
    adder = engine.call_function(sid, "adder", [10])
    assert isinstance(adder, FunctionRef) and adder(5) == 15


def test_globals_per_script_and_shared() -> None:
    engine, _ = make()
    sid = load(engine, "(declare g)\n(defn read [] g)")
    engine.set_global("g", [1])
    assert engine.call_function(sid, "read", []) == [1]
    engine.set_global("g", "mine", sid)
    assert engine.call_function(sid, "read", []) == "mine"
    assert engine.get_global("g", sid) == "mine"


def test_namespaces_require_other_scripts() -> None:
    engine, _ = make()
    load(
        engine,
        "(ns util.math)\n(defn sq [x] (* x x))\n(defmacro twice [x] `(* 2 ~x))",
        script="util.klisp",
    )
    sid = load(
        engine,
        "(ns app (:require [util.math :as m]))\n(defn run [] (m/twice (m/sq 3)))",
        script="app.klisp",
    )
    assert engine.call_function(sid, "run", []) == 18


def test_reloaded_script_keeps_its_lisp_stack() -> None:
    engine, _ = make()
    old = load(engine, '(defn boom [] (throw (ex-info "v1" {})))', script="r.klisp")
    new = load(engine, '\n(defn boom []\n  (throw (ex-info "v2" {})))', script="r.klisp")
    engine.unload_script(old)
    with pytest.raises(ScriptRuntimeError) as info:
        engine.call_function(new, "boom", [])
    assert info.value.message == "v2" and info.value.line == 3
    assert [f.function for f in info.value.traceback] == ["boom"]


def test_repl_evaluate_keeps_definitions() -> None:
    engine, out = make()
    sid = load(engine, "", script="repl")
    assert engine.evaluate(sid, "(def x 20) (defn f [y] (+ x y))") == "#'user/f"
    assert engine.evaluate(sid, "(f 22)") == 42
    assert engine.evaluate(sid, "(println :hi) #{1}") == [1]
    assert out == [":hi\n"]


def test_repl_shows_values_as_clojure_prints_them() -> None:
    engine, _ = make()
    sid = load(engine, "", script="repl")
    assert engine.evaluate_display(sid, "(def x 20)") == "#'user/x"
    assert engine.evaluate_display(sid, '{:a "s" :b [1 2.5 nil]}') == '{:a "s", :b [1 2.5 nil]}'
    assert engine.evaluate_display(sid, "(println)") == "nil"
    assert engine.evaluate_display(sid, "(take 3 (range))") == "(0 1 2)"


def test_deeply_nested_vectors_cannot_crash_the_host() -> None:
    engine, _ = make(TRUSTED)
    sid = load(
        engine,
        "(defn deep [n] (loop [i 0 v []] (if (< i n) (recur (inc i) [v]) v)))\n"
        "(defn h [n] (hash (deep n)))\n(defn s [n] (contains? #{1} (deep n)))",
    )
    with pytest.raises(ScriptRuntimeError, match="nested too deeply"):
        engine.call_function(sid, "h", [200_000])
    with pytest.raises(ScriptRuntimeError, match="nested too deeply"):
        engine.call_function(sid, "s", [200_000])
    assert isinstance(engine.call_function(sid, "h", [100]), int)


def test_recursion_through_c_is_a_limit_not_a_crash() -> None:
    engine, _ = make(TRUSTED)
    sid = load(
        engine,
        "(defn sets [n] (loop [i 0 v #{}] (if (< i n) (recur (inc i) #{v}) v)))\n"
        "(defn maps [n] (loop [i 0 v {}] (if (< i n) (recur (inc i) {v 1}) v)))\n"
        "(defn size [n] [(count (sets n)) (count (maps n))])\n"
        "(defn same [n] (= (sets n) (sets n)))",
    )
    # hashes are cached, so building deep nests is linear and safe
    assert engine.call_function(sid, "size", [20_000]) == [1, 1]
    # comparing them recurses through C: a limit error, never a crash
    with pytest.raises(RecursionLimitError):
        engine.call_function(sid, "same", [20_000])


@pytest.mark.parametrize(
    "source",
    [
        "(defn f [] __builtins__)",
        '(defn f [] (eval (symbol "__builtins__")))',
        '(defn f [] (eval (list (symbol "@type") 1)))',
        "(def __builtins__ {})",
        "(defn f [] (binding [__builtins__ 1] 2))",
        '(defn f [] (.__class__ "x"))',
        '(defn f [] (.-__class__ "x"))',
        # a namespace-qualified constant read (Math/PI) once handed out any entry
        "(defn f [] (Math/__builtins__))",
        "(defn f [] (clojure.string/__builtins__))",
        "(defn f [] (. Math __builtins__))",
        '(defn f [] (. "x" __class__))',
        "(defn f [] (. inc (__globals__)))",
        "(defn f [] (.. inc __code__ co_consts))",
    ],
)
def test_scripts_cannot_reach_python(source: str) -> None:
    from kryon_core import ScriptError

    engine, _ = make(SANDBOXED)
    try:
        sid = load(engine, source)
        result = engine.call_function(sid, "f", [])
    except ScriptError:
        return
    assert result is None


def test_withheld_host_functions_compile_and_raise_access_denied() -> None:
    """As in the other languages: a script naming kryon/call under a policy
    without cross-language calls loads, and the call is refused."""
    from kryon_core import AccessDeniedError, ScriptManager

    with ScriptManager() as manager:  # the sandboxed policy
        manager.load_script("c", '(defn go [] (kryon/call "f" 1))\n', language="lisp")
        with pytest.raises(AccessDeniedError, match="cross_language") as info:
            manager.call_function("c.go")
    assert info.value.script == "c" and info.value.line == 1

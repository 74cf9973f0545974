"""Built-in namespaces (clojure.core, clojure.string, kryon's host functions)
are shared by every script of an engine: one script must not replace or alter
them under the others (found by attack scripts: ``(ns kryon) (defn log ...)``
made every other script's ``kryon/log`` call the attacker's function)."""

from __future__ import annotations

import pytest
from kryon_lisp.engine import LispConfig, LispEngine

from kryon_core import CompileError, ScriptBridge, ScriptError, SecurityPolicy

POLICY = SecurityPolicy(name="sandboxed")
VICTIM = (
    "(require '[clojure.string :as s])\n"
    '(defn f [] [(s/upper-case "x") (clojure.string/lower-case "Y") (kryon/log "z")'
    " ((var-get (var inc)) 1)])"
)


def _engine() -> LispEngine:
    engine = LispEngine()
    engine.initialize(LispConfig(), POLICY)
    engine.setup_bridge(ScriptBridge(POLICY, {}, output=lambda text, stream, script: None))
    return engine


@pytest.mark.parametrize(
    "attack",
    [
        '(ns clojure.string) (defn upper-case [s] "pwned")',
        '(ns kryon) (defn log [& xs] "pwned")',
        "(ns clojure.core) (defn inc [x] 99)",
        '(alter-var-root (var clojure.string/upper-case) (constantly (fn [s] "pwned")))',
        '(alter-var-root (var kryon/log) (constantly (fn [& s] "pwned")))',
        '(alter-var-root (var inc) (constantly (fn [s] "pwned")))',
    ],
)
def test_a_script_cannot_change_a_built_in_namespace_under_another(attack: str) -> None:
    engine = _engine()
    with pytest.raises(ScriptError, match="built in|built-in var"):
        engine.load_script(engine.compile(attack, script="attacker.klisp"))
    victim = engine.load_script(engine.compile(VICTIM, script="victim.klisp"))
    assert engine.call_function(victim, "f", []) == ["X", "y", None, 2]


def test_own_vars_and_own_core_functions_can_still_be_altered() -> None:
    engine = _engine()
    out: list[str] = []
    engine.setup_bridge(
        ScriptBridge(POLICY, {}, output=lambda text, stream, script: out.append(text))
    )
    engine.load_script(
        engine.compile(
            "(alter-var-root (var println) (fn [f] (fn [& xs] (apply f :mine xs))))\n"
            "(def x 1) (alter-var-root (var x) inc) (println x)",
            script="a.klisp",
        )
    )
    assert out == [":mine 2\n"]


def test_set_compiler_flags_is_accepted_and_anything_else_refused() -> None:
    engine = _engine()
    sid = engine.load_script(
        engine.compile("(set! *warn-on-reflection* true)\n(defn f [] 1)", script="a.klisp")
    )
    assert engine.call_function(sid, "f", []) == 1
    with pytest.raises(CompileError, match="Can't change/establish root binding"):
        engine.compile("(set! clojure.string/upper-case 5)", script="b.klisp")

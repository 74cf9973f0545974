"""The printer: data nested any depth prints in full, and a reference that
holds itself is Clojure's StackOverflowError, never a silent cut."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from kryon_lisp.classes import EXCEPTIONS
from kryon_lisp.engine import LispConfig, LispEngine

from kryon_core import ScriptBridge, SecurityPolicy

NEST = "(defn nest [wrap n] (loop [i 0 acc nil] (if (< i n) (recur (inc i) (wrap acc)) acc)))\n"


@pytest.mark.parametrize(
    ("wrap", "open_", "close"),
    [("vector", "[", "]"), ("list", "(", ")"), ("#(hash-map :a %)", "{:a ", "}")],
)
def test_deep_data_prints_in_full(
    output: Callable[[str], str], wrap: str, open_: str, close: str
) -> None:
    printed = output(NEST + f"(prn (nest {wrap} 3000)) (print (str (nest {wrap} 300)))")
    deep, shallow = printed.split("\n")
    assert deep == open_ * 3000 + "nil" + close * 3000
    assert shallow == open_ * 300 + "nil" + close * 300


def test_deep_data_prints_under_the_sandbox_limits() -> None:
    policy = SecurityPolicy(
        name="judge",
        time_limit_ms=1000,
        instruction_limit=1_000_000,
        memory_limit_mb=16,
        recursion_limit=200,
    )
    engine = LispEngine()
    engine.initialize(LispConfig(), policy)
    printed: list[str] = []
    engine.setup_bridge(
        ScriptBridge(policy, {}, output=lambda text, stream, script: printed.append(text))
    )
    engine.load_script(
        engine.compile(NEST + "(println (count (pr-str (nest vector 5000))))", script="t")
    )
    assert printed == ["10003\n"]


def test_exception_info_data_prints_readably_inside_println(
    output: Callable[[str], str],
) -> None:
    assert (
        output('(println [(ex-info "m" {:s "x" :c \\c}) "y"])')
        == '[#error {:message "m", :data {:s "x", :c \\c}} y]\n'
    )


def test_an_atom_holding_itself_overflows_the_stack(
    output: Callable[[str], str], lisp: Callable[[str], str]
) -> None:
    source = "(def a (atom 1)) (reset! a [a]) (println a)"
    with pytest.raises(EXCEPTIONS["java.lang.StackOverflowError"]):
        output(source)
    caught = "(def a (atom 1)) (reset! a {:me a}) (try (pr-str a) (catch StackOverflowError e :so))"
    assert lisp(caught) == ":so"


def test_an_atom_printed_twice_side_by_side_is_no_cycle(output: Callable[[str], str]) -> None:
    assert (
        output("(def a (atom 1)) (prn [a a (volatile! a)])")
        == "[#object[clojure.lang.Atom {:status :ready, :val 1}] "
        "#object[clojure.lang.Atom {:status :ready, :val 1}] "
        "#object[clojure.lang.Volatile {:val "
        "#object[clojure.lang.Atom {:status :ready, :val 1}]}]]\n"
    )

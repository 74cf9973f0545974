"""The engine conformance kit, run against Kryon Lisp."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from kryon_core.testing import EngineConformance

# the engine raises the interpreter recursion limit for deep Lisp code; hypothesis
# reports every change of it between examples
pytestmark = pytest.mark.filterwarnings("ignore:The recursion limit will not be reset")


class TestLispConformance(EngineConformance):
    engine_name = "lisp"

    source_basic: ClassVar[str] = """\
(declare shared_value)
(defn identity [x] x)
(defn add [a b] (+ a b))
(defn fail []
  (throw (ex-info "boom" {:why "test"})))
(defn read_global [] shared_value)
(defn make_adder [n] (fn [x] (+ x n)))
(defn call_back [f x] (f x))
(defn say [text] (println text))
(defn sum_to [n]
  (loop [i 1 acc 0]
    (if (<= i n) (recur (inc i) (+ acc i)) acc)))
"""
    runtime_error_line: ClassVar[int] = 5
    source_syntax_error: ClassVar[str] = "(defn ok [] 1)\n(defn broken [x]\n  (+ x ))) \n"
    syntax_error_line: ClassVar[int] = 3
    source_version: ClassVar[str] = "(defn version [] {n})\n"
    source_limits: ClassVar[str] = """\
(defn spin [] (loop [i 0] (recur (inc i))))
(defn recurse [n] (+ 1 (recurse (inc n))))
(defn bomb [] (loop [acc []] (recur (conj acc (vec (range 1000))))))
"""
    source_coroutine: ClassVar[str] = "(defn collect [n] (vec (for [i (range 1 (inc n))] i)))\n"
    source_debug: ClassVar[str] = """\
(defn debug_me [a]
  (let [b (+ a 1)]
    b))
"""
    debug_line: ClassVar[int] = 2
    source_exit: ClassVar[str] = """\
(defn stop [n]
  (try (System/exit n) (catch Throwable e :caught)))
(defn ok [] 1)
"""
    exit_line: ClassVar[int] = 2
    exit_statement: ClassVar[str] = "(stop 5)"
    source_arguments: ClassVar[str] = "(def ARGS (vec *command-line-args*))\n(defn args [] ARGS)\n"

    def expected(self, value: Any) -> Any:
        return value

"""refs, agents, futures and promises run on the script's one thread (they
were all compile errors: programs written for Clojure hold state in them)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kryon_core import ScriptExit, TimeLimitError

from .test_engine import SANDBOXED, load, make

PROGRAM = """
(def account (ref 100))
(def log (ref []))
(dosync (alter account - 30) (alter log conj :withdraw) (commute log conj :done))
(println @account @log)
(def a (agent 0))
(send a inc) (send-off a + 10) (await a)
(def f (future (+ 1 2)))
(println @a @f (realized? f) (future? f))
(def p (promise))
(println (realized? p) (deref p 10 :timeout))
(deliver p 42) (deliver p 43)
(println @p (realized? p) (pmap inc [1 2 3]) (locking account :locked))
(println (try @(future (/ 1 0)) (catch Exception e (ex-message e))))
(println (try (dosync (ref-set (ref 1 :validator pos?) -1)) (catch Exception e :invalid)))
(println (try @(promise) (catch IllegalStateException e :would-block)))
"""


def test_concurrency_forms_run_in_order(output: Callable[[str], str]) -> None:
    assert output(PROGRAM) == (
        "70 [:withdraw :done]\n"
        "11 3 true true\n"
        "false :timeout\n"
        "42 true (2 3 4) :locked\n"
        "Divide by zero\n"
        ":invalid\n"
        ":would-block\n"
    )


def test_a_limit_inside_a_future_ends_the_call() -> None:
    """The future's body runs at once: a limit it meets must end the call, not
    wait in the future (the error was kept and the budget, spent, checked nothing
    more: the next endless loop ran until the kryon run watchdog)."""
    engine, _ = make(SANDBOXED)
    sid = load(
        engine,
        "(defn spin [] (future (loop [] (recur))) (loop [] (recur)))\n"
        "(defn bye [] (future (System/exit 4)) :after)",
    )
    with pytest.raises(TimeLimitError):
        engine.call_function(sid, "spin", [])
    with pytest.raises(ScriptExit):
        engine.call_function(sid, "bye", [])

"""The slice of Java interop, run as ``kryon run`` runs it (under the sandbox)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import kryon_run


def test_to_string_with_a_radix_out_of_range_uses_ten(tmp_path: Path) -> None:
    # radix 1 looped forever in Python, where no limit check runs
    result = kryon_run(
        tmp_path,
        "(prn (Long/toString 5 1) (Integer/toString 5 0) (Long/toString -255 37)"
        " (Integer/toString 255 16))\n",
    )
    assert (result.returncode, result.stdout) == (0, '"5" "5" "-255" "ff"\n'), result.stderr


SLEEPER = """\
(def start (System/currentTimeMillis))
(def t0 (System/nanoTime))
(Thread/sleep 5000)
(println "slept" (quot (- (System/currentTimeMillis) start) 1000)
         (quot (- (System/nanoTime) t0) 1000000000))
(println @(future (Thread/sleep 3000) :done) (quot (- (System/nanoTime) t0) 1000000000))
(println (try (Thread/sleep -1) (catch IllegalArgumentException e (.getMessage e))))
(defn forever [] (loop [] (Thread/sleep 1000) (recur)))
"""


def test_sleeping_under_a_time_limit_takes_no_time() -> None:
    """Under the sandboxed policy's 100 ms, a program that sleeps runs as on the
    JVM, at once: the script's clocks move on by what it slept."""
    from kryon_lisp.engine import LispConfig, LispEngine

    from kryon_core import LimitError, ScriptBridge, default_policies

    sandboxed = next(p for p in default_policies() if p.name == "sandboxed")
    engine = LispEngine()
    engine.initialize(LispConfig(), sandboxed)
    out: list[str] = []
    engine.setup_bridge(ScriptBridge(sandboxed, {}, output=lambda t, s, n: out.append(t)))
    script = engine.load_script(engine.compile(SLEEPER, script="sleeper.klisp"))
    assert "".join(out) == "slept 5 5\n:done 8\ntimeout value is negative\n"
    with pytest.raises(LimitError):  # a loop of sleeps still takes steps
        engine.call_function(script, "forever", [])

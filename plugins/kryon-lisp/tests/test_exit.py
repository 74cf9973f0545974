"""``(System/exit n)``: the program ends with status n, past every catch and
finally (the JVM runs none), with the output written before it kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from kryon_core import ScriptExit, ScriptManager, ScriptRuntimeError

from .conftest import kryon_run

UNCATCHABLE = """\
(println "before")
(defn f [n]
  (try
    (println "in f")
    (System/exit n)
    (catch Exception e (println "caught Exception"))
    (catch Throwable e (println "caught Throwable"))
    (finally (println "inner finally"))))
(try (f 3) (catch :default e (println "caught default")) (finally (println "outer finally")))
(println "after")
(defn g [] 1)
"""


@pytest.mark.parametrize("policy", ["sandboxed", "trusted"])
def test_exit_ends_the_run_past_catch_and_finally(tmp_path: Path, policy: str) -> None:
    result = kryon_run(tmp_path, UNCATCHABLE, "--policy", policy, "--call", "g")
    assert (result.returncode, result.stdout, result.stderr) == (3, "before\nin f\n", "")


@pytest.mark.parametrize(
    ("call", "status"),
    [("0", 0), ("42", 42), ("-1", 255), ("256", 0), ("2.7", 2), ("\\A", 65)],
)
def test_exit_status_is_the_argument_as_a_java_int(tmp_path: Path, call: str, status: int) -> None:
    result = kryon_run(tmp_path, f'(print "out")\n(System/exit {call})\n(print "after")\n')
    assert (result.returncode, result.stdout, result.stderr) == (status, "out", "")


def test_java_lang_system_is_system(tmp_path: Path) -> None:
    result = kryon_run(tmp_path, "(print (java.lang.Math/abs -2))\n(java.lang.System/exit 4)\n")
    assert (result.returncode, result.stdout, result.stderr) == (4, "2", "")


def test_exit_inside_lazy_and_higher_order_code(tmp_path: Path) -> None:
    source = "(dorun (map (fn [x] (println x) (when (= x 2) (apply System/exit [9]))) [1 2 3]))\n"
    result = kryon_run(tmp_path, source)
    assert (result.returncode, result.stdout) == (9, "1\n2\n")


def test_exit_in_a_macro_ends_the_run_when_its_form_loads(tmp_path: Path) -> None:
    result = kryon_run(tmp_path, '(defmacro m [] (System/exit 5))\n(println "x")\n(m)\n')
    assert (result.returncode, result.stdout) == (5, "x\n")


def test_exit_in_a_test_is_not_a_test_error(tmp_path: Path) -> None:
    source = "(deftest t (is (= 1 (System/exit 8))))\n(run-tests)\n"
    result = kryon_run(tmp_path, source)
    assert result.returncode == 8 and "ERROR" not in result.stdout


def test_a_bad_argument_is_an_ordinary_error(tmp_path: Path) -> None:
    result = kryon_run(tmp_path, '(println "a")\n(System/exit "x")\n')
    assert (result.returncode, result.stdout) == (70, "a\n")
    assert "main.klisp:2: class java.lang.String cannot be cast" in result.stderr
    caught = kryon_run(
        tmp_path,
        "(try (System/exit nil) (catch Exception e (println :caught)))\n"
        "(try (System/exit 1e20) (catch IllegalArgumentException e (println (ex-message e))))\n",
    )
    assert (caught.returncode, caught.stdout) == (
        0,
        ":caught\nValue out of range for long: 1.0E20\n",
    )


def test_embedded_exit_fails_the_load_or_the_call_and_the_host_goes_on() -> None:
    with ScriptManager() as manager:
        with pytest.raises(ScriptExit) as info:
            manager.load_script(
                "quits", '(println "hi")\n(System/exit 4)\n(defn f [] 1)\n', language="lisp"
            )
        assert (info.value.status, info.value.script, info.value.line) == (4, "quits", 2)
        assert "quits" not in manager.scripts
        manager.load_script(
            "calc",
            "(defn add [a b] (+ a b))\n"
            "(defn stop [n]\n  (try (System/exit n) (finally (println :no))))\n"
            "(defn bad [] (System/exit :k))\n",
            language="lisp",
        )
        with pytest.raises(ScriptExit) as info:
            manager.call_function("stop", 3)
        assert (info.value.status, info.value.script, info.value.line) == (3, "calc", 3)
        assert info.value.render() == ""
        with pytest.raises(ScriptRuntimeError, match="Keyword cannot be cast"):
            manager.call_function("bad")
        assert manager.call_function("add", 2, 3) == 5

"""Whole programs: their output is checked against the expected transcript, and
``kryon run`` honours the CLI contract (stdout, exit codes, error on stderr)."""

from __future__ import annotations

from pathlib import Path

import pytest
from kryon_lisp.engine import LispConfig, LispEngine

from kryon_core import ScriptBridge, default_policies

from .conftest import kryon_run

PROGRAMS = Path(__file__).parent / "programs"
TRUSTED = next(p for p in default_policies() if p.name == "trusted")


@pytest.mark.parametrize("program", sorted(p.stem for p in PROGRAMS.glob("*.klisp")))
def test_program_output(program: str) -> None:
    engine = LispEngine()
    engine.initialize(LispConfig(), TRUSTED)
    out: list[str] = []
    engine.setup_bridge(ScriptBridge(TRUSTED, {}, output=lambda t, s, n: out.append(t)))
    source = (PROGRAMS / f"{program}.klisp").read_text()
    engine.load_script(engine.compile(source, script=f"{program}.klisp"))
    assert "".join(out) == (PROGRAMS / f"{program}.out").read_text()


def test_kryon_run_contract(tmp_path: Path) -> None:
    ok = kryon_run(tmp_path, '(println "hello" (+ 1 2))')
    assert (ok.returncode, ok.stdout) == (0, "hello 3\n")
    boom = kryon_run(tmp_path, '(println "before")\n(throw (ex-info "boom" {}))\n')
    assert boom.returncode == 70 and boom.stdout == "before\n"
    assert "main.klisp:2: boom" in boom.stderr
    broken = kryon_run(tmp_path, "(println 1\n")
    assert broken.returncode == 65 and "main.klisp:2" in broken.stderr
    assert "starting at line 1" in broken.stderr


@pytest.mark.parametrize(
    "call", ['(eval (read-string "(undefined-thing 1)"))', '(read-string "(1 2")']
)
def test_code_read_or_evaluated_at_run_time_fails_as_a_runtime_error(
    tmp_path: Path, call: str
) -> None:
    """The script compiled: what it reads or evaluates while running fails as
    Clojure's RuntimeException does, catchable, and an uncaught one exits 70
    at the script's line (it was a compile error, 65, at the string's line)."""
    caught = kryon_run(tmp_path, f"(println (try {call} (catch RuntimeException e :caught)))")
    assert (caught.returncode, caught.stdout) == (0, ":caught\n")
    failed = kryon_run(tmp_path, f'(println "before")\n{call}\n')
    assert (failed.returncode, failed.stdout) == (70, "before\n")
    assert "main.klisp:2: " in failed.stderr


def test_an_uncaught_error_names_the_line_inside_the_function(tmp_path: Path) -> None:
    source = (
        '(println "start")\n'
        "(defn process [xs]\n"
        '  (map (fn [x] (if (= x 3) (throw (ex-info "three!" {:x x})) x)) xs))\n'
        "(defn run [] (doall (process [1 2 3 4])))\n"
        "(run)\n"
    )
    failed = kryon_run(tmp_path, source)
    assert (failed.returncode, failed.stdout) == (70, "start\n")
    assert "main.klisp:3: three!" in failed.stderr
    assert "at run (" in failed.stderr and "main.klisp:4)" in failed.stderr


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ('(println "a")\n(defn f [x]\n  (+ x 1)\n\n(println (f 2))\n', "main.klisp:6:1"),
        ('(println "a")\n(println (+ 1 2)))\n', "main.klisp:2:18"),
        ('(println "a")\n(println [1 2 3)\n', "main.klisp:2:16"),
        ('(println "a")\n(println "unterminated)\n', "main.klisp:3:1"),
    ],
)
def test_unbalanced_source_is_a_compile_error_at_its_line(
    tmp_path: Path, source: str, where: str
) -> None:
    broken = kryon_run(tmp_path, source)
    assert (broken.returncode, broken.stdout) == (65, "")
    assert where in broken.stderr


@pytest.mark.parametrize(
    ("attack", "message"),
    [
        ("(println (count (range)))", "limit"),
        ('(println (count (apply str (repeat 1e9 "x"))))', "memory limit"),
        ("(loop [] (recur))", "limit"),
        ("(defn f [n] (+ 1 (f n)))\n(f 1)", "recursion depth limit"),
        ("(doall (repeat 1))", "limit"),
        ("(loop [] (Thread/sleep 100000) (recur))", "limit"),
        ('(def s (atom "x")) (dotimes [i 100] (swap! s str @s))', "memory limit"),
        ("(println (nth (iterate (fn [v] (conj v v)) []) 50))", "limit"),
        ('(println (slurp "/etc/passwd"))', "file access is not available"),
        ('(load-file "/etc/passwd")', "file access is not available"),
        ('(println (java.io.File. "/etc/passwd"))', "Unable to resolve classname: java.io.File"),
        ('(println (.getClass "x"))', "No method getClass"),
        ('(eval (read-string "(spit \\"/tmp/kryon-pwned\\" 1)"))', "file access is not available"),
    ],
)
def test_attacks_end_with_a_limit_or_an_error_under_the_sandbox(
    tmp_path: Path, attack: str, message: str
) -> None:
    """Run as kryon run runs a script by default (the sandboxed policy): each
    ends with exit 70 and the error at the script's line, nothing reached."""
    result = kryon_run(tmp_path, f'(println "before")\n{attack}\n')
    assert (result.returncode, result.stdout) == (70, "before\n")
    assert "main.klisp:2" in result.stderr and message in result.stderr


@pytest.mark.parametrize(
    "escape",
    [
        '(.-__class__ "x")',
        "(.-__globals__ println)",
        "(.-__code__ (fn [] 1))",
        "(.. *ns* -runtime -core)",
        "(.-__traceback__ (try (/ 1 0) (catch Exception e e)))",
    ],
)
def test_python_attribute_names_reach_nothing(tmp_path: Path, escape: str) -> None:
    result = kryon_run(tmp_path, f"(prn {escape})")
    assert (result.returncode, result.stdout) == (0, "nil\n")


@pytest.mark.parametrize(
    "macro",
    [
        "(defmacro m [_] (quote (m 1)))",  # expands to the very same form, forever
        "(defmacro m [& args] &form)",
        "(defmacro m [x] `(m (inc ~x)))",  # grows without end
    ],
)
def test_a_macro_that_expands_forever_is_a_compile_error(tmp_path: Path, macro: str) -> None:
    result = kryon_run(tmp_path, f'(println "a")\n{macro}\n(m 1)\n')
    assert (result.returncode, result.stdout) == (65, "")
    assert "main.klisp:" in result.stderr
    assert "does not terminate" in result.stderr or "nested deeper" in result.stderr


@pytest.mark.parametrize(
    "macro",
    [
        "(defmacro m [] (loop [] (recur)))",
        "(defmacro m [] (cons (quote do) (repeat 1)))",  # an endless expansion
        "(defmacro m [] (list (quote quote) (range)))",
    ],
)
def test_a_macro_meeting_a_limit_fails_at_the_line_it_expands(tmp_path: Path, macro: str) -> None:
    result = kryon_run(tmp_path, f'(println "a")\n{macro}\n(println (m))\n')
    assert result.returncode == 70
    assert "main.klisp:3: " in result.stderr and "limit" in result.stderr

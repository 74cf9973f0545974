"""One call that turns a small value into a huge one in C (a replace, a join,
a print, a product) must meet the memory limit before it allocates, and
walking a long string must count against the step and time limits: found by
attack scripts that made the host allocate gigabytes or run for seconds under
the ``sandboxed`` policy."""

from __future__ import annotations

import threading
import tracemalloc

import pytest
from kryon_lisp.engine import LispConfig, LispEngine

from kryon_core import LimitError, MemoryLimitError, ScriptBridge

from .test_engine import SANDBOXED, load, make

BIG = '(def big (apply str (repeat 100000 "bbbbbbbbbb")))\n'  # a megabyte string


def _peak_while(body: str, error: type[LimitError]) -> int:
    """Run ``body`` under the sandboxed limits; the peak Python allocation."""
    engine, _ = make(SANDBOXED)
    sid = load(engine, BIG + f"(defn bomb [] (count {body}))\n(defn ok [] (count big))")
    tracemalloc.start()
    try:
        with pytest.raises(error):
            engine.call_function(sid, "bomb", [])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert engine.call_function(sid, "ok", []) == 1_000_000
    return peak


@pytest.mark.parametrize(
    "body",
    [
        # 400 MB each, were it built
        '(clojure.string/replace (apply str (repeat 400 "a")) "a" big)',
        '(clojure.string/replace (apply str (repeat 400 "a")) #"a" big)',
        '(clojure.string/replace-first (apply str (repeat 20000 "a")) #"(a+)" (apply str'
        ' (repeat 20000 "$1")))',
        '(clojure.string/join big (repeat 400 "a"))',
        "(clojure.string/join (repeat 400 big))",
        '(.replace (apply str (repeat 400 "a")) "a" big)',
        '(apply format (apply str (repeat 400 "%s")) (repeat 400 big))',
        '(clojure.string/replace (apply str (repeat 20000 "a")) #"a"'
        ' (apply str (repeat 20000 "$0")))',
    ],
)
def test_a_string_built_in_one_call_is_refused_before_it_is_built(body: str) -> None:
    # a replacement expanded per match may meet the time limit first
    assert _peak_while(body, LimitError) < 64 << 20


@pytest.mark.parametrize(
    "body",
    [
        # 40 megabytes: over the 16 MB limit, but these were built and returned
        "(pr-str (vec (repeat 40 big)))",
        "(with-out-str (dotimes [_ 40] (print big)))",
        '(clojure.string/escape big {\\b "0123456789012345678901234567890123456789"})',
        "(loop [s big i 0] (if (< i 6) (recur (.concat s s) (inc i)) s))",
        '(clojure.string/split (apply str (repeat 20 big)) #"")',
        '(clojure.string/split (apply str (repeat 2 big)) #"b")',
        "(seq big)",
        "(let [sb (StringBuilder.)] (dotimes [_ 40] (.append sb big)) (str sb))",
        "(.repeat big 40)",
    ],
)
def test_a_huge_string_result_or_walk_is_a_limit_error(body: str) -> None:
    _peak_while(body, LimitError)


@pytest.mark.parametrize(
    "body",
    ["(reverse big)", "(frequencies big)", "(into #{} big)", "(vec big)", "(map int big)"],
)
def test_walking_a_long_string_counts_its_characters(body: str) -> None:
    """A megabyte string holds a million characters: as many steps as a loop
    over a million elements (these ran for seconds past the time limit)."""
    engine, _ = make(SANDBOXED.derive("steps", instruction_limit=100_000))
    sid = load(engine, BIG + f'(defn walk [] (count {body}))\n(defn ok [] (count (seq "abc")))')
    with pytest.raises(LimitError):
        engine.call_function(sid, "walk", [])
    assert engine.call_function(sid, "ok", []) == 3


def test_a_bigint_parsed_from_a_million_digits_is_refused_before_parsing() -> None:
    """Parsing runs in C for seconds (quadratic past that): refused as the
    arithmetic refuses a product past a million bits."""
    engine, _ = make(SANDBOXED.derive("steps", time_limit_ms=None, instruction_limit=None))
    sid = load(
        engine,
        '(def digits (apply str (repeat 100000 "9999999999")))\n'
        "(defn big [] (count (str (bigint digits))))\n"
        "(defn big2 [] (count (str (biginteger digits))))\n"
        '(defn ok [] (str (bigint "123456789012345678901234567890")))',
    )
    for name in ("big", "big2"):
        with pytest.raises(MemoryLimitError, match="bits"):
            engine.call_function(sid, name, [])
    assert engine.call_function(sid, "ok", []) == "123456789012345678901234567890"


@pytest.mark.parametrize("start", ["3N", "3/7"])
def test_squaring_a_bigint_or_ratio_meets_the_integer_limit(start: str) -> None:
    engine, _ = make(SANDBOXED)
    sid = load(
        engine,
        f"(defn sq [] (loop [x {start} i 0] (if (< i 40) (recur (* x x) (inc i)) 0)))\n"
        "(defn small [] (* 3N 3N))",
    )
    with pytest.raises(MemoryLimitError, match="bits"):
        engine.call_function(sid, "sq", [])
    assert engine.call_function(sid, "small", []) == 9


def test_string_functions_keep_their_results() -> None:
    engine, _ = make(SANDBOXED)
    sid = load(
        engine,
        '(defn f [] [(clojure.string/replace "a-b-c" "-" "--")'
        ' (clojure.string/replace "a1b22" #"\\d+" "<$0>")'
        ' (clojure.string/replace-first "a1b22" #"(\\d)(\\d)" "$2$1")'
        ' (clojure.string/replace-first "abc" #"b" (fn [m] (str m m)))'
        ' (clojure.string/join ", " [1 2 3]) (clojure.string/escape "a<b" {\\< "&lt;"})'
        ' (format "%s-%5d|%-3s|" "x" 42 "y") (.concat "ab" "cd") (.replace "aXa" "a" "bb")'
        ' (clojure.string/split "a,b,,c,," #",") (pr-str ["q\\"\\n" \\a])'
        ' (with-out-str (print "hi" 1))'
        ' (clojure.string/replace "x-y" #"(?<a>\\w)" "[${a}\\\\$$1]")])',
    )
    assert engine.call_function(sid, "f", []) == [
        "a--b--c",
        "a<1>b<22>",
        "a1b22",  # the first match is "22": swapped, still "22"
        "abbc",
        "1, 2, 3",
        "a&lt;b",
        "x-   42|y  |",
        "abcd",
        "bbXbb",
        ["a", "b", "", "c"],
        '["q\\"\\n" \\a]',
        "hi 1",
        "[x$x]-[y$y]",
    ]


def test_long_prints_count_against_the_limits() -> None:
    """A loop of a few hundred megabyte prints is a few hundred steps: it ran
    past the time limit writing gigabytes (Lua and JavaScript stop it)."""
    policy = SANDBOXED.derive("steps", time_limit_ms=None, instruction_limit=100_000)
    engine = LispEngine()
    engine.initialize(LispConfig(), policy)
    written = [0]

    def count(text: str, stream: str, script: str) -> None:
        written[0] += len(text)

    engine.setup_bridge(ScriptBridge(policy, {}, output=count))
    sid = load(engine, BIG + "(defn flood [] (dotimes [_ 300] (println big)))")
    with pytest.raises(LimitError):
        engine.call_function(sid, "flood", [])
    assert written[0] < 150_000_000


def test_thread_sleep_takes_no_time_under_a_time_limit() -> None:
    """``(Thread/sleep ms)`` was a compile error; under a time limit it moves
    the script's clocks on and returns at once (test_java_interop), so a sleep
    far past the deadline is no limit error, and a loop of them is one."""
    engine, _ = make(SANDBOXED)
    sid = load(
        engine, "(defn nap [ms] (Thread/sleep ms) :awake)\n(defn spin [] (loop [] (nap 1) (recur)))"
    )
    assert engine.call_function(sid, "nap", [100_000]) == "awake"
    with pytest.raises(LimitError):  # the time or the step limit, whichever comes first
        engine.call_function(sid, "spin", [])


@pytest.mark.parametrize(
    "body",
    [
        "(try (loop [] (recur)) (finally (loop [] (recur))))",  # the time or step limit
        "(letfn [(down [n] (try (down (inc n)) (finally (loop [] (recur)))))] (down 0))",
        "(try (vec (range)) (finally (loop [] (recur))))",  # the memory limit
    ],
)
def test_a_finally_block_runs_no_further_than_the_limit_that_ended_the_call(body: str) -> None:
    """A limit error passes every catch, but finally blocks run as it passes:
    the budget used to stop checking once it had raised, so an endless loop
    in a finally ran with no limit at all (the kryon run watchdog ended it
    after 7 s; a host embedding the engine hung)."""
    engine, _ = make(SANDBOXED.derive("steps", instruction_limit=100_000))
    sid = load(engine, f"(defn bomb [] {body})\n(defn ok [] (reduce + (range 100)))")
    outcome: list[BaseException] = []

    def call() -> None:
        try:
            engine.call_function(sid, "bomb", [])
        except BaseException as exc:
            outcome.append(exc)

    # in a thread of its own, so that a regression fails here instead of hanging the suite
    runner = threading.Thread(target=call, daemon=True)
    runner.start()
    runner.join(60)
    assert not runner.is_alive(), "the finally block ran on without limits"
    assert len(outcome) == 1 and isinstance(outcome[0], LimitError)
    assert engine.call_function(sid, "ok", []) == 4950

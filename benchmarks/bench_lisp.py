"""Kryon Lisp vs the same algorithms in plain CPython (one process run).

Run: ``.venv/bin/python benchmarks/bench_lisp.py`` (``--judge``: only the
judge-sized workloads).  Prints the best of a few
runs for each side and the ratio (Lisp time / Python time; lower is better).
The Lisp side runs through the engine under the ``trusted`` policy (no limits,
as the benchmarks measure the language, not the sandbox); a second table shows
the same programs under the ``sandboxed`` checks (steps, depth, deadline).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import reduce
from typing import Any

from kryon_lisp.engine import LispConfig, LispEngine
from pyrsistent import pvector

from kryon_core import SecurityPolicy, default_policies

LISP = """
(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(defn sum-loop [n] (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc i)) acc)))
(defn tight [n] (loop [i 0 s 0] (if (< i n) (recur (inc i) (+ s (* i 2))) s)))
(defn dotimes-mod [n] (let [a (atom 0)] (dotimes [i n] (when (zero? (mod i 3)) (swap! a inc))) @a))
(defn pipeline [n] (reduce + 0 (filter even? (map #(* % %) (range n)))))
(defn conj-many [n] (loop [i 0 v []] (if (< i n) (recur (inc i) (conj v i)) (count v))))
(defn assoc-many [n] (loop [i 0 m {}] (if (< i n) (recur (inc i) (assoc m i i)) (count m))))
(defn collatz-len [n]
  (count (take-while #(not= % 1) (iterate #(if (even? %) (quot % 2) (inc (* 3 %))) n))))
(defn collatz [n] (apply max-key collatz-len (range 1 n)))
(defn sort-first [n] (first (sort > (map #(mod (* % 7919) 10007) (range n)))))
(defn into-set [n] (count (into #{} (map #(mod % 1000)) (range n))))
(defn sieve [n]
  (let [composite (boolean-array (inc n))]
    (loop [i 2 found 0]
      (if (> i n)
        found
        (if (aget composite i)
          (recur (inc i) found)
          (do (loop [j (* i i)] (when (<= j n) (aset composite j true) (recur (+ j i))))
              (recur (inc i) (inc found))))))))
(defn reduce-range [n] (reduce + (range n)))
(defn reduce-fn [n] (reduce (fn [acc x] (+ acc (* x x))) 0 (range n)))
(defn str-loop [n] (loop [i 0 s ""] (if (< i n) (recur (inc i) (str s i ",")) (count s))))
(defn apply-str [n] (count (apply str (map #(str "item" % ";") (range n)))))
(defn assoc-reduce [n] (count (reduce #(assoc %1 (str "k" %2) %2) {} (range n))))
(defn update-freq [n]
  (count (reduce (fn [m x] (update m (mod x 97) (fnil inc 0))) {} (range n))))
(defn bounce [n] (if (zero? n) :done #(bounce (dec n))))
(defn tramp [n] (name (trampoline bounce n)))
(def numerals [[1000 "M"] [900 "CM"] [500 "D"] [400 "CD"] [100 "C"] [90 "XC"]
               [50 "L"] [40 "XL"] [10 "X"] [9 "IX"] [5 "V"] [4 "IV"] [1 "I"]])
(defn roman [n]
  (loop [n n [[v s] & more :as all] numerals acc ""]
    (cond (zero? n) acc
          (>= n v) (recur (- n v) all (str acc s))
          :else (recur n more acc))))
(defn romans [n] (reduce + (map #(count (roman %)) (range 1 n))))
(defn word-freq [n]
  (let [words (clojure.string/split (apply str (map #(str "w" (mod % 50) " ") (range n))) #" ")]
    (count (frequencies words))))
"""


def py_fib(n: int) -> int:
    return n if n < 2 else py_fib(n - 1) + py_fib(n - 2)


def py_sum_loop(n: int) -> int:
    i = acc = 0
    while i < n:
        acc += i
        i += 1
    return acc


def py_tight(n: int) -> int:
    i = s = 0
    while i < n:
        s += i * 2
        i += 1
    return s


def py_dotimes_mod(n: int) -> int:
    count = 0
    for i in range(n):
        if i % 3 == 0:
            count += 1
    return count


def py_pipeline(n: int) -> int:
    return reduce(
        lambda a, b: a + b, filter(lambda x: x % 2 == 0, map(lambda x: x * x, range(n))), 0
    )


def py_conj_many(n: int) -> int:
    v: Any = pvector()
    for i in range(n):
        v = v.append(i)
    return len(v)


def py_assoc_many(n: int) -> int:
    import immutables

    m: Any = immutables.Map()
    for i in range(n):
        m = m.set(i, i)
    return len(m)


def py_collatz(n: int) -> int:
    def length(k: int) -> int:
        steps = 0
        while k != 1:
            k = k // 2 if k % 2 == 0 else 3 * k + 1
            steps += 1
        return steps

    best_k, best_len = 1, -1
    for k in range(1, n):
        if length(k) >= best_len:  # max-key keeps the last of equal keys
            best_k, best_len = k, length(k)
    return best_k


def py_sort_first(n: int) -> int:
    return sorted(((i * 7919) % 10007 for i in range(n)), reverse=True)[0]


def py_into_set(n: int) -> int:
    return len({i % 1000 for i in range(n)})


def py_sieve(n: int) -> int:
    composite = [False] * (n + 1)
    found = 0
    for i in range(2, n + 1):
        if not composite[i]:
            found += 1
            for j in range(i * i, n + 1, i):
                composite[j] = True
    return found


def py_reduce_range(n: int) -> int:
    return reduce(lambda a, b: a + b, range(n))


def py_reduce_fn(n: int) -> int:
    return reduce(lambda acc, x: acc + x * x, range(n), 0)


def py_str_loop(n: int) -> int:
    s = ""
    for i in range(n):
        s = s + str(i) + ","
    return len(s)


def py_apply_str(n: int) -> int:
    return len("".join(f"item{i};" for i in range(n)))


def py_assoc_reduce(n: int) -> int:
    import immutables

    m: Any = immutables.Map()
    for i in range(n):
        m = m.set(f"k{i}", i)
    return len(m)


def py_update_freq(n: int) -> int:
    import immutables

    m: Any = immutables.Map()
    for x in range(n):
        m = m.set(x % 97, m.get(x % 97, 0) + 1)
    return len(m)


def py_tramp(n: int) -> str:
    def bounce(k: int) -> Any:
        return "done" if k == 0 else (lambda: bounce(k - 1))

    result = bounce(n)
    while callable(result):
        result = result()
    return str(result)


_NUMERALS = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip


def py_romans(n: int) -> int:
    def roman(k: int) -> str:
        out, i = "", 0
        while k:
            v, s = _NUMERALS[i]
            if k >= v:
                k, out = k - v, out + s
            else:
                i += 1
        return out

    return sum(len(roman(k)) for k in range(1, n))


def py_word_freq(n: int) -> int:
    from collections import Counter

    words = "".join(f"w{i % 50} " for i in range(n)).split(" ")
    return len(Counter(w for w in words if w))


def best(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def engine(policy: SecurityPolicy) -> tuple[LispEngine, Any]:
    eng = LispEngine()
    eng.initialize(LispConfig(), policy)
    script = eng.load_script(eng.compile(LISP, script="bench.klisp"))
    return eng, script


CASES = [
    ("fib(25)", "fib", 25, py_fib),
    ("loop/recur sum 10^6", "sum-loop", 1_000_000, py_sum_loop),
    ("map/filter/reduce 10^5", "pipeline", 100_000, py_pipeline),
    ("conj 10^5 (vs pyrsistent)", "conj-many", 100_000, py_conj_many),
    ("assoc 10^5 (vs immutables.Map)", "assoc-many", 100_000, py_assoc_many),
    ("Collatz longest chain < 1000 (lazy)", "collatz", 1000, py_collatz),
    ("sort > of 2*10^4 numbers", "sort-first", 20_000, py_sort_first),
    ("into #{} with xform 10^5", "into-set", 100_000, py_into_set),
    ("boolean-array sieve 10^5", "sieve", 100_000, py_sieve),
]

JUDGE_CASES = [
    ("fib(20)", "fib", 20, py_fib),
    ("loop/recur sum 2*10^5", "sum-loop", 200_000, py_sum_loop),
    ("loop/recur (+ s (* i 2)) 2*10^5", "tight", 200_000, py_tight),
    ("dotimes with mod 10^5", "dotimes-mod", 100_000, py_dotimes_mod),
    ("reduce + (range 10^5)", "reduce-range", 100_000, py_reduce_range),
    ("reduce fn over (range 10^5)", "reduce-fn", 100_000, py_reduce_fn),
    ("str in a loop, 5000 times", "str-loop", 5_000, py_str_loop),
    ("apply str of 10^4 strs", "apply-str", 10_000, py_apply_str),
    ("assoc 10^4 string keys (reduce)", "assoc-reduce", 10_000, py_assoc_reduce),
    ("update/fnil 10^4 times", "update-freq", 10_000, py_update_freq),
    ("trampoline 10^5 bounces", "tramp", 100_000, py_tramp),
    ("roman numerals 1..1000 (destructuring)", "romans", 1000, py_romans),
    ("split + frequencies of 10^4 words", "word-freq", 10_000, py_word_freq),
]
"""What judges' test programs do, sized to fit the sandbox's 100 ms where
CPython takes at most 30 ms."""


def run(title: str, policy: SecurityPolicy, cases: list[Any] = CASES) -> None:
    eng, script = engine(policy)
    print(f"\n{title}")
    print(f"{'benchmark':40} {'python ms':>10} {'lisp ms':>10} {'ratio':>7}")
    for label, name, n, py in cases:
        py_time, expected = best(lambda py=py, n=n: py(n))
        fn = eng.bind_function(script, name)
        lisp_time, got = best(lambda fn=fn, n=n: fn([n]))
        assert got == expected, (label, got, expected)
        print(
            f"{label:40} {py_time * 1000:10.2f} {lisp_time * 1000:10.2f} "
            f"{lisp_time / py_time:7.2f}x"
        )


def main() -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    trusted = SecurityPolicy(
        name="trusted",
        sandbox=False,
        time_limit_ms=None,
        instruction_limit=None,
        memory_limit_mb=None,
        recursion_limit=None,
    )
    if "--judge" not in sys.argv:  # --judge: only the judge-sized tables
        run("trusted policy (no limits)", trusted)
        limited = SecurityPolicy(
            name="bench-limited",
            time_limit_ms=60_000,
            instruction_limit=None,
            memory_limit_mb=None,
            recursion_limit=1000,
        )
        run("with time and depth limits armed", limited)
    run("judge workloads, trusted", trusted, JUDGE_CASES)
    sandboxed = next(p for p in default_policies() if p.name == "sandboxed")
    # what kryon run arms by default (steps, depth, memory), the deadline lifted to measure
    measured = sandboxed.model_copy(update={"time_limit_ms": 60_000})
    run("judge workloads, sandboxed policy (time limit lifted)", measured, JUDGE_CASES)


if __name__ == "__main__":
    main()

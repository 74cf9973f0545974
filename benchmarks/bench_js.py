"""JavaScript engine benchmarks: Kryon's JS engine vs the raw ``quickjs`` binding.

Run ``python benchmarks/bench_js.py``.  One process run, best of several
rounds each; prints per-call times and the ratios the JS issue asks for:

* a handle call vs a raw ``quickjs`` call (target <= 1.5x), measured on the
  engine's owner thread (where the manager runs JS code and host callbacks)
  and from another host thread (every call is handed to the owner thread,
  because QuickJS is thread-affine);
* a JS -> host callback through ``kryon`` vs a raw ``add_callable`` callback;
* what the time limit costs when scripts call the host (re-arming per call).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from typing import Any

import quickjs

from kryon_core import HostFunction, KryonConfig, ScriptManager

ADD = "function add(a, b) { return a + b; }"
LOOP = "function loop(n) { let s = 0; for (let i = 0; i < n; i++) s += kryon.add(i, 1); return s; }"
ONE = "function one() { return kryon.add(1, 2); }"
RAW_LOOP = "function loop(n) { let s = 0; for (let i = 0; i < n; i++) s += add_py(i, 1); return s; }"


def best(fn: Callable[[], Any], number: int, rounds: int = 7) -> float:
    """Seconds per call, best of ``rounds``."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) / number)
    return min(times)


def repeat(call: Callable[[], Any], number: int) -> Callable[[], None]:
    def run() -> None:
        for _ in range(number):
            call()
    return run


def manager(policy: str, cache: str) -> ScriptManager:
    config = KryonConfig.from_mapping({"kryon": {"default_policy": policy},
                                       "cache": {"directory": cache}})
    m = ScriptManager(config)
    m.add_host_function(HostFunction("add", lambda caller, a, b: a + b))
    m.load_script("bench", f"{ADD}\n{LOOP}\n{ONE}\n", language="js")
    return m


def main() -> None:
    n = 20_000
    rows: list[tuple[str, float, float]] = []

    ctx = quickjs.Context()
    raw_add = ctx.eval(f"({ADD.replace('function add', 'function')})")
    raw = best(repeat(lambda: raw_add(1, 2), n), n)
    rows.append(("raw quickjs call add(1, 2)", raw, 1.0))
    limited = quickjs.Context()
    limited_add = limited.eval(f"({ADD.replace('function add', 'function')})")
    limited.set_time_limit(0.1)
    raw_limited = best(repeat(lambda: limited_add(1, 2), n), n)
    rows.append(("raw quickjs call, time limit set", raw_limited, 1.0))
    baseline = {"sandboxed": raw_limited, "trusted": raw}
    function = quickjs.Function("add", ADD)  # the binding's own thread-safe API (a worker thread)
    small = n // 10
    raw_function = best(repeat(lambda: function(1, 2, run_gc=False), small), small, rounds=3)
    rows.append(("raw quickjs.Function call (worker thread)", raw_function, 1.0))

    with tempfile.TemporaryDirectory() as cache:
        for policy in ("sandboxed", "trusted"):
            m = manager(policy, cache)
            handle = m.function("bench.add")
            instance = m.engine("js", policy)
            base = baseline[policy]
            engine = instance.engine
            script_id = m.scripts["bench"].script_id
            bound = instance.dispatch(engine.bind_function, script_id, "add")
            args = [1, 2]
            direct = instance.dispatch(best, repeat(lambda: bound(args), n), n)
            rows.append((f"engine-bound call, owner thread ({policy})", direct, direct / base))
            on_owner = instance.dispatch(best, repeat(lambda: handle(1, 2), n), n)
            rows.append((f"manager handle, owner thread ({policy})", on_owner, on_owner / base))
            other = best(repeat(lambda: handle(1, 2), small), small, rounds=3)
            rows.append((f"manager handle, other thread ({policy})", other,
                         other / raw_function))
            m.close()

        ctx.add_callable("add_py", lambda a, b: a + b)
        raw_loop = ctx.eval(f"({RAW_LOOP.replace('function loop', 'function')})")
        calls = 2_000
        raw_cb = best(lambda: raw_loop(calls), calls)
        rows.append(("raw add_callable callback (JS -> Python)", raw_cb, 1.0))
        for policy in ("sandboxed", "trusted"):
            m = manager(policy, cache)
            instance = m.engine("js", policy)
            loop = m.function("bench.loop")
            cb = instance.dispatch(best, lambda: loop(calls), calls)
            rows.append((f"kryon.add callback ({policy})", cb, cb / raw_cb))
            one = m.function("bench.one")
            per_call = instance.dispatch(best, repeat(lambda: one(), n), n)
            rows.append((f"call with one host callback ({policy})", per_call,
                         per_call / baseline[policy]))
            m.close()

    width = max(len(r[0]) for r in rows) + 2
    print(f"{'measure':<{width}}{'per call':>12}{'ratio':>9}")
    for label, seconds, ratio in rows:
        print(f"{label:<{width}}{seconds * 1e6:>9.2f} us{ratio:>8.2f}x")
    print("\nratios: calls vs the raw quickjs call (with a time limit set for 'sandboxed');")
    print("'other thread' handle calls vs quickjs.Function, the binding's thread-safe call;")
    print("callbacks vs raw add_callable (which cannot run under a time limit at all);")
    print("'call with one host callback' includes re-arming the time limit for the next call.")


if __name__ == "__main__":
    main()

"""JavaScript engine benchmarks: Kryon's JS engine vs the raw ``quickjs`` binding.

Run ``python benchmarks/bench_js.py``.  One process run, best of several
rounds each; prints per-call times and the ratios the JS issue asks for:

* a handle call vs a raw ``quickjs`` call (target <= 1.5x): on the engine's
  owner thread (where the manager runs scripts, host callbacks and anything
  dispatched to the engine), and from another host thread, where every call
  is handed to the owner thread because QuickJS is thread-affine (compared
  with ``quickjs.Function``, the binding's own thread-safe call, which does
  the same hand-off to a worker thread);
* a JS -> host callback through ``kryon`` vs a raw ``add_callable`` callback;
* what the time limit costs when a call reaches the host (one re-arm).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

import quickjs

from kryon_core import HostFunction, KryonConfig, ScriptManager, TimeLimitError

ADD = "function add(a, b) { return a + b; }"
LOOP = "function loop(n) { let s = 0; for (let i = 0; i < n; i++) s += kryon.add(i, 1); return s; }"
ONE = "function one() { return kryon.add(1, 2); }"
SPIN = "function spin(host) { if (host) kryon.add(1, 2); while (true) {} }"
RAW_LOOP = "(function (n) { let s = 0; for (let i = 0; i < n; i++) s += add_py(i, 1); return s; })"
CALLS, CALLBACKS = 20_000, 2_000

Row = tuple[str, float, float]


def best(fn: Callable[[], Any], number: int, rounds: int = 7) -> float:
    """Seconds per call of ``fn`` (which makes ``number`` calls), best of ``rounds``."""
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


def make_manager(policy: str, cache: str) -> ScriptManager:
    config = KryonConfig.from_mapping(
        {"kryon": {"default_policy": policy}, "cache": {"directory": cache}}
    )
    manager = ScriptManager(config)
    manager.add_host_function(HostFunction("add", lambda caller, a, b: a + b))
    manager.load_script("bench", f"{ADD}\n{LOOP}\n{ONE}\n{SPIN}\n", language="js")
    return manager


def raw_rows() -> tuple[list[Row], dict[str, float]]:
    plain = quickjs.Context()
    add = plain.eval(f"({ADD})")
    raw = best(repeat(lambda: add(1, 2), CALLS), CALLS)
    limited = quickjs.Context()
    limited_add = limited.eval(f"({ADD})")
    limited.set_time_limit(0.1)
    raw_limited = best(repeat(lambda: limited_add(1, 2), CALLS), CALLS)
    function = quickjs.Function("add", ADD)
    small = CALLS // 10
    raw_function = best(repeat(lambda: function(1, 2, run_gc=False), small), small, rounds=3)
    plain.add_callable("add_py", lambda a, b: a + b)
    loop = plain.eval(RAW_LOOP)
    raw_callback = best(lambda: loop(CALLBACKS), CALLBACKS)
    rows = [
        ("raw quickjs call add(1, 2)", raw, 1.0),
        ("raw quickjs call, time limit set", raw_limited, 1.0),
        ("raw quickjs.Function call (worker thread)", raw_function, 1.0),
        ("raw add_callable callback (JS -> Python)", raw_callback, 1.0),
    ]
    return rows, {
        "trusted": raw,
        "sandboxed": raw_limited,
        "function": raw_function,
        "callback": raw_callback,
    }


def engine_rows(policy: str, cache: str, base: dict[str, float]) -> list[Row]:
    manager = make_manager(policy, cache)
    try:
        instance = manager.engine("js", policy)
        run = instance.dispatch  # runs a function on the engine's owner thread
        script_id = manager.scripts["bench"].script_id
        bound = run(instance.engine.bind_function, script_id, "add")
        handle, loop, one = (manager.function(f"bench.{n}") for n in ("add", "loop", "one"))
        args = [1, 2]
        raw = base[policy]
        direct = run(best, repeat(lambda: bound(args), CALLS), CALLS)
        owner = run(best, repeat(lambda: handle(1, 2), CALLS), CALLS)
        small = CALLS // 10
        other = best(repeat(lambda: handle(1, 2), small), small, rounds=3)
        callback = run(best, lambda: loop(CALLBACKS), CALLBACKS)
        one_callback = run(best, repeat(one, CALLS), CALLS)
        return [
            (f"engine-bound call, owner thread ({policy})", direct, direct / raw),
            (f"manager handle, owner thread ({policy})", owner, owner / raw),
            (f"manager handle, other thread ({policy})", other, other / base["function"]),
            (f"kryon.add callback ({policy})", callback, callback / base["callback"]),
            (f"call making one host callback ({policy})", one_callback, one_callback / raw),
        ]
    finally:
        manager.close()


def _echo(conn: Connection) -> None:
    while (message := conn.recv()) is not None:
        conn.send(message)


def design_rows(cache: str) -> list[tuple[str, str]]:
    """The facts behind the time-limit design (docs/languages/js.md)."""
    facts: list[tuple[str, str]] = []
    ctx = quickjs.Context()
    ctx.add_callable("add_py", lambda a, b: a + b)
    ctx.set_time_limit(0.1)
    try:
        ctx.eval("add_py(1, 2)")
        facts.append(("raw binding: callback under a time limit", "works"))
    except quickjs.JSException as exc:
        facts.append(("raw binding: callback under a time limit", str(exc).splitlines()[0]))
    manager = make_manager("sandboxed", cache)
    try:
        spin = manager.function("bench.spin")
        for host in (False, True):
            start = time.perf_counter()
            with contextlib.suppress(TimeLimitError):
                spin(host)
            label = "after a host callback" if host else "pure JS"
            elapsed = (time.perf_counter() - start) * 1000
            facts.append(
                (f"100 ms limit, infinite loop ({label})", f"stopped after {elapsed:.0f} ms")
            )
    finally:
        manager.close()
    parent, child = multiprocessing.Pipe()
    worker = multiprocessing.Process(target=_echo, args=(child,), daemon=True)
    worker.start()
    n = 2000

    def ping() -> None:
        for _ in range(n):
            parent.send((1, 2))
            parent.recv()

    round_trip = best(ping, n, rounds=3)
    parent.send(None)
    worker.join(timeout=5)
    facts.append(("out-of-process floor: one pipe round trip", f"{round_trip * 1e6:.1f} us"))
    return facts


def main() -> None:
    rows, base = raw_rows()
    with tempfile.TemporaryDirectory() as cache:
        for policy in ("sandboxed", "trusted"):
            rows += engine_rows(policy, cache, base)
        facts = design_rows(cache)
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'measure':<{width}}{'per call':>12}{'ratio':>9}")
    for label, seconds, ratio in rows:
        print(f"{label:<{width}}{seconds * 1e6:>9.2f} us{ratio:>8.2f}x")
    print("\nratios: owner-thread calls vs the raw quickjs call (time limit set for 'sandboxed');")
    print("'other thread' calls vs quickjs.Function (the binding's thread-safe hand-off);")
    print("callbacks vs raw add_callable (which the binding refuses under a time limit);")
    print("'call making one host callback' includes re-arming the time limit afterwards.")
    print("\ntime limit with host callbacks (design facts):")
    for label, value in facts:
        print(f"  {label:<54}{value}")


if __name__ == "__main__":
    main()

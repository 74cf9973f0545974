"""Python engine benchmarks.

Run ``python benchmarks/bench_python.py``.  One process run; prints per-call
times and the ratios the Python issue asks for:

* trusted mode: a handle call (``manager.function(...)``) vs a plain Python
  call of the same function, and the engine's bound call without the manager;
* isolated mode: the median round trip of a handle call into the worker
  process (target: under 100 us), next to a bare pipe round trip to an echo
  process (the physical floor of any out-of-process design), and the cost of
  one ``kryon.*`` host callback made from the worker.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from kryon_core import HostFunction, KryonConfig, ScriptManager

SOURCE = """\
import kryon

def add(a, b):
    return a + b

def callbacks(n):
    total = 0
    for i in range(n):
        total += kryon.add(i, 1)
    return total
"""
ECHO = (
    "import os\n"
    "while True:\n"
    "    head = os.read(0, 4)\n"
    "    if not head: break\n"
    "    n = int.from_bytes(head, 'little')\n"
    "    body = os.read(0, n)\n"
    "    os.write(1, head + body)\n"
)
CALLS = 20_000
ROUND_TRIPS = 3_000
CALLBACKS = 2_000


def add(a: int, b: int) -> int:
    return a + b


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


def samples(call: Callable[[], Any], number: int) -> list[float]:
    """Per-call seconds of ``number`` single calls (for medians and tails)."""
    for _ in range(200):
        call()
    out = []
    for _ in range(number):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def make_manager(policy: str, cache: str) -> ScriptManager:
    config = KryonConfig.from_mapping(
        {
            "kryon": {"default_policy": policy},
            "cache": {"directory": cache},
            # the sandboxed limits, with room for the callback loop
            "security": {"policies": {"bench": {"extends": "sandboxed", "time_limit_ms": 10_000}}},
        }
    )
    manager = ScriptManager(config)
    manager.add_host_function(HostFunction("add", lambda caller, a, b: a + b))
    manager.load_script("bench", SOURCE, language="python")
    return manager


def echo_round_trips(number: int) -> list[float]:
    process = subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", ECHO], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    write_fd, read_fd = process.stdin.fileno(), process.stdout.fileno()
    message = (16).to_bytes(4, "little") + b"l" + b"\x00" * 15

    def call() -> None:
        os.write(write_fd, message)
        os.read(read_fd, 64)

    try:
        return samples(call, number)
    finally:
        process.kill()
        process.wait()


def us(seconds: float) -> str:
    return f"{seconds * 1e6:9.2f} us"


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        trusted = make_manager("trusted", cache)
        isolated = make_manager("bench", cache)
        try:
            handle = trusted.function("bench.add")
            engine = trusted.engine("python", "trusted").engine
            script = trusted.scripts["bench"].script_id
            bound = engine.bind_function(script, "add")
            plain = best(repeat(lambda: add(1, 2), CALLS), CALLS)
            trusted_handle = best(repeat(lambda: handle(1, 2), CALLS), CALLS)
            trusted_bound = best(repeat(lambda: bound([1, 2]), CALLS), CALLS)

            remote = isolated.function("bench.add")
            trips = samples(lambda: remote(1, 2), ROUND_TRIPS)
            echo = echo_round_trips(ROUND_TRIPS)
            loop = isolated.function("bench.callbacks")
            loop(10)
            with_callbacks = best(lambda: loop(CALLBACKS), CALLBACKS, rounds=3)
            without = best(lambda: loop(0), 1, rounds=20)
            per_callback = max(0.0, with_callbacks - without / CALLBACKS)
        finally:
            trusted.close()
            isolated.close()

    median, p90 = statistics.median(trips), statistics.quantiles(trips, n=10)[-1]
    echo_median = statistics.median(echo)
    rows = [
        ("plain Python call add(1, 2)", plain, 1.0),
        ("trusted: handle call", trusted_handle, trusted_handle / plain),
        ("trusted: engine bound call (no manager)", trusted_bound, trusted_bound / plain),
        ("bare pipe round trip to an echo process", echo_median, 1.0),
        ("isolated: handle call round trip (median)", median, median / echo_median),
        ("isolated: handle call round trip (p90)", p90, p90 / echo_median),
        ("isolated: one kryon.add host callback", per_callback, per_callback / echo_median),
    ]
    print(f"{'measurement':48} {'per call':>12}  ratio")
    for name, seconds, ratio in rows:
        print(f"{name:48} {us(seconds)}  {ratio:6.2f}x")
    verdict = "meets" if median < 100e-6 else "MISSES"
    print(f"\nisolated round trip median {median * 1e6:.1f} us {verdict} the 100 us target")
    print("ratios: trusted rows vs the plain call; isolated rows vs the bare pipe round trip")


if __name__ == "__main__":
    main()

"""Wren benchmark programs on kryon-wren vs the same algorithms in plain CPython.

Run: .venv/bin/python benchmarks/bench_wren.py [--repeat N] [name ...]

Each program in benchmarks/wren/NAME.wren has a Python twin NAME.py. Both run
in this process (compiled first, then timed; best of --repeat runs) with their
output captured and compared.  "fast" is Wren with no limits (the trusted
policy); "checked" is Wren compiled with the step/time/depth checks that the
sandboxed policy uses.

A program may have a second twin NAME_greenlet.py (fibers does): the ratios
are first against NAME.py (for fibers, generators: the fastest CPython has,
though a generator cannot yield from a nested call as a fiber can), then on
an extra line against the stackful greenlet twin.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from pathlib import Path

from kryon_wren.vm import VM, Limits

HERE = Path(__file__).parent / "wren"
PROGRAMS = [
    "fib",
    "method_call",
    "binary_trees",
    "map_numeric",
    "map_string",
    "string_equals",
    "for",
    "fibers",
    "delta_blue",
    # What a judge's test programs do, under the sandboxed policy's 100 ms:
    "judge_arith",
    "judge_strings",
    "judge_objects",
    "judge_closures",
]


def run_wren(source: str, name: str, *, checks: bool) -> tuple[float, str]:
    out = io.StringIO()
    limits = Limits(time_limit_s=3600.0, max_depth=100000) if checks else Limits()
    vm = VM(write=out.write, checks=checks, limits=limits, base_dir=str(HERE), main_name=name)
    compiled = vm.compile(source, name)
    ns = vm.load(compiled)
    start = time.perf_counter()
    vm.run(ns["_wren_module"])
    elapsed = time.perf_counter() - start
    vm.close()
    return elapsed, out.getvalue()


def run_python(source: str, name: str) -> tuple[float, str]:
    code = compile(source, f"{name}.py", "exec")
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        exec(code, {"__name__": "__bench__"})
    return time.perf_counter() - start, out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", default=PROGRAMS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{'benchmark':<15}{'python s':>10}{'wren s':>10}{'ratio':>8}{'checked s':>11}{'ratio':>8}"
    )
    worst = 0.0
    for name in args.names:
        wren_path, py_path = HERE / f"{name}.wren", HERE / f"{name}.py"
        if not wren_path.exists() or not py_path.exists():
            continue
        wren_src, py_src = wren_path.read_text(), py_path.read_text()
        py_t = min(run_python(py_src, name)[0] for _ in range(args.repeat))
        py_out = run_python(py_src, name)[1]
        runs = [run_wren(wren_src, name, checks=False) for _ in range(args.repeat)]
        fast = min(t for t, _ in runs)
        checked = min(run_wren(wren_src, name, checks=True)[0] for _ in range(args.repeat))
        same = "" if runs[0][1] == py_out else "  (output differs!)"
        ratio = fast / py_t
        worst = max(worst, ratio)
        print(
            f"{name:<15}{py_t:>10.3f}{fast:>10.3f}{ratio:>7.2f}x{checked:>11.3f}"
            f"{checked / py_t:>7.2f}x{same}"
        )
        alt_path = HERE / f"{name}_greenlet.py"
        if alt_path.exists():
            alt_src = alt_path.read_text()
            alt_t = min(run_python(alt_src, name)[0] for _ in range(args.repeat))
            print(
                f"{'  vs greenlet':<15}{alt_t:>10.3f}{fast:>10.3f}{fast / alt_t:>7.2f}x"
                f"{checked:>11.3f}{checked / alt_t:>7.2f}x"
            )
        sys.stdout.flush()
    print(f"worst fast ratio: {worst:.2f}x CPython")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Trusted (in-process) mode: isolation between scripts, limits, debugging."""

from __future__ import annotations

import asyncio
import gc
import sys
import time

import pytest
from kryon_python.engine import PythonEngine

from kryon_core import (
    BreakpointHit,
    FunctionRef,
    RecursionLimitError,
    ScriptRuntimeError,
    TimeLimitError,
    UnsupportedOperationError,
)

from .conftest import SANDBOXED, TRUSTED


def test_scripts_are_modules_outside_sys_modules(harness) -> None:
    h = harness(TRUSTED)
    before = set(sys.modules)
    sid = h.load("import kryon\n\ndef who():\n    return __name__\n", "unique_script_name")
    assert h.call(sid, "who") == "unique_script_name"
    assert set(sys.modules) - before <= {"asyncio"}
    assert "unique_script_name" not in sys.modules


def test_import_kryon_is_per_script(harness) -> None:
    h = harness(TRUSTED, functions={"add": lambda caller, a, b: [caller, a + b]})
    source = (
        "import kryon\n\ndef mark(v):\n    kryon.mine = v\n\ndef read():\n"
        "    return getattr(kryon, 'mine', None)\n\ndef add():\n    return kryon.add(1, 2)\n"
    )
    a = h.load(source, "a")
    b = h.load(source, "b")
    h.call(a, "mark", "from a")
    assert h.call(a, "read") == "from a"
    assert h.call(b, "read") is None
    assert h.call(b, "add") == ["b", 3]


def test_trusted_mode_is_declared_not_a_sandbox(harness) -> None:
    assert not harness(TRUSTED).engine.capabilities().is_sandbox
    assert harness(SANDBOXED).engine.capabilities().is_sandbox
    assert "NOT a sandbox" in PythonEngine.notes


def test_time_limit_stops_the_call_and_nothing_leaks(harness) -> None:
    h = harness(TRUSTED.derive("timed", time_limit_ms=100))
    sid = h.load(
        "def spin():\n    while True:\n        try:\n            while True:\n"
        "                pass\n        except BaseException:\n            pass\n"
        "\ndef ok():\n    return 1\n"
    )
    start = time.monotonic()
    with pytest.raises(TimeLimitError) as info:
        h.call(sid, "spin")
    assert time.monotonic() - start < 2
    assert info.value.script == "main" and info.value.line is not None
    deadline = time.monotonic() + 0.3  # a stray asynchronous exception would land here
    while time.monotonic() < deadline:
        pass
    assert h.call(sid, "ok") == 1


@pytest.mark.parametrize("slow_phase", ["start", "stop"])
def test_time_limit_is_not_lost_inside_a_garbage_collection(harness, slow_phase: str) -> None:
    # An exception raised in a gc callback (or a __del__ the collector runs) is
    # reported as unraisable and dropped: the watchdog must hold its fire until
    # the collection ends, and one that a collection still swallowed (3.12+ runs
    # the collector first where it delivers the exception) must neither reach
    # the host's hook nor end the limit.  Here every collection outlasts the
    # whole limit, in a callback registered after the engine's (as hypothesis's
    # is): slow in its "stop" phase, it once ran after the collection had
    # counted as over.
    h = harness(TRUSTED.derive("timed", time_limit_ms=50))
    sid = h.load("def churn():\n    while True:\n        [[] for _ in range(1000)]\n")
    lost: list[object] = []

    def slow_collection(phase: str, info: dict[str, int]) -> None:
        if phase == slow_phase:
            end = time.monotonic() + 0.08
            while time.monotonic() < end:
                pass

    gc.callbacks.append(slow_collection)
    previous_hook, sys.unraisablehook = sys.unraisablehook, lost.append
    try:
        with pytest.raises(TimeLimitError):
            h.call(sid, "churn")
    finally:
        gc.callbacks.remove(slow_collection)
        sys.unraisablehook = previous_hook
    assert lost == []


def test_recursion_limit_counts_script_frames(harness) -> None:
    h = harness(TRUSTED.derive("shallow", recursion_limit=50))
    sid = h.load("def depth(n):\n    return n if n == 0 else 1 + depth(n - 1)\n")
    assert h.call(sid, "depth", 40) == 40
    with pytest.raises(RecursionLimitError):
        h.call(sid, "depth", 60)
    assert h.call(sid, "depth", 10) == 10


def test_breakpoints_report_locals_and_stack(harness) -> None:
    h = harness(TRUSTED)
    sid = h.load(
        "def outer(a):\n    return inner(a * 2)\n\ndef inner(b):\n    c = b + 1\n    return c\n",
        "dbg",
    )
    hits: list[BreakpointHit] = []
    stacks: list[list[str]] = []

    def handler(hit: BreakpointHit) -> None:
        hits.append(hit)
        stacks.append([f.function for f in h.engine.get_stack_trace()])

    h.engine.set_breakpoint_handler(handler)
    h.engine.set_debug_mode(True)
    bp = h.engine.set_breakpoint("dbg", 6)
    assert h.call(sid, "outer", 10) == 21
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.script, hit.line, hit.function) == ("dbg", 6, "inner")
    assert hit.locals == {"b": 20, "c": 21}
    assert [f.function for f in hit.frames] == ["outer", "inner"]
    assert stacks == [["outer", "inner"]]
    h.engine.remove_breakpoint(bp)
    h.call(sid, "outer", 1)
    assert len(hits) == 1


def test_breakpoints_need_trusted_mode(harness) -> None:
    with pytest.raises(UnsupportedOperationError):
        harness(SANDBOXED).engine.set_breakpoint("x", 1)


def test_async_function_awaits_real_asyncio(harness) -> None:
    h = harness(TRUSTED)
    sid = h.load(
        "import asyncio\n\nasync def slow(x):\n    await asyncio.sleep(0.01)\n    return x + 1\n"
    )
    assert asyncio.run(h.engine.call_function_async(sid, "slow", [1])) == 2
    assert h.call(sid, "slow", 5) == 6  # synchronous callers get the result too


def test_async_time_limit(harness) -> None:
    h = harness(TRUSTED.derive("timed", time_limit_ms=50))
    sid = h.load("import asyncio\n\nasync def slow():\n    await asyncio.sleep(5)\n")
    with pytest.raises(TimeLimitError):
        asyncio.run(h.engine.call_function_async(sid, "slow", []))


def test_stack_trace_from_a_host_callback(either) -> None:
    seen = []

    def probe(args: list[object]) -> int:
        seen.append([(f.script, f.function) for f in either.engine.get_stack_trace()])
        return 0

    sid = either.load(
        "def outer(f):\n    return inner(f)\n\ndef inner(f):\n    return f()\n", "stacked"
    )
    either.call(sid, "outer", FunctionRef("host", "probe", probe))
    assert seen == [[("stacked", "outer"), ("stacked", "inner")]]


def test_shared_globals_and_shadowing(either) -> None:
    a = either.load("def read():\n    return greeting\n", "a")
    b = either.load("greeting = 'mine'\n\ndef read():\n    return greeting\n", "b")
    either.engine.set_global("greeting", "hello")
    assert either.call(a, "read") == "hello"
    assert either.call(b, "read") == "mine"
    assert either.engine.get_global("greeting") == "hello"
    assert either.engine.get_global("missing") is None


def test_uncaught_error_in_top_level_leaves_nothing(either) -> None:
    with pytest.raises(ScriptRuntimeError) as info:
        either.load("x = 1\nraise RuntimeError('at load')\n", "broken")
    assert info.value.line == 2 and info.value.script == "broken"

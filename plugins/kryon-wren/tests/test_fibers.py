"""Fibers: Wren's semantics and messages, and the engine's limits inside fibers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from kryon_wren.runner import run_source
from kryon_wren.runtime.objects import WrenError
from kryon_wren.vm import VM, Limits

from kryon_core import (
    KryonConfig,
    LimitError,
    MemoryLimitError,
    RecursionLimitError,
    ScriptManager,
    ScriptRuntimeError,
)

# Never called: makes every fiber of a module run on a greenlet of its own
# (see test_stackless_fibers for fibers on their callers' stacks).
STACKFUL = "var stackful_ = Fn.new { Fiber.suspend() }\n"


def wren(source: str, *, checks: bool = False) -> str:
    return run_source(source, checks=checks)


def wren_error(source: str) -> str:
    with pytest.raises(WrenError) as info:
        run_source(source)
    return str(info.value.value)


@pytest.mark.parametrize("checks", [False, True])
def test_call_yield_and_values_both_ways(checks: bool) -> None:
    src = (
        "var f = Fiber.new {|x|\n"
        "  var y = Fiber.yield(x + 1)\n"
        "  var z = Fiber.yield(y * 2)\n"
        '  return "done %(z)"\n'
        "}\n"
        "System.print(f.call(1))\nSystem.print(f.isDone)\n"
        "System.print(f.call(10))\nSystem.print(f.call(7))\nSystem.print(f.isDone)"
    )
    assert wren(src, checks=checks) == "2\nfalse\n20\ndone 7\ntrue\n"


def test_yield_from_nested_calls_and_blocks() -> None:
    src = (
        "class Walker {\n"
        "  static each(list) { list.each {|x| Fiber.yield(x * 10) } }\n"
        "}\n"
        "var f = Fiber.new { Walker.each([1, 2, 3]) }\n"
        "var out = []\n"
        "while (true) {\n"
        "  var v = f.call()\n"
        "  if (f.isDone) break\n"
        "  out.add(v)\n"
        "}\n"
        "System.print(out)"
    )
    assert wren(src) == "[10, 20, 30]\n"


def test_fibers_call_fibers_and_yield_to_their_caller() -> None:
    src = (
        "var inner = Fiber.new {\n"
        '  Fiber.yield("a")\n'
        '  return "b"\n'
        "}\n"
        "var outer = Fiber.new {\n"
        "  var x = inner.call()\n"
        "  Fiber.yield(x)\n"
        "  return inner.call()\n"
        "}\n"
        "System.print(outer.call())\nSystem.print(outer.call())\nSystem.print(inner.isDone)"
    )
    assert wren(src) == "a\nb\ntrue\n"


def test_try_catches_errors_and_error_holds_them() -> None:
    src = (
        'var a = Fiber.new { Fiber.abort("bad") }\n'
        "System.print(a.try())\nSystem.print(a.error)\nSystem.print(a.isDone)\n"
        'var b = Fiber.new {\n  Fiber.abort(null)\n  return "fine"\n}\n'
        "System.print(b.try())\nSystem.print(b.error)\n"
        "var c = Fiber.new { 1 + null }\n"
        "System.print(c.try())\n"
        "var d = Fiber.new { Fiber.new { Fiber.abort([1, 2]) }.call() }\n"
        "System.print(d.try())"
    )
    assert wren(src) == "bad\nbad\ntrue\nfine\nnull\nRight operand must be a number.\n[1, 2]\n"


def test_uncaught_fiber_error_carries_the_fiber_stack() -> None:
    with pytest.raises(WrenError) as info:
        run_source('var f = Fiber.new {\n  Fiber.abort("deep")\n}\nf.call()\n', name="m")
    assert info.value.value == "deep"
    assert info.value.stack is not None
    assert ("m", 2, "new(_) block argument") in info.value.stack


def test_transfer_and_transfer_error() -> None:
    src = (
        "var main = Fiber.current\n"
        "var f = Fiber.new {|v|\n"
        "  System.print(v)\n"
        '  var back = main.transfer("to main")\n'
        "  System.print(back)\n"
        "}\n"
        'System.print(f.transfer("hi"))\n'
        'f.transfer("again")\n'
        "System.print(f.isDone)\n"
        'var g = Fiber.new { System.print("never") }\n'
        'System.print(Fiber.new { g.transferError("boom") }.try())\n'
        "System.print(g.error)"
    )
    assert wren(src) == "hi\nto main\nagain\n"


def test_transfer_error_into_a_suspended_fiber() -> None:
    src = (
        "var f = Fiber.new {\n"
        "  Fiber.yield(1)\n"
        '  System.print("not reached")\n'
        "}\n"
        "f.call()\n"
        'var g = Fiber.new { f.transferError("stop") }\n'
        "System.print(g.try())\n"
        "System.print(f.error)"
    )
    # transferError raises inside f, which was suspended without a caller:
    # the error ends the run like any uncaught error.
    with pytest.raises(WrenError) as info:
        run_source(src)
    assert info.value.value == "stop"


@pytest.mark.parametrize("prefix", ["", STACKFUL])
def test_transfer_error_into_a_fiber_waiting_in_try_is_its_own_error(prefix: str) -> None:
    # The error is raised in the fiber transferred to, as its own: the try
    # it waits in (on another fiber) does not catch it, the try of its own
    # caller does (the reference walks the callers of the fiber with the error).
    uncaught = (
        "var main = Fiber.current\n"
        'var x = Fiber.new { main.transferError("direct") }\n'
        'System.print("caught %(x.try())")\n'
    )
    with pytest.raises(WrenError) as info:
        run_source(prefix + uncaught)
    assert info.value.value == "direct"
    caught_by_callers_try = (
        "var t\n"
        'var x = Fiber.new { t.transferError("boom") }\n'
        "t = Fiber.new { x.call() }\n"
        'var s = Fiber.new { System.print("s caught %(t.try())") }\n'
        "s.call()\n"
        'System.print("end %(t.error)")\n'
    )
    assert wren(prefix + caught_by_callers_try) == "s caught boom\nend boom\n"


def test_fiber_current_and_finished_fibers() -> None:
    src = (
        "var main = Fiber.current\n"
        "var seen\n"
        "var f = Fiber.new { seen = Fiber.current }\n"
        "f.call()\n"
        "System.print(seen == f)\nSystem.print(main == f)\nSystem.print(f.isDone)\n"
        "System.print(Fiber.current.isDone)"
    )
    assert wren(src) == "true\nfalse\ntrue\nfalse\n"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("var f = Fiber.new {}\nf.call()\nf.call()", "Cannot call a finished fiber."),
        ("var f = Fiber.new {}\nf.call()\nf.try()", "Cannot try a finished fiber."),
        ("var f = Fiber.new {}\nf.call()\nf.transfer()", "Cannot transfer to a finished fiber."),
        (
            'var f = Fiber.new { Fiber.abort("x") }\nf.try()\nf.call()',
            "Cannot call an aborted fiber.",
        ),
        (
            'var f = Fiber.new { Fiber.abort("x") }\nf.try()\nf.try()',
            "Cannot try an aborted fiber.",
        ),
        (
            'var f = Fiber.new { Fiber.abort("x") }\nf.try()\nf.transfer()',
            "Cannot transfer to an aborted fiber.",
        ),
        ("var f\nf = Fiber.new { f.call() }\nf.call()", "Fiber has already been called."),
        ("var m = Fiber.current\nFiber.new { m.call() }.call()", "Cannot call root fiber."),
        ("Fiber.current.call()", "Cannot call root fiber."),
        (
            "var f\nf = Fiber.new { f.call() }\nf.transfer()",
            "Fiber has already been called.",
        ),
        (
            "var m = Fiber.current\nvar f = Fiber.new { m.call() }\nf.transfer()",
            "Cannot call root fiber.",
        ),
        ("Fiber.new(3)", "Argument must be a function."),
        ("Fiber.new {|a, b| a }", "Function cannot take more than one parameter."),
    ],
)
def test_wren_error_messages(source: str, message: str) -> None:
    assert wren_error(source) == message


def test_suspend_returns_to_the_host_and_resume_works_later() -> None:
    out: list[str] = []
    vm = VM(write=out.append)
    try:
        ns = vm.load(
            vm.compile(
                "var gen = Fiber.new {\n"
                "  Fiber.yield(1)\n"
                "  Fiber.suspend()\n"
                '  System.print("resumed")\n'
                "}\n"
                "System.print(gen.call())\n"
                "gen.call()\n"
                'System.print("not reached")\n',
                "main",
            )
        )
        before = threading.active_count()
        assert vm.run(ns["_wren_module"]) is None
        assert "".join(out) == "1\n"
        # The suspended fiber lives on and resumes in a later call (by
        # transfer: as in Wren, it still has a caller, so call() is refused).
        vm.run(lambda: ns["w_gen"].m_transfer_0())
        assert "".join(out) == "1\nresumed\n"
        assert threading.active_count() == before
    finally:
        vm.close()


def test_dropped_suspended_fibers_are_freed() -> None:
    vm = VM(write=lambda s: None)
    try:
        src = (
            "for (i in 1..3000) {\n"
            "  var f = Fiber.new {\n"
            "    Fiber.yield(i)\n"
            "    Fiber.yield(i)\n"
            "  }\n"
            "  f.call()\n"
            "}\n"
        )
        ns = vm.load(vm.compile(src, "main"))
        vm.run(ns["_wren_module"])
        assert vm.fibers.suspended_count() < 50
    finally:
        vm.close()


def test_close_ends_fibers_left_suspended() -> None:
    vm = VM(write=lambda s: None)
    ns = vm.load(
        vm.compile(
            "var keep = []\n"
            "for (i in 1..100) {\n"
            "  var f = Fiber.new { Fiber.yield(Fiber.current) }\n"
            "  keep.add(f.call())\n"
            "}\n" + STACKFUL,
            "main",
        )
    )
    vm.run(ns["_wren_module"])
    assert vm.fibers.suspended_count() == 100
    vm.close()
    assert vm.fibers.suspended_count() == 0
    assert all(f.g is None or f.g.dead for f in ns["w_keep"])


def test_trusted_fiber_recursion_is_a_limit_error() -> None:
    from kryon_wren.runtime.fiber import FatalError

    # Fibers nested without end, and Python recursion inside a fiber.
    for src in (
        "var f\nf = Fn.new { Fiber.new { f.call() }.call() }\nf.call()",
        "var r\nr = Fn.new {|n| r.call(n + 1) }\nFiber.new { r.call(0) }.call()",
    ):
        with pytest.raises(FatalError) as info:
            run_source(src)
        assert not isinstance(info.value.error, RecursionError)
        assert "depth" in str(info.value.error)


def test_limits_hold_inside_fibers() -> None:
    from kryon_wren.runtime.fiber import FatalError

    for limits, src in (
        (Limits(instruction_limit=10_000), "Fiber.new {\n  while (true) {}\n}.call()"),
        (Limits(time_limit_s=0.05), "Fiber.new {\n  while (true) {}\n}.try()"),
        (
            Limits(max_depth=50),
            "var r\nr = Fn.new {|n| r.call(n + 1) }\nFiber.new { r.call(0) }.try()",
        ),
        # Call depth counts the frames of the fibers that called this one.
        (
            Limits(max_depth=50),
            "var r\nr = Fn.new {|n| n < 30 ? r.call(n + 1) : Fiber.new { r.call(0) }.call() }\n"
            "r.call(0)",
        ),
        (
            Limits(memory_limit_bytes=4 << 20),
            "var k = []\nwhile (true) {\n  var f = Fiber.new { Fiber.yield() }\n  f.call()\n"
            "  k.add(f)\n}",
        ),
    ):
        with pytest.raises(FatalError):
            run_source(src, checks=True, limits=limits)


@pytest.fixture
def sandboxed(tmp_path: Path) -> Iterator[ScriptManager]:
    # sandboxed limits, with time to spare so that on a loaded machine each
    # runaway meets the limit it is written for (not the clock) first
    config = KryonConfig.from_mapping(
        {
            "kryon": {"default_policy": "fibers"},
            "security": {"policies": {"fibers": {"extends": "sandboxed", "time_limit_ms": 5000}}},
            "cache": {"directory": str(tmp_path)},
        }
    )
    with ScriptManager(config, output=lambda text, stream, script: None) as m:
        yield m


def test_engine_limits_in_fibers_and_the_engine_survives(sandboxed: ScriptManager) -> None:
    sandboxed.load_script(
        "fib",
        "var spin = Fn.new {\n  Fiber.new {\n    while (true) {}\n  }.call()\n}\n"
        "var deep\ndeep = Fn.new { Fiber.new { Fiber.new { deep.call() }.call() }.call() }\n"
        "var hoard = Fn.new {\n"
        "  var k = []\n"
        "  while (true) {\n    var f = Fiber.new { Fiber.yield() }\n    f.call()\n"
        "    k.add(f)\n  }\n"
        "}\n"
        'var oops = Fn.new { Fiber.new { Fiber.abort("inner") }.call() }\n'
        "var gen = Fiber.new {\n  Fiber.yield(1)\n  Fiber.yield(2)\n}\n"
        "var next = Fn.new { gen.call() }\n",
        language="wren",
    )
    with pytest.raises(LimitError):
        sandboxed.call_function("fib.spin")
    with pytest.raises(RecursionLimitError):
        sandboxed.call_function("fib.deep")
    with pytest.raises(MemoryLimitError):
        sandboxed.call_function("fib.hoard")
    with pytest.raises(ScriptRuntimeError, match="inner"):
        sandboxed.call_function("fib.oops")
    # A fiber suspended by one call resumes in the next.
    assert sandboxed.call_function("fib.next") == 1.0
    assert sandboxed.call_function("fib.next") == 2.0


def test_breakpoints_stop_inside_fibers(sandboxed: ScriptManager) -> None:
    hits = []
    sandboxed.on_breakpoint(hits.append)
    sandboxed.load_script(
        "dbg",
        "var run = Fn.new {|a|\n"
        "  var f = Fiber.new {|x|\n"
        "    var y = x + 1\n"
        "    Fiber.yield(y)\n"
        "  }\n"
        "  return f.call(a)\n"
        "}\n",
        language="wren",
    )
    sandboxed.set_breakpoint("dbg", 4)
    assert sandboxed.call_function("dbg.run", 1) == 2.0
    assert hits and hits[0].line == 4
    assert hits[0].locals["y"] == 2.0


def test_a_fiber_resumes_only_on_its_own_thread() -> None:
    vm = VM(write=lambda s: None)
    try:
        ns = vm.load(
            vm.compile(
                "var gen = Fiber.new {\n  Fiber.yield(1)\n  Fiber.yield(2)\n}\n"
                "var resume = Fn.new { gen.call() }\n"
                "gen.call()\n" + STACKFUL,
                "main",
            )
        )
        vm.run(ns["_wren_module"])
        errors: list[BaseException] = []

        def elsewhere() -> None:
            try:
                vm.run(ns["w_resume"].fn)
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=elsewhere)
        thread.start()
        thread.join()
        assert len(errors) == 1 and isinstance(errors[0], WrenError)
        assert errors[0].value == "Cannot resume a fiber started on another thread."
        # Nothing changed: the fiber still resumes on its own thread.
        assert vm.run(ns["w_resume"].fn) == 2.0
    finally:
        vm.close()

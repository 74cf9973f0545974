"""Fibers on their callers' stacks (kryon_wren.fiberscan): when they apply,
and that a program behaves the same with them as with a greenlet per fiber."""

from __future__ import annotations

import threading

import pytest
from kryon_wren.runtime.fiber import FatalError
from kryon_wren.runtime.objects import WrenError
from kryon_wren.vm import VM, Limits, render_runtime_error

# Never called: one suspending call outside a fiber literal's own body makes
# the whole module stackful, so every fiber gets a greenlet.
STACKFUL = "\nvar stackful_ = Fn.new { Fiber.suspend() }\n"


def stackful(source: str) -> bool:
    vm = VM(write=lambda s: None)
    try:
        return vm.compile(source, "main").stackful
    finally:
        vm.close()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("var f = Fiber.new { Fiber.yield(1) }", False),
        ("var f = Fiber.new {|x|\n  while (true) x = Fiber.yield(x + 1)\n}", False),
        ("var f = Fiber.new {\n  if (true) {\n    for (i in 1..3) Fiber.yield(i)\n  }\n}", False),
        ('var f = Fiber.new { System.print("%(Fiber.yield(1))!") }', False),
        ("class A {\n  static f { Fiber.new { Fiber.yield(2) } }\n}", False),
        ('import "random" for Random\nvar f = Fiber.new { Fiber.yield() }', False),
        ("var f = Fiber.new { 1 }\nf.call()\nf.try()", False),
        # A yield that runs in another Python frame than the fiber's body.
        ("var f = Fiber.new { [1].each {|x| Fiber.yield(x) } }", True),
        ("class A {\n  static y() { Fiber.yield(1) }\n}", True),
        ("var f = Fn.new { Fiber.yield(1) }", True),
        ("Fiber.yield(1)", True),
        ("var g = Fiber.new { Fiber.new { Fiber.yield(1) } }\nFiber.yield()", True),
        ("var f = Fiber.new {\n  class C {}\n  var g = Fn.new { Fiber.yield() }\n}", True),
        ("var F = Fiber\nvar f = F.new { F.yield(1) }", True),
        # Any receiver: calls dispatch at run time.
        ("var x = null\nvar f = Fiber.new { x.yield(1) }", True),
        ("var f = Fiber.new { Fiber.suspend() }", True),
        ("var a = Fiber.new { 1 }\nvar b = Fiber.new { a.transfer() }", True),
        ("var a = Fiber.new { 1 }\nvar b = Fiber.new { a.transferError(1) }", True),
        # Code compiled later may suspend anywhere.
        ('import "meta" for Meta', True),
        ('import "other" for Thing', True),
        # A long operator chain compiles its operands into lambdas.
        ("var f = Fiber.new { 1" + " + 1" * 45 + " + Fiber.yield(1) }", True),
    ],
)
def test_which_modules_need_a_stack_per_fiber(source: str, expected: bool) -> None:
    assert stackful(source) is expected


PROGRAMS = [
    # generators, values both ways, isDone
    "var f = Fiber.new {|x|\n"
    "  var y = Fiber.yield(x + 1)\n"
    "  var z = Fiber.yield(y * 2)\n"
    '  return "done %(z)"\n'
    "}\n"
    "System.print(f.call(1))\nSystem.print(f.isDone)\n"
    "System.print(f.call(10))\nSystem.print(f.call(7))\nSystem.print(f.isDone)\n",
    # a chain of fibers each calling the next; yields inside loops and ifs
    "var fs = []\nvar sum = 0\n"
    "for (i in 0...50) fs.add(Fiber.new {\n"
    "  sum = sum + i\n"
    "  if (i < 49) fs[i + 1].call()\n"
    "})\n"
    "fs[0].call()\nSystem.print(sum)\n"
    "var g = Fiber.new {\n"
    "  for (i in 1..3) {\n"
    "    if (i % 2 == 1) Fiber.yield(i) else Fiber.yield(-i)\n"
    "  }\n"
    "}\n"
    "while (true) {\n  var v = g.call()\n  if (g.isDone) break\n  System.print(v)\n}\n",
    # Fiber.current, a fiber calling another that yields to it
    "var inner = null\n"
    "inner = Fiber.new {\n"
    "  System.print(Fiber.current == inner)\n"
    "  Fiber.yield(1)\n"
    "  Fiber.yield(2)\n"
    "}\n"
    "var outer = null\n"
    "outer = Fiber.new {\n"
    "  System.print(inner.call() + inner.call())\n"
    "  Fiber.yield(Fiber.current == outer)\n"
    "}\n"
    "System.print(outer.call())\nSystem.print(Fiber.current == outer)\n",
    # try, error, abort, calling done and running fibers
    "var f = Fiber.new {\n"
    '  Fiber.yield("first")\n'
    '  Fiber.abort("boom")\n'
    "}\n"
    "System.print(f.try())\nSystem.print(f.try())\n"
    "System.print(f.error)\nSystem.print(f.isDone)\n"
    'var g = Fiber.new { 1 + "x" }\n'
    "System.print(g.try())\n"
    "var h = null\n"
    "h = Fiber.new { Fiber.yield(h.try()) }\n"
    "System.print(h.try())\n"
    'var d = Fiber.new { "end" }\nSystem.print(d.call())\n'
    "System.print(Fiber.new { d.call() }.try())\n",
    # an error through two fibers is uncaught: its message and stack
    "var inner = Fiber.new {\n"
    "  Fiber.yield(1)\n"
    "  null.foo\n"
    "}\n"
    "var outer = Fiber.new {\n"
    "  inner.call()\n"
    "  inner.call()\n"
    "}\n"
    "outer.call()\n",
    # a method creating a fiber, arity-one bodies, yielding with no value
    "class Gen {\n"
    "  construct new(n) { _f = Fiber.new {|step|\n"
    "    var i = 0\n"
    "    while (i < n) {\n"
    "      Fiber.yield(i)\n"
    "      i = i + step\n"
    "    }\n"
    "  } }\n"
    "  next(step) { _f.call(step) }\n"
    "  done { _f.isDone }\n"
    "}\n"
    "var g = Gen.new(7)\n"
    "while (true) {\n  var v = g.next(3)\n  if (g.done) break\n  System.print(v)\n}\n"
    "var y = Fiber.new { Fiber.yield() }\nSystem.print(y.call())\nSystem.print(y.call())\n",
]


def run(source: str, *, checks: bool) -> tuple[str, str]:
    out: list[str] = []
    limits = Limits(time_limit_s=60.0, max_depth=1000) if checks else Limits()
    vm = VM(write=out.append, checks=checks, limits=limits)
    try:
        ns = vm.load(vm.compile(source, "main"))
        vm.run(ns["_wren_module"])
    except WrenError as err:
        return "".join(out), render_runtime_error(err)
    finally:
        vm.close()
    return "".join(out), ""


@pytest.mark.parametrize("checks", [False, True])
@pytest.mark.parametrize("source", PROGRAMS)
def test_a_program_runs_the_same_with_and_without_a_stack_per_fiber(
    source: str, checks: bool
) -> None:
    assert not stackful(source)
    assert stackful(source + STACKFUL)
    here = run(source, checks=checks)
    assert here == run(source + STACKFUL, checks=checks)
    assert here != ("", "")


def test_the_uncaught_error_names_the_fibers_line() -> None:
    out, err = run(PROGRAMS[4], checks=False)
    assert out == ""
    assert err == "Null does not implement 'foo'.\n[main line 3] in new(_) block argument"


def test_nesting_stays_bounded_on_one_stack() -> None:
    vm = VM(write=lambda s: None)
    try:
        ns = vm.load(vm.compile("var f\nf = Fn.new { Fiber.new { f.call() }.call() }\n", "main"))
        vm.run(ns["_wren_module"])
        with pytest.raises(FatalError) as info:
            vm.run(ns["w_f"].fn)
        assert "fiber depth exceeded" in str(info.value.error)
    finally:
        vm.close()


def load(vm: VM, source: str, ns: dict[str, object] | None = None) -> dict[str, object]:
    """Compile ``source`` into module main, into the namespace ``ns`` if given
    (as the REPL does, line after line)."""
    known = tuple(k[2:] for k in ns or () if k.startswith("w_"))
    return vm.load(vm.compile(source, "main", extra_names=known), ns)


def test_a_fiber_suspended_on_its_callers_stack_resumes_once_fibers_need_stacks() -> None:
    out: list[str] = []
    vm = VM(write=out.append)
    try:
        ns = load(
            vm,
            "var helper = null\n"
            "var f = Fiber.new {\n"
            "  Fiber.yield(1)\n"
            "  helper.call()\n"
            "  Fiber.yield(3)\n"
            "}\n"
            "System.print(f.call())\n",
        )
        vm.run(ns["_wren_module"])  # type: ignore[arg-type]
        assert vm.fibers.stackless
        # Code that yields from a nested call, loaded into the same module.
        later = load(vm, "helper = Fn.new { Fiber.yield(2) }\n", ns)
        vm.run(later["_wren_module"])  # type: ignore[arg-type]
        assert not vm.fibers.stackless
        resume = load(vm, "System.print(f.call())\nSystem.print(f.call())\n", ns)
        vm.run(resume["_wren_module"])  # type: ignore[arg-type]
        assert "".join(out) == "1\n2\n3\n"
    finally:
        vm.close()


def test_a_running_stackless_fiber_refuses_a_nested_suspension_clearly() -> None:
    from kryon_wren.runtime.sequences import WFn

    vm = VM(write=lambda s: None)
    try:
        ns = load(
            vm,
            "var flip = null\nvar nested = null\n"
            "var f = Fiber.new {\n  flip.call()\n  nested.call()\n}\n"
            "var go = Fn.new { f.try() }\n",
        )
        vm.run(ns["_wren_module"])  # type: ignore[arg-type]
        # A host callback that loads code needing stacks while f runs.
        ns["w_flip"] = WFn(lambda: setattr(vm.fibers, "stackless", False), 0)
        ns["w_nested"] = WFn(lambda: vm.fibers.yield_(None), 0)
        message = vm.run(ns["w_go"].fn)  # type: ignore[attr-defined]
        assert message == "Cannot suspend a fiber from a nested call it started without a stack."
        with pytest.raises(WrenError, match="Cannot try an aborted fiber."):
            vm.run(ns["w_go"].fn)  # type: ignore[attr-defined]
    finally:
        vm.close()


def test_a_stackless_fiber_resumes_on_any_thread() -> None:
    vm = VM(write=lambda s: None)
    try:
        ns = load(
            vm,
            "var gen = Fiber.new {\n  Fiber.yield(1)\n  Fiber.yield(2)\n}\n"
            "var resume = Fn.new { gen.call() }\n"
            "gen.call()\n",
        )
        vm.run(ns["_wren_module"])  # type: ignore[arg-type]
        results: list[object] = []
        thread = threading.Thread(target=lambda: results.append(vm.run(ns["w_resume"].fn)))  # type: ignore[attr-defined]
        thread.start()
        thread.join()
        assert results == [2.0]
    finally:
        vm.close()

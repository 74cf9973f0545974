"""Which fibers may run on their caller's stack (see runtime.scheduler).

A fiber needs a stack of its own (a greenlet) only to suspend from inside a
nested call.  When the only suspending calls of a program are ``Fiber.yield``
calls written in the body of a function literal handed straight to
``Fiber.new`` (``Fiber.new { ... Fiber.yield(x) ... }``), that body compiles
to a Python generator whose ``yield`` is the fiber's, and no fiber of the
program ever needs a stack of its own: calling one is a plain call or a
generator resumption, several times cheaper than a greenlet switch.

The scan is conservative: any other call of a suspending method name (on
any receiver, since calls dispatch at run time), and any import of a module
written in Wren (compiled only when the import runs) or of ``meta`` (which
compiles code at run time), make the module *stackful*, and the VM then
gives every fiber started afterwards a greenlet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kryon_wren import nodes as N
from kryon_wren.exprgen import LONG_CHAIN

SUSPENDING = frozenset(
    {"m_yield_0", "m_yield_1", "m_suspend_0", "m_transfer_0", "m_transfer_1", "m_transferError_1"}
)
"""Methods (as compiled names) that suspend the running fiber: Fiber's own."""

NATIVE_MODULES = frozenset({"random", "kryon", "os"})
"""Modules whose code is not Wren: importing one compiles nothing."""


@dataclass
class FiberScan:
    bodies: set[int] = field(default_factory=set)
    """ids of the FuncInfos compiled as generators."""
    yields: set[int] = field(default_factory=set)
    """ids of the ``Fiber.yield`` Calls compiled as Python ``yield``."""
    stackful: bool = False
    """Whether some fiber of the module may need a stack of its own."""


def scan(mod: N.FuncInfo) -> FiberScan:
    result = FiberScan()
    suspending: list[N.Node] = []
    stack: list[object] = [mod.body, mod.expr_body]
    while stack:
        node = stack.pop()
        if isinstance(node, N.FnExpr):
            stack += (node.func.body, node.func.expr_body)
            continue
        if isinstance(node, N.ClassDecl):
            stack.append(node.superclass)
            stack += ((m.func.body, m.func.expr_body) for m in node.methods)
            continue
        if isinstance(node, N.Import) and node.module not in NATIVE_MODULES:
            result.stackful = True
        elif isinstance(node, (N.Call, N.SuperCall)):
            if node.mname in SUSPENDING:
                suspending.append(node)
            if isinstance(node, N.Call):
                _fiber_literal(node, result)
        N.push_children(stack, node)
    result.stackful = result.stackful or any(id(c) not in result.yields for c in suspending)
    return result


def _fiber_literal(call: N.Call, result: FiberScan) -> None:
    """Record ``Fiber.new { ... }``'s body as a generator if it yields."""
    if call.mname != "m_new_1" or not N.is_core_fiber(call.recv) or not call.args:
        return
    literal = call.args[0]
    if not isinstance(literal, N.FnExpr) or len(literal.func.params) > 1:
        return
    yields = _direct_yields(literal.func)
    if yields:
        result.bodies.add(id(literal.func))
        result.yields.update(yields)


def _direct_yields(func: N.FuncInfo) -> list[int]:
    """The ``Fiber.yield`` calls that run in ``func``'s own Python frame."""
    found: list[int] = []
    stack: list[object] = [func.body, func.expr_body]
    while stack:
        node = stack.pop()
        if isinstance(node, N.FnExpr):
            continue
        if isinstance(node, N.ClassDecl):
            stack.append(node.superclass)
            continue
        if isinstance(node, N.Binary) and len(N.left_chain(node)[1]) > LONG_CHAIN:
            continue
        if (
            isinstance(node, N.Call)
            and node.mname in ("m_yield_0", "m_yield_1")
            and N.is_core_fiber(node.recv)
        ):
            found.append(id(node))
        N.push_children(stack, node)
    return found

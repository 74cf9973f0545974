"""Compile-time scopes: Python functions being generated, lexical environments
and the context (expression, statement, tail) a form is compiled in."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

Stmts = list[ast.stmt]
Result = tuple[Stmts, "ast.expr | None"]


@dataclass(eq=False)
class FnScope:
    """One Python function under construction."""

    parent: FnScope | None
    name: str
    counter: int = 0
    loop_depth: int = 0
    loops: int = 0
    """Loops compiled so far (a loop whose body made none is innermost)."""
    free: set[Local] = field(default_factory=set)
    generator: bool = False

    def temp(self, hint: str = "t") -> str:
        self.counter += 1
        return f"@{hint}{self.counter}"

    def local_name(self, lisp: str) -> str:
        self.counter += 1
        return f"{lisp} {self.counter}"


@dataclass(eq=False)
class Local:
    """A Lisp local bound to a Python variable of some function."""

    lisp: str
    py: str
    fn: FnScope
    long: bool = False
    """Always holds a Clojure long (a Python int in 64 bits): a loop variable
    whose start and every ``recur`` value the compiler proved to be one."""


class Env:
    """An immutable mapping of Lisp local names to :class:`Local`."""

    __slots__ = ("locals",)

    def __init__(self, locals_: dict[str, Local] | None = None) -> None:
        self.locals = locals_ or {}

    def bind(self, lisp: str, local: Local) -> Env:
        new = dict(self.locals)
        new[lisp] = local
        return Env(new)

    def get(self, lisp: str) -> Local | None:
        return self.locals.get(lisp)


@dataclass
class RecurTarget:
    """Where ``recur`` jumps: the loop variables it reassigns."""

    names: list[str]
    variadic: bool = False
    used: bool = False
    longs: list[bool] = field(default_factory=list)
    """Per variable: assumed to hold a long while the body compiles."""
    unproven: set[int] = field(default_factory=set)
    """Variables assumed long that some ``recur`` gives a value not proven one."""


@dataclass
class Ctx:
    """How a form's value is used.

    ``kind`` is ``expr`` (a value is needed), ``stmt`` (discarded) or ``tail``
    (the last thing of a function or loop: ``result`` names the variable a
    loop-as-expression stores into before ``break``; ``None`` means return).
    ``recur`` is the target when a ``recur`` is allowed here.
    """

    kind: str
    recur: RecurTarget | None = None
    result: str | None = None

    def no_recur(self) -> Ctx:
        return Ctx(self.kind, None, self.result)


EXPR = Ctx("expr")
STMT = Ctx("stmt")


def name(id_: str) -> ast.Name:
    return ast.Name(id=id_, ctx=ast.Load())


def store(id_: str) -> ast.Name:
    return ast.Name(id=id_, ctx=ast.Store())


def const(value: Any) -> ast.Constant:
    return ast.Constant(value=value)


def call(fn: ast.expr, *args: ast.expr) -> ast.Call:
    return ast.Call(func=fn, args=list(args), keywords=[])


def helper(id_: str, *args: ast.expr) -> ast.Call:
    """A call of a runtime helper (names beginning with ``@``)."""
    return call(name(id_), *args)


def assign(target: str, value: ast.expr) -> ast.Assign:
    return ast.Assign(targets=[store(target)], value=value)


def is_simple(expr: ast.expr) -> bool:
    """Safe to evaluate twice (no side effects, cheap)."""
    return isinstance(expr, (ast.Name, ast.Constant))


def truthy_test(expr: ast.expr, scope: FnScope, known_bool: bool) -> tuple[Stmts, ast.expr]:
    """A Python test for Clojure truth of ``expr``."""
    if known_bool:
        return [], expr
    if isinstance(expr, ast.Constant):
        return [], const(expr.value is not None and expr.value is not False)
    stmts: Stmts = []
    if not isinstance(expr, ast.Name):
        tmp = scope.temp()
        stmts.append(assign(tmp, expr))
        expr = name(tmp)
    test = ast.BoolOp(
        op=ast.And(),
        values=[
            ast.Compare(left=expr, ops=[ast.IsNot()], comparators=[const(None)]),
            ast.Compare(left=name(expr.id), ops=[ast.IsNot()], comparators=[const(False)]),
        ],
    )
    return stmts, test


def mark_bool(expr: ast.expr, flag: bool = True) -> ast.expr:
    """Remember that ``expr`` always evaluates to a Python bool."""
    if flag:
        expr.kbool = True  # type: ignore[attr-defined]
    return expr


def is_bool(expr: ast.expr) -> bool:
    return bool(getattr(expr, "kbool", False))


LONG_MIN = -(2**63)
LONG_MAX = 2**63 - 1


def mark_long(expr: ast.expr, flag: bool = True) -> ast.expr:
    """Remember that ``expr`` always evaluates to a Clojure long: a Python
    ``int`` from ``LONG_MIN`` to ``LONG_MAX`` (arithmetic on two of them needs
    no type test, and a result out of that range is an overflow)."""
    if flag:
        expr.klong = True  # type: ignore[attr-defined]
    return expr


def is_long(expr: ast.expr) -> bool:
    if isinstance(expr, ast.Constant):
        value = expr.value
        return type(value) is int and LONG_MIN <= value <= LONG_MAX
    return bool(getattr(expr, "klong", False))


def copy_marks(source: ast.expr, target: ast.expr) -> ast.expr:
    """``target`` (a temp holding ``source``'s value) known as ``source`` is."""
    return mark_long(mark_bool(target, is_bool(source)), is_long(source))

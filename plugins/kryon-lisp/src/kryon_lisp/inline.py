"""Fixed-arity fast paths the compiler emits for core arithmetic and comparisons.

``(+ a b)`` becomes ``a + b if type(a) is int is type(b) else @add(a, b)``:
machine-speed for integers, Clojure semantics (ratios, floats, errors)
through the full function otherwise.  Comparisons become Python comparisons
directly (they agree with Clojure on numbers).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from kryon_lisp.scope import (
    LONG_MAX,
    LONG_MIN,
    FnScope,
    call,
    const,
    is_long,
    is_simple,
    mark_long,
    name,
)

Emitter = Callable[[FnScope, list[ast.expr]], "tuple[ast.expr, bool] | None"]

_BINOPS: dict[str, tuple[type[ast.operator], str]] = {
    "+": (ast.Add, "@add2"),
    "-": (ast.Sub, "@sub2"),
    "*": (ast.Mult, "@mul2"),
}
_CMPOPS: dict[str, type[ast.cmpop]] = {
    "<": ast.Lt,
    ">": ast.Gt,
    "<=": ast.LtE,
    ">=": ast.GtE,
}


def _int_type(expr: ast.expr) -> ast.expr:
    return call(name("@type"), expr)


def _spill(scope: FnScope, expr: ast.expr) -> tuple[ast.expr, ast.expr]:
    """(first use, later uses) of ``expr``: a walrus into a temp when not simple."""
    if is_simple(expr):
        return expr, expr
    tmp = scope.temp()
    return ast.NamedExpr(target=ast.Name(id=tmp, ctx=ast.Store()), value=expr), name(tmp)


def _is_int_const(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Constant) and type(expr.value) is int


def _int_value(expr: ast.expr) -> int:
    value = expr.value if isinstance(expr, ast.Constant) else None
    return value if type(value) is int else 0


def guarded_binop(scope: FnScope, op: str, a: ast.expr, b: ast.expr) -> ast.expr:
    """``a op b`` under an int type guard, falling back to the helper."""
    pyop, fallback = _BINOPS[op]
    if _is_int_const(a) and _is_int_const(b) and op != "*":
        x, y = _int_value(a), _int_value(b)
        if -(2**63) <= (x + y if op == "+" else x - y) < 2**63:
            return mark_long(ast.BinOp(left=a, op=pyop(), right=b))
    if is_long(a) and is_long(b):
        return mark_long(_checked_long(scope, op, a, b))
    a_known = is_long(a) and is_simple(a)
    if a_known or (is_long(b) and is_simple(b)):
        a_first, a_use = _spill(scope, a)
        b_first, b_use = _spill(scope, b)
        unknown = b_first if a_known else a_first  # only the other needs a test
        test: ast.expr = ast.Compare(
            left=_int_type(unknown), ops=[ast.Is()], comparators=[name("@int")]
        )
    else:
        test, a_use, b_use = _both_ints(scope, a, b)
    body: ast.expr = ast.BinOp(left=a_use, op=pyop(), right=b_use)
    if op in ("+", "-"):
        # a result outside the long range goes to the helper too, which throws
        # Clojure's long overflow
        in_range, result = _in_long_range(scope, body, a_use, b_use, op)
        return ast.IfExp(
            test=ast.BoolOp(op=ast.And(), values=[test, in_range]),
            body=result,
            orelse=call(name(fallback), a_use, b_use),
        )
    if op == "*":
        # Clojure longs: a product outside 64 bits is an ArithmeticException (and
        # an unbounded product would let a script stall the host in C code)
        product = scope.temp()
        body = ast.IfExp(
            test=ast.Compare(
                left=const(-(2**63)),
                ops=[ast.LtE(), ast.LtE()],
                comparators=[
                    ast.NamedExpr(target=ast.Name(id=product, ctx=ast.Store()), value=body),
                    const(2**63 - 1),
                ],
            ),
            body=name(product),
            orelse=call(name("@overflow")),
        )
    return ast.IfExp(test=test, body=body, orelse=call(name(fallback), a_use, b_use))


def _checked_long(scope: FnScope, op: str, a: ast.expr, b: ast.expr) -> ast.expr:
    """``a op b`` of two proven longs: no type test, only the range of the
    result (outside it both ``@add2`` and ``@mul2`` would throw Clojure's
    long overflow, which is thrown directly). Each operand is evaluated
    once, in order."""
    body = ast.BinOp(left=a, op=_BINOPS[op][0](), right=b)
    if op == "*":
        product = scope.temp()
        in_range: ast.expr = ast.Compare(
            left=const(LONG_MIN),
            ops=[ast.LtE(), ast.LtE()],
            comparators=[
                ast.NamedExpr(target=ast.Name(id=product, ctx=ast.Store()), value=body),
                const(LONG_MAX),
            ],
        )
        result: ast.expr = name(product)
    else:
        in_range, result = _in_long_range(scope, body, a, b, op)
    return ast.IfExp(test=in_range, body=result, orelse=call(name("@overflow")))


def _in_long_range(
    scope: FnScope, body: ast.expr, a: ast.expr, b: ast.expr, op: str
) -> tuple[ast.expr, ast.expr]:
    """A test that ``a + b`` or ``a - b`` (``body``) is a long, storing it,
    and the stored result. With a constant operand only the bound its sign
    can cross is tested."""
    result = scope.temp()
    store = ast.NamedExpr(target=ast.Name(id=result, ctx=ast.Store()), value=body)
    constant = b if _is_int_const(b) else a if _is_int_const(a) and op == "+" else None
    upward = None if constant is None else (_int_value(constant) >= 0) == (op == "+")
    lo, hi = const(-(2**63)), const(2**63 - 1)
    test: ast.expr
    if upward is True:
        test = ast.Compare(left=store, ops=[ast.LtE()], comparators=[hi])
    elif upward is False:
        test = ast.Compare(left=store, ops=[ast.GtE()], comparators=[lo])
    else:
        test = ast.Compare(left=lo, ops=[ast.LtE(), ast.LtE()], comparators=[store, hi])
    return test, name(result)


def emit_arith(op: str) -> Emitter:
    def emit(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
        if op == "-" and len(args) == 1:
            a_first, a_use = _spill(scope, args[0])
            # -Long/MIN_VALUE is past the long range: @neg throws for it
            return ast.IfExp(
                test=ast.BoolOp(
                    op=ast.And(),
                    values=[
                        ast.Compare(
                            left=_int_type(a_first), ops=[ast.Is()], comparators=[name("@int")]
                        ),
                        ast.Compare(left=a_use, ops=[ast.NotEq()], comparators=[const(-(2**63))]),
                    ],
                ),
                body=ast.UnaryOp(op=ast.USub(), operand=a_use),
                orelse=call(name("@neg"), a_use),
            ), False
        if len(args) < 2:
            return None
        expr = guarded_binop(scope, op, args[0], args[1])
        for extra in args[2:]:
            expr = guarded_binop(scope, op, expr, extra)
        return expr, False

    return emit


def emit_divide(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
    """``(/ a b)``: the two-argument division directly (no argument tuple)."""
    if len(args) != 2:
        return None
    return call(name("@div2"), *args), False


def emit_step(op: str) -> Emitter:
    """``inc``/``dec``."""

    def emit(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
        if len(args) != 1:
            return None
        return guarded_binop(scope, op, args[0], const(1)), False

    return emit


def emit_compare(op: str) -> Emitter:
    def emit(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
        if len(args) < 2:
            return None
        if len(args) == 2:
            return ast.Compare(left=args[0], ops=[_CMPOPS[op]()], comparators=[args[1]]), True
        return ast.Compare(
            left=args[0], ops=[_CMPOPS[op]() for _ in args[1:]], comparators=args[1:]
        ), True

    return emit


def emit_equals(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
    if len(args) != 2:
        return None
    a, b = args
    if is_long(a) and is_long(b):
        return ast.Compare(left=a, ops=[ast.Eq()], comparators=[b]), True
    if _is_int_const(b):
        a, b = b, a
    if _is_int_const(a):
        b_first, b_use = _spill(scope, b)
        return ast.IfExp(
            test=ast.Compare(left=_int_type(b_first), ops=[ast.Is()], comparators=[name("@int")]),
            body=ast.Compare(left=b_use, ops=[ast.Eq()], comparators=[a]),
            orelse=call(name("@equals"), a, b_use),
        ), True
    if (isinstance(a, ast.Constant) and a.value is None) or (
        isinstance(b, ast.Constant) and (b.value is None)
    ):
        return ast.Compare(left=a, ops=[ast.Is()], comparators=[b]), True
    return call(name("@equals"), a, b), True


def emit_not_equals(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
    emitted = emit_equals(scope, args)
    if emitted is None:
        return None
    return ast.UnaryOp(op=ast.Not(), operand=emitted[0]), True


def _both_ints(scope: FnScope, a: ast.expr, b: ast.expr) -> tuple[ast.expr, ast.expr, ast.expr]:
    """A test that ``a`` and ``b`` are both ints (each evaluated once, in
    order, whatever the outcome) and the later uses of the two."""
    a_first, a_use = _spill(scope, a)
    b_first, b_use = _spill(scope, b)
    if a_first is a_use and b_first is b_use:
        test: ast.expr = ast.Compare(
            left=_int_type(a_use),
            ops=[ast.Is(), ast.Is()],
            comparators=[name("@int"), _int_type(b_use)],
        )
    else:
        test = ast.BinOp(
            left=ast.Compare(left=_int_type(a_first), ops=[ast.Is()], comparators=[name("@int")]),
            op=ast.BitAnd(),
            right=ast.Compare(left=_int_type(b_first), ops=[ast.Is()], comparators=[name("@int")]),
        )
    return test, a_use, b_use


def _division(op: type[ast.operator], fallback: str, any_sign: bool) -> Emitter:
    """``mod`` of any two ints with a non-zero divisor, ``quot`` and ``rem`` of
    non-negative ones (where Python's floor division agrees with Java's
    truncation) as the Python operator; the full function otherwise. A
    ``mod`` or ``rem`` of two longs is a long; what a divisor that is a
    literal or a proven long shows needs no test."""

    def emit(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
        if len(args) != 2:
            return None
        a_arg, b_arg = args
        divisor = _int_value(b_arg) if _is_int_const(b_arg) else None
        # each operand is evaluated once, in order, by its type test; a
        # literal or a proven long held in a variable needs none
        checks: list[ast.expr]
        if not any(is_long(arg) and is_simple(arg) for arg in args):
            # both tested: neither test may skip the other operand's evaluation
            both, a, b = _both_ints(scope, a_arg, b_arg)
            checks = [both]
        else:
            a_first, a = _spill(scope, a_arg)
            b_first, b = _spill(scope, b_arg)
            checks = [
                ast.Compare(left=_int_type(first), ops=[ast.Is()], comparators=[name("@int")])
                for first, arg in ((a_first, a_arg), (b_first, b_arg))
                if not (is_long(arg) and is_simple(arg))
            ]
        if any_sign:
            if divisor is None or divisor == 0:
                checks.append(ast.Compare(left=b, ops=[ast.NotEq()], comparators=[const(0)]))
        else:
            checks.append(ast.Compare(left=a, ops=[ast.GtE()], comparators=[const(0)]))
            if divisor is None or divisor <= 0:
                checks.append(ast.Compare(left=b, ops=[ast.Gt()], comparators=[const(0)]))
        fast = ast.BinOp(left=a, op=op(), right=b)
        expr: ast.expr = fast
        if checks:
            test = checks[0] if len(checks) == 1 else ast.BoolOp(op=ast.And(), values=checks)
            expr = ast.IfExp(test=test, body=fast, orelse=call(name(fallback), a, b))
        return mark_long(expr, is_long(a_arg) and is_long(b_arg) and fallback != "@quot"), False

    return emit


def emit_not(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
    if len(args) != 1:
        return None
    first, use = _spill(scope, args[0])
    return ast.BoolOp(
        op=ast.Or(),
        values=[
            ast.Compare(left=first, ops=[ast.Is()], comparators=[const(None)]),
            ast.Compare(left=use, ops=[ast.Is()], comparators=[const(False)]),
        ],
    ), True


def _unary_compare(op: type[ast.cmpop], rhs: ast.expr) -> Emitter:
    def emit(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
        if len(args) != 1:
            return None
        return ast.Compare(left=args[0], ops=[op()], comparators=[rhs]), True

    return emit


def _parity(odd: bool) -> Emitter:
    def emit(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
        if len(args) != 1:
            return None
        first, use = _spill(scope, args[0])
        if is_long(args[0]):  # no type test
            low_bit = ast.BinOp(left=first, op=ast.BitAnd(), right=const(1))
            return ast.Compare(left=low_bit, ops=[ast.Eq()], comparators=[const(int(odd))]), True
        low_bit = ast.BinOp(left=use, op=ast.BitAnd(), right=const(1))
        body: ast.expr = ast.Compare(left=low_bit, ops=[ast.Eq()], comparators=[const(int(odd))])
        return ast.IfExp(
            test=ast.Compare(left=_int_type(first), ops=[ast.Is()], comparators=[name("@int")]),
            body=body,
            orelse=call(name("@odd?" if odd else "@even?"), use),
        ), True

    return emit


def emit_identical(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
    if len(args) != 2:
        return None
    return ast.Compare(left=args[0], ops=[ast.Is()], comparators=[args[1]]), True


def _method_fast_path(type_name: str, method: str, fallback: str, arity: int) -> Emitter:
    """``(conj v x)`` -> ``v.append(x) if type(v) is PVector else conj1(v, x)``;
    with computed arguments (which the two branches would each hold, doubling
    nested calls) the fallback of fixed arity alone, which tests the type
    itself."""

    def emit(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
        if len(args) != arity:
            return None
        rest = args[1:]
        if not all(is_simple(a) for a in rest):
            return call(name(fallback), *args), False
        first, use = _spill(scope, args[0])
        return ast.IfExp(
            test=ast.Compare(
                left=call(name("@type"), first), ops=[ast.Is()], comparators=[name(type_name)]
            ),
            body=call(ast.Attribute(value=use, attr=method, ctx=ast.Load()), *rest),
            orelse=call(name(fallback), use, *rest),
        ), False

    return emit


def emit_get(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
    """``(get m k)`` / ``(:k m)``: ``m.get(k) if type(m) is LMap else get(m, k)``."""
    if not 2 <= len(args) <= 3 or not all(is_simple(a) for a in args[1:]):
        return None
    first, use = _spill(scope, args[0])
    return ast.IfExp(
        test=ast.Compare(
            left=call(name("@type"), first), ops=[ast.Is()], comparators=[name("@LMap")]
        ),
        body=call(ast.Attribute(value=use, attr="get", ctx=ast.Load()), *args[1:]),
        orelse=call(name("@get"), use, *args[1:]),
    ), False


def emit_nth(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
    """``(nth v i)``: ``v[i]`` when ``v`` is a vector and ``i`` an int inside
    it (a long index needs no type test); ``nth`` otherwise. Only of a
    variable: a temp holding a fresh lazy sequence would keep ``nth`` from
    draining it through its source."""
    if len(args) != 2 or not all(is_simple(a) for a in args):
        return None
    v, i = args
    checks: list[ast.expr] = [
        ast.Compare(left=_int_type(v), ops=[ast.Is()], comparators=[name("@PVector")])
    ]
    if not is_long(i):
        checks.append(ast.Compare(left=_int_type(i), ops=[ast.Is()], comparators=[name("@int")]))
    checks.append(
        ast.Compare(
            left=const(0), ops=[ast.LtE(), ast.Lt()], comparators=[i, call(name("@len"), v)]
        )
    )
    return ast.IfExp(
        test=ast.BoolOp(op=ast.And(), values=checks),
        body=ast.Subscript(value=v, slice=i, ctx=ast.Load()),
        orelse=call(name("@nth"), v, i),
    ), False


def emit_str(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
    """``(str a b)`` and ``(str a b c)``: one call of fixed arity."""
    if not 2 <= len(args) <= 3:
        return None
    return call(name(f"@str{len(args)}"), *args), False


def emit_update(scope: FnScope, args: list[ast.expr]) -> tuple[ast.expr, bool] | None:
    """``(update m k f)`` with three arguments; with ``f`` written as
    ``(fnil g d)``, the patched function is never made."""
    if len(args) != 3:
        return None
    m, k, f = args
    if getattr(f, "kcore", None) == "fnil" and isinstance(f, ast.Call) and len(f.args) == 2:
        return call(name("@update_fnil"), m, k, *f.args), False
    return call(name("@update3"), m, k, f), False


INLINE: dict[str, Emitter] = {
    "update": emit_update,
    "nth": emit_nth,
    "get": emit_get,
    "str": emit_str,
    "conj": _method_fast_path("@PVector", "append", "@conj1", 2),
    "assoc": _method_fast_path("@LMap", "assoc", "@assoc3", 3),
    "+": emit_arith("+"),
    "-": emit_arith("-"),
    "*": emit_arith("*"),
    "/": emit_divide,
    "inc": emit_step("+"),
    "dec": emit_step("-"),
    "<": emit_compare("<"),
    ">": emit_compare(">"),
    "<=": emit_compare("<="),
    ">=": emit_compare(">="),
    "=": emit_equals,
    "not=": emit_not_equals,
    "mod": _division(ast.Mod, "@mod", True),
    "rem": _division(ast.Mod, "@rem", False),
    "quot": _division(ast.FloorDiv, "@quot", False),
    "not": emit_not,
    "nil?": _unary_compare(ast.Is, const(None)),
    "some?": _unary_compare(ast.IsNot, const(None)),
    "true?": _unary_compare(ast.Is, const(True)),
    "false?": _unary_compare(ast.Is, const(False)),
    "zero?": _unary_compare(ast.Eq, const(0)),
    "pos?": _unary_compare(ast.Gt, const(0)),
    "neg?": _unary_compare(ast.Lt, const(0)),
    "even?": _parity(False),
    "odd?": _parity(True),
    "identical?": emit_identical,
}

BOOL_RESULT = frozenset(
    [
        "=",
        "not=",
        "<",
        ">",
        "<=",
        ">=",
        "==",
        "not",
        "nil?",
        "some?",
        "true?",
        "false?",
        "zero?",
        "pos?",
        "neg?",
        "even?",
        "odd?",
        "identical?",
        "empty?",
        "contains?",
        "every?",
        "not-every?",
        "not-any?",
        "map?",
        "vector?",
        "list?",
        "seq?",
        "set?",
        "coll?",
        "string?",
        "keyword?",
        "symbol?",
        "number?",
        "integer?",
        "int?",
        "float?",
        "double?",
        "ratio?",
        "fn?",
        "ifn?",
        "boolean?",
        "char?",
        "sequential?",
        "associative?",
        "counted?",
        "map-entry?",
        "distinct?",
        "reduced?",
        "blank?",
        "starts-with?",
        "ends-with?",
        "includes?",
        "instance?",
        "atom?",
        "var?",
        "delay?",
        "realized?",
        "nat-int?",
        "pos-int?",
        "neg-int?",
        "seqable?",
        "indexed?",
        "rational?",
        "decimal?",
        "NaN?",
        "infinite?",
        "uuid?",
        "special-symbol?",
        "@case-match",
    ]
)
"""Core functions that always return a boolean (their calls need no truth test)."""

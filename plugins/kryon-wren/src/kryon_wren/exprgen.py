"""Code generation state and expressions (the statement half is
:mod:`kryon_wren.codegen`).

Method calls become attribute calls on the receiver; values that are native
Python objects (Num is ``float``, String ``str``, Bool ``bool``, Null
``None``) are wrapped in a proxy for the call; arithmetic and comparisons are
Python operators where that gives Wren's answer.
"""

from __future__ import annotations

import functools
import math
import re
from abc import abstractmethod
from collections.abc import Callable

from kryon_wren import names
from kryon_wren import nodes as N
from kryon_wren.expressions import makes_object
from kryon_wren.linemarks import MARK_CLOSE, MARK_OPEN, MARK_TEXT, REPORTED, Span, unmark
from kryon_wren.runtime.natives import NUM_GETTERS, NUM_RESULT_GETTERS
from kryon_wren.runtime.objects import SCAN_FREE

# Operators left to Python: floats compute natively, Wren objects dispatch
# through WObject.__add__ & co., and a TypeError is translated into Wren's
# message (see VM._message).
NATIVE_OPS = {"+", "-", "<", ">", "<=", ">="}
ORDERING = {"<", ">", "<=", ">="}
FAST_ARITH = {"*"}
NUM_RESULTS = {"+", "-", "*", "/", "%"}
"""Operators that answer a Num for two Nums."""
COMPARE = {"<", ">", "<=", ">=", "==", "!="}
BOOL_METHODS = frozenset(
    {
        *("g_isNan", "g_isInteger", "g_isInfinity", "g_isEmpty", "g_isDone", "g_isInclusive"),
        *("m_contains_1", "m_containsKey_1", "m_startsWith_1", "m_endsWith_1"),
        *("m_all_1", "m_any_1", "m_same_2"),
    }
)
"""Core methods that answer a Bool (see ExprGen.bool_like)."""


@functools.cache
def primitive_methods() -> frozenset[str]:
    """Methods that Num, String, Bool or null answer to.

    Only a call of one of these needs a native receiver wrapped in its
    proxy: any other method is missing on the native value just as on the
    proxy, and the AttributeError becomes the same "Num does not implement
    'x'." (see VM._message).  Part of the compiler digest.
    """
    from kryon_wren.runtime import core  # noqa: F401 - defines the proxies
    from kryon_wren.runtime.objects import PROXIES

    return frozenset(n for p in PROXIES.values() for n in dir(p) if not n.startswith("_"))


def _plain_literal(v: object) -> bool:
    # Python's == says true == 1 and false == 0; other literals compare right.
    if type(v) is float:
        return v not in {0.0, 1.0}
    return v is None or type(v) is str


# Code that may stand inside an f-string's braces (Python 3.10 and 3.11 refuse
# quotes of the enclosing kind, backslashes and comments there).
_FSTRING_SAFE = re.compile(r"[^'\"\\{}#\n]*")


PIECE_CHARS = 32_000
"""Characters of hoisted functions compiled together by one ``compile()``."""

LONG_CHAIN = 40
"""Binary operators in a left-nested chain past which it is compiled flat."""


def _proxied(first: str, again: str) -> str:
    """A value (evaluated by ``first``, read again as ``again``) as the
    receiver of a method: a native value's proxy, anything else itself."""
    return f"({again} if type({first}) not in _P else _PX[type({again})]({again}))"


def _operator_call(a: str, mname: str, b: str) -> str:
    """``a``'s operator method ``mname`` on ``b``: an object's own method (a
    missing one is Wren's "does not implement" error, as for any call); a
    native value's proxy's."""
    return f"(({a}).{mname}({b}) if ({a}).__class__ not in _P else _bin({a}, {mname!r}, {b}))"


def _fstring_text(text: str) -> str:
    """``text`` as the literal part of a double-quoted f-string."""
    r = repr(text)
    body = r[1:-1]
    if r[0] == "'":
        body = body.replace('"', '\\"')
    return body.replace("{", "{{").replace("}", "}}")


# Fiber.yield() / Fiber.yield(_) / Fiber.new(_) as calls of the VM's scheduler.
_FIBER_SHORTCUTS = {"m_yield_0": "_fyield", "m_yield_1": "_fyield", "m_new_1": "_fnew"}


NULL_METHODS = frozenset({"b_eq", "b_ne", "b_is", "u_not", "g_toString", "g_type"})
"""The methods null answers (Null's and Object's)."""


class FuncState:
    def __init__(self, info: N.FuncInfo) -> None:
        self.info = info
        self.ntemp = 0

    def tmp(self) -> str:
        self.ntemp += 1
        return f"_t{self.ntemp}"


class ExprGen:
    def __init__(
        self,
        *,
        checks: bool,
        debug_names: dict[str, str],
        tick: Callable[[], None] | None = None,
    ) -> None:
        self.checks = checks
        self.tick = tick
        self.nstmts = 0
        self.lines: list[tuple[int, str, int]] = []
        self.indent = 0
        self.fs: FuncState | None = None
        self.line = 0
        self.debug_names = debug_names
        self.static_fields: set[str] = set()
        self.class_sups: dict[int, str] = {}
        # Module variables declared with a literal that compares plainly
        # and never assigned again (see plain_equal).
        self.plain_vars: set[int] = set()
        self.num_vars: set[int] = set()  # ids of VarInfos that hold a Num (see known_num)
        # Functions emitted at the top of the Python module instead of inside
        # the module function (see CodeGen.function), one line list each.
        self.units: list[list[tuple[int, str, int]]] = []
        self.top_classes: set[int] = set()
        self.hoist_methods = False
        # Globals the module function assigns besides its variables.
        self.module_globals: set[str] = set()
        self.chunk_tag = 0
        # Fiber bodies compiled as generators, and their yields (see fiberscan).
        self.generator_bodies: set[int] = set()
        self.generator_yields: set[int] = set()
        # Whether the statement being generated spans lines: its calls and
        # operators are then marked with the line the reference reports for
        # each (see mark and source).
        self.marking = False

    # -- output -------------------------------------------------------------

    def emit(self, text: str, line: int | None = None) -> None:
        self.lines.append((self.indent, text, self.line if line is None else line))

    def source(self) -> tuple[list[tuple[int, str]], list[int], dict[int, list[Span]]]:
        """The Python code in pieces to compile one by one, each as (its first
        line, its text), the Wren line of every Python line, and the marked
        spans of the Python lines that have some (see line_spans).

        Hoisted functions are gathered into pieces of about PIECE_CHARS
        characters: CPython's compiler holds the syntax tree of all it is
        given at once, some hundred bytes per character of source."""
        pieces: list[tuple[int, str]] = []
        line_map = [0]
        spans: dict[int, list[Span]] = {}
        out: list[str] = []
        size = 0
        first = 1
        for unit in (*self.units, self.lines):
            if out and (size > PIECE_CHARS or unit is self.lines):
                pieces.append((first, "\n".join(out) + "\n"))
                first += len(out)
                out, size = [], 0
            for indent, code, line in unit:
                text = code
                if MARK_OPEN in code:
                    text, marked = unmark(code, 4 * indent)
                    spans[first + len(out)] = marked
                out.append("    " * indent + text)
                size += len(text) + 4 * indent + 1
                line_map.append(line)
        pieces.append((first, "\n".join(out) + "\n"))
        return pieces, line_map, spans

    @abstractmethod
    def function(self, info: N.FuncInfo, first: str | None = None) -> str:
        """Emit a nested def for ``info`` (defined by the statement generator)."""

    # -- expressions ---------------------------------------------------------------

    def tmp(self) -> str:
        assert self.fs is not None
        return self.fs.tmp()

    def simple(self, e: N.Node) -> str | None:
        """Code for an expression that can be repeated without re-evaluation."""
        if isinstance(e, N.Lit):
            return self.literal(e.value)
        if isinstance(e, N.This):
            return "this"
        if isinstance(e, N.Var) and not e.info.boxed:
            return e.info.pyname
        return None

    def bind(self, e: N.Node) -> tuple[str, str]:
        """(first use, later uses) for an expression used twice."""
        s = self.simple(e)
        if s is not None:
            return s, s
        t = self.tmp()
        return f"({t} := {self.expr(e)})", t

    def literal(self, v: object) -> str:
        if v is None or v is True or v is False:
            return repr(v)
        if type(v) is float:
            if math.isinf(v):
                return "_INF" if v > 0 else "(-_INF)"
            if math.isnan(v):
                return "_NAN"
            if math.copysign(1.0, v) < 0:
                # Parenthesized: `-1.0.__class__` would be -(1.0.__class__).
                return f"({v!r})"
            return repr(v)
        return repr(v)

    def mark(self, e: N.Node, text: str) -> str:
        """``text``, the code of ``e``, marked with the line the reference
        reports for it when the statement spans lines."""
        if self.marking and isinstance(e, REPORTED):
            return f"{MARK_OPEN}{e.at or e.line}{MARK_TEXT}{text}{MARK_CLOSE}"
        return text

    def expr(self, e: N.Node) -> str:
        return self.mark(e, self.unmarked_expr(e))

    def unmarked_expr(self, e: N.Node) -> str:
        if isinstance(e, N.Lit):
            return self.literal(e.value)
        if isinstance(e, N.Var):
            info = e.info
            return f"{info.pyname}[0]" if info.boxed else info.pyname
        if isinstance(e, N.This):
            return "this"
        if isinstance(e, N.Call):
            return self.call(e)
        if isinstance(e, N.Binary):
            return self.binary(e)
        if isinstance(e, N.Field):
            return e.pyname if e.static else f"this.{e.pyname}"
        if isinstance(e, N.Assign):
            return self.assign(e, statement=False)
        if isinstance(e, N.Unary):
            return self.unary(e)
        if isinstance(e, N.Logic):
            first, again = self.bind(e.left)
            right = self.expr(e.right)
            if e.op == "&&":
                return f"({right} if {first} is not None and {again} is not False else {again})"
            return f"({again} if {first} is not None and {again} is not False else {right})"
        if isinstance(e, N.Cond):
            return f"({self.expr(e.then)} if {self.cond(e.cond)} else {self.expr(e.other)})"
        if isinstance(e, N.Interp):
            return self.interpolation(e)
        if isinstance(e, N.ListLit):
            return f"_L(({''.join(self.expr(i) + ', ' for i in e.items)}))"
        if isinstance(e, N.MapLit):
            pairs = "".join(f"({self.expr(k)}, {self.expr(v)}), " for k, v in e.pairs)
            return f"_mapof(({pairs}))"
        if isinstance(e, N.Is):
            return f"_is({self.expr(e.left)}, {self.expr(e.right)})"
        if isinstance(e, N.FnExpr):
            name = self.function(e.func)
            fn = "_GenFn" if id(e.func) in self.generator_bodies else "_Fn"
            return f"{fn}({name}, {len(e.func.params)})"
        if isinstance(e, N.SuperCall):
            return self.super_call(e)
        raise AssertionError(f"unknown expression {e!r}")

    def interpolation(self, e: N.Interp) -> str:
        parts: list[tuple[bool, str]] = []  # (is literal text, text or code)
        for p in e.parts:
            if isinstance(p, N.Lit) and type(p.value) is str:
                parts.append((True, p.value))
            else:
                first, again = self.bind(p)
                parts.append((False, f"({again} if type({first}) is str else _str({again}))"))
        if self.checks:
            return self.measured_interpolation(parts)
        if all(
            is_text or (_FSTRING_SAFE.fullmatch(code) and MARK_OPEN not in code)
            for is_text, code in parts
        ):
            # One f-string builds the result at once, without the intermediate
            # strings of `+` (every part is already a str, so formatting is a no-op).
            body = "".join(
                _fstring_text(code) if is_text else "{" + code + "}" for is_text, code in parts
            )
            return f'f"{body}"'
        return "(" + " + ".join(repr(code) if is_text else code for is_text, code in parts) + ")"

    def measured_interpolation(self, parts: list[tuple[bool, str]]) -> str:
        """Under limits the size is known from the parts before they are
        joined, so a doubling loop of interpolations meets the memory limit
        without first building a string past it.  Each part is bound to a
        temporary and measured inline: a short result (the usual case) is one
        f-string; a long one goes through ``_joined``, which charges steps and
        checks the memory limit before building it."""
        text = sum(len(code) for is_text, code in parts if is_text)
        measured, body, items = [], [], []
        for is_text, code in parts:
            if is_text:
                body.append(_fstring_text(code))
                items.append(repr(code))
            else:
                t = self.tmp()
                measured.append(f"len({t} := {code})")
                body.append("{" + t + "}")
                items.append(t)
        if not measured:
            return repr("".join(code for _, code in parts))
        size = " + ".join(measured)
        joined = f'_joined("", ({", ".join(items)},))'
        return f'(f"{"".join(body)}" if {size} <= {SCAN_FREE - text} else {joined})'

    def cond(self, e: N.Node) -> str:
        """Code evaluating to a Python bool with Wren truthiness."""
        if isinstance(e, N.Lit):
            return "False" if e.value is None or e.value is False else "True"
        if isinstance(e, N.Binary) and e.op in COMPARE:
            return self.mark(e, self.binary(e, truth=True))
        if isinstance(e, N.Logic):
            joiner = " and " if e.op == "&&" else " or "
            return f"({self.cond(e.left)}{joiner}{self.cond(e.right)})"
        if isinstance(e, N.Is):
            return self.expr(e)
        first, again = self.bind(e)
        return f"({first} is not None and {again} is not False)"

    def recv(self, e: N.Node, mname: str) -> str:
        """Code for a receiver that has the method ``mname`` if anything does."""
        if isinstance(e, N.This):
            return "this"
        if mname not in primitive_methods() and not isinstance(e, N.Lit):
            return self.expr(e)
        if (
            isinstance(e, N.Var)
            and (e.info.is_class or e.info.obj_init)
            and not e.info.assigned
            and not e.info.boxed
            and mname not in NULL_METHODS
        ):
            # (A module variable used before its definition runs is null.)
            return e.info.pyname
        if isinstance(e, (N.ListLit, N.MapLit, N.FnExpr)):
            return self.expr(e)
        if (
            isinstance(e, N.Field)
            and e.cls.object_fields.get(e.pyname, False)
            and mname not in NULL_METHODS
        ):
            # Such a field may still be null (before its first assignment):
            # only the methods that null answers need the proxy test.
            return self.expr(e)
        if isinstance(e, N.Lit) and type(e.value) is str:
            return f"_PX[str]({self.literal(e.value)})"
        return _proxied(*self.bind(e))

    def call(self, e: N.Call) -> str:
        if id(e) in self.generator_yields:
            # The fiber's own yield, in the generator its body compiles to.
            return f"(yield {'None' if not e.args else self.expr(e.args[0])})"
        if e.mname in _FIBER_SHORTCUTS and N.is_core_fiber(e.recv):
            # The hottest fiber operations skip the class's static methods.
            arg = "None" if not e.args else self.expr(e.args[0])
            return f"{_FIBER_SHORTCUTS[e.mname]}({arg})"
        if e.mname == "x_1" and e.args is not None and not isinstance(e.recv, N.This):
            # list[i], the hottest subscript, skips the proxy test and the
            # method call (see runtime.core.subscript).
            return f"_sub({self.expr(e.recv)}, {self.expr(e.args[0])})"
        if e.args is None and e.mname in NUM_GETTERS:
            # x.floor: a Num calls the getter's function, without a proxy.
            if self.known_num(e.recv):
                return f"_nf_{e.mname}({self.expr(e.recv)})"
            if _may_be_num(e.recv):
                first, again = self.bind(e.recv)
                num, other = f"_nf_{e.mname}({again})", f"{_proxied(again, again)}.{e.mname}()"
                return f"({num} if ({first}).__class__ is float else {other})"
        recv = self.recv(e.recv, e.mname)
        args = "" if e.args is None else ", ".join(self.expr(a) for a in e.args)
        if e.args is not None and e.mname == f"m_call_{len(e.args)}":
            # fn.call(...) with the exact arity calls the compiled function
            # directly: one Python frame per Wren call instead of two.
            first, f = self.bind(e.recv)
            return (
                f"({f}.fn({args}) if {first}.__class__ is _Fn and {f}.arity == {len(e.args)} "
                f"else {f}.{e.mname}({args}))"
            )
        return f"{recv}.{e.mname}({args})"

    def super_call(self, e: N.SuperCall) -> str:
        fs = self.fs
        assert fs is not None
        info = fs.info
        while info.kind == "fn" and info.parent is not None:
            info = info.parent
        cls = info.cls
        assert cls is not None
        sup = self.class_sups.get(cls.cid, "w_Object")
        args = "" if e.args is None else "".join(", " + self.expr(a) for a in e.args)
        if info.kind == "static":
            return f"_super_static({sup}, this, {e.mname!r}{args})"
        return f"{sup}.pyclass.{e.mname}(this{args})"

    def binary(self, e: N.Binary, truth: bool = False) -> str:
        op = e.op
        mname = names.binary(op)
        first, links = N.left_chain(e)
        if len(links) > LONG_CHAIN:
            # Nested, the generated expression would pass CPython's limit of
            # 200 nested parentheses (`1 + 1 + ...` 150 times); flat, each
            # right operand is a thunk so operands still run left to right,
            # each after the operator before it.
            rest = "".join(
                f", {names.binary(link.op)!r}, lambda: {self.expr(link.right)}" for link in links
            )
            chain = f"_chain({self.expr(first)}{rest})"
            return f"_truth({chain})" if truth else chain
        if (
            self.bool_like(e.left)
            or self.bool_like(e.right)
            or (op in ORDERING and (_is_string(e.left) or _is_string(e.right)))
        ):
            # Python would compute with a bool as an integer and order two
            # strings; Wren rejects both.
            return f"_bin({self.expr(e.left)}, {mname!r}, {self.expr(e.right)})"
        if op in NATIVE_OPS and not self.checks:
            return f"({self.expr(e.left)} {op} {self.expr(e.right)})"
        # Under limits (the policy untrusted scripts run under) these take
        # Python's operator only for two Nums, like `*`: `+` must check the
        # memory limit before concatenating, and no Bool in a variable may
        # compute as an integer nor two Strings compare.
        if op in ("==", "!="):
            return self.equality(e)
        lk, rk = self.known_num(e.left), self.known_num(e.right)
        if lk and rk and (op in FAST_ARITH or op in NATIVE_OPS):
            # Two Nums: Python's float operator is Wren's.
            return f"({self.expr(e.left)} {op} {self.expr(e.right)})"
        if op not in FAST_ARITH and op not in NATIVE_OPS and op not in ("/", "%"):
            return f"_bin({self.expr(e.left)}, {mname!r}, {self.expr(e.right)})"
        if isinstance(e.left, N.Var) and _assigns(e.right, e.left.info):
            # `x + (x = y)`: the left operand is x's value before the right one runs.
            a = self.tmp()
            a_first = f"({a} := {self.expr(e.left)})"
        else:
            a_first, a = self.bind(e.left)
        b_first, b = self.bind(e.right)
        slow = _operator_call(a, mname, b)
        if truth:
            slow = f"_truth({slow})"
        lit_r = isinstance(e.right, N.Lit) and type(e.right.value) is float
        # (The test below binds an operand that is no name nor literal.)
        lf = lk and self.simple(e.left) is not None
        rf = rk and self.simple(e.right) is not None
        if lf and rf:
            test = "True"
        elif lf:
            test = f"{b_first}.__class__ is float"
        elif rf:
            test = f"{a_first}.__class__ is float"
        else:
            test = f"{a_first}.__class__ is {b_first}.__class__ is float"
        if op in FAST_ARITH or op in NATIVE_OPS:
            return f"({a} {op} {b} if {test} else {slow})"
        if op == "/":
            return f"({a} / {b} if {test} and {b} else {slow})"
        # For a positive dividend and divisor Python's float % is C's fmod
        # (it only adjusts results whose sign differs from the divisor's),
        # without the call.
        if lit_r and e.right.value > 0.0:  # type: ignore[attr-defined]
            return f"(({a} % {b} if {a} > 0.0 else _fmod({a}, {b})) if {test} else {slow})"
        mod = f"({a} % {b} if {a} > 0.0 < {b} else _fmod({a}, {b}))"
        return f"({mod} if {test} and {b} else {slow})"

    def known_num(self, e: N.Node) -> bool:
        """Whether ``e`` is surely a Num: a Num literal, the variable of a
        ``for`` loop over a range from a Num that nothing assigns, and
        arithmetic on such Nums."""
        if isinstance(e, N.Lit):
            return type(e.value) is float
        if isinstance(e, N.Var):
            return id(e.info) in self.num_vars
        if isinstance(e, N.Binary):
            return e.op in NUM_RESULTS and self.known_num(e.left) and self.known_num(e.right)
        if isinstance(e, N.Unary):
            return e.op == "-" and self.known_num(e.expr)
        if isinstance(e, N.Call):
            return e.args is None and e.mname in NUM_RESULT_GETTERS and self.known_num(e.recv)
        return False

    def plain_equal(self, e: N.Node) -> bool:
        """Whether ``e`` is surely no Bool and no 0 or 1 (or null before a
        module variable's declaration runs)."""
        if isinstance(e, N.Lit):
            return _plain_literal(e.value)
        if isinstance(e, (N.This, N.ListLit, N.MapLit, N.FnExpr, N.Interp)):
            return True
        if isinstance(e, N.Var):
            info = e.info
            if info.assigned or info.boxed:
                return False
            return info.is_class or info.obj_init or id(info) in self.plain_vars
        return makes_object(e)

    def equality(self, e: N.Binary) -> str:
        """Python's == and != give Wren's answer for Num, String, null and
        objects (WObject routes them to a class's own == and !=), except that
        Python counts true == 1: a cross-type "equal" answer is re-checked
        unless one side cannot be a Bool, 0 or 1."""
        if (
            self.plain_equal(e.left)
            or self.plain_equal(e.right)
            or (self.known_num(e.left) and self.known_num(e.right))
        ):
            return f"({self.expr(e.left)} {e.op} {self.expr(e.right)})"
        a_first, a = self.bind(e.left)
        b_first, b = self.bind(e.right)
        r = self.tmp()
        odd = "True" if e.op == "==" else "False"
        return (
            f"({r} if ({r} := {a_first} {e.op} {b_first}) is not {odd} "
            f"or type({a}) is type({b}) else _bool_mix({a}, {b}, {r}))"
        )

    def append_in_place(self, e: N.Assign) -> None:
        """``x = x + y`` where Python's ``x += y`` extends the String in ``x``
        in place when nothing else holds it, so that building a string by
        appending is linear, not quadratic: this needs ``x`` in a Python
        local variable, as it is when a function's own local is not
        assigned in ``y``; a module variable or one closures see is read
        first into a local and cleared while the string grows. Past BIG
        characters the operator's method checks the memory limit first."""
        assert isinstance(e.target, N.Var) and isinstance(e.value, N.Binary)
        info = e.target.info
        x, y = info.pyname, self.tmp()
        direct = not info.module_level and not info.captured
        direct = direct and not _assigns(e.value.right, info)
        s = x if direct else self.tmp()
        if not direct:
            self.emit(f"{s} = {x}", e.line)
        right = self.expr(e.value.right)
        self.line = e.line
        # Two Nums first: they are the commonest (a running total).
        self.emit(f"if ({y} := {right}).__class__ is {s}.__class__ is float:")
        self.indent += 1
        self.emit(f"{x} = {s} + {y}")
        self.indent -= 1
        self.emit(f"elif {y}.__class__ is {s}.__class__ is str and len({s}) < _BIG:")
        self.indent += 1
        if direct:
            self.emit(f"{x} += {y}")
        else:
            self.emit(f"{x} = None")
            self.emit(f"{s} += {y}")
            self.emit(f"{x} = {s}")
            self.emit(f"{s} = None")
        self.indent -= 1
        self.emit("else:")
        self.indent += 1
        if self.marking:
            # The operator fails on the line of its right operand's end.
            self.line = e.value.at or e.line
        if self.checks or self.bool_literal(e.value.right):
            self.emit(f"{x} = {_operator_call(s, 'b_add', y)}")
        else:
            self.emit(f"{x} = {s} + {y}")
        self.indent -= 1

    def bool_literal(self, e: N.Node) -> bool:
        return isinstance(e, N.Lit) and type(e.value) is bool

    def bool_like(self, e: N.Node) -> bool:
        """Whether ``e`` is a Bool literal or likely gives a Bool (a comparison,
        `!`, `is`, a core method that answers one): an operand Python's
        operators would take for an integer (`(a < b) < c`). Such an operator
        goes through Wren's dispatch, which is right whatever it gives."""
        if isinstance(e, N.Binary):
            return e.op in COMPARE
        if isinstance(e, N.Unary):
            return e.op == "!"
        if isinstance(e, N.Call):
            return e.mname in BOOL_METHODS
        return isinstance(e, N.Is) or self.bool_literal(e)

    def unary(self, e: N.Unary) -> str:
        if e.op == "~":
            return f"_un({self.expr(e.expr)}, 'u_inv')"
        if e.op == "-" and self.known_num(e.expr):
            return f"(-{self.expr(e.expr)})"
        first, again = self.bind(e.expr)
        if e.op == "-":
            # Objects negate through WObject.__neg__; a TypeError from a native
            # value becomes Wren's "does not implement" message.  Python would
            # negate a Bool as an int: Bools go through the method lookup.
            return f"(-{again} if {first}.__class__ is not bool else _un({again}, 'u_sub'))"
        if e.op == "!":
            return (
                f"(({again} is None or {again} is False) if {first}.__class__ in _P "
                f"else {again}.u_not())"
            )
        raise AssertionError(e.op)

    def assign(self, e: N.Assign, *, statement: bool) -> str:
        target = e.target
        if statement and _appends(e) and not self.known_num(e.value.right):  # type: ignore[attr-defined]
            self.append_in_place(e)
            return ""
        value = self.expr(e.value)
        self.line = e.line
        if isinstance(target, N.Var):
            info = target.info
            if info.boxed:
                if statement:
                    self.emit(f"{info.pyname}[0] = {value}")
                    return ""
                return f"_bset({info.pyname}, {value})"
            if statement:
                self.emit(f"{info.pyname} = {value}")
                return ""
            return f"({info.pyname} := {value})"
        assert isinstance(target, N.Field)
        if target.static:
            if statement:
                self.emit(f"{target.pyname} = {value}")
                return ""
            return f"({target.pyname} := {value})"
        if statement:
            self.emit(f"this.{target.pyname} = {value}")
            return ""
        return f"_fset(this, {target.pyname!r}, {value})"


def _appends(e: N.Assign) -> bool:
    """Whether ``e`` is ``x = x + y`` for a variable ``x`` held in no box."""
    value, target = e.value, e.target
    if not (isinstance(target, N.Var) and isinstance(value, N.Binary) and value.op == "+"):
        return False
    left = value.left
    return isinstance(left, N.Var) and left.info is target.info and not target.info.boxed


def _assigns(node: object, info: N.VarInfo) -> bool:
    """Whether an assignment to ``info`` is in the expression ``node``."""
    if isinstance(node, N.Assign) and isinstance(node.target, N.Var) and node.target.info is info:
        return True
    if isinstance(node, (list, tuple)):
        return any(_assigns(item, info) for item in node)
    if not isinstance(node, N.Node) or isinstance(node, N.FnExpr):
        return False
    fields: tuple[str, ...] = node.__slots__
    return any(_assigns(getattr(node, name), info) for name in fields)


def _may_be_num(e: N.Node) -> bool:
    """Whether ``e`` may answer a Num: no literal of another kind, no
    ``this`` and no class of this module."""
    if isinstance(e, N.Lit):
        return type(e.value) is float
    if isinstance(e, N.Var):
        return not (e.info.is_class and not e.info.assigned)
    return not isinstance(e, (N.This, N.ListLit, N.MapLit, N.FnExpr, N.Interp))


def _is_string(e: N.Node) -> bool:
    """Whether ``e`` is a String literal or an interpolation."""
    return (isinstance(e, N.Lit) and type(e.value) is str) or isinstance(e, N.Interp)

"""Compile a resolved Wren syntax tree to Python source.

Each Wren function (module body, method, closure) becomes one Python
function.  Method calls become attribute calls on the receiver; values that
are native Python objects (Num is ``float``, String ``str``, Bool ``bool``,
Null ``None``) are wrapped in a proxy for the call.  Arithmetic and
comparison of two Nums are inlined.  The generated text keeps a map from
Python line to Wren line for stack traces.
"""

from __future__ import annotations

import math

from kryon_wren import names
from kryon_wren import nodes as N

# Operators left to Python: floats compute natively, Wren objects dispatch
# through WObject.__add__ & co., and a TypeError is translated into Wren's
# message (see VM._message).
NATIVE_OPS = {"+", "-", "<", ">", "<=", ">="}
FAST_ARITH = {"*"}
COMPARE = {"<", ">", "<=", ">=", "==", "!="}


class FuncState:
    def __init__(self, info: N.FuncInfo) -> None:
        self.info = info
        self.ntemp = 0

    def tmp(self) -> str:
        self.ntemp += 1
        return f"_t{self.ntemp}"


class CodeGen:
    def __init__(self, *, checks: bool, debug_names: dict[str, str]) -> None:
        self.checks = checks
        self.lines: list[tuple[int, str, int]] = []
        self.indent = 0
        self.fs: FuncState | None = None
        self.line = 0
        self.debug_names = debug_names
        self.static_fields: set[str] = set()
        self.class_sups: dict[int, str] = {}

    # -- output -------------------------------------------------------------

    def emit(self, text: str, line: int | None = None) -> None:
        self.lines.append((self.indent, text, self.line if line is None else line))

    def source(self) -> tuple[str, list[int]]:
        out: list[str] = []
        line_map = [0]
        for indent, text, line in self.lines:
            out.append("    " * indent + text)
            line_map.append(line)
        return "\n".join(out) + "\n", line_map

    # -- functions ------------------------------------------------------------

    def module(self, mod: N.FuncInfo, module_vars: dict[str, N.VarInfo]) -> None:
        own = [v.pyname for v in module_vars.values() if not v.builtin]
        self.debug_names[mod.pyname] = "(script)"
        self.fs = FuncState(mod)
        self.emit(f"def {mod.pyname}():", 1)
        self.indent += 1
        body_start = len(self.lines)
        for v in own:
            self.emit(f"{v} = None", 1)
        self.prologue(mod)
        self.block(mod.body)
        self.emit("return None")
        glob = sorted({*own, *mod.globals_, *self.static_fields})
        for sf in sorted(self.static_fields):
            self.lines.insert(body_start, (self.indent, f"{sf} = None", 1))
        if glob:
            self.lines.insert(body_start, (self.indent, "global " + ", ".join(glob), 1))
        self.indent -= 1

    def prologue(self, info: N.FuncInfo) -> None:
        # A function without calls or loops always finishes quickly: whatever
        # it triggers (operators on objects) runs checked methods itself.
        if self.checks and (info.kind == "module" or not _is_leaf(info)):
            self.emit("_K[0] -= 1", info.line)
            self.emit("if _K[0] < 0: _tick()", info.line)

    def function(self, info: N.FuncInfo, first: str | None = None) -> str:
        """Emit a nested def for ``info``; returns its Python name."""
        outer, saved_line = self.fs, self.line
        self.debug_names[info.pyname] = info.debug_name
        params = [first] if first else []
        params += [p.pyname for p in info.params]
        if info.passed_in:
            params.append("*")
            params += [f"{v.pyname}={v.pyname}" for v in info.passed_in]
        self.line = info.line
        self.emit(f"def {info.pyname}({', '.join(params)}):")
        self.indent += 1
        self.fs = FuncState(info)
        decl_at = len(self.lines)
        self.prologue(info)
        for p in info.params:
            if p.boxed:
                self.emit(f"{p.pyname} = [{p.pyname}]")
        body_expr = info.expr_body
        if isinstance(body_expr, N.Assign) and isinstance(body_expr.target, (N.Field, N.Var)):
            # `x=(v) { _x = v }`: assign as a statement, then return the value.
            self.assign(body_expr, statement=True)
            if info.kind != "init":
                self.emit(f"return {self.expr(body_expr.target)}", body_expr.line)
        elif body_expr is not None:
            value = self.expr(body_expr)
            if info.kind == "init":
                self.emit(value, body_expr.line)
            else:
                self.emit(f"return {value}", body_expr.line)
        else:
            self.block(info.body)
            if not info.body:
                self.emit("pass")
        nonlocal_names = sorted(
            v.pyname for v in info.nonlocals if v.func is not info and not v.boxed
        )
        decls = []
        if info.globals_:
            decls.append((self.indent, "global " + ", ".join(sorted(info.globals_)), self.line))
        if nonlocal_names:
            decls.append((self.indent, "nonlocal " + ", ".join(nonlocal_names), self.line))
        self.lines[decl_at:decl_at] = decls
        self.indent -= 1
        self.fs, self.line = outer, saved_line
        return info.pyname

    # -- statements -------------------------------------------------------------

    def block(self, body: list[N.Node]) -> None:
        for stmt in body:
            self.stmt(stmt)

    def body(self, stmt: N.Node) -> None:
        self.indent += 1
        start = len(self.lines)
        self.stmt(stmt)
        if len(self.lines) == start:
            self.emit("pass")
        self.indent -= 1

    def stmt(self, s: N.Node) -> None:
        self.line = s.line
        if isinstance(s, N.ExprStmt):
            self.expr_stmt(s.expr)
        elif isinstance(s, N.VarDecl):
            info = s.info
            value = "None" if s.init is None else self.expr(s.init)
            self.line = s.line
            if info.boxed:
                self.emit(f"{info.pyname} = [{value}]")
            else:
                self.emit(f"{info.pyname} = {value}")
        elif isinstance(s, N.Block):
            for inner in s.body:
                self.stmt(inner)
        elif isinstance(s, N.If):
            cond = self.cond(s.cond)
            self.line = s.line
            self.emit(f"if {cond}:")
            self.body(s.then)
            if s.other is not None:
                self.emit("else:")
                self.body(s.other)
        elif isinstance(s, N.While):
            self.while_stmt(s)
        elif isinstance(s, N.For):
            self.for_stmt(s)
        elif isinstance(s, N.Break):
            self.emit("break")
        elif isinstance(s, N.Continue):
            self.emit("continue")
        elif isinstance(s, N.Return):
            fs = self.fs
            assert fs is not None
            if fs.info.kind == "module":
                self.emit("return None" if s.expr is None else f"return {self.expr(s.expr)}")
            elif s.expr is None or fs.info.kind == "init":
                self.emit("return None")
            else:
                self.emit(f"return {self.expr(s.expr)}")
        elif isinstance(s, N.ClassDecl):
            self.class_decl(s)
        elif isinstance(s, N.Import):
            self.import_stmt(s)
        else:
            raise AssertionError(f"unknown statement {s!r}")

    def expr_stmt(self, e: N.Node) -> None:
        if isinstance(e, N.Assign):
            self.assign(e, statement=True)
            return
        code = self.expr(e)
        self.line = e.line
        self.emit(code)

    def loop_check(self) -> None:
        if self.checks:
            self.emit("_K[0] -= 1")
            self.emit("if _K[0] < 0: _tick()")

    def while_stmt(self, s: N.While) -> None:
        mark = len(self.lines)
        self.indent += 1
        cond = self.cond(s.cond)
        pre = self.lines[mark:]
        del self.lines[mark:]
        self.indent -= 1
        self.line = s.line
        if pre:
            self.emit("while True:")
            self.indent += 1
            self.loop_check()
            self.lines.extend(pre)
            self.emit(f"if not ({cond}): break")
            self.stmt(s.body)
            self.indent -= 1
        else:
            self.emit(f"while {cond}:")
            self.indent += 1
            self.loop_check()
            self.stmt(s.body)
            self.emit("pass")
            self.indent -= 1

    def for_stmt(self, s: N.For) -> None:
        seq = self.expr(s.seq)
        self.line = s.line
        info = s.info
        target = info.pyname
        self.emit(f"for {target} in _iter({seq}):")
        self.indent += 1
        self.loop_check()
        if info.boxed:
            self.emit(f"{target} = [{target}]")
        self.stmt(s.body)
        self.emit("pass")
        self.indent -= 1

    def class_decl(self, s: N.ClassDecl) -> None:
        cls: N.ClassInfo = s.info
        sup = f"_sup{cls.cid}"
        self.class_sups[cls.cid] = sup
        sup_code = "w_Object" if s.superclass is None else self.expr(s.superclass)
        self.line = s.line
        self.emit(f"{sup} = {sup_code}")
        inst: list[str] = []
        static: list[str] = []
        for m in s.methods:
            first = "this"
            pyname = self.function(m.func, first)
            target = static if m.kind == "static" else inst
            target.append(f"{m.mname!r}: {pyname}")
            if m.kind == "init":
                arity = len(m.func.params)
                params = ", ".join(p.pyname for p in m.func.params)
                alloc = f"new_{pyname}"
                ctor = m.mname.replace("i_", "m_", 1)
                self.debug_names[alloc] = m.func.debug_name
                self.line = m.line
                self.emit(f"def {alloc}(this{', ' if arity else ''}{params}):")
                self.emit(f"    _o = this.pyclass(); _o.{m.mname}({params}); return _o")
                static.append(f"{ctor!r}: {alloc}")
        for pyname in cls.fields.values():
            inst.append(f"{pyname!r}: None")
        self.static_fields.update(cls.static_fields.values())
        self.line = s.line
        attributes = ""
        if s.attributes or s.method_attributes:
            attributes = f", {s.attributes!r}, {s.method_attributes!r}"
        self.emit(
            f"{s.var.pyname} = _mkclass({cls.name!r}, {sup}, {{{', '.join(inst)}}}, "
            f"{{{', '.join(static)}}}{attributes})"
        )
        if s.var.boxed:
            self.lines[-1] = (self.indent, f"{s.var.pyname} = [{s.var.pyname}]", s.line)

    def import_stmt(self, s: N.Import) -> None:
        mod = self.fs.tmp() if self.fs else "_m"
        self.emit(f"{mod} = _import({s.module!r})")
        for src, info in s.names:
            value = f"_import_var({mod}, {s.module!r}, {src!r})"
            if info.boxed:
                self.emit(f"{info.pyname} = [{value}]")
            else:
                self.emit(f"{info.pyname} = {value}")
            if info.module_level and self.fs is not None:
                self.fs.info.globals_.add(info.pyname)

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
            return repr(v)
        return repr(v)

    def expr(self, e: N.Node) -> str:
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
            parts = []
            for p in e.parts:
                if isinstance(p, N.Lit) and type(p.value) is str:
                    parts.append(repr(p.value))
                else:
                    first, again = self.bind(p)
                    parts.append(f"({again} if type({first}) is str else _str({again}))")
            return "(" + " + ".join(parts) + ")"
        if isinstance(e, N.ListLit):
            return f"_L(({''.join(self.expr(i) + ', ' for i in e.items)}))"
        if isinstance(e, N.MapLit):
            pairs = "".join(f"({self.expr(k)}, {self.expr(v)}), " for k, v in e.pairs)
            return f"_mapof(({pairs}))"
        if isinstance(e, N.Is):
            return f"_is({self.expr(e.left)}, {self.expr(e.right)})"
        if isinstance(e, N.FnExpr):
            name = self.function(e.func)
            return f"_Fn({name}, {len(e.func.params)})"
        if isinstance(e, N.SuperCall):
            return self.super_call(e)
        raise AssertionError(f"unknown expression {e!r}")

    def cond(self, e: N.Node) -> str:
        """Code evaluating to a Python bool with Wren truthiness."""
        if isinstance(e, N.Lit):
            return "False" if e.value is None or e.value is False else "True"
        if isinstance(e, N.Binary) and e.op in COMPARE:
            return self.binary(e, truth=True)
        if isinstance(e, N.Logic):
            joiner = " and " if e.op == "&&" else " or "
            return f"({self.cond(e.left)}{joiner}{self.cond(e.right)})"
        if isinstance(e, N.Is):
            return self.expr(e)
        first, again = self.bind(e)
        return f"({first} is not None and {again} is not False)"

    def recv(self, e: N.Node) -> str:
        """Code for a receiver that has the method attributes."""
        if isinstance(e, N.This):
            return "this"
        if (
            isinstance(e, N.Var)
            and (e.info.is_class or e.info.obj_init)
            and not e.info.assigned
            and not e.info.boxed
        ):
            return e.info.pyname
        if isinstance(e, (N.ListLit, N.MapLit, N.FnExpr)):
            return self.expr(e)
        if isinstance(e, N.Field) and e.cls.object_fields.get(e.pyname, False):
            return self.expr(e)
        if isinstance(e, N.Lit) and type(e.value) is str:
            return f"_PX[str]({self.literal(e.value)})"
        first, again = self.bind(e)
        return f"({again} if type({first}) not in _P else _PX[type({again})]({again}))"

    def call(self, e: N.Call) -> str:
        recv = self.recv(e.recv)
        args = "" if e.args is None else ", ".join(self.expr(a) for a in e.args)
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
        if self.bool_literal(e.left) or self.bool_literal(e.right):
            # Python would compute with a bool as an integer; Wren rejects it.
            return f"_bin({self.expr(e.left)}, {mname!r}, {self.expr(e.right)})"
        if op in NATIVE_OPS and not (op == "+" and self.checks):
            # Under limits, `+` keeps its dispatch so String and List
            # concatenation can check the memory limit before allocating.
            return f"({self.expr(e.left)} {op} {self.expr(e.right)})"
        if op in ("==", "!="):
            return self.equality(e)
        if op not in FAST_ARITH and op not in ("+", "==", "!=", "/", "%"):
            return f"_bin({self.expr(e.left)}, {mname!r}, {self.expr(e.right)})"
        a_first, a = self.bind(e.left)
        b_first, b = self.bind(e.right)
        slow = f"_bin({a}, {mname!r}, {b})"
        if truth:
            slow = f"_truth({slow})"
        lf = isinstance(e.left, N.Lit) and type(e.left.value) is float
        rf = isinstance(e.right, N.Lit) and type(e.right.value) is float
        if lf and rf:
            test = "True"
        elif lf:
            test = f"{b_first}.__class__ is float"
        elif rf:
            test = f"{a_first}.__class__ is float"
        else:
            test = f"{a_first}.__class__ is {b_first}.__class__ is float"
        if op in FAST_ARITH or op == "+":
            return f"({a} {op} {b} if {test} else {slow})"
        if op in ("==", "!="):
            helper = f"_{'eq' if op == '==' else 'ne'}({a}, {b})"
            slow = f"_truth({helper})" if truth else helper
            return f"({a} {op} {b} if {test} else {slow})"
        if op == "/":
            return f"({a} / {b} if {test} and {b} else {slow})"
        return f"(_fmod({a}, {b}) if {test} and {b} else {slow})"

    def equality(self, e: N.Binary) -> str:
        """Python's == and != give Wren's answer for Num, String, null and
        objects (WObject routes them to a class's own == and !=), except that
        Python counts true == 1: a cross-type "equal" answer is re-checked."""
        a_first, a = self.bind(e.left)
        b_first, b = self.bind(e.right)
        r = self.tmp()
        odd = "True" if e.op == "==" else "False"
        return (
            f"({r} if ({r} := {a_first} {e.op} {b_first}) is not {odd} "
            f"or type({a}) is type({b}) else _bool_mix({a}, {b}, {r}))"
        )

    def bool_literal(self, e: N.Node) -> bool:
        return isinstance(e, N.Lit) and type(e.value) is bool

    def unary(self, e: N.Unary) -> str:
        if e.op == "~":
            return f"_un({self.expr(e.expr)}, 'u_inv')"
        if e.op == "-":
            return f"(-{self.expr(e.expr)})"
        first, again = self.bind(e.expr)
        if e.op == "-":
            return f"(-{again} if {first}.__class__ is float else _un({again}, 'u_sub'))"
        if e.op == "!":
            return (
                f"(({again} is None or {again} is False) if {first}.__class__ in _P "
                f"else {again}.u_not())"
            )
        raise AssertionError(e.op)

    def assign(self, e: N.Assign, *, statement: bool) -> str:
        target = e.target
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


def _is_leaf(info: N.FuncInfo) -> bool:
    stack: list[object] = [*info.body]
    if info.expr_body is not None:
        stack.append(info.expr_body)
    while stack:
        node = stack.pop()
        if isinstance(node, (N.Call, N.SuperCall, N.While, N.For, N.ClassDecl, N.Import)):
            return False
        if isinstance(node, N.FnExpr):
            continue
        if isinstance(node, (list, tuple)):
            stack.extend(node)
        elif isinstance(node, N.Node):
            slots: tuple[str, ...] = node.__slots__
            stack.extend(getattr(node, slot) for slot in slots)
    return True


def generate(
    mod: N.FuncInfo, module_vars: dict[str, N.VarInfo], *, checks: bool
) -> tuple[str, list[int], dict[str, str]]:
    debug: dict[str, str] = {}
    gen = CodeGen(checks=checks, debug_names=debug)
    gen.module(mod, module_vars)
    src, line_map = gen.source()
    return src, line_map, debug

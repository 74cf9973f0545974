"""Compile a resolved Wren syntax tree to Python source.

Each Wren function (module body, method, closure) becomes one Python
function; this module emits functions and statements, :mod:`kryon_wren.exprgen`
the expressions.  The generated text keeps a map from Python line to Wren line
for stack traces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from kryon_wren import fiberscan, linemarks, names
from kryon_wren import nodes as N
from kryon_wren.exprgen import ExprGen, FuncState

TICK_STATEMENTS = 512
"""Statements generated between two checks of the compilation's limits."""

CHUNK_CHARS = 16_000
"""About the size of generated source one function of a module body gets."""

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class CodeGen(ExprGen):
    # -- functions ------------------------------------------------------------

    def module(self, mod: N.FuncInfo, module_vars: dict[str, N.VarInfo]) -> None:
        own = [v.pyname for v in module_vars.values() if not v.builtin]
        for stmt in mod.body:
            # `var FORWARD = 2`: null before this runs, then always 2.
            if (
                isinstance(stmt, N.VarDecl)
                and isinstance(stmt.init, N.Lit)
                and self.plain_equal(stmt.init)
                and not stmt.info.assigned
            ):
                self.plain_vars.add(id(stmt.info))
        self.debug_names[mod.pyname] = "(script)"
        # Classes declared once, by a statement of the module itself: their
        # methods are defined at the top of the Python module (see function).
        self.top_classes = {id(s) for s in mod.body if isinstance(s, N.ClassDecl)}
        self.fs = FuncState(mod)
        mark = len(self.lines)
        self.indent += 1
        for v in own:
            self.emit(f"{v} = None", 1)
        self.prologue(mod)
        # Where each statement starts: the body may be cut there into chunks.
        cuts = []
        for stmt in mod.body:
            cuts.append(len(self.lines) - mark)
            self.stmt(stmt)
        self.emit("return None")
        self.indent -= 1
        body = self.lines[mark:]
        del self.lines[mark:]
        glob = sorted({*own, *mod.globals_, *self.static_fields, *self.module_globals})
        inits = [(1, f"{sf} = None", 1) for sf in sorted(self.static_fields)]
        chunks = _chunks(body, cuts)
        if len(chunks) == 1:
            self.emit(f"def {mod.pyname}():", 1)
            if glob:
                self.lines.append((1, "global " + ", ".join(glob), 1))
            self.lines.extend(inits)
            self.lines.extend(body)
            return
        # A big body is cut into functions run one after the other (see
        # run_chunks), so that CPython never compiles one giant function; each
        # declares global the module names it mentions.
        names = []
        for k, chunk in enumerate(chunks):
            name = f"{mod.pyname}_{self.chunk_tag}_{k}"
            self.debug_names[name] = "(script)"
            names.append(name)
            mentioned = set(_IDENT.findall("\n".join(text for _, text, _ in chunk)))
            used = [g for g in glob if g in mentioned]
            unit = [(0, f"def {name}():", chunk[0][2])]
            if used:
                unit.append((1, "global " + ", ".join(used), chunk[0][2]))
            if k == 0:
                unit.extend(inits)
            unit.extend(chunk)
            if k < len(chunks) - 1:
                unit.append((1, "return _go", chunk[-1][2]))
            self.units.append(unit)
        self.emit(f"{mod.pyname} = _run_chunks(({', '.join(names)},))", 1)

    def prologue(self, info: N.FuncInfo) -> None:
        # A function without calls or loops always finishes quickly, unless
        # it is a method that operators and interpolations call implicitly
        # (an operator, toString) and holds one itself: it may then call
        # itself, and such a recursion through operators alone must take
        # steps, or neither the time nor the depth limit would ever see it.
        if self.checks and (
            info.kind == "module"
            or not _is_leaf(info)
            or (_implicitly_called(info) and not _is_leaf(info, _IMPLICIT_CALLS))
        ):
            self.emit("_step()", info.line)

    def function(self, info: N.FuncInfo, first: str | None = None) -> str:
        """Emit a def for ``info``; returns its Python name.

        A function of the module function that uses none of its variables is
        defined at the top of the Python module instead: CPython's compiler
        copies the names an enclosing function binds for every function
        nested in it, so thousands of classes or closures nested in the
        module function took a time quadratic in their number to compile."""
        fs = self.fs
        if fs is None or fs.info.kind != "module" or not self.hoistable(info, fs.info):
            return self.define(info, first)
        lines, indent = self.lines, self.indent
        self.lines, self.indent = [], 0
        try:
            return self.define(info, first)
        finally:
            self.units.append(self.lines)
            self.lines, self.indent = lines, indent

    def hoistable(self, info: N.FuncInfo, module: N.FuncInfo) -> bool:
        if info.kind != "fn":
            # Methods never see the variables around their class; the methods
            # of a class declared by a module statement reach its superclass
            # through a global (see class_decl).
            return self.hoist_methods
        return not info.passed_in and not _uses_locals_of(info, module)

    def define(self, info: N.FuncInfo, first: str | None) -> str:
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
        outer_marking = self.marking
        self.marking = linemarks.spans_lines(s)
        self.statement(s)
        self.marking = outer_marking

    def statement(self, s: N.Node) -> None:
        self.line = s.line
        self.nstmts += 1
        if not self.nstmts % TICK_STATEMENTS and self.tick is not None:
            self.tick()
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
            self.emit("_step()")

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
        r = s.seq
        if isinstance(r, N.Binary) and r.op in ("..", "..."):
            if self.known_num(r.left) and not s.info.assigned:
                # Num's range operators: the loop variable holds Nums only.
                self.num_vars.add(id(s.info))
            inclusive = r.op == ".."
            seq = f"_for_range({self.expr(r.left)}, {self.expr(r.right)}, {inclusive})"
        else:
            seq = f"_for({self.expr(r)})"
        self.line = s.line
        info = s.info
        target = info.pyname
        if self.checks:
            # zip takes the iteration's step from the budget in C, where a
            # ``_step()`` call would cost a Python-level call per iteration.
            self.emit(f"for {target}, _ in zip({seq}, _steps):")
        else:
            self.emit(f"for {target} in {seq}:")
        self.indent += 1
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
        top = id(s) in self.top_classes and self.fs is not None and self.fs.info.kind == "module"
        if top:
            self.module_globals.add(sup)
        inst: list[str] = []
        static: list[str] = []
        for m in s.methods:
            first = "this"
            outer_hoist, self.hoist_methods = self.hoist_methods, top
            try:
                pyname = self.function(m.func, first)
            finally:
                self.hoist_methods = outer_hoist
            target = static if m.kind == "static" else inst
            target.append(f"{m.mname!r}: {pyname}")
            if m.kind == "init":
                arity = len(m.func.params)
                params = ", ".join(p.pyname for p in m.func.params)
                alloc = f"new_{pyname}"
                ctor = m.mname.replace("i_", "m_", 1)
                # The reference compiles this allocator after the body, as a
                # function without a name: its frame reads "[main line N] in "
                # with N the line of the body's closing brace.
                self.debug_names[alloc] = ""
                self.line = m.end_line
                lines, indent = self.lines, self.indent
                if top:
                    self.lines, self.indent = [], 0
                self.emit(f"def {alloc}(this{', ' if arity else ''}{params}):")
                self.emit(f"    _o = this.pyclass(); _o.{m.mname}({params}); return _o")
                if top:
                    self.units.append(self.lines)
                    self.lines, self.indent = lines, indent
                static.append(f"{ctor!r}: {alloc}")
        for pyname in cls.fields.values():
            inst.append(f"{pyname!r}: None")
        self.static_fields.update(cls.static_fields.values())
        self.line = s.line
        attributes = ""
        if s.attributes or s.method_attributes:
            attributes = f", {s.attributes!r}, {s.method_attributes!r}"
        if cls.foreign:
            attributes += ", foreign=True"
        self.emit(
            f"{s.var.pyname} = _mkclass({cls.name!r}, {sup}, {{{', '.join(inst)}}}, "
            f"{{{', '.join(static)}}}{attributes})"
        )
        if s.var.boxed:
            self.lines[-1] = (self.indent, f"{s.var.pyname} = [{s.var.pyname}]", s.line)
        if s.foreign_methods:
            # The first one fails to bind, at the end of its signature.
            message, self.line = s.foreign_methods[0]
            self.emit(f"_foreign_missing({message!r}, _modname)")

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


def _chunks(body: list[tuple[int, str, int]], cuts: list[int]) -> list[list[tuple[int, str, int]]]:
    """``body`` cut at some of ``cuts`` (where statements start) into pieces
    of about CHUNK_CHARS characters; one piece if it is no bigger."""
    chunks: list[list[tuple[int, str, int]]] = []
    start = size = 0
    cut_at = set(cuts)
    for i, (indent, text, _) in enumerate(body):
        if size > CHUNK_CHARS and i in cut_at:
            chunks.append(body[start:i])
            start, size = i, 0
        size += len(text) + 4 * indent + 1
    chunks.append(body[start:])
    return chunks


def _uses_locals_of(info: N.FuncInfo, outer: N.FuncInfo) -> bool:
    """Whether ``info`` or a closure in it uses a variable local to ``outer``."""
    stack: list[object] = [*info.body]
    if info.expr_body is not None:
        stack.append(info.expr_body)
    while stack:
        node = stack.pop()
        if isinstance(node, N.Var):
            if node.info.func is outer:
                return True
        elif isinstance(node, N.FnExpr):
            stack.extend(node.func.body)
            if node.func.expr_body is not None:
                stack.append(node.func.expr_body)
        elif isinstance(node, N.ClassDecl):
            # Methods do not see the variables around their class.
            stack.append(node.superclass)
        else:
            N.push_children(stack, node)
    return False


_CALLS = (N.Call, N.SuperCall, N.While, N.For, N.ClassDecl, N.Import)
"""Nodes that call other Wren code or loop (see CodeGen.prologue)."""

_IMPLICIT_CALLS = (N.Binary, N.Unary, N.Interp, N.Is)
"""Nodes that may call a method of the script implicitly."""

_OPERATOR_SIGNATURES = frozenset(sig for op in names.OPERATOR_NAMES for sig in (op, f"{op}(_)")) | {
    "toString"
}


def _implicitly_called(info: N.FuncInfo) -> bool:
    """Whether ``info`` is a method an operator or interpolation may call."""
    return info.kind in ("method", "static") and info.debug_name in _OPERATOR_SIGNATURES


def _is_leaf(info: N.FuncInfo, calls: tuple[type, ...] = _CALLS) -> bool:
    stack: list[object] = [*info.body]
    if info.expr_body is not None:
        stack.append(info.expr_body)
    while stack:
        node = stack.pop()
        if isinstance(node, calls):
            return False
        if not isinstance(node, N.FnExpr):
            N.push_children(stack, node)
    return True


class Generated(NamedTuple):
    pieces: list[tuple[int, str]]
    """The Python source, in pieces (see ExprGen.source)."""
    line_map: list[int]
    """The Wren line of each Python line."""
    spans: dict[int, list[linemarks.Span]]
    """Of Python lines of statements that span Wren lines (see linemarks)."""
    debug_names: dict[str, str]
    """The Wren name of each function."""
    stackful: bool
    """Whether a fiber may need a stack of its own (see fiberscan)."""


def generate(
    mod: N.FuncInfo,
    module_vars: dict[str, N.VarInfo],
    *,
    checks: bool,
    tick: Callable[[], None] | None = None,
    chunk_tag: int = 0,
) -> Generated:
    """Python source for ``mod``; ``chunk_tag`` keeps the names of the module
    body's chunks apart from another compilation's in the same namespace
    (Meta.compile)."""
    debug: dict[str, str] = {}
    gen = CodeGen(checks=checks, debug_names=debug, tick=tick)
    gen.chunk_tag = chunk_tag
    fibers = fiberscan.scan(mod)
    gen.generator_bodies, gen.generator_yields = fibers.bodies, fibers.yields
    gen.module(mod, module_vars)
    pieces, line_map, spans = gen.source()
    return Generated(pieces, line_map, spans, debug, fibers.stackful)

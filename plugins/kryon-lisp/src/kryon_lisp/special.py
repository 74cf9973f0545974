"""Special forms: the constructs the compiler turns into Python directly."""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pyrsistent import pvector

from kryon_lisp import destructure
from kryon_lisp.functions import compile_fn
from kryon_lisp.loop_types import ExpansionMemo, likely_longs
from kryon_lisp.scope import (
    EXPR,
    STMT,
    Ctx,
    Env,
    Local,
    RecurTarget,
    Result,
    Stmts,
    assign,
    call,
    const,
    is_bool,
    is_long,
    mark_bool,
    mark_long,
    name,
    store,
)
from kryon_lisp.types import Keyword, LMap, PList, PVector, Symbol, plist

if TYPE_CHECKING:
    from kryon_lisp.compiler import Compiler

Special = Callable[["Compiler", PList, Env, Ctx], Result]
SPECIAL_FORMS: dict[str, Special] = {}


def special(*names: str) -> Callable[[Special], Special]:
    def register(fn: Special) -> Special:
        for n in names:
            SPECIAL_FORMS[n] = fn
        return fn

    return register


def form_args(form: PList) -> list[Any]:
    return list(form.more())


@special("quote")
def _quote(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if len(args) != 1:
        raise c.error("Wrong number of args passed to quote", form)
    return c.finish([], c.constant(args[0]), ctx)


@special("do")
def _do(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    return c.body(form_args(form), env, ctx)


@special("if")
def _if(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if not 2 <= len(args) <= 3:
        raise c.error(f"Too {'few' if len(args) < 2 else 'many'} arguments to if", form)
    stmts, test = c.test(args[0], env)
    then_form = args[1]
    else_form = args[2] if len(args) == 3 else None
    sub = (
        Ctx("tail", ctx.recur, ctx.result)
        if ctx.kind == "tail"
        else (STMT if ctx.kind == "stmt" else EXPR)
    )
    s1, e1 = c.form(then_form, env, sub)
    s2, e2 = c.form(else_form, env, sub)
    if ctx.kind == "tail":
        then_body = s1 + ([ast.Return(value=e1)] if e1 is not None else [])
        else_body = s2 + ([ast.Return(value=e2)] if e2 is not None else [])
        if ctx.result is not None:
            then_body = s1 if e1 is None else [*s1, assign(ctx.result, e1), ast.Break()]
            else_body = s2 if e2 is None else [*s2, assign(ctx.result, e2), ast.Break()]
        return [*stmts, ast.If(test=test, body=then_body or [ast.Pass()], orelse=else_body)], None
    if ctx.kind == "stmt":
        body = s1 + ([ast.Expr(value=e1)] if e1 is not None else [])
        orelse = s2 + ([ast.Expr(value=e2)] if e2 is not None else [])
        return [*stmts, ast.If(test=test, body=body or [ast.Pass()], orelse=orelse)], None
    e1 = const(None) if e1 is None else e1
    e2 = const(None) if e2 is None else e2
    value: ast.expr
    if not s1 and not s2:
        value = ast.IfExp(test=test, body=e1, orelse=e2)
    else:
        tmp = c.scope.temp()
        stmts = [
            *stmts,
            ast.If(test=test, body=[*s1, assign(tmp, e1)], orelse=[*s2, assign(tmp, e2)]),
        ]
        value = name(tmp)
    # a bool or a long when both branches are
    return stmts, mark_long(
        mark_bool(value, is_bool(e1) and is_bool(e2)), is_long(e1) and is_long(e2)
    )


@special("cond")
def _cond(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    """``cond`` as one flat if/elif chain (any number of clauses, constant depth)."""
    args = form_args(form)
    if len(args) % 2:
        raise c.error("cond requires an even number of forms", form)
    clauses = list(zip(args[::2], args[1::2], strict=True))
    result = None if ctx.kind != "expr" else c.scope.temp("cond")
    sub = ctx if ctx.kind == "tail" else STMT if ctx.kind == "stmt" else EXPR

    proven = [False]  # whether the branch last compiled gives a proven long

    def branch(body: Any) -> Stmts:
        s, e = c.form(body, env, sub)
        proven[0] = e is not None and is_long(e)
        if e is None:
            return s
        if ctx.kind == "tail":
            return c.finish(s, e, ctx)[0]
        if ctx.kind == "stmt":
            return [*s, ast.Expr(value=e)]
        return [*s, assign(result or "", e)]

    tail: Stmts = branch(None)
    longs = proven[0]  # every branch that can give the value does
    for test, body in reversed(clauses):
        if isinstance(test, Keyword) or test is True:
            tail = branch(body)
            longs = proven[0]
            continue
        if test is None or test is False:
            continue
        s, t = c.test(test, env)
        then = branch(body)
        longs = longs and proven[0]
        tail = [*s, ast.If(test=t, body=then or [ast.Pass()], orelse=tail)]
    if result is None:
        return tail, None
    return tail, mark_long(name(result), longs)


def _pairs(c: Compiler, bindings: Any, form: Any, what: str) -> list[tuple[Any, Any]]:
    if type(bindings) is not PVector:
        raise c.error(f"{what} requires a vector for its binding", form)
    if len(bindings) % 2:
        raise c.error(f"{what} requires an even number of forms in binding vector", form)
    items = list(bindings)
    return list(zip(items[::2], items[1::2], strict=False))


@special("let", "let*")
def _let(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if not args:
        raise c.error("let requires a binding vector", form)
    stmts: Stmts = []
    for pattern, value in _pairs(c, args[0], form, "let"):
        s, e = c.expr(value, env)
        stmts += s
        s, env = destructure.bind(c, pattern, e, env)
        stmts += s
        if isinstance(pattern, Symbol) and is_long(e):
            local = env.get(pattern.name)
            if local is not None:  # a let local is never reassigned: it stays a long
                local.long = True
    body, result = c.body(args[1:], env, ctx)
    return stmts + body, result


@special("loop", "loop*")
def _loop(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if not args:
        raise c.error("loop requires a binding vector", form)
    pairs = _pairs(c, args[0], form, "loop")
    stmts: Stmts = []
    names: list[str] = []
    patterns: list[tuple[Any, str]] = []
    variables: list[Local | None] = []
    candidates: set[int] = set()
    for pattern, value in pairs:
        s, e = c.expr(value, env)
        stmts += s
        if isinstance(pattern, Symbol):
            env, py = c.bind_local(pattern, env)
            stmts.append(assign(py, e))
            names.append(py)
            variables.append(env.get(pattern.name))
            if is_long(e):
                candidates.add(len(variables) - 1)
        else:
            tmp = c.scope.temp("loop")
            stmts.append(assign(tmp, e))
            names.append(tmp)
            patterns.append((pattern, tmp))
            variables.append(None)
    target = RecurTarget(names)
    head: Stmts = []
    for pattern, tmp in patterns:
        s, env = destructure.bind(c, pattern, name(tmp), env)
        head += s
    returns = ctx.kind == "tail" and ctx.result is None
    result = None if returns else c.scope.temp("res")
    since = c.scope.loops
    body, expr = _loop_body(c, args[1:], env, Ctx("tail", target, result), variables, candidates)
    if expr is not None:
        body.append(ast.Return(value=expr) if returns else assign(result or "", expr))
    stmts += c.counted(ast.While(test=const(True), body=head + body, orelse=[]), since)
    if returns:
        return stmts, None
    return c.finish(stmts, name(result or ""), ctx)


def _loop_body(
    c: Compiler,
    forms: list[Any],
    env: Env,
    ctx: Ctx,
    variables: list[Local | None],
    candidates: set[int],
) -> Result:
    """The body of a loop whose ``variables`` at ``candidates`` start as
    longs: compiled assuming the variables that look so stay longs, again
    without those a ``recur`` disproves (and a third time assuming nothing, if
    that disproves more). Passes after the first compile inner loops without
    assumptions, so nesting cannot multiply the work; macro calls expand as
    often as with one pass (see :mod:`kryon_lisp.loop_types`)."""
    target = ctx.recur
    assert target is not None
    longs = set()
    if candidates and c.speculate:
        lisp = [v.lisp if v is not None else "" for v in variables]
        longs = likely_longs(forms, lisp, candidates)
    outermost = c.expansion_memo is None
    if longs and outermost:
        c.expansion_memo = ExpansionMemo()
    mark = c.expansion_memo.mark() if c.expansion_memo is not None else 0
    saved = c.scope.counter, c.nodes, c.speculate
    c.scope.loop_depth += 1
    try:
        for attempt in range(3):
            for i, variable in enumerate(variables):
                if variable is not None:
                    variable.long = i in longs
            target.longs = [i in longs for i in range(len(variables))]
            target.unproven = set()
            target.used = False
            body, expr = c.body(forms, env, ctx)
            if not target.unproven:
                return body, expr
            # discard this pass: the next numbers its names, counts its nodes and
            # expands its macro calls anew
            c.scope.counter, c.nodes = saved[0], saved[1]
            if c.expansion_memo is not None:
                c.expansion_memo.rewind(mark)
            c.speculate = False
            longs = longs - target.unproven if attempt == 0 else set()
        raise AssertionError("a loop compiled assuming nothing disproved an assumption")
    finally:
        c.scope.loop_depth -= 1
        c.speculate = saved[2]
        if outermost:
            c.expansion_memo = None


@special("recur")
def _recur(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    target = ctx.recur
    if ctx.kind != "tail" or target is None:
        raise c.error("Can only recur from tail position", form)
    args = form_args(form)
    if len(args) != len(target.names):
        raise c.error(
            f"Mismatched argument count to recur, expected: {len(target.names)} args, "
            f"got: {len(args)}",
            form,
        )
    stmts, exprs = c.exprs(args, env)
    target.used = True
    for i, assumed in enumerate(target.longs):
        if assumed and not is_long(exprs[i]):
            target.unproven.add(i)
    if len(exprs) == 1:
        stmts.append(assign(target.names[0], exprs[0]))
    elif exprs:
        stmts.append(
            ast.Assign(
                targets=[ast.Tuple(elts=[store(n) for n in target.names], ctx=ast.Store())],
                value=ast.Tuple(elts=exprs, ctx=ast.Load()),
            )
        )
    stmts.append(ast.Continue())
    return stmts, None


@special("fn", "fn*")
def _fn(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    stmts, expr, _ = compile_fn(c, form, env, None)
    return c.finish(stmts, expr, ctx)


@special("def")
def _def(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if not args or not isinstance(args[0], Symbol):
        raise c.error("First argument to def must be a Symbol", form)
    sym: Symbol = args[0]
    if sym.name.startswith("__") and sym.name.endswith("__"):
        # the namespace dict is the code's Python globals: its dunders are reserved
        raise c.error(f"Can't def reserved name: {sym.name}", sym)
    if sym.ns is not None and sym.ns != c.ns.name:
        raise c.error(f"Can't create defs outside of current ns: {sym}", sym)
    rest = args[1:]
    doc = None
    if len(rest) == 2 and isinstance(rest[0], str):
        doc, rest = rest[0], rest[1:]
    if len(rest) > 1:
        raise c.error("Too many arguments to def", form)
    meta = sym.meta
    private = bool(meta is not None and meta.get(Keyword("private")))
    if meta is not None and isinstance(meta.get(Keyword("doc")), str):
        doc = meta.get(Keyword("doc"))
    info = c.ns.declare(sym.name, private=private, line=form.line, doc=doc)
    if not rest:
        return c.finish([], call(name("@var"), const(c.ns.name), const(sym.name)), ctx)
    value = rest[0]
    if isinstance(value, PList) and value.count and value.first() in (Symbol("fn"), Symbol("fn*")):
        info["kind"] = "fn"  # before the body: its calls of the name are plain calls
        stmts, expr, fn_info = compile_fn(c, value, env, sym.name)
        info.update(fn_info)
    else:
        info["kind"] = "var"  # it may hold a vector, which Python cannot call
        stmts, expr = c.expr(value, env)
    stmts.append(
        ast.Assign(
            targets=[ast.Subscript(value=name("@g"), slice=const(sym.name), ctx=ast.Store())],
            value=expr,
        )
    )
    return c.finish(stmts, call(name("@var"), const(c.ns.name), const(sym.name)), ctx)


@special("defmacro")
def _defmacro(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if not args or not isinstance(args[0], Symbol):
        raise c.error("defmacro requires a name", form)
    sym = args[0]
    rest = args[1:]
    if rest and isinstance(rest[0], str):
        rest = rest[1:]
    if rest and isinstance(rest[0], LMap):
        rest = rest[1:]
    fn_form = plist([Symbol("fn"), Symbol(sym.name), *_macro_arities(c, rest, form)]).at(
        form.line, form.column
    )
    stmts, expr, _ = compile_fn(c, fn_form, env, sym.name)
    stmts.append(ast.Expr(value=call(name("@defmacro"), const(sym.name), expr)))
    c.ns.declare_macro(sym.name)
    return c.finish(stmts, call(name("@var"), const(c.ns.name), const(sym.name)), ctx)


def _macro_arities(c: Compiler, rest: list[Any], form: Any) -> list[Any]:
    """Add the implicit ``&form`` parameter to each arity of a macro."""
    form_sym = Symbol("&form")
    if rest and type(rest[0]) is PVector:
        return [PVector_prepend(form_sym, rest[0]), *rest[1:]]
    out = []
    for arity in rest:
        if not isinstance(arity, PList) or type(arity.first()) is not PVector:
            raise c.error("Invalid macro definition", form)
        out.append(plist([PVector_prepend(form_sym, arity.first()), *list(arity.more())]))
    return out


def PVector_prepend(x: Any, v: Any) -> Any:
    from pyrsistent import pvector

    return pvector([x, *v])


@special("letfn", "letfn*")
def _letfn(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if not args or type(args[0]) is not PVector:
        raise c.error("letfn requires a vector of function specs", form)
    specs = list(args[0])
    names = []
    for spec in specs:
        if not isinstance(spec, PList) or not isinstance(spec.first(), Symbol):
            raise c.error("letfn function spec must be (name [params] body)", form)
        env, py = c.bind_local(spec.first(), env)
        names.append(py)
    stmts: Stmts = []
    for spec, py in zip(specs, names, strict=False):
        fn_form = PList(Symbol("fn"), spec).at(spec.line, spec.column)
        s, e, _ = compile_fn(c, fn_form, env, spec.first().name, frozenset(names))
        stmts += s
        stmts.append(assign(py, e))
    body, result = c.body(args[1:], env, ctx)
    return stmts + body, result


@special("throw")
def _throw(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if len(args) != 1:
        raise c.error("throw requires one argument", form)
    stmts, e = c.expr(args[0], env)
    stmts.append(ast.Raise(exc=call(name("@throwable"), e), cause=None))
    return stmts, (None if ctx.kind == "tail" else const(None))


_CATCH = Symbol("catch")
_FINALLY = Symbol("finally")


@special("try")
def _try(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    body_forms: list[Any] = []
    catches: list[PList] = []
    finally_forms: list[Any] | None = None
    for item in form_args(form):
        head = item.first() if isinstance(item, PList) and item.count else None
        if head == _CATCH:
            catches.append(item)
        elif head == _FINALLY:
            finally_forms = list(item.more())
        elif catches or finally_forms is not None:
            raise c.error("Only catch or finally clause can follow catch in try expression", item)
        else:
            body_forms.append(item)
    returns = ctx.kind == "tail" and ctx.result is None
    result = None if returns or ctx.kind == "stmt" else c.scope.temp("try")
    sub = Ctx("tail") if returns else Ctx("tail", None, result) if result else STMT

    def block(forms: list[Any], benv: Env) -> Stmts:
        if sub.kind == "stmt":
            s, e = c.body(forms, benv, STMT)
            return s + ([ast.Expr(value=e)] if e is not None else [])
        s, e = c.body(forms, benv, Ctx("tail", None, None) if returns else EXPR)
        if e is None:
            return s
        return [*s, ast.Return(value=e)] if returns else [*s, assign(result or "", e)]

    body = block(body_forms, env) or [ast.Pass()]
    handlers: list[ast.ExceptHandler] = []
    if catches:
        exc_name = c.scope.temp("exc")
        chain: Stmts = [ast.Raise(exc=None, cause=None)]
        for clause in reversed(catches):
            parts = list(clause.more())
            if len(parts) < 2 or not isinstance(parts[1], Symbol):
                raise c.error("catch requires a class and a binding symbol", clause)
            classes = c.runtime.catch_class(parts[0])
            if classes is None:
                raise c.error(f"Unable to resolve classname: {parts[0]}", clause)
            cenv, py = c.bind_local(parts[1], env)
            clause_body = [
                assign(py, call(name("@caught"), name(exc_name))),
                *block(parts[2:], cenv),
            ]
            test = call(name("@catches"), name(exc_name), c.constant(classes))
            chain = [ast.If(test=test, body=clause_body, orelse=chain)]
        handlers.append(
            ast.ExceptHandler(
                type=name("@Exception"),
                name=exc_name,
                body=[
                    ast.If(
                        test=call(name("@uncatchable"), name(exc_name)),
                        body=[ast.Raise(exc=None, cause=None)],
                        orelse=[],
                    ),
                    *chain,
                ],
            )
        )
    final: Stmts = []
    if finally_forms is not None:
        s, e = c.body(finally_forms, env, STMT)
        final = s + ([ast.Expr(value=e)] if e is not None else []) or [ast.Pass()]
        # System/exit runs no finally block on the JVM
        final = [ast.If(test=call(name("@exiting")), body=[ast.Pass()], orelse=final)]
    if not handlers and not final:
        stmts = body
    else:
        stmts = [ast.Try(body=body, handlers=handlers, orelse=[], finalbody=final)]
    if returns or sub.kind == "stmt":
        return stmts, None
    if ctx.kind == "tail":
        return c.finish(stmts, name(result or ""), ctx)
    return stmts, name(result or "")


@special("var")
def _var(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if len(args) != 1 or not isinstance(args[0], Symbol):
        raise c.error("var requires a symbol", form)
    sym = args[0]
    if sym.name.startswith("__"):
        raise c.error(f"Unable to resolve var: {sym} in this context", form)
    ns_name = c.ns.aliases.get(sym.ns, sym.ns) if sym.ns else c.ns.name
    if sym.ns is None and sym.name not in c.ns.defs and sym.name not in c.ns.globals:
        if sym.name not in c.runtime.core or sym.name.startswith("@"):
            raise c.error(f"Unable to resolve var: {sym} in this context", form)
        ns_name = "clojure.core"  # #'inc
    return c.finish([], call(name("@var"), const(ns_name), const(sym.name)), ctx)


@special("and", "or")
def _and_or(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    is_and = form.first().name == "and"
    args = form_args(form)
    if not args:
        # (and) is true, (or) is nil as in Clojure, not false
        return c.finish([], mark_bool(const(True)) if is_and else const(None), ctx)
    if len(args) == 1:
        return c.form(args[0], env, ctx)
    if ctx.kind == "tail" and ctx.recur is not None:
        # keep the last operand in tail position (it may recur), as the macros do
        local = Symbol(f"and-or__{c.scope.temp('ao')[1:]}")
        rest = plist([form.first(), *args[1:]])
        then, other = (rest, local) if is_and else (local, rest)
        expansion = plist(
            [Symbol("let"), pvector([local, args[0]]), plist([Symbol("if"), local, then, other])]
        )
        return c.form(expansion, env, ctx)
    compiled = [c.expr(a, env) for a in args]
    if all(not s and is_bool(e) for s, e in compiled):
        op = ast.And() if is_and else ast.Or()
        return c.finish([], mark_bool(ast.BoolOp(op=op, values=[e for _, e in compiled])), ctx)
    tmp = c.scope.temp("ao")
    stmts: Stmts = []
    # nested ifs so that each operand is evaluated at most once, in order
    inner: Stmts = [*compiled[-1][0], assign(tmp, compiled[-1][1])]
    for s, e in reversed(compiled[:-1]):
        t_stmts, test = _truth_of_tmp(c, tmp, e)
        if is_and:
            inner = [*s, assign(tmp, e), *t_stmts, ast.If(test=test, body=inner, orelse=[])]
        else:
            inner = [
                *s,
                assign(tmp, e),
                *t_stmts,
                ast.If(test=test, body=[ast.Pass()], orelse=inner),
            ]
    stmts += inner
    return c.finish(stmts, mark_bool(name(tmp), all(is_bool(e) for _, e in compiled)), ctx)


def _truth_of_tmp(c: Compiler, tmp: str, e: ast.expr) -> tuple[Stmts, ast.expr]:
    if is_bool(e):
        return [], name(tmp)
    from kryon_lisp.scope import truthy_test

    return truthy_test(name(tmp), c.scope, False)


from kryon_lisp import loops, special_ns  # noqa: E402,F401 - register the other forms

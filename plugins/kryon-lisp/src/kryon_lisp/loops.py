"""Iteration forms: ``for`` (a lazy generator), ``doseq``, ``dotimes``, ``while``."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from kryon_lisp import destructure
from kryon_lisp.scope import (
    STMT,
    Ctx,
    Env,
    FnScope,
    Result,
    Stmts,
    assign,
    call,
    const,
    name,
    store,
)
from kryon_lisp.special import special
from kryon_lisp.types import Keyword, PList, PVector

if TYPE_CHECKING:
    from kryon_lisp.compiler import Compiler

_LET = Keyword("let")
_WHEN = Keyword("when")
_WHILE = Keyword("while")


def _clauses(c: Compiler, form: PList, what: str) -> tuple[list[Any], list[Any]]:
    args = list(form.more())
    if not args or type(args[0]) is not PVector or len(args[0]) % 2:
        raise c.error(f"{what} requires a vector with an even number of forms", form)
    items = list(args[0])
    return list(zip(items[::2], items[1::2], strict=False)), args[1:]


def _nest(c: Compiler, clauses: list[Any], env: Env, innermost: Any, form: Any) -> Stmts:
    """Nested Python ``for`` loops for the binding clauses; ``innermost(env)``
    gives the statements of the body."""
    if not clauses:
        body: Stmts = innermost(env)
        return body
    (key, value), rest = clauses[0], clauses[1:]
    if key == _LET:
        if type(value) is not PVector or len(value) % 2:
            raise c.error(":let requires a binding vector", form)
        stmts: Stmts = []
        items = list(value)
        for pattern, expr in zip(items[::2], items[1::2], strict=False):
            s, e = c.expr(expr, env)
            stmts += s
            s, env = destructure.bind(c, pattern, e, env)
            stmts += s
        return stmts + _nest(c, rest, env, innermost, form)
    if key == _WHEN:
        s, test = c.test(value, env)
        return [
            *s,
            ast.If(test=test, body=_nest(c, rest, env, innermost, form) or [ast.Pass()], orelse=[]),
        ]
    if key == _WHILE:
        s, test = c.test(value, env)
        return [
            *s,
            ast.If(test=ast.UnaryOp(op=ast.Not(), operand=test), body=[ast.Break()], orelse=[]),
            *_nest(c, rest, env, innermost, form),
        ]
    if isinstance(key, Keyword):
        raise c.error(f"Invalid binding keyword: {key}", form)
    s, coll = c.expr(value, env)
    var = c.scope.temp("it")
    c.scope.loop_depth += 1
    since = c.scope.loops
    try:
        head, inner_env = destructure.bind(c, key, name(var), env)
        body = head + _nest(c, rest, inner_env, innermost, form)
    finally:
        c.scope.loop_depth -= 1
    loop = ast.For(
        target=store(var), iter=call(name("@iter"), coll), body=body or [ast.Pass()], orelse=[]
    )
    return [*s, *c.counted(loop, since)]


@special("doseq")
def _doseq(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    clauses, body = _clauses(c, form, "doseq")

    def innermost(benv: Env) -> Stmts:
        s, e = c.body(body, benv, STMT)
        return s + ([ast.Expr(value=e)] if e is not None else [])

    return c.finish(_nest(c, clauses, env, innermost, form), const(None), ctx)


@special("for")
def _for(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    clauses, body = _clauses(c, form, "for")
    outer = c.scope
    gen_scope = FnScope(outer, "for", generator=True)
    c.scope = gen_scope
    try:

        def innermost(benv: Env) -> Stmts:
            s, e = c.body(body, benv, c_expr_ctx())
            return [*s, ast.Expr(value=ast.Yield(value=e if e is not None else const(None)))]

        gen_body = _nest(c, clauses, env, innermost, form)
        if c.limited:
            gen_body = c.budget_prologue() + gen_body
    finally:
        c.scope = outer
    gen_name = outer.temp("gen")
    captured = sorted({loc.py for loc in gen_scope.free if loc.fn is not gen_scope})
    fn = ast.FunctionDef(
        name=gen_name,
        args=ast.arguments(
            posonlyargs=[],
            args=[ast.arg(arg=p) for p in captured],
            vararg=None,
            kwonlyargs=[],
            kw_defaults=[],
            kwarg=None,
            defaults=[],
        ),
        body=gen_body or [ast.Return(value=const(None))],
        decorator_list=[],
        returns=None,
    )
    for loc in gen_scope.free:
        if loc.fn is not gen_scope:
            c._note_free(loc)
    # captured locals are passed as arguments, so the sequence sees their values now
    expr = call(name("@lazy_iter"), call(name(gen_name), *[name(p) for p in captured]))
    return c.finish([fn], expr, ctx)


def c_expr_ctx() -> Ctx:
    return Ctx("expr")


@special("dotimes")
def _dotimes(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = list(form.more())
    if not args or type(args[0]) is not PVector or len(args[0]) != 2:
        raise c.error("dotimes requires a vector of a name and a count", form)
    sym, count = args[0]
    s, n = c.expr(count, env)
    c.scope.loop_depth += 1
    since = c.scope.loops
    try:
        env, py = c.bind_local(sym, env)
        local = env.get(sym.name)
        if local is not None:  # range(int(n)) counts in ints from 0 up: always a long
            local.long = True
        bs, be = c.body(args[1:], env, STMT)
        body = bs + ([ast.Expr(value=be)] if be is not None else [])
    finally:
        c.scope.loop_depth -= 1
    loop = ast.For(
        target=store(py), iter=call(name("@range_of"), n), body=body or [ast.Pass()], orelse=[]
    )
    return c.finish([*s, *c.counted(loop, since)], const(None), ctx)


@special("while")
def _while(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = list(form.more())
    if not args:
        raise c.error("while requires a test", form)
    c.scope.loop_depth += 1
    since = c.scope.loops
    try:
        ts, test = c.test(args[0], env)
        bs, be = c.body(args[1:], env, STMT)
        body = bs + ([ast.Expr(value=be)] if be is not None else [])
    finally:
        c.scope.loop_depth -= 1
    if ts:
        loop_body = [
            *ts,
            ast.If(test=ast.UnaryOp(op=ast.Not(), operand=test), body=[ast.Break()], orelse=[]),
            *body,
        ]
        loop = ast.While(test=const(True), body=loop_body, orelse=[])
    else:
        loop = ast.While(test=test, body=body or [ast.Pass()], orelse=[])
    return c.finish(c.counted(loop, since), const(None), ctx)


__all__ = ["assign"]

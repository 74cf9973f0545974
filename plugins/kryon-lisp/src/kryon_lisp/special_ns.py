"""Special forms about namespaces and dispatch: ``ns``, ``require``,
``declare``, ``new`` and ``case``."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from kryon_lisp.scope import Ctx, Env, Result, Stmts, assign, call, const, name
from kryon_lisp.special import form_args, special
from kryon_lisp.types import Keyword, PList, PVector, Symbol, plist

if TYPE_CHECKING:
    from kryon_lisp.compiler import Compiler


@special("new")
def _new(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if not args or not isinstance(args[0], Symbol):
        raise c.error("new requires a class name", form)
    stmts, exprs = c.exprs(args[1:], env)
    return c.finish(stmts, call(name("@new"), const(str(args[0])), *exprs), ctx)


@special("ns")
def _ns(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if not args or not isinstance(args[0], Symbol):
        raise c.error("ns requires a name", form)
    existing = c.runtime.namespace_for(str(args[0]))
    if existing is not None and existing.builtin:
        # built-in namespaces are every script's: one script must not replace
        # clojure.string or kryon (the host API) under the others
        raise c.error(f"Can't define namespace {args[0]}: it is built in", args[0])
    c.ns.rename(str(args[0]))
    stmts: Stmts = []
    for clause in args[1:]:
        if isinstance(clause, PList) and clause.count and isinstance(clause.first(), Keyword):
            kind = clause.first().name
            if kind in ("require", "use"):
                for spec in clause.more():
                    stmts += _require_spec(c, spec, form)
    return c.finish(stmts, const(None), ctx)


def _require_spec(c: Compiler, spec: Any, form: Any) -> Stmts:
    if isinstance(spec, PList) and spec.count == 2 and spec.first() == Symbol("quote"):
        spec = spec.more().first()
    if isinstance(spec, Symbol):
        target, alias, refer = str(spec), None, list[Any]()
    elif type(spec) is PVector and spec and isinstance(spec[0], Symbol):
        target, alias, refer = str(spec[0]), None, []
        items = list(spec)[1:]
        for key, value in zip(items[::2], items[1::2], strict=False):
            if key == Keyword("as"):
                alias = str(value)
            elif key in (Keyword("refer"), Keyword("refer-macros")):
                refer = list(value) if type(value) is PVector else []
    else:
        raise c.error(f"Unsupported require spec: {spec!r}", form)
    runtime = c.runtime

    def provided(sym: Any) -> bool:
        return isinstance(sym, Symbol) and (
            sym.name in runtime.core_macros or sym.name in runtime.core
        )

    found = runtime.namespace_for(target)
    if found is None:
        if refer and all(provided(sym) for sym in refer):
            return []  # a helper namespace whose names the core already provides
        raise c.error(f"Could not locate namespace {target}", form)
    if alias:
        c.ns.aliases[alias] = target
    stmts: Stmts = []
    for sym in refer:
        if found.builtin and provided(sym) and sym.name not in found.globals:
            continue
        if isinstance(sym, Symbol):
            c.ns.declare(sym.name, private=True, line=None, doc=None, referred=True)
            stmts.append(
                ast.Assign(
                    targets=[
                        ast.Subscript(value=name("@g"), slice=const(sym.name), ctx=ast.Store())
                    ],
                    value=call(name("@ns_get"), const(target), const(sym.name)),
                )
            )
    return stmts


@special("import")
def _import(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    """``(import 'java.util.Date)``, ``(import '(clojure.lang PersistentQueue))``:
    the classes a script can name are known by their short names already."""
    return c.finish([], const(None), ctx)


@special("require")
def _require(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    stmts: Stmts = []
    for spec in form_args(form):
        stmts += _require_spec(c, spec, form)
    return c.finish(stmts, const(None), ctx)


@special("declare")
def _declare(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    stmts: Stmts = []
    for sym in form_args(form):
        if not isinstance(sym, Symbol):
            raise c.error("declare takes symbols", form)
        c.ns.declare(sym.name, private=False, line=form.line, doc=None)
    return c.finish(stmts, const(None), ctx)


@special("case")
def _case(c: Compiler, form: PList, env: Env, ctx: Ctx) -> Result:
    args = form_args(form)
    if not args:
        raise c.error("case requires an expression", form)
    stmts, e = c.expr(args[0], env)
    tmp = c.scope.temp("case")
    stmts.append(assign(tmp, e))
    clauses = args[1:]
    default: Any = _NO_DEFAULT
    if len(clauses) % 2:
        default = clauses[-1]
        clauses = clauses[:-1]
    seen: set[Any] = set()
    branches: list[tuple[list[Any], Any]] = []
    for test_const, body in zip(clauses[::2], clauses[1::2], strict=False):
        consts = (
            list(test_const) if isinstance(test_const, PList) and test_const.count else [test_const]
        )
        for k in consts:
            key = _case_key(k)
            if key in seen:
                raise c.error(f"Duplicate case test constant: {k}", form)
            seen.add(key)
        branches.append((consts, body))
    fallback: Any = (
        default
        if default is not _NO_DEFAULT
        else plist(
            [Symbol("throw"), plist([Symbol("@case-error"), Symbol(tmp.replace("@", "%case-"))])]
        )
    )
    if default is _NO_DEFAULT:
        env = env.bind(tmp.replace("@", "%case-"), _alias_local(c, tmp))
    result: Any = fallback
    subject = Symbol(tmp.replace("@", "%case-"))
    for consts, body in reversed(branches):
        test: Any
        if all(isinstance(k, Keyword) for k in consts):
            # keywords are interned: identity is Clojure equality, and fast
            checks = [plist([Symbol("identical?", "clojure.core"), subject, k]) for k in consts]
            test = checks[0] if len(checks) == 1 else plist([Symbol("or"), *checks])
        else:
            test = plist([Symbol("@case-match"), subject, plist([Symbol("quote"), plist(consts)])])
        result = plist([Symbol("if"), test, body, result])
    env = env.bind(tmp.replace("@", "%case-"), _alias_local(c, tmp))
    body, value = c.form(result, env, ctx)
    return stmts + body, value


_NO_DEFAULT = object()


def _case_key(k: Any) -> Any:
    try:
        hash(k)
    except TypeError:
        return id(k)
    return (type(k).__name__, k)


def _alias_local(c: Compiler, py: str) -> Any:
    from kryon_lisp.scope import Local

    return Local(py, py, c.scope)

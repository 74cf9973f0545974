"""``fn``: Lisp functions as Python ``def``s (one per arity plus a dispatcher).

A function created inside a loop closes over *values*, as in Clojure: it is
built by a small factory taking the captured locals as arguments, because a
Python closure would see the loop variable's later values.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from kryon_lisp import destructure
from kryon_lisp.scope import (
    Ctx,
    Env,
    FnScope,
    Local,
    RecurTarget,
    Stmts,
    assign,
    call,
    const,
    name,
)
from kryon_lisp.types import PList, PVector, Symbol

if TYPE_CHECKING:
    from kryon_lisp.compiler import Compiler

_AMP = Symbol("&")


def _arguments(args: list[str], vararg: str | None) -> ast.arguments:
    return ast.arguments(
        posonlyargs=[],
        args=[ast.arg(arg=a) for a in args],
        vararg=ast.arg(arg=vararg) if vararg else None,
        kwonlyargs=[],
        kw_defaults=[],
        kwarg=None,
        defaults=[],
    )


def _parse(c: Compiler, form: PList) -> tuple[str | None, list[tuple[Any, list[Any]]]]:
    items = list(form.more())
    fn_name = None
    if items and isinstance(items[0], Symbol):
        fn_name = items[0].name
        items = items[1:]
    if not items:
        raise c.error("Parameter declaration missing", form)
    if type(items[0]) is PVector:
        return fn_name, [(items[0], items[1:])]
    arities = []
    for arity in items:
        if not isinstance(arity, PList) or not arity.count or type(arity.first()) is not PVector:
            raise c.error("Parameter declaration should be a vector", arity)
        arities.append((arity.first(), list(arity.more())))
    return fn_name, arities


def compile_fn(
    c: Compiler,
    form: PList,
    env: Env,
    def_name: str | None,
    by_reference: frozenset[str] = frozenset(),
) -> tuple[Stmts, ast.expr, dict[str, Any]]:
    """Statements defining the function, an expression for it, and its info."""
    fn_name, arities = _parse(c, form)
    label = fn_name or def_name or "fn"
    outer = c.scope
    in_loop = outer.loop_depth > 0
    holder = FnScope(outer, label) if in_loop else outer
    if in_loop:
        c.scope = holder
    try:
        self_py = None
        if fn_name is not None and def_name is None:
            self_py = holder.local_name(fn_name)
            env = env.bind(fn_name, Local(fn_name, self_py, holder))
        defs: Stmts = []
        infos: list[dict[str, Any]] = []
        seen: dict[tuple[int, bool], bool] = {}
        compiled: list[tuple[int, bool, str]] = []
        for params, body in arities:
            required, rest = _split_params(c, params)
            key = (len(required), rest is not None)
            if key in seen or (rest is not None and any(v for (_, v) in seen)):
                raise c.error(
                    "Can't have 2 overloads with same arity"
                    if key in seen
                    else "Can't have more than 1 variadic overload",
                    form,
                )
            seen[key] = True
            py = self_py if len(arities) == 1 and self_py else holder.local_name(label)
            defs.append(_arity(c, holder, env, label, py, required, rest, body, form))
            compiled.append((len(required), rest is not None, py))
            infos.append(
                {
                    "params": [str(p) if isinstance(p, Symbol) else "arg" for p in required],
                    "variadic": rest is not None,
                }
            )
        _check_variadic_order(c, compiled, form)
        if len(arities) > 1:
            dispatcher = self_py or holder.local_name(label)
            # Clojure names a var's function user/f in its arity errors
            qualified = f"{c.ns.name}/{label}" if def_name is not None else label
            defs.append(_dispatcher(dispatcher, qualified, compiled))
            result = dispatcher
        else:
            result = compiled[0][2]
    finally:
        c.scope = outer
    info: dict[str, Any] = {
        "kind": "fn",
        "params": infos[0]["params"] if len(infos) == 1 else [],
        "variadic": any(i["variadic"] for i in infos),
        "parameter_count": min(len(list(i["params"])) for i in infos),
    }
    if not in_loop or not holder.free:
        if in_loop:  # nothing captured: define in place
            return defs, name(result), info
        return defs, name(result), info
    # letfn siblings stay references: they are assigned after this function exists
    captured = sorted(
        {loc.py for loc in holder.free if loc.fn is not holder and loc.py not in by_reference}
    )
    factory = outer.temp("mk")
    factory_def = ast.FunctionDef(
        name=factory,
        args=_arguments(captured, None),
        body=[*defs, ast.Return(value=name(result))],
        decorator_list=[],
        returns=None,
    )
    for loc in holder.free:
        if loc.fn is not holder:
            c._note_free(loc)
    if not captured:
        return defs, name(result), info
    return [factory_def], call(name(factory), *[name(p) for p in captured]), info


def _split_params(c: Compiler, params: Any) -> tuple[list[Any], Any]:
    items = list(params)
    if _AMP in items:
        i = items.index(_AMP)
        if i != len(items) - 2:
            raise c.error("Invalid parameter list: & must be followed by exactly one param", params)
        return items[:i], items[i + 1]
    return items, None


def _check_variadic_order(c: Compiler, compiled: list[tuple[int, bool, str]], form: Any) -> None:
    variadic = [n for n, v, _ in compiled if v]
    if variadic and any(n > variadic[0] for n, v, _ in compiled if not v):
        raise c.error(
            "Can't have fixed arity function with more params than variadic function", form
        )


def _arity(
    c: Compiler,
    holder: FnScope,
    env: Env,
    label: str,
    py: str,
    required: list[Any],
    rest: Any,
    body: list[Any],
    form: Any,
) -> ast.FunctionDef:
    scope = FnScope(holder, label)
    saved = c.scope
    c.scope = scope
    try:
        args: list[str] = []
        head: Stmts = []
        patterns: list[tuple[Any, str]] = []
        for p in required:
            if isinstance(p, Symbol):
                env, pyname = c.bind_local(p, env)
                args.append(pyname)
            else:
                tmp = scope.temp("a")
                args.append(tmp)
                patterns.append((p, tmp))
        vararg = None
        pre: Stmts = []
        if c.limited:
            pre += c.budget_prologue()
        recur_names = list(args)
        if rest is not None:
            vararg = "@rest"
            rest_py = scope.temp("r")
            pre.append(assign(rest_py, call(name("@restseq"), name(vararg))))
            recur_names.append(rest_py)
            patterns.append((rest, rest_py))
        for pattern, tmp in patterns:
            s, env = destructure.bind(c, pattern, name(tmp), env)
            head += s
        if body and _is_condition_map(body):
            body = _with_conditions(body[0], body[1:])
        target = RecurTarget(recur_names, variadic=rest is not None)
        # a body that recurs becomes a loop: its closures must capture values
        loops = _mentions_recur(body)
        scope.loop_depth += loops
        since = scope.loops
        try:
            stmts, expr = c.body(body, env, Ctx("tail", target))
        finally:
            scope.loop_depth -= loops
        if expr is not None:
            stmts.append(ast.Return(value=expr))
        if target.used:
            stmts = c.counted(ast.While(test=const(True), body=head + stmts, orelse=[]), since)
        else:
            stmts = head + stmts
        if c.limited:
            stmts = [
                ast.Try(
                    body=c.depth_check() + stmts, handlers=[], orelse=[], finalbody=[c.depth_exit()]
                )
            ]
        fn = ast.FunctionDef(
            name=py,
            args=_arguments(args, vararg),
            body=pre + stmts or [ast.Return(value=const(None))],
            decorator_list=[],
            returns=None,
        )
        fn.lineno = getattr(form, "line", None) or c.line or 1
        fn.col_offset = max(0, (getattr(form, "column", None) or 1) - 1)
        return fn
    finally:
        c.scope = saved


def _with_conditions(conditions: Any, body: list[Any]) -> list[Any]:
    """``{:pre [...] :post [...]}``: assertions around the body (``%`` is the result)."""
    from kryon_lisp.types import Keyword, plist

    pre = conditions.get(Keyword("pre"))
    post = conditions.get(Keyword("post"))
    checks = [plist([Symbol("assert"), c]) for c in (pre or [])]
    if not post:
        return [*checks, *body]
    result = Symbol("%")
    from pyrsistent import pvector

    return [
        *checks,
        plist(
            [
                Symbol("let"),
                pvector([result, plist([Symbol("do"), *body])]),
                *[plist([Symbol("assert"), c]) for c in post],
                result,
            ]
        ),
    ]


def _mentions_recur(forms: Any) -> int:
    """1 when the symbol ``recur`` appears anywhere in ``forms`` (a cheap,
    conservative test: a nested ``fn``'s own recur also counts)."""
    from kryon_lisp.types import LMap, LSet

    stack = list(forms)
    recur = Symbol("recur")
    while stack:
        x = stack.pop()
        if x == recur:
            return 1
        if isinstance(x, (PList, LSet)) or type(x) is PVector:
            stack.extend(x)
        elif isinstance(x, LMap):
            for k, v in x.items():
                stack.append(k)
                stack.append(v)
    return 0


def _is_condition_map(body: list[Any]) -> bool:
    from kryon_lisp.types import LMap

    return len(body) > 1 and isinstance(body[0], LMap)


def _dispatcher(py: str, label: str, compiled: list[tuple[int, bool, str]]) -> ast.FunctionDef:
    """``def f(@p0=@NA, ..., *@args)``: the arity is read off the parameters
    left unfilled, so a call builds no tuple and reaches its arity without
    unpacking one (no fixed arity has more parameters than the variadic one)."""
    width = max(count for count, _, _ in compiled)
    params = [f"@p{i}" for i in range(width)]

    def given(i: int) -> ast.expr:  # the (i+1)-th argument was passed
        return ast.Compare(left=name(params[i]), ops=[ast.IsNot()], comparators=[name("@NA")])

    checks: Stmts = []
    for count, variadic, arity_py in sorted(compiled, key=lambda t: (t[1], t[0])):
        args: list[ast.expr] = [name(p) for p in params[:count]]
        tests = [given(count - 1)] if count else []  # at least count arguments
        if variadic:
            args.append(ast.Starred(value=name("@args"), ctx=ast.Load()))
        elif count < width:
            tests.append(
                ast.Compare(left=name(params[count]), ops=[ast.Is()], comparators=[name("@NA")])
            )
        else:
            tests.append(ast.UnaryOp(op=ast.Not(), operand=name("@args")))
        result = ast.Return(value=ast.Call(func=name(arity_py), args=args, keywords=[]))
        if not tests:
            checks.append(result)
            break
        test = tests[0] if len(tests) == 1 else ast.BoolOp(op=ast.And(), values=tests)
        checks.append(ast.If(test=test, body=[result], orelse=[]))
    else:
        n: ast.expr = call(name("@len"), name("@args"))
        for i in range(width):
            n = ast.BinOp(left=n, op=ast.Add(), right=given(i))
        checks.append(ast.Raise(exc=call(name("@arity_error"), n, const(label)), cause=None))
    arguments = _arguments(params, "@args")
    arguments.defaults = [name("@NA") for _ in params]
    return ast.FunctionDef(name=py, args=arguments, body=checks, decorator_list=[], returns=None)

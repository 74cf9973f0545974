"""Destructuring of binding forms (let, fn, loop, for, doseq), as in Clojure.

Vectors bind by position with ``&`` for the rest and ``:as`` for the whole;
maps bind with ``:keys``/``:strs``/``:syms``, explicit ``pattern key`` pairs,
``:or`` defaults and ``:as``; patterns nest.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from kryon_lisp.scope import Env, Stmts, assign, call, const, name
from kryon_lisp.types import Keyword, LMap, PVector, Symbol

if TYPE_CHECKING:
    from kryon_lisp.compiler import Compiler

_AS = Keyword("as")
_OR = Keyword("or")
_KEYS = Keyword("keys")
_STRS = Keyword("strs")
_SYMS = Keyword("syms")
_AMP = Symbol("&")


def bind(c: Compiler, pattern: Any, value: ast.expr, env: Env) -> tuple[Stmts, Env]:
    """Statements binding ``pattern`` to ``value``, and the extended env."""
    if isinstance(pattern, Symbol):
        env, py = c.bind_local(pattern, env)
        return [assign(py, value)], env
    if type(pattern) is PVector:
        return _vector(c, list(pattern), value, env)
    if isinstance(pattern, LMap):
        return _map(c, pattern, value, env)
    raise c.error(f"Unsupported binding form: {pattern!r}", pattern)


def _hold(c: Compiler, value: ast.expr) -> tuple[Stmts, str]:
    if isinstance(value, ast.Name):
        return [], value.id
    tmp = c.scope.temp("d")
    return [assign(tmp, value)], tmp


def _vector(c: Compiler, items: list[Any], value: ast.expr, env: Env) -> tuple[Stmts, Env]:
    stmts, holder = _hold(c, value)
    i = 0
    pos = 0
    while i < len(items):
        item = items[i]
        if item == _AMP:
            if i + 1 >= len(items):
                raise c.error("Missing binding form after &", item)
            rest = call(name("@nthnext"), name(holder), const(pos))
            rest_pattern = items[i + 1]
            if isinstance(rest_pattern, LMap):
                rest = call(name("@seq_to_map"), rest)
            s, env = bind(c, rest_pattern, rest, env)
            stmts += s
            i += 2
            continue
        if item == _AS:
            if i + 1 >= len(items):
                raise c.error("Missing binding form after :as", item)
            s, env = bind(c, items[i + 1], name(holder), env)
            stmts += s
            i += 2
            continue
        s, env = bind(c, item, _nth_of(holder, pos), env)
        stmts += s
        pos += 1
        i += 1
    return stmts, env


def _nth_of(holder: str, pos: int) -> ast.expr:
    """``(nth v pos nil)``: a vector's element read in place, anything else by ``@dnth``."""
    return ast.IfExp(
        test=ast.BoolOp(
            op=ast.And(),
            values=[
                ast.Compare(
                    left=call(name("@type"), name(holder)),
                    ops=[ast.Is()],
                    comparators=[name("@PVector")],
                ),
                ast.Compare(
                    left=const(pos), ops=[ast.Lt()], comparators=[call(name("@len"), name(holder))]
                ),
            ],
        ),
        body=ast.Subscript(value=name(holder), slice=const(pos), ctx=ast.Load()),
        orelse=call(name("@dnth"), name(holder), const(pos)),
    )


def _map(c: Compiler, pattern: LMap, value: ast.expr, env: Env) -> tuple[Stmts, Env]:
    stmts, holder = _hold(c, call(name("@seq_to_map"), value))
    defaults = pattern.get(_OR)
    if defaults is not None and not isinstance(defaults, LMap):
        raise c.error(":or must be a map", pattern)

    def default_for(sym: Symbol) -> tuple[Stmts, list[ast.expr]]:
        if defaults is None or sym not in defaults:
            return [], []
        s, e = c.expr(defaults.get(sym), env)
        return s, [e]

    for key, val in pattern.items():
        if key == _AS:
            s, env = bind(c, val, name(holder), env)
            stmts += s
        elif key == _OR:
            continue
        elif isinstance(key, Keyword) and key.name in ("keys", "strs", "syms"):
            if type(val) is not PVector:
                raise c.error(f"{key} must be followed by a vector", pattern)
            for entry in val:
                if not isinstance(entry, (Symbol, Keyword)):
                    raise c.error(f"Unsupported binding form in {key}: {entry!r}", pattern)
                local = Symbol(entry.name)
                if key.name == "keys":
                    lookup: Any = Keyword(entry.name, entry.ns)
                elif key.name == "strs":
                    lookup = str(entry)
                else:
                    lookup = Symbol(entry.name, entry.ns)
                s, dflt = default_for(local)
                stmts += s
                getter = call(name("@get"), name(holder), c.constant(lookup), *dflt)
                s, env = bind(c, local, getter, env)
                stmts += s
        else:
            # {binding-pattern lookup-key}
            s_key, key_expr = c.expr(val, env)
            stmts += s_key
            dflt = []
            if isinstance(key, Symbol):
                s, dflt = default_for(key)
                stmts += s
            getter = call(name("@get"), name(holder), key_expr, *dflt)
            s, env = bind(c, key, getter, env)
            stmts += s
    return stmts, env

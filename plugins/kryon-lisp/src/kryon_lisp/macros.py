"""The core macros, written in Python as form-to-form functions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyrsistent import pvector

from kryon_core import CompileError
from kryon_lisp.syntax_quote import gensym_id
from kryon_lisp.types import Keyword, LMap, PList, PVector, Symbol, plist

Macro = Callable[..., Any]
CORE_MACROS: dict[str, Macro] = {}


def macro(*names: str) -> Callable[[Macro], Macro]:
    def register(fn: Macro) -> Macro:
        for n in names:
            CORE_MACROS[n] = fn
        return fn

    return register


def S(n: str) -> Symbol:
    return Symbol(n)


def L(*items: Any) -> PList:
    return plist(items)


def gensym(prefix: str = "G") -> Symbol:
    return Symbol(f"{prefix}__{gensym_id()}")


def _err(form: Any, message: str) -> CompileError:
    return CompileError(
        message, line=getattr(form, "line", None), column=getattr(form, "column", None)
    )


_DO, _IF, _LET, _FN, _DEF = S("do"), S("if"), S("let"), S("fn"), S("def")


@macro("defn", "defn-")
def _defn(form: PList, name: Any = None, *rest: Any) -> Any:
    if not isinstance(name, Symbol):
        raise _err(form, "First argument to defn must be a symbol")
    meta = dict(name.meta.items()) if name.meta is not None else {}
    body = list(rest)
    if body and isinstance(body[0], str):
        meta[Keyword("doc")] = body.pop(0)
    if body and isinstance(body[0], LMap):
        meta.update(body.pop(0).items())
    if form.first() == S("defn-"):
        meta[Keyword("private")] = True
    if not body:
        raise _err(form, "Parameter declaration missing")
    if (
        isinstance(body[-1], LMap)
        and all(isinstance(b, PList) for b in body[:-1])
        and len(body) > 1
    ):
        body = body[:-1]
    sym = Symbol(name.name, None, LMap.of(meta.items()), name.line, name.column)
    fn = plist([_FN, *body]).at(form.line, form.column)
    return L(_DEF, sym, fn).at(form.line, form.column)


@macro("when")
def _when(form: PList, test: Any = None, *body: Any) -> Any:
    return L(_IF, test, plist([_DO, *body]))


@macro("when-not")
def _when_not(form: PList, test: Any = None, *body: Any) -> Any:
    return L(_IF, test, None, plist([_DO, *body]))


@macro("if-not")
def _if_not(form: PList, test: Any = None, then: Any = None, *other: Any) -> Any:
    return L(_IF, test, other[0] if other else None, then)


def _binding_pair(form: Any, bindings: Any) -> tuple[Any, Any]:
    if type(bindings) is not PVector or len(bindings) != 2:
        raise _err(form, f"{form.first()} requires exactly 2 forms in binding vector")
    return bindings[0], bindings[1]


@macro("if-let", "if-some")
def _if_let(form: PList, bindings: Any = None, then: Any = None, *other: Any) -> Any:
    pattern, value = _binding_pair(form, bindings)
    tmp = gensym("temp")
    test = tmp if form.first().name == "if-let" else L(S("some?"), tmp)
    return L(
        _LET,
        pvector([tmp, value]),
        L(_IF, test, L(_LET, pvector([pattern, tmp]), then), other[0] if other else None),
    )


@macro("when-let", "when-some")
def _when_let(form: PList, bindings: Any = None, *body: Any) -> Any:
    pattern, value = _binding_pair(form, bindings)
    tmp = gensym("temp")
    test = tmp if form.first().name == "when-let" else L(S("some?"), tmp)
    return L(
        _LET, pvector([tmp, value]), L(_IF, test, plist([_LET, pvector([pattern, tmp]), *body]))
    )


@macro("when-first")
def _when_first(form: PList, bindings: Any = None, *body: Any) -> Any:
    pattern, value = _binding_pair(form, bindings)
    tmp = gensym("xs")
    return L(
        _LET,
        pvector([tmp, L(S("seq"), value)]),
        L(_IF, tmp, plist([_LET, pvector([pattern, L(S("first"), tmp)]), *body])),
    )


@macro("cond")
def _cond(form: PList, *clauses: Any) -> Any:
    if len(clauses) % 2:
        raise _err(form, "cond requires an even number of forms")
    result: Any = None
    for test, expr in reversed(list(zip(clauses[::2], clauses[1::2], strict=False))):
        result = expr if isinstance(test, Keyword) or test is True else L(_IF, test, expr, result)
    return result


@macro("condp")
def _condp(form: PList, pred: Any = None, expr: Any = None, *clauses: Any) -> Any:
    p, e = gensym("pred"), gensym("expr")
    items = list(clauses)
    # (test result) pairs and (test :>> f) triples, where f gets the predicate's value
    parsed: list[tuple[Any, Any, bool]] = []
    default: Any = L(
        S("throw"), L(S("IllegalArgumentException."), L(S("str"), "No matching clause: ", e))
    )
    i = 0
    while i < len(items):
        if i + 1 == len(items):
            default = items[i]
            break
        if items[i + 1] == Keyword(">>") and i + 2 < len(items):
            parsed.append((items[i], items[i + 2], True))
            i += 3
        else:
            parsed.append((items[i], items[i + 1], False))
            i += 2
    result = default
    for test, value, threaded in reversed(parsed):
        if threaded:
            hit = gensym("hit")
            result = L(S("if-let"), pvector([hit, L(p, test, e)]), L(value, hit), result)
        else:
            result = L(_IF, L(p, test, e), value, result)
    return L(_LET, pvector([p, pred, e, expr]), result)


def _thread(form: Any, x: Any, steps: tuple[Any, ...], last: bool) -> Any:
    for step in steps:
        if isinstance(step, PList) and step.count:
            items = list(step)
            items = [*items, x] if last else [items[0], x, *items[1:]]
            x = plist(items).at(step.line, step.column)
        else:
            x = L(step, x)
    return x


@macro("->")
def _thread_first(form: PList, x: Any = None, *steps: Any) -> Any:
    return _thread(form, x, steps, last=False)


@macro("->>")
def _thread_last(form: PList, x: Any = None, *steps: Any) -> Any:
    return _thread(form, x, steps, last=True)


@macro("as->")
def _as_thread(form: PList, x: Any = None, name: Any = None, *steps: Any) -> Any:
    bindings = [name, x]
    for step in steps:
        bindings += [name, step]
    return L(_LET, pvector(bindings), name)


def _some_thread(x: Any, steps: tuple[Any, ...], last: bool) -> Any:
    g = gensym("some")
    bindings = [g, x]
    for step in steps:
        bindings += [g, L(_IF, L(S("nil?"), g), None, _thread(None, g, (step,), last))]
    return L(_LET, pvector(bindings), g)


@macro("some->")
def _some_first(form: PList, x: Any = None, *steps: Any) -> Any:
    return _some_thread(x, steps, last=False)


@macro("some->>")
def _some_last(form: PList, x: Any = None, *steps: Any) -> Any:
    return _some_thread(x, steps, last=True)


def _cond_thread(form: Any, x: Any, clauses: tuple[Any, ...], last: bool) -> Any:
    if len(clauses) % 2:
        raise _err(form, "cond-> requires an even number of clauses")
    g = gensym("cond")
    bindings = [g, x]
    for test, step in zip(clauses[::2], clauses[1::2], strict=False):
        bindings += [g, L(_IF, test, _thread(None, g, (step,), last), g)]
    return L(_LET, pvector(bindings), g)


@macro("cond->")
def _cond_first(form: PList, x: Any = None, *clauses: Any) -> Any:
    return _cond_thread(form, x, clauses, last=False)


@macro("cond->>")
def _cond_last(form: PList, x: Any = None, *clauses: Any) -> Any:
    return _cond_thread(form, x, clauses, last=True)


@macro("doto")
def _doto(form: PList, x: Any = None, *steps: Any) -> Any:
    g = gensym("doto")
    calls = [_thread(None, g, (step,), last=False) for step in steps]
    return plist([_LET, pvector([g, x]), *calls, g])


@macro("comment")
def _comment(form: PList, *body: Any) -> Any:
    return None


@macro("def-atom", "defatom")
def _def_atom(form: PList, name: Any = None, value: Any = None) -> Any:
    return L(_DEF, name, L(S("atom"), value)).at(form.line, form.column)


@macro("defonce")
def _defonce(form: PList, name: Any = None, value: Any = None) -> Any:
    return L(_IF, L(S("@defined?"), L(S("quote"), name)), None, L(_DEF, name, value))


@macro("lazy-seq")
def _lazy_seq(form: PList, *body: Any) -> Any:
    return L(S("@lazy-seq"), plist([_FN, pvector([]), *body]))


@macro("binding", "with-redefs")
def _binding(form: PList, bindings: Any = None, *body: Any) -> Any:
    if type(bindings) is not PVector or len(bindings) % 2:
        raise _err(form, "binding requires a vector of var/value pairs")
    pairs: list[Any] = []
    for sym, value in zip(list(bindings)[::2], list(bindings)[1::2], strict=True):
        pairs += [L(S("var"), sym), value]
    return L(S("@binding"), pvector(pairs), plist([_FN, pvector([]), *body]))


@macro("dosync", "sync")
def _dosync(form: PList, *body: Any) -> Any:
    """A transaction runs as it is: no other thread can interleave (see
    concurrency); refs may change only while one runs, as in Clojure."""
    if form.first() == S("sync") and body:
        body = body[1:]  # (sync flags-ignored-for-now & body)
    return L(S("@dosync"), plist([_FN, pvector([]), *body]))


@macro("io!")
def _io(form: PList, *body: Any) -> Any:
    return plist([_DO, *body])


@macro("locking")
def _locking(form: PList, lock: Any = None, *body: Any) -> Any:
    return plist([_DO, lock, *body])


@macro("future")
def _future(form: PList, *body: Any) -> Any:
    return L(S("future-call"), plist([_FN, pvector([]), *body]))


@macro("pvalues")
def _pvalues(form: PList, *exprs: Any) -> Any:
    return plist([S("list"), *exprs])


_COMPILER_FLAGS = frozenset({"*warn-on-reflection*", "*unchecked-math*", "*assert*"})


@macro("set!")
def _set(form: PList, target: Any = None, value: Any = None, *more: Any) -> Any:
    """``(set! *warn-on-reflection* true)``, the header of many Clojure files:
    the compiler's flags mean nothing here, so setting one only evaluates the
    value.  Anything else has no thread binding to set, as in Clojure."""
    if more or not isinstance(target, Symbol):
        raise _err(form, "Malformed assignment, expecting (set! target val)")
    if target.ns is None and target.name in _COMPILER_FLAGS:
        return plist([_DO, value])
    raise _err(form, f"Can't change/establish root binding of: {target} with set")


@macro("when-var-exists")
def _when_var_exists(form: PList, sym: Any = None, *body: Any) -> Any:
    from kryon_lisp.core import CORE_NAMES

    if isinstance(sym, Symbol) and (sym.name in CORE_NAMES or sym.name in CORE_MACROS):
        return plist([_DO, *body])
    return None


@macro("lazy-cat")
def _lazy_cat(form: PList, *colls: Any) -> Any:
    return plist([S("concat"), *[L(S("lazy-seq"), c) for c in colls]])


@macro("delay")
def _delay(form: PList, *body: Any) -> Any:
    return L(S("@delay"), plist([_FN, pvector([]), *body]))


@macro("with-out-str")
def _with_out_str(form: PList, *body: Any) -> Any:
    return L(S("@with-out-str"), plist([_FN, pvector([]), *body]))


@macro("time")
def _time(form: PList, expr: Any = None) -> Any:
    return L(S("@time"), L(_FN, pvector([]), expr))


@macro("assert")
def _assert(form: PList, test: Any = None, message: Any = None) -> Any:
    text = "Assert failed: " + (f"{message}\n" if isinstance(message, str) else "")
    from kryon_lisp.printer import pr_str

    msg: Any = text + pr_str(test)
    if message is not None and not isinstance(message, str):
        msg = L(S("str"), "Assert failed: ", message, "\n", pr_str(test))
    return L(S("when-not"), test, L(S("throw"), L(S("AssertionError."), msg)))


@macro("..")
def _dotdot(form: PList, *items: Any) -> Any:
    raise _err(form, "Host interop (..) is not available in Kryon Lisp")


@macro("defmulti")
def _defmulti(form: PList, name: Any = None, *rest: Any) -> Any:
    parts = list(rest)
    if parts and isinstance(parts[0], str):
        parts.pop(0)  # docstring
    if parts and isinstance(parts[0], LMap):
        parts.pop(0)  # attribute map
    if not isinstance(name, Symbol) or not parts:
        raise _err(form, "defmulti takes a name, an optional docstring and a dispatch function")
    dispatch, *options = parts
    if len(options) % 2:
        raise _err(form, "defmulti options come in pairs (:default value)")
    default: Any = Keyword("default")
    for key, value in zip(options[::2], options[1::2], strict=True):
        if key != Keyword("default"):
            raise _err(form, f"defmulti option {key} is not supported (only :default)")
        default = value
    return L(
        _IF,
        L(S("@defined?"), L(S("quote"), name)),
        None,
        L(_DEF, name, L(S("@multifn"), L(S("quote"), name), dispatch, default)),
    )


@macro("defmethod")
def _defmethod(form: PList, name: Any = None, value: Any = None, *fn_tail: Any) -> Any:
    return L(S("@defmethod"), name, value, plist([_FN, *fn_tail]))


@macro(".")
def _dot(form: PList, target: Any = None, member: Any = None, *args: Any) -> Any:
    """``(. x method args)``, ``(. x (method args))``, ``(. x -field)`` and
    ``(. Math PI)``: the same calls as ``(.method x args)`` and ``(Math/PI)``,
    so they reach only the interop slice those reach."""
    if isinstance(member, PList) and member.count and not args:
        member, args = member.first(), tuple(member.more())
    if not isinstance(member, Symbol) or member.ns is not None or target is None:
        raise _err(form, f"Malformed member expression: {form}")
    if (
        isinstance(target, Symbol)
        and target.ns is None
        and target.name[:1].isupper()
        and "." not in target.name
    ):
        return plist([Symbol(member.name, target.name), *args])  # a class: (Math/sqrt x)
    return plist([Symbol("." + member.name), target, *args])


@macro("..")
def _dot_dot(form: PList, target: Any = None, *members: Any) -> Any:
    """``(.. x (a 1) b)`` is ``(. (. x (a 1)) b)``."""
    if not members:
        raise _err(form, "Malformed member expression: .. needs a member")
    for member in members:
        target = L(S("."), target, member)
    return target


@macro("memfn")
def _memfn(form: PList, member: Any = None, *params: Any) -> Any:
    """``(memfn toUpperCase)`` is ``(fn [target] (. target (toUpperCase)))``."""
    if not isinstance(member, Symbol):
        raise _err(form, "memfn requires a method name")
    target = gensym("target")
    args = [gensym("arg") for _ in params]
    return L(_FN, pvector([target, *args]), L(S("."), target, plist([member, *args])))

"""``clojure.core``: the table of core functions every namespace sees.

Names beginning with ``@`` are helpers the compiler emits calls to; Lisp code
cannot spell them (``@`` is a reader macro), so scripts cannot shadow them.
"""

from __future__ import annotations

import copy
import itertools
import sys
from collections.abc import Callable
from fractions import Fraction
from types import FunctionType
from typing import Any

from kryon_core import LimitError, ScriptError, ScriptExit
from kryon_lisp import classes, limits, patterns
from kryon_lisp.collections import COLLECTIONS, count, get, nth
from kryon_lisp.core_num import NUMERIC
from kryon_lisp.core_seq import SEQUENCES
from kryon_lisp.core_str import STRINGS
from kryon_lisp.equality import equals
from kryon_lisp.java_catch import catch_type
from kryon_lisp.pqueue import PersistentQueue
from kryon_lisp.printer import format_float, pr_str, str_of, type_name
from kryon_lisp.seqs import IndexedSeq, LazySeq, seq
from kryon_lisp.syntax_quote import gensym_id
from kryon_lisp.types import (
    EMPTY_MAP,
    NO_ARG,
    Atom,
    Char,
    Delay,
    ExceptionInfo,
    Keyword,
    LMap,
    LSet,
    PList,
    PVector,
    Reduced,
    Seq,
    Symbol,
    Thrown,
    Volatile,
    key_of,
    safe_hash,
    truthy,
)

# -- atoms ------------------------------------------------------------------------


def atom(value: Any, *options: Any) -> Atom:
    opts = dict(zip(options[::2], options[1::2], strict=False))
    return Atom(value, opts.get(Keyword("meta")), opts.get(Keyword("validator")))


def deref(ref: Any, *timeout: Any) -> Any:
    t = type(ref)
    if t is Atom or t is Volatile:
        return ref.value
    if t is Delay:
        return ref.force()
    if t is Reduced:
        return ref.value
    if len(timeout) == 2 and hasattr(ref, "realized"):  # (deref promise ms timeout-value)
        return ref.deref() if ref.realized() else timeout[1]
    if hasattr(ref, "deref"):
        return ref.deref()
    raise TypeError(f"{type_name(ref)} cannot be dereferenced")


def _atom(a: Any) -> Atom:
    if not isinstance(a, Atom):
        raise TypeError(f"{type_name(a)} cannot be cast to clojure.lang.IAtom")
    return a


def swap(a: Atom, f: Callable[..., Any], *args: Any) -> Any:
    return _atom(a).reset(f(a.value, *args))


def swap_vals(a: Atom, f: Callable[..., Any], *args: Any) -> Any:
    from pyrsistent import pvector

    old = _atom(a).value
    return pvector([old, a.reset(f(old, *args))])


def reset(a: Atom, value: Any) -> Any:
    return _atom(a).reset(value)


def _jvm_identical(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` would be the same object on the JVM, where
    ``compare-and-set!`` compares by identity: longs from -128 to 127 and
    ASCII characters are boxed from a cache, string literals are interned,
    and ``{}`` and ``()`` are one empty collection each; any other equal
    value read or computed twice (``[1 2]``, ``{:z 1}``, ``1000``, ``1.5``)
    is a new object."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is int:
        return bool(-128 <= a <= 127 and a == b)
    if kind is str:
        return bool(a == b)
    if kind is Char:
        return a.ch == b.ch and ord(a.ch) < 128
    if kind is LMap:
        return not a and not b
    return False


def compare_and_set(a: Atom, old: Any, new: Any) -> bool:
    if _jvm_identical(_atom(a).value, old):
        a.reset(new)
        return True
    return False


def add_watch(a: Atom, key: Any, fn: Callable[..., Any]) -> Atom:
    _atom(a).watches[key] = fn
    return a


def set_validator(a: Atom, fn: Callable[..., Any] | None) -> None:
    if fn is not None and not truthy(fn(a.value)):
        from kryon_lisp.classes import EXCEPTIONS

        raise EXCEPTIONS["IllegalStateException"]("Invalid reference state")
    a.validator = fn


def remove_watch(a: Atom, key: Any) -> Atom:
    a.watches.pop(key, None)
    return a


def vreset(v: Volatile, value: Any) -> Any:
    v.value = value
    return value


def vswap(v: Volatile, f: Callable[..., Any], *args: Any) -> Any:
    v.value = f(v.value, *args)
    return v.value


# -- errors ---------------------------------------------------------------------


def ex_info(message: Any, data: Any = None, cause: Any = None) -> ExceptionInfo:
    return ExceptionInfo(message, data, cause if isinstance(cause, BaseException) else None)


def ex_data(e: Any) -> Any:
    if isinstance(e, ExceptionInfo):
        return e.data
    return None


def ex_message(e: Any) -> Any:
    if isinstance(e, ExceptionInfo):
        return e.message
    if isinstance(e, ScriptError):
        return e.message
    if getattr(e, "messageless", False):
        return None
    if isinstance(e, classes.JavaException) and e.message is None:
        return None  # (Exception.): Java's getMessage is null
    if isinstance(e, BaseException):
        from kryon_lisp.errors import describe

        return describe(e)
    return None


def ex_cause(e: Any) -> Any:
    return e.__cause__ if isinstance(e, BaseException) else None


def throwable_to_map(e: Any) -> LMap:
    """``Throwable->map``: the chain of causes as ``:via`` (``:type``,
    ``:message``, ``:data``), the root cause's message and data; there is no
    JVM stack, so ``:trace`` is empty and a cause has no ``:at``."""
    from pyrsistent import pvector

    via = []
    root = e
    seen: set[int] = set()
    while isinstance(e, BaseException) and id(e) not in seen:
        seen.add(id(e))
        entry = [(Keyword("type"), Symbol(type_name(e))), (Keyword("message"), ex_message(e))]
        if isinstance(e, ExceptionInfo):
            entry.append((Keyword("data"), e.data))
        via.append(LMap.of(entry, array=True))
        root, e = e, e.__cause__
    out: list[tuple[Keyword, Any]] = [(Keyword("via"), pvector(via)), (Keyword("trace"), pvector())]
    out.append((Keyword("cause"), ex_message(root)))
    if isinstance(root, ExceptionInfo):
        out.append((Keyword("data"), root.data))
    return LMap.of(out, array=True)


def throwable(x: Any) -> BaseException:
    if isinstance(x, BaseException):
        return x
    return Thrown(x)


def caught(e: BaseException) -> Any:
    return e.value if type(e) is Thrown else e


def catches(e: BaseException, classes: tuple[type, ...] | None) -> bool:
    if not classes:
        return True
    if type(e) is Thrown:
        return ExceptionInfo not in classes or isinstance(e.value, ExceptionInfo)
    return isinstance(e, classes)


def uncatchable(e: BaseException) -> bool:
    """Limit breaches, the script's own exit and Python's own stack overflow
    pass through every catch."""
    return isinstance(e, (LimitError, ScriptExit, RecursionError, MemoryError))


def exiting() -> bool:
    """Whether the script's exit is passing through: a ``finally`` does not
    run then, as ``System/exit`` runs none on the JVM."""
    return isinstance(sys.exc_info()[1], ScriptExit)


def arity_error(n: int, name: str) -> TypeError:
    return TypeError(f"Wrong number of args ({n}) passed to: {name}")


def restseq(args: tuple[Any, ...]) -> Any:
    return IndexedSeq(args, 0) if args else None


def invoke(f: Any, *args: Any) -> Any:
    if type(f) is PVector:
        if len(args) != 1:  # a vector is a function of one index, without a default
            raise TypeError(
                f"Wrong number of args ({len(args)}) passed to: clojure.lang.PersistentVector"
            )
        return nth(f, args[0])
    return f(*args)


def case_match(value: Any, consts: Any) -> bool:
    return any(equals(value, c) for c in consts)


def case_error(value: Any) -> Exception:
    return ValueError(f"No matching clause: {pr_str(value)}")


# -- predicates and misc ------------------------------------------------------------


def is_fn(x: Any) -> bool:
    return callable(x) and not isinstance(x, (Keyword, Symbol, LMap, LSet, Atom, type))


def is_coll(x: Any) -> bool:
    return type(x) in (PVector, LMap, LSet, PersistentQueue) or isinstance(x, Seq)


def is_sequential(x: Any) -> bool:
    return type(x) is PVector or type(x) is PersistentQueue or isinstance(x, Seq)


def is_seqable(x: Any) -> bool:
    return x is None or is_coll(x) or type(x) is str


def type_of(x: Any) -> Any:
    if x is None:
        return None
    record_type = getattr(x, "record_type", None)
    if record_type is not None:
        return record_type  # prints as user.Point and equals the name Point
    return classes.class_named(type_name(x))


def not_eq(*args: Any) -> bool:
    if len(args) == 2:
        return not equals(args[0], args[1])
    return not all(equals(a, b) for a, b in itertools.pairwise(args))


def eq(*args: Any) -> bool:
    if len(args) == 2:
        return equals(args[0], args[1])
    return all(equals(a, b) for a, b in itertools.pairwise(args))


def gensym(prefix: Any = "G__") -> Symbol:
    return Symbol(f"{str_of(prefix)}{gensym_id()}")


def boolean(x: Any) -> bool:
    return truthy(x)


def timed(thunk: Callable[[], Any], report: Callable[[Any], None] | None = None) -> Any:
    """``(time expr)``: the value of ``expr``; ``report`` (the namespace's ``prn``)
    gets ``"Elapsed time: ... msecs"``, as Clojure prints it."""
    start = limits.script_clock_ns()  # what the script slept counts (interop._sleep)
    result = thunk()
    elapsed = (limits.script_clock_ns() - start) / 1_000_000.0  # nanoseconds, as Clojure
    if report is not None:
        report(f"Elapsed time: {format_float(elapsed)} msecs")
    return result


def meta(x: Any) -> Any:
    found = getattr(x, "meta", None)
    return found if isinstance(found, LMap) else None  # metadata is always a map


def with_meta(x: Any, m: Any) -> Any:
    if isinstance(x, Symbol):
        return x.with_meta(m)
    if isinstance(x, (LMap, LSet)):
        out = copy.copy(x)
        out.meta = m
        return out
    if isinstance(x, PList):
        return PList(x.first(), x.more(), m) if x.count else x
    if type(x) is PersistentQueue:
        return x.with_meta(m)
    return x


def vary_meta(x: Any, f: Callable[..., Any], *args: Any) -> Any:
    return with_meta(x, f(meta(x), *args))


def trampoline(f: Callable[..., Any], *args: Any) -> Any:
    result = f(*args)
    fn_type = FunctionType
    while True:
        while type(result) is fn_type:  # a Lisp fn: the common bounce, one check
            result = result()
        if callable(result) and not isinstance(result, (Keyword, Symbol, LMap, LSet)):
            result = result()
        else:
            return result


def reset_vals(a: Atom, value: Any) -> Any:
    from pyrsistent import pvector

    old = _atom(a).value
    a.reset(value)
    return pvector([old, value])


def with_bindings(pairs: Any, thunk: Callable[[], Any]) -> Any:
    """``binding``: set namespace globals for the extent of ``thunk``."""
    items = list(pairs)
    saved: list[tuple[Any, str, Any]] = []
    missing = object()
    try:
        for var, value in zip(items[::2], items[1::2], strict=True):
            globals_ = var.ns.globals
            saved.append((globals_, var.name, globals_.get(var.name, missing)))
            globals_[var.name] = value
        return thunk()
    finally:
        for globals_, name, old in reversed(saved):
            if old is missing:
                globals_.pop(name, None)
            else:
                globals_[name] = old


def _no_files(*args: Any) -> Any:
    raise RuntimeError("file access is not available to Kryon Lisp scripts")


def infix(a: Any, op: Callable[..., Any], b: Any) -> Any:
    """``(a op b)`` where ``a`` is a local: a call if ``a`` is a function."""
    if callable(a) or type(a) is PVector:
        return invoke(a, op, b)
    return op(a, b)


def clojure_hash(x: Any) -> int:
    """``(hash x)``: Clojure's hasheq, as a signed 32-bit integer."""
    from kryon_lisp.clojure_hash import hasheq

    safe_hash(x)
    h = hasheq(x)
    return h - (1 << 32) if h & 0x80000000 else h


def rand_int(n: int) -> int:
    import random

    return random.randrange(int(n))


def rand_nth(coll: Any) -> Any:
    """``(nth coll (rand-int (count coll)))``: an empty one is out of bounds."""
    n = count(coll)
    return nth(coll, rand_int(n) if n else 0)


def rand(n: float = 1.0) -> float:
    import random

    return random.random() * n


CATCH_CLASSES: dict[str, tuple[type, ...] | None] = {
    "Throwable": None,
    "Object": None,
    ":default": None,
    "js/Error": None,
    "java.lang.Throwable": None,
    "RuntimeException": None,
    "java.lang.RuntimeException": None,
    "ExceptionInfo": (ExceptionInfo,),
    "clojure.lang.ExceptionInfo": (ExceptionInfo,),
}
for _java_name in (
    "java.lang.Exception",  # not an Error: AssertionError passes through it
    "java.lang.Error",
    "clojure.lang.ArityException",
    "java.lang.ArithmeticException",
    "java.lang.IllegalArgumentException",
    "java.lang.ClassCastException",
    "java.lang.IndexOutOfBoundsException",
    "java.lang.StringIndexOutOfBoundsException",
    "java.lang.NullPointerException",
    "java.lang.IllegalStateException",
    "java.lang.NumberFormatException",
    "java.lang.UnsupportedOperationException",
    "java.lang.AssertionError",
    "java.lang.StackOverflowError",
    "java.lang.ArrayIndexOutOfBoundsException",
    "java.lang.NegativeArraySizeException",
    "java.util.IllegalFormatException",
    "java.util.IllegalFormatConversionException",
    "java.util.MissingFormatArgumentException",
    "java.util.UnknownFormatConversionException",
):
    # told apart by the Java class Clojure would throw, not by the Python error
    CATCH_CLASSES[_java_name] = (catch_type(_java_name),)
    CATCH_CLASSES[_java_name.rpartition(".")[2]] = CATCH_CLASSES[_java_name]


CORE: dict[str, Any] = {
    **NUMERIC,
    **COLLECTIONS,
    **SEQUENCES,
    **STRINGS,
    "=": eq,
    "not=": not_eq,
    "not": lambda x: x is None or x is False,
    "nil?": lambda x: x is None,
    "some?": lambda x: x is not None,
    "true?": lambda x: x is True,
    "false?": lambda x: x is False,
    "boolean": boolean,
    "identical?": lambda a, b: a is b,
    "boolean?": lambda x: type(x) is bool,
    "atom": atom,
    "deref": deref,
    "swap!": swap,
    "swap-vals!": swap_vals,
    "reset!": reset,
    "compare-and-set!": compare_and_set,
    "add-watch": add_watch,
    "set-validator!": set_validator,
    "get-validator": lambda a: a.validator,
    "remove-watch": remove_watch,
    "volatile!": Volatile,
    "vreset!": vreset,
    "vswap!": vswap,
    "force": lambda x: x.force() if type(x) is Delay else x,
    "realized?": lambda x: (
        x.done
        if type(x) is Delay
        else x.realized()
        if hasattr(x, "realized")
        else not isinstance(x, LazySeq) or (x._fn is None)
    ),
    "atom?": lambda x: type(x) is Atom,
    "delay?": lambda x: type(x) is Delay,
    "ex-info": ex_info,
    "ex-data": ex_data,
    "ex-message": ex_message,
    "ex-cause": ex_cause,
    "Throwable->map": throwable_to_map,
    "fn?": is_fn,
    "ifn?": lambda x: callable(x) or type(x) is PVector,
    "coll?": is_coll,
    "seq?": lambda x: isinstance(x, Seq),
    "list?": lambda x: type(x) is PList or (isinstance(x, PList) and x.count == 0),
    "vector?": lambda x: type(x) is PVector,
    "map?": lambda x: isinstance(x, LMap),
    "set?": lambda x: isinstance(x, LSet),
    "sequential?": is_sequential,
    "associative?": lambda x: type(x) in (PVector, LMap),
    "counted?": lambda x: type(x) in (PVector, LMap, LSet, PList, PersistentQueue),
    "seqable?": is_seqable,
    "map-entry?": lambda x: type(x) is PVector and len(x) == 2,
    "indexed?": lambda x: type(x) is PVector,
    "distinct?": lambda *xs: len({key_of(x) for x in xs}) == len(xs),
    "type": type_of,
    "class": type_of,
    "gensym": gensym,
    "hash": clojure_hash,
    "rand-int": rand_int,
    "rand": rand,
    "rand-nth": rand_nth,
    "shuffle": lambda coll: __import__("pyrsistent").pvector(
        __import__("random").sample(list(coll), len(coll))
    ),
    "random-uuid": lambda: str(__import__("uuid").uuid4()),
    "Math/PI": 3.141592653589793,
    "re-pattern": patterns.compile_pattern,
    # compiler helpers
    "@method_call": __import__("kryon_lisp.interop", fromlist=["method_call"]).method_call,
    "@no_host_member": __import__("kryon_lisp.interop", fromlist=["x"]).no_host_member,
    "trampoline": trampoline,
    "*platform*": Keyword("kryon"),
    "*debug*": False,
    "*command-line-args*": None,
    "clj->js": lambda x, *opts: x,
    "js->clj": lambda x, *opts: x,
    "@infix": infix,
    "slurp": _no_files,
    "spit": _no_files,
    # loading code from files is file access too: a runtime error, as slurp is
    "load-file": _no_files,
    "load": _no_files,
    "@binding": with_bindings,
    "reset-vals!": reset_vals,
    "meta": meta,
    "with-meta": with_meta,
    "vary-meta": vary_meta,
    "@LMap": LMap,
    "@conj1": __import__("kryon_lisp.collections", fromlist=["conj1"]).conj1,
    "@assoc": __import__("kryon_lisp.collections", fromlist=["assoc"]).assoc,
    "@assoc3": __import__("kryon_lisp.collections", fromlist=["x"]).assoc3,
    "@nth": __import__("kryon_lisp.collections", fromlist=["x"]).nth,
    "@update3": __import__("kryon_lisp.collections", fromlist=["x"]).update3,
    "@update_fnil": __import__("kryon_lisp.collections", fromlist=["x"]).update_fnil,
    "@type": type,
    "@int": int,
    "@len": len,
    "@PVector": PVector,
    "@Exception": BaseException,
    "@equals": equals,
    "@invoke": invoke,
    "@throwable": throwable,
    "@caught": caught,
    "@catches": catches,
    "@uncatchable": uncatchable,
    "@exiting": exiting,
    "@arity_error": arity_error,
    "@NA": NO_ARG,
    "@restseq": restseq,
    "@case-match": case_match,
    "@case-error": case_error,
    "@L": limits.current,
    "@new": classes.construct,
    "instance?": classes.instance,
    **classes.CLASSES,
    "@delay": Delay,
    "@time": timed,
}

_unused = (get, seq, Char, Fraction, EMPTY_MAP)


def _never_reduced() -> None:
    from kryon_lisp import collections, core_num, core_seq

    core_seq.NEVER_REDUCED.update(
        {
            core_num.plus,
            core_num.times,
            core_num.minus,
            core_num.max_,
            core_num.min_,
            collections.conj,
            collections.merge,
            collections.assoc,
        }
    )


_never_reduced()


def _boolean_fns() -> None:
    from kryon_lisp import core_seq
    from kryon_lisp.inline import BOOL_RESULT

    core_seq.BOOLEAN_FNS.update(
        fn for name, fn in CORE.items() if name in BOOL_RESULT and callable(fn)
    )


_boolean_fns()

CORE_NAMES = (
    frozenset(k for k in CORE if not k.startswith("@"))
    | frozenset(__import__("kryon_lisp.extra", fromlist=["EXTRA"]).EXTRA)
    | frozenset(__import__("kryon_lisp.transients", fromlist=["T"]).TRANSIENTS)
    | frozenset(
        [
            "print",
            "println",
            "prn",
            "pr",
            "newline",
            "printf",
            "flush",
            "log",
            "warn",
            "error",
            "eval",
            "macroexpand",
            "macroexpand-1",
            "read-string",
            "require",
            "*ns*",
            "ns-name",
            "resolve",
            "var-get",
            "with-out-str",
        ]
    )
)

"""Companions of the core: clojure.set, clojure.walk, sorted collections, 1.11 additions."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from pyrsistent import pvector

from kryon_lisp import limits
from kryon_lisp.arrays_core import ARRAYS
from kryon_lisp.classes import EXCEPTIONS
from kryon_lisp.collections import assoc, conj1, contains, count, get, select_keys
from kryon_lisp.concurrency import CONCURRENCY
from kryon_lisp.core_seq import repeat
from kryon_lisp.equality import equals
from kryon_lisp.printer import CHAR_NAMES, STRING_ESCAPES, type_name
from kryon_lisp.seqs import IndexedSeq, iter_of, seq
from kryon_lisp.sorted_colls import SORTED, SortedMap, SortedSet
from kryon_lisp.syntax_quote import SPECIAL_FORMS as SPECIAL_NAMES
from kryon_lisp.types import (
    EMPTY_LIST,
    Keyword,
    LMap,
    LSet,
    PList,
    PVector,
    Seq,
    Symbol,
    plist,
    truthy,
)


def union(*sets: Any) -> Any:
    if not sets:
        return LSet()
    out = sets[0]
    for s in sets[1:]:
        for x in iter_of(s):
            out = out.conj(x)
    return out


def intersection(first: Any, *sets: Any) -> Any:
    out = first
    for x in list(first):
        if not all(x in s for s in sets):
            out = out.disj(x)
    return out


def difference(first: Any, *sets: Any) -> Any:
    out = first
    for s in sets:
        for x in iter_of(s):
            out = out.disj(x)
    return out


def is_subset(a: Any, b: Any) -> bool:
    return all(x in b for x in a)


def rename_keys(m: Any, kmap: Any) -> Any:
    out = m
    for old in kmap:
        if old in m:
            out = out.dissoc(old)
    for old, new in kmap.items():
        if old in m:
            out = out.assoc(new, m.get(old))
    return out


def walk(inner: Callable[[Any], Any], outer: Callable[[Any], Any], form: Any) -> Any:
    limits.step()
    if isinstance(form, PList):
        return outer(plist([inner(x) for x in form]))
    if isinstance(form, Seq):
        return outer(IndexedSeq([inner(x) for x in form], 0) if seq(form) else EMPTY_LIST)
    if type(form) is PVector:
        return outer(pvector([inner(x) for x in form]))
    if isinstance(form, LMap):
        out: Any = LMap.of([])
        for k, v in form.items():
            entry = inner(pvector([k, v]))
            out = conj1(out, entry)
        return outer(out)
    if isinstance(form, LSet):
        return outer(LSet.of(inner(x) for x in form))
    return outer(form)


def postwalk(f: Callable[[Any], Any], form: Any) -> Any:
    return walk(lambda x: postwalk(f, x), f, form)


def prewalk(f: Callable[[Any], Any], form: Any) -> Any:
    return walk(lambda x: prewalk(f, x), lambda x: x, f(form))


def prewalk_replace(smap: Any, form: Any) -> Any:
    return prewalk(lambda x: smap.get(x, x) if x in smap else x, form)


def postwalk_replace(smap: Any, form: Any) -> Any:
    return postwalk(lambda x: smap.get(x, x) if x in smap else x, form)


def keywordize_keys(m: Any) -> Any:
    from kryon_lisp.types import Keyword

    def fix(x: Any) -> Any:
        if isinstance(x, LMap):
            return LMap.of((Keyword(k) if isinstance(k, str) else k, v) for k, v in x.items())
        return x

    return postwalk(fix, m)


def stringify_keys(m: Any) -> Any:
    from kryon_lisp.types import Keyword

    def fix(x: Any) -> Any:
        if isinstance(x, LMap):
            return LMap.of((k.name if isinstance(k, Keyword) else k, v) for k, v in x.items())
        return x

    return postwalk(fix, m)


def update_vals(m: Any, f: Callable[[Any], Any]) -> Any:
    return LMap.of((k, f(v)) for k, v in m.items())


def update_keys(m: Any, f: Callable[[Any], Any]) -> Any:
    return LMap.of((f(k), v) for k, v in m.items())


_LONG_TEXT = re.compile(r"[+-]?\d+")
# Clojure 1.11's parse-double accepts what Double/parseDouble does: spaces and
# control characters around, NaN and Infinity, a d/f suffix, no underscores
_DOUBLE_TEXT = re.compile(
    r"[\x00-\x20]*[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?)[\x00-\x20]*"
)


def parse_long(s: Any) -> Any:
    if not isinstance(s, str):
        raise ValueError(f"Expected string, got {type_name(s)}")
    if not _LONG_TEXT.fullmatch(s) or len(s.lstrip("+-").lstrip("0")) > 19:
        return None  # not a long (and past what int() converts: 4,300 digits)
    n = int(s)
    return n if -(2**63) <= n < 2**63 else None


def parse_double(s: Any) -> Any:
    if not isinstance(s, str):
        raise ValueError(f"Expected string, got {type_name(s)}")
    if not _DOUBLE_TEXT.fullmatch(s):
        return None
    text = s.strip("".join(map(chr, range(0x21)))).rstrip("fFdD")
    return float(text.replace("Infinity", "inf"))


_NONE = object()


def _wrap_long(n: Any) -> Any:
    """Java's long arithmetic: the low 64 bits, two's complement (doubles pass)."""
    if type(n) is not int:
        return n
    n &= (1 << 64) - 1
    return n - (1 << 64) if n >> 63 else n


def run(f: Callable[[Any], Any], coll: Any) -> None:
    for x in iter_of(coll):
        f(x)


def alter_var_root(var: Any, f: Callable[..., Any], *args: Any) -> Any:
    """``(alter-var-root #'x f args...)``: the global becomes ``(f x args...)``."""
    if type(var).__name__ != "Var":
        raise TypeError(f"{type_name(var)} cannot be cast to clojure.lang.Var")
    if var.ns.builtin:
        # a built-in namespace is every script's (kryon's host functions, clojure.string):
        # one script must not change it under the others
        raise EXCEPTIONS["java.lang.IllegalStateException"](
            f"Can't alter built-in var {var.lisp_repr()}: it is shared by every script"
        )
    value = f(var.deref(), *args)
    var.ns.globals[var.name] = value
    return value


def bounded_count(n: Any, coll: Any) -> int:
    """``(bounded-count n coll)``: counts at most ``n`` elements of a sequence."""
    if isinstance(coll, (PVector, LMap, LSet, str)) or coll is None:
        return count(coll)
    return sum(1 for _ in itertools.islice(iter_of(coll), max(0, int(n))))


def nthrest(coll: Any, n: int) -> Any:
    s = seq(coll)
    while n > 0 and s is not None:
        s = s.next()
        n -= 1
    return EMPTY_LIST if s is None else s


def rseq(v: Any) -> Any:
    items = list(reversed(list(iter_of(v))))  # a sorted map's entries, not its keys
    return IndexedSeq(items, 0) if items else None


def index(xrel: Any, ks: Any) -> Any:
    """``clojure.set/index``: the maps of ``xrel`` grouped by their values at ``ks``."""
    out: Any = LMap.of([])
    for x in iter_of(xrel):
        ik = select_keys(x, ks)
        out = assoc(out, ik, conj1(get(out, ik, LSet()), x))
    return out


def select(pred: Callable[[Any], Any], xset: Any) -> Any:
    out = xset
    for x in list(xset):
        if not truthy(pred(x)):
            out = out.disj(x)
    return out


def project(xrel: Any, ks: Any) -> Any:
    return LSet.of(select_keys(x, ks) for x in iter_of(xrel))


def map_invert(m: Any) -> Any:
    out: Any = LMap.of([])
    for k, v in m.items() if m is not None else ():
        out = assoc(out, v, k)
    return out


def join(xrel: Any, yrel: Any, km: Any = None) -> Any:
    """``clojure.set/join``: natural join on the shared keys, or on ``km``'s pairs;
    each result is the smaller relation's map merged with the other's."""
    xs, ys = list(iter_of(xrel)), list(iter_of(yrel))
    if not xs or not ys:
        return LSet()
    if len(xs) <= len(ys):
        r, s_, pairs = xs, ys, [(b, a) for a, b in km.items()] if km is not None else None
    else:
        r, s_, pairs = ys, xs, list(km.items()) if km is not None else None
    if pairs is None:
        pairs = [(k, k) for k in xs[0] if k in ys[0]]
    out = LSet()
    for x in s_:
        for found in r:
            if all(_same_at(x, a, found, b) for a, b in pairs):
                out = out.conj(conj1(found, x))
    return out


def _same_at(x: Any, a: Any, y: Any, b: Any) -> bool:
    """Clojure joins on ``select-keys``: a key both maps lack matches, a key
    only one holds (even as nil) does not."""
    present = contains(x, a)
    if present != contains(y, b):
        return False
    return not present or equals(get(x, a), get(y, b))


def reductions(f: Callable[..., Any], *args: Any) -> Any:
    from kryon_lisp.seqs import lazy_iter
    from kryon_lisp.types import Reduced

    if len(args) == 1:
        it = iter_of(args[0])
        first = next(it, _NONE)
        if first is _NONE:
            return plist([f()])
        init: Any = first
    else:
        init, coll = args
        it = iter_of(coll)

    def gen() -> Any:
        acc = init
        yield acc
        for x in it:
            acc = f(acc, x)
            if type(acc) is Reduced:
                yield acc.value
                return
            yield acc

    return lazy_iter(gen())


def replace(smap: Any, coll: Any = _NONE) -> Any:
    from kryon_lisp.seqs import lazy_iter

    def swap(x: Any) -> Any:
        # the map (or a vector, by index) looked up as find does: a nil value replaces too
        return get(smap, x) if contains(smap, x) else x

    if coll is _NONE:
        from kryon_lisp.transducers import map_xf

        return map_xf(swap)
    if type(coll) is PVector:
        return pvector([swap(x) for x in coll])
    return lazy_iter(swap(x) for x in iter_of(coll))


def comparator(pred: Callable[[Any, Any], Any]) -> Callable[[Any, Any], int]:
    from kryon_lisp.types import truthy

    def cmp(a: Any, b: Any) -> int:
        if truthy(pred(a, b)):
            return -1
        return 1 if truthy(pred(b, a)) else 0

    return cmp


def random_sample(prob: float, coll: Any = _NONE) -> Any:
    import random

    from kryon_lisp.seqs import lazy_iter

    return lazy_iter(x for x in iter_of(coll) if random.random() < prob)


def halt_when(pred: Any, retf: Any = None) -> Any:
    """``(halt-when pred)``: a transducer ending the reduction at the first input
    ``pred`` accepts, whose result is that input (or ``(retf result input)``)."""
    from kryon_lisp.types import Reduced, truthy

    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        def reducer(*args: Any) -> Any:
            if len(args) == 2:
                result, item = args
                if truthy(pred(item)):
                    halted = retf(rf(result), item) if retf is not None else item
                    return Reduced(_Halt(halted))
                return rf(result, item)
            if len(args) == 1 and type(args[0]) is _Halt:
                return args[0].value
            return rf(*args)

        return reducer

    return xform


class _Halt:
    """What halt-when's reduction ended with, passed by completion untouched."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


EXTRA: dict[str, Any] = {
    "halt-when": halt_when,
    "class?": lambda x: type(x).__name__ == "JavaClass",
    "replicate": repeat,
    "vector-of": lambda t, *xs: pvector(xs),
    "tap>": lambda x: True,
    "clojure-version": lambda: "1.11.1",
    "char-escape-string": lambda c: STRING_ESCAPES.get(str(getattr(c, "ch", c))),
    "char-name-string": lambda c: CHAR_NAMES.get(str(getattr(c, "ch", c))),
    "reductions": reductions,
    "replace": replace,
    "comparator": comparator,
    "random-sample": random_sample,
    "any?": lambda x: True,
    "bit-and-not": lambda a, b: a & ~b,
    "bit-clear": lambda x, n: x & ~(1 << n),
    "bit-flip": lambda x, n: x ^ (1 << n),
    "bit-set": lambda x, n: x | (1 << n),
    "bit-test": lambda x, n: bool(x >> n & 1),
    "byte": int,
    "short": int,
    "unchecked-add": lambda a, b: _wrap_long(a + b),
    "unchecked-subtract": lambda a, b: _wrap_long(a - b),
    "unchecked-multiply": lambda a, b: _wrap_long(a * b),
    "unchecked-inc": lambda a: _wrap_long(a + 1),
    "unchecked-dec": lambda a: _wrap_long(a - 1),
    "unchecked-negate": lambda a: _wrap_long(-a),
    "reversible?": lambda x: type(x) is PVector or isinstance(x, (SortedMap, SortedSet)),
    "simple-symbol?": lambda x: type(x).__name__ == "Symbol" and x.ns is None,
    "qualified-symbol?": lambda x: type(x).__name__ == "Symbol" and x.ns is not None,
    "var?": lambda x: type(x).__name__ == "Var",
    "volatile?": lambda x: type(x).__name__ == "Volatile",
    **ARRAYS,
    "eduction": lambda *args: __import__("kryon_lisp.core_seq", fromlist=["s"]).sequence(
        __import__("kryon_lisp.core_fn", fromlist=["c"]).comp(*args[:-1]), args[-1]
    ),
    "special-symbol?": lambda s: getattr(s, "name", None) in SPECIAL_NAMES,
    **SORTED,
    "update-vals": update_vals,
    "update-keys": update_keys,
    "parse-long": parse_long,
    "parse-double": parse_double,
    "run!": run,
    "nthrest": nthrest,
    "alter-var-root": alter_var_root,
    "bounded-count": bounded_count,
    "ident?": lambda x: isinstance(x, (Keyword, Symbol)),
    "rseq": rseq,
    "parse-boolean": {"true": True, "false": False}.get,
    "get": get,
    # a script has no standard input (as `python x.py < /dev/null`): at its end at once
    "read-line": lambda: None,
    **CONCURRENCY,
}

CLOJURE_SET: dict[str, Any] = {
    "union": union,
    "intersection": intersection,
    "difference": difference,
    "subset?": is_subset,
    "superset?": lambda a, b: is_subset(b, a),
    "rename-keys": rename_keys,
    "index": index,
    "select": select,
    "project": project,
    "map-invert": map_invert,
    "join": join,
}

CLOJURE_WALK: dict[str, Any] = {
    "walk": walk,
    "postwalk": postwalk,
    "prewalk": prewalk,
    "prewalk-replace": prewalk_replace,
    "postwalk-replace": postwalk_replace,
    "keywordize-keys": keywordize_keys,
    "stringify-keys": stringify_keys,
}

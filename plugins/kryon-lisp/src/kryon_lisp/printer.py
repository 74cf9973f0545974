"""Clojure's printing rules: ``pr-str`` (readable) and ``str``/``print`` (for humans)."""

from __future__ import annotations

import math
import re
import types as pytypes
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from kryon_lisp import limits, patterns
from kryon_lisp.arrays import JavaArray
from kryon_lisp.fn_names import java_class_name, object_string, printed_fn, printed_object
from kryon_lisp.pqueue import PersistentQueue
from kryon_lisp.types import (
    Atom,
    BigInt,
    Char,
    Delay,
    ExceptionInfo,
    Keyword,
    LMap,
    LSet,
    PVector,
    Seq,
    Symbol,
    Thrown,
    Volatile,
    key_of,
)

CHAR_NAMES = {
    "\n": "newline",
    " ": "space",
    "\t": "tab",
    "\r": "return",
    "\b": "backspace",
    "\f": "formfeed",
}
STRING_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\b": "\\b",
    "\f": "\\f",
}

LONG_MIN = -(2**63)
LONG_MAX = 2**63 - 1

_DIRECT_BITS = 13_000
"""Integers up to this size (about 3,900 digits) convert with ``str``; CPython
refuses past 4,300 digits, so bigger ones are converted in halves."""


def int_text(n: int) -> str:
    """The decimal digits of ``n``, however long (a factorial of 2000 has 5,736)."""
    if n < 0:
        return "-" + int_text(-n)
    if n.bit_length() <= _DIRECT_BITS:
        return str(n)
    # up to a second of C work that no step check interrupts: counted (and the
    # deadline checked) first, so a loop of such conversions stops at its limit
    limits.charge(n.bit_length() // 3)
    return _halves(n)


def _halves(n: int) -> str:
    if n.bit_length() <= _DIRECT_BITS:
        return str(n)
    half = n.bit_length() * 3 // 20  # log10(2) ~ 0.3: half of the decimal digits
    high, low = divmod(n, 10**half)
    return _halves(high) + _halves(low).rjust(half, "0")


# FloatingDecimal's insignificantDigitsNumber: low decimal digits a whole
# number past the significand's bits (2**p2 times it) prints without
_INSIGNIFICANT = (
    *(0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7),
    *(8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14),
    *(15, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19),
)


def java_whole_digits(x: float, significant_bits: int = 53) -> str | None:
    """The digits Java's Double.toString (Float.toString with 24 bits) writes
    for a whole number from 10**7 to 2**63, where the JDK 17 prints the exact
    integer rounded to its significant digits instead of the shortest decimal
    (2**60 is ``1.15292150460684698E18``, Python's ``1.152921504606847e+18``);
    None for other numbers."""
    x = abs(x)
    if not 1e7 <= x < 2.0**63 or x != math.floor(x):
        return None
    whole = int(x)
    p2 = whole.bit_length() - 1 - significant_bits - 1
    drop = _INSIGNIFICANT[p2] if 1 < p2 < len(_INSIGNIFICANT) else 0
    if drop:
        kept, residue = divmod(whole, 10**drop)
        whole = (kept + (residue >= 10**drop // 2)) * 10**drop
    return str(whole)


def format_float(x: float) -> str:
    if math.isnan(x):
        return "##NaN"
    if math.isinf(x):
        return "##Inf" if x > 0 else "##-Inf"
    text = repr(x)
    if x == 0 or 1e-3 <= abs(x) < 1e7:
        return text
    # Java's Double.toString: scientific notation outside [1e-3, 1e7)
    sign = "-" if x < 0 else ""
    if abs(x) == 5e-324:
        return f"{sign}4.9E-324"  # Double.MIN_VALUE: the JDK writes two digits of it
    whole = java_whole_digits(x)
    if whole is not None:
        fraction = whole[1:].rstrip("0") or "0"
        return f"{sign}{whole[0]}.{fraction}E{len(whole) - 1}"
    digits, _, exp = f"{abs(x):.17e}".partition("e")
    shortest = repr(abs(x))
    if "e" in shortest:
        mantissa, _, exp = shortest.partition("e")
        if "." not in mantissa:
            mantissa += ".0"
        return f"{sign}{mantissa}E{int(exp)}"
    # shortest repr is positional (e.g. 15000000000.0): move the point
    int_part, _, frac = shortest.partition(".")
    all_digits = (int_part + frac).lstrip("0")
    exponent = len(int_part) - 1 if int_part != "0" else -(len(frac) - len(frac.lstrip("0")) + 1)
    all_digits = all_digits.rstrip("0") or "0"
    mantissa = all_digits[0] + "." + (all_digits[1:] or "0")
    del digits
    return f"{sign}{mantissa}E{exponent}"


_LONG_TEXT = 4096
"""Strings longer than this count their characters towards the printed size."""

_ESCAPE_TABLE = {ord(c): e for c, e in STRING_ESCAPES.items()}


def _escape(text: str) -> str:
    # translate runs in C: a megabyte string prints in milliseconds, not a tenth of a second
    return '"' + text.translate(_ESCAPE_TABLE) + '"'


def pr_str(x: Any, readably: bool = True) -> str:
    """The printed form of ``x``."""
    out: list[str] = []
    _Writer(readably, out).write(x)
    return "".join(out)


def pr_into(x: Any, readably: bool, out: list[str], length: Any = None, level: Any = None) -> None:
    """Append the printed form of ``x`` to ``out`` piece by piece, within
    ``*print-length*`` and ``*print-level*`` when they are set."""
    if length is not None or level is not None:
        _Writer(readably, out, length, level).write(x)
        return
    t = type(x)
    # the leaves most prints are made of, without setting up a walk
    if t is str and not readably:
        out.append(x)
    elif t is int and LONG_MIN <= x <= LONG_MAX:
        out.append(str(x))
    elif t is Keyword or x is None:
        out.append("nil" if x is None else str(x))
    else:
        _Writer(readably, out).write(x)


def str_of(x: Any) -> str:
    """``(str x)``: strings and chars raw, nil empty, everything else printed."""
    if type(x) is str:
        return x
    if type(x) is int or type(x) is BigInt:
        return int_text(x)
    if x is None:
        return ""
    if type(x) is Char:
        return x.ch
    if type(x) is float and not math.isfinite(x):
        # Double.toString; only the printer writes ##NaN and ##Inf
        return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")
    if type(x) is patterns.Pattern:
        return str(x.pattern)  # Pattern.toString: the source, without #"..."
    java_to_string = getattr(x, "java_to_string", None)
    if java_to_string is not None:
        return str(java_to_string())
    to_string = getattr(getattr(x, "record_type", None), "to_string", None)
    if to_string is not None:  # a defrecord's Object toString
        return str_of(to_string(x))
    record_type = getattr(x, "record_type", None)
    if record_type is not None:
        from kryon_lisp.clojure_hash import java_hash_code

        # a defrecord has no toString of its own: Object's, class@hashCode (a map's hash)
        return f"{record_type.full_name}@{java_hash_code(x):x}"
    from kryon_lisp.seqs import LazySeq

    if type(x) is LazySeq:
        from kryon_lisp.clojure_hash import java_hash_code

        # LazySeq has no toString of its own: Java's Object.toString, class@hashCode
        return f"clojure.lang.LazySeq@{java_hash_code(x):x}"
    if isinstance(x, ExceptionInfo):
        return f"clojure.lang.ExceptionInfo: {str_of(x.message)} {pr_str(x.data)}"
    if hasattr(x, "java_name"):
        # Throwable.toString: the class alone when there is no message
        return x.java_name if getattr(x, "message", "") is None else f"{x.java_name}: {x}"
    if isinstance(x, BaseException) and not isinstance(x, Thrown):
        from kryon_lisp.errors import describe

        if getattr(x, "messageless", False):
            return type_name(x)

        # Throwable.toString: the class, then the message
        return f"{type_name(x)}: {describe(x)}"
    if isinstance(x, (pytypes.FunctionType, pytypes.BuiltinFunctionType)):
        return object_string(java_class_name(x), x)
    if (
        callable(x)
        and isinstance(getattr(type(x), "java_class", None), str)
        and not hasattr(type(x), "__iter__")  # a sorted map or set prints as a collection
    ):
        return object_string(type(x).java_class, x)  # a multimethod
    return pr_str(x, True)


def _nests(x: Any) -> bool:
    """Whether ``x`` prints as a collection (what ``*print-level*`` counts)."""
    t = type(x)
    return t is PVector or t is tuple or t is list or isinstance(x, (Seq, LMap, LSet))


class _Writer:
    """One print: the pieces written so far and how many values they hold.

    The walk keeps its own stack of open collections (a generator per level
    that writes its brackets and separators and yields the members still to
    write), so data nested any depth the memory limit allows prints in full,
    without Python recursion."""

    def __init__(
        self, readably: bool, out: list[str], length: Any = None, level: Any = None
    ) -> None:
        self.readably = readably
        self.out = out
        self.length = length if type(length) is int else None  # *print-length*
        self.level = level if type(level) is int else None  # *print-level*
        self.budget = limits.current.budget
        self.written = 0
        self.chars = 0  # of the long strings written so far
        self.open_refs: set[int] = set()  # atoms and volatiles being printed

    def write(self, root: Any) -> None:
        stack: list[Iterator[Any]] = [iter((root,))]
        while stack:
            try:
                x = next(stack[-1])
            except StopIteration:
                stack.pop()
                continue
            if self.level is not None and len(stack) > self.level and _nests(x):
                self.out.append("#")  # deeper than *print-level*
                continue
            nested = self.write_one(x)
            if nested is not None:
                stack.append(nested)

    def write_one(self, x: Any) -> Iterator[Any] | None:
        """Write ``x`` when it is a leaf; for a container answer the generator
        that writes it around its members."""
        out = self.out
        if self.budget is not None:
            # counted over the whole tree: a small vector of shared vectors can hold 2**40 leaves
            self.written += 1
            if not self.written % limits.CHUNK:
                self.budget.realise(limits.CHUNK)
        t = type(x)
        if x is None:
            out.append("nil")
        elif x is True:
            out.append("true")
        elif x is False:
            out.append("false")
        elif t is int:
            # Python has one integer type: those past a long are Clojure BigInts, printed with N
            # by print and pr alike (only str leaves it off)
            out.append(str(x) if LONG_MIN <= x <= LONG_MAX else f"{int_text(x)}N")
        elif t is BigInt:
            out.append(f"{int_text(x)}N")
        elif t is float:
            out.append(format_float(x))
        elif t is str:
            text = _escape(x) if self.readably else x
            out.append(text)
            if self.budget is not None and len(text) > _LONG_TEXT:
                self.long_text(len(text))
        elif t is Keyword or t is Symbol:
            out.append(str(x))
        elif t is Fraction:
            num = int_text(x.numerator)
            out.append(f"{num}/{int_text(x.denominator)}" if x.denominator != 1 else num)
        elif t is Char:
            out.append("\\" + CHAR_NAMES.get(x.ch, x.ch) if self.readably else x.ch)
        elif t is PVector:
            return self.items("[", x, "]")
        elif isinstance(x, Seq):
            return self.items("(", x, ")")
        elif t is LMap:
            return self.entries(x)
        elif t is LSet:
            return self.items("#{", x, "}")
        elif t is Atom:
            return self.reference("#object[clojure.lang.Atom {:status :ready, :val ", x)
        elif t is Volatile:
            return self.reference("#object[clojure.lang.Volatile {:val ", x)
        elif t is Delay:
            out.append("#object[clojure.lang.Delay]")
        elif isinstance(x, ExceptionInfo):
            return self.exception_info(x)
        elif isinstance(x, Thrown):
            return iter((x.value,))
        elif isinstance(x, BaseException):
            out.append(f"#error {{:message {_escape(str(x))}}}")
        elif isinstance(x, (pytypes.FunctionType, pytypes.BuiltinFunctionType)):
            out.append(printed_fn(x, self.readably))
        elif t is patterns.Pattern:
            out.append('#"' + x.pattern + '"')
        elif t is JavaArray or t is PersistentQueue:
            out.append(x.printed(self.readably))
        elif getattr(t, "deftype_instance", False):
            method = getattr(x.record_type, "print_method", None)
            out.append(x.printed(self.readably) if method is None else _by_method(x, method))
        elif hasattr(x, "lisp_repr") and not isinstance(x, (LMap, LSet)):
            out.append(x.lisp_repr())
        elif callable(x) and hasattr(x, "__name__") and not isinstance(x, (LMap, LSet)):
            java_class = getattr(t, "java_class", None)
            if isinstance(java_class, str):  # a multimethod: clojure.lang.MultiFn
                out.append(printed_object(java_class, x, self.readably))
            else:
                out.append(f"#object[{x.__name__}]")
        elif t is tuple or t is list:
            return self.items("[", x, "]")
        elif isinstance(x, LMap):
            method = getattr(getattr(x, "record_type", None), "print_method", None)
            if method is not None:  # (defmethod print-method Point ...)
                out.append(_by_method(x, method))
                return None
            if hasattr(x, "lisp_tag"):
                out.append("#" + x.lisp_tag())
            # a plain map in the record's own order
            return iter((LMap({key_of(k): v for k, v in x.items()}),))
        elif isinstance(x, LSet):
            return self.items("#{", x, "}")
        else:
            out.append(f"#object[{type_name(x)}]")
        return None

    def long_text(self, length: int) -> None:
        """A long string went into the print: the whole print is one string
        in the end, so its size is the memory limit's business, and copying
        it is time no step counts (a vector of 10,000 megabyte strings)."""
        budget = self.budget
        assert budget is not None
        self.chars += length
        if budget.memory_limit is not None and self.chars > budget.memory_limit:
            limits.check_text(self.chars)
        budget.check_clock()

    def items(self, open_: str, items: Any, close: str) -> Iterator[Any]:
        out = self.out
        out.append(open_)
        for shown, item in enumerate(items):
            if shown:
                out.append(" ")
            if shown == self.length:
                out.append("...")  # *print-length* items shown
                break
            yield item
        out.append(close)

    def entries(self, m: LMap) -> Iterator[Any]:
        out = self.out
        out.append("{")
        for shown, (k, v) in enumerate(m.items()):
            if shown:
                out.append(", ")
            if shown == self.length:
                out.append("...")
                break
            yield k
            out.append(" ")
            yield v
        out.append("}")

    def reference(self, open_: str, ref: Atom | Volatile) -> Iterator[Any]:
        # Clojure prints the value inside, so a reference that holds itself
        # recurses until the JVM stack overflows: the same error, found at once
        if id(ref) in self.open_refs:
            from kryon_lisp.classes import EXCEPTIONS

            raise EXCEPTIONS["java.lang.StackOverflowError"]()
        self.open_refs.add(id(ref))
        self.out.append(open_)
        yield ref.value
        self.out.append("}]")
        self.open_refs.discard(id(ref))

    def exception_info(self, x: ExceptionInfo) -> Iterator[Any]:
        # message and data print readably even inside println
        out = self.out
        saved, self.readably = self.readably, True
        out.append("#error {:message ")
        yield x.message
        out.append(", :data ")
        yield x.data
        out.append("}")
        self.readably = saved


def _by_method(x: Any, method: Any) -> str:
    from kryon_lisp.print_method import printed_by_method

    return printed_by_method(x, method)


def type_name(x: Any) -> str:
    """A Clojure-ish class name for error messages and ``type``."""
    names = {
        type(None): "nil",
        bool: "java.lang.Boolean",
        int: "java.lang.Long",
        BigInt: "clojure.lang.BigInt",
        float: "java.lang.Double",
        str: "java.lang.String",
        Fraction: "clojure.lang.Ratio",
        Keyword: "clojure.lang.Keyword",
        Symbol: "clojure.lang.Symbol",
        Char: "java.lang.Character",
        PVector: "clojure.lang.PersistentVector",
        LMap: "clojure.lang.PersistentHashMap",
        LSet: "clojure.lang.PersistentHashSet",
        Atom: "clojure.lang.Atom",
        patterns.Pattern: "java.util.regex.Pattern",
    }
    found = names.get(type(x))
    if found == "clojure.lang.PersistentHashMap" and x._d is not None and not x._hashed:
        return "clojure.lang.PersistentArrayMap"
    if found == "java.lang.Long" and not LONG_MIN <= x <= LONG_MAX:
        return "clojure.lang.BigInt"
    if found is not None:
        return found
    if type(x) is JavaArray:
        return x.java_name
    if isinstance(x, BaseException):
        return _exception_name(x)
    if isinstance(x, Seq):
        return "clojure.lang." + {
            "PList": "PersistentList",
            "_EmptyList": "PersistentList$EmptyList",
            "LazySeq": "LazySeq",
            "Cons": "Cons",
            "LRange": "LongRange",
        }.get(type(x).__name__, "ASeq")
    java_class = getattr(type(x), "java_class", None)
    if isinstance(java_class, str):
        return java_class
    record_type = getattr(x, "record_type", None)
    if record_type is not None:
        return str(record_type.full_name)
    if isinstance(x, (pytypes.FunctionType, pytypes.BuiltinFunctionType)):
        return java_class_name(x)  # clojure.core$inc, user$f, as str shows them
    if callable(x):
        return "clojure.lang.IFn"
    return type(x).__name__


# Python's and the runtime's words for nil met where a value was needed
_NIL_OPERAND = re.compile(r"arithmetic on nil|'NoneType'|NullPointerException|\" is null$")


_NO_ATTRIBUTE = re.compile(r"^'[\w.]+' object has no attribute '\w+'$")


def _exception_name(x: BaseException) -> str:
    """The Java class Clojure would throw where the Python runtime raised ``x``."""
    if isinstance(x, ExceptionInfo):
        return "clojure.lang.ExceptionInfo"
    java_name = getattr(x, "java_name", None)
    if isinstance(java_name, str):
        return java_name
    if isinstance(x, ArithmeticError):
        return "java.lang.ArithmeticException"
    if isinstance(x, IndexError):
        return "java.lang.IndexOutOfBoundsException"
    if isinstance(x, RecursionError):
        return "java.lang.StackOverflowError"
    if isinstance(x, TypeError):
        from kryon_lisp.errors import describe

        text = f"{x}\n{describe(x)}"  # Python's words and Clojure's
        if "positional argument" in text or "Wrong number of args" in text:
            return "clojure.lang.ArityException"
        if "Don't know how" in text:
            return "java.lang.IllegalArgumentException"
        if "count not supported on" in text or "nth not supported on" in text:
            return "java.lang.UnsupportedOperationException"
        if _NIL_OPERAND.search(text):
            return "java.lang.NullPointerException"  # nil where a number or object was due
        return "java.lang.ClassCastException"
    if isinstance(x, ValueError) and str(x).startswith("For input string"):
        return "java.lang.NumberFormatException"
    if isinstance(x, (ValueError, KeyError)):
        return "java.lang.IllegalArgumentException"
    if isinstance(x, AttributeError) and "NoneType" in str(x):
        return "java.lang.NullPointerException"
    if isinstance(x, AttributeError) and _NO_ATTRIBUTE.match(str(x)):
        return "java.lang.ClassCastException"  # a value of the wrong kind: not a map ...
    if isinstance(x, (NameError, AttributeError)):
        return "java.lang.IllegalStateException"
    return "java.lang.RuntimeException"

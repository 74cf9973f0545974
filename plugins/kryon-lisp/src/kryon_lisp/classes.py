"""Java class names Clojure programs use: exception constructors
(``(Exception. "msg")``, ``(new IllegalArgumentException "x")``) and class
values for ``instance?``."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from kryon_lisp.pqueue import PersistentQueue
from kryon_lisp.types import (
    Atom,
    BigInt,
    Char,
    ExceptionInfo,
    Keyword,
    LispError,
    LMap,
    LSet,
    PVector,
    Seq,
    Symbol,
)


class JavaException(LispError):
    """An exception made with a Java class constructor."""

    java_name = "java.lang.Exception"

    def __init__(self, message: Any = None, cause: Any = None) -> None:
        from kryon_lisp.printer import str_of

        super().__init__("" if message is None else str_of(message))
        self.message = message
        if isinstance(cause, BaseException):
            self.__cause__ = cause


EXCEPTIONS: dict[str, type[JavaException]] = {}


def _define(name: str, *bases: type[BaseException]) -> None:
    """Make the Java exception class ``name`` (a Python error of ``bases`` too,
    so the runtime's own errors and Python's meet), known by its full and its
    simple name."""
    if not any(issubclass(base, JavaException) for base in bases):
        bases = (JavaException, *bases)
    cls = type(name.rpartition(".")[2], bases, {"java_name": name})
    EXCEPTIONS[name] = cls
    EXCEPTIONS[name.rpartition(".")[2]] = cls


for _name, _bases in {
    "java.lang.Exception": (),
    "java.lang.Throwable": (),
    "java.lang.Error": (),
    "java.lang.RuntimeException": (),
    "java.lang.IllegalArgumentException": (ValueError,),
    "java.lang.IllegalStateException": (RuntimeError,),
    "java.lang.ArithmeticException": (ArithmeticError,),
    "java.lang.UnsupportedOperationException": (TypeError,),
    "java.lang.IndexOutOfBoundsException": (IndexError,),
    "java.lang.NullPointerException": (TypeError,),
    "java.lang.ClassCastException": (TypeError,),
    "java.lang.NumberFormatException": (ValueError,),
    "java.lang.AssertionError": (AssertionError,),
    "java.lang.StackOverflowError": (),
    "java.lang.IllegalAccessError": (),
    "java.lang.NegativeArraySizeException": (ValueError,),
    "java.util.IllegalFormatException": (ValueError,),
}.items():
    _define(_name, *_bases)
for _name in (
    "java.util.IllegalFormatConversionException",
    "java.util.MissingFormatArgumentException",
    "java.util.UnknownFormatConversionException",
):
    _define(_name, EXCEPTIONS["java.util.IllegalFormatException"])
for _name in (
    "java.lang.ArrayIndexOutOfBoundsException",
    "java.lang.StringIndexOutOfBoundsException",
):
    _define(_name, EXCEPTIONS["IndexOutOfBoundsException"])
EXCEPTIONS["js/Error"] = EXCEPTIONS["Error"]


def construct(class_name: str, *args: Any) -> Any:
    """``(ClassName. args...)`` / ``(new ClassName args...)``."""
    if class_name in ("ExceptionInfo", "clojure.lang.ExceptionInfo"):
        return ExceptionInfo(*args)
    if class_name in ("String", "java.lang.String"):
        return _new_string(*args)
    if class_name in ("StringBuilder", "java.lang.StringBuilder"):
        from kryon_lisp.string_builder import StringBuilder

        return StringBuilder(*args)
    cls = EXCEPTIONS.get(class_name)
    if cls is None:
        raise TypeError(
            f"Unable to resolve classname: {class_name} (no host classes in Kryon Lisp)"
        )
    return cls(*args)


def _new_string(source: Any = "", *span: int) -> str:
    """``(String.)``, ``(String. "s")``, ``(String. chars)``, ``(String. chars offset count)``."""
    if isinstance(source, str):
        return source
    from kryon_lisp.seqs import iter_of

    chars = []
    for c in iter_of(source):
        if type(c) is not Char:
            raise TypeError(f"No matching ctor found for class java.lang.String: {c!r}")
        chars.append(c.ch)
    if span:
        offset, count = span
        if offset < 0 or count < 0 or offset + count > len(chars):
            raise IndexError(f"offset {offset}, count {count}, length {len(chars)}")
        chars = chars[offset : offset + count]
    return "".join(chars)


class JavaClass:
    """A class value (``String``, ``(class x)``) for ``instance?`` and dispatch.

    One object per Java class name, so ``(= (class "a") String)`` holds and a
    multimethod dispatching on ``class`` finds ``(defmethod m String ...)``."""

    def __init__(self, name: str, check: Callable[[Any], bool]) -> None:
        self.name = name
        self.check = check

    def lisp_repr(self) -> str:
        return self.name

    def java_to_string(self) -> str:
        """``(str String)``: Class.toString."""
        return "class " + self.name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JavaClass) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)


def _is_number(x: Any) -> bool:
    return type(x) in (int, float, Fraction, BigInt)


CLASSES: dict[str, JavaClass] = {}
SHORT_NAMES = {
    "ExceptionInfo": "clojure.lang.ExceptionInfo",
    "PersistentQueue": "clojure.lang.PersistentQueue",
}
for _names, _check in [
    (("String", "java.lang.String"), lambda x: type(x) is str),
    (("Long", "java.lang.Long", "Integer", "java.lang.Integer"), lambda x: type(x) is int),
    (("Double", "java.lang.Double", "Float"), lambda x: type(x) is float),
    (("Number", "java.lang.Number"), _is_number),
    (("Boolean", "java.lang.Boolean"), lambda x: type(x) is bool),
    (("Character", "java.lang.Character"), lambda x: type(x) is Char),
    (("clojure.lang.Ratio",), lambda x: type(x) is Fraction),
    (
        ("clojure.lang.BigInt",),
        lambda x: type(x) is BigInt or (type(x) is int and not -(2**63) <= x < 2**63),
    ),
    (("clojure.lang.Keyword",), lambda x: type(x) is Keyword),
    (("clojure.lang.Symbol",), lambda x: type(x) is Symbol),
    (
        (
            "clojure.lang.IPersistentMap",
            "clojure.lang.PersistentHashMap",
            "clojure.lang.PersistentArrayMap",
            "java.util.Map",
        ),
        lambda x: isinstance(x, LMap),
    ),
    (
        ("clojure.lang.IPersistentVector", "clojure.lang.PersistentVector"),
        lambda x: type(x) is PVector,
    ),
    (
        ("clojure.lang.IPersistentSet", "clojure.lang.PersistentHashSet", "java.util.Set"),
        lambda x: isinstance(x, LSet),
    ),
    (("clojure.lang.ISeq", "clojure.lang.Seqable"), lambda x: isinstance(x, Seq)),
    (("clojure.lang.Atom",), lambda x: type(x) is Atom),
    (
        ("clojure.lang.PersistentQueue", "PersistentQueue"),
        lambda x: type(x) is PersistentQueue,
    ),
    (("clojure.lang.IFn", "clojure.lang.Fn"), callable),
    (("clojure.lang.ExceptionInfo", "ExceptionInfo"), lambda x: isinstance(x, ExceptionInfo)),
    (
        ("Exception", "java.lang.Exception", "Throwable", "java.lang.Throwable"),
        lambda x: isinstance(x, Exception),
    ),
    (("Object", "java.lang.Object"), lambda x: x is not None),
]:
    for _n in _names:
        # String is java.lang.String, and each Java name is a class of its own
        # (Integer is not Long, though a Python int is an instance of both)
        _full = _n if "." in _n else SHORT_NAMES.get(_n, "java.lang." + _n)
        CLASSES[_n] = CLASSES.get(_full) or JavaClass(_full, _check)


def class_named(name: str) -> JavaClass:
    """The class value of the Java class ``name`` (what ``class`` answers)."""
    found = CLASSES.get(name)
    if found is None:
        from kryon_lisp.printer import type_name

        found = CLASSES[name] = JavaClass(name, lambda x: type_name(x) == name)
    return found


def instance(cls: Any, x: Any) -> bool:
    """``instance?``."""
    if isinstance(cls, JavaClass):
        return cls.check(x)
    if isinstance(cls, type):
        return isinstance(x, cls)
    is_instance = getattr(cls, "is_instance", None)
    if is_instance is not None:  # a defrecord's type
        return bool(is_instance(x))
    raise TypeError(f"{cls!r} is not a class")


def exception_method(exc: BaseException, method: str) -> Any:
    """``.getMessage`` and friends on caught exceptions."""
    from kryon_lisp.core import ex_data, ex_message

    if method in ("getMessage", "getLocalizedMessage"):
        return ex_message(exc)
    if method == "getCause":
        return exc.__cause__
    if method == "getData":
        return ex_data(exc)
    if method == "toString":
        from kryon_lisp.printer import str_of

        return str_of(exc)
    raise TypeError(f"No method {method} on exceptions")

"""``catch`` by Java class: which exceptions a ``(catch C e ...)`` clause takes.

The runtime raises Python's own errors (a ``TypeError`` for ``(+ 1 nil)``,
``(+ 1 "a")`` and ``(count 5)`` alike) and tells the Java class Clojure would
throw from the error (:func:`kryon_lisp.printer.type_name`). A clause for a
Java class takes an error when that class is the error's Java class or one of
its superclasses, as on the JVM: ``(catch ClassCastException e ...)`` does not
take the ``NullPointerException`` of ``(+ 1 nil)``, and
``(catch IllegalArgumentException e ...)`` takes a ``NumberFormatException``.
"""

from __future__ import annotations

_RUNTIME = "java.lang.RuntimeException"
_IAE = "java.lang.IllegalArgumentException"
_IOOBE = "java.lang.IndexOutOfBoundsException"
_FORMAT = "java.util.IllegalFormatException"

# each Java exception class the runtime throws, with its superclass
JAVA_SUPERCLASS: dict[str, str] = {
    "java.lang.Exception": "java.lang.Throwable",
    "java.lang.Error": "java.lang.Throwable",
    "java.lang.AssertionError": "java.lang.Error",
    "java.lang.StackOverflowError": "java.lang.Error",
    "java.lang.IllegalAccessError": "java.lang.Error",
    _RUNTIME: "java.lang.Exception",
    _IAE: _RUNTIME,
    "java.lang.NumberFormatException": _IAE,
    "clojure.lang.ArityException": _IAE,
    _FORMAT: _IAE,
    "java.util.IllegalFormatConversionException": _FORMAT,
    "java.util.MissingFormatArgumentException": _FORMAT,
    "java.util.UnknownFormatConversionException": _FORMAT,
    "java.lang.IllegalStateException": _RUNTIME,
    "java.lang.ArithmeticException": _RUNTIME,
    "java.lang.UnsupportedOperationException": _RUNTIME,
    _IOOBE: _RUNTIME,
    "java.lang.ArrayIndexOutOfBoundsException": _IOOBE,
    "java.lang.StringIndexOutOfBoundsException": _IOOBE,
    "java.lang.NullPointerException": _RUNTIME,
    "java.lang.ClassCastException": _RUNTIME,
    "java.lang.NegativeArraySizeException": _RUNTIME,
    "clojure.lang.ExceptionInfo": _RUNTIME,
}


def is_java_subclass(name: str, ancestor: str) -> bool:
    """Whether the Java class ``name`` is ``ancestor`` or extends it."""
    found: str | None = name
    while found is not None:
        if found == ancestor:
            return True
        found = JAVA_SUPERCLASS.get(found)
    return False


class _ByJavaClass(type):
    java_name: str

    def __instancecheck__(cls, x: object) -> bool:
        if not isinstance(x, Exception):
            return False  # BaseException only (SystemExit ...): no Java class to test
        from kryon_lisp.printer import type_name

        return is_java_subclass(type_name(x), cls.java_name)


def catch_type(java_name: str) -> type:
    """The type a ``catch`` of ``java_name`` tests errors with: an error whose
    Java class is ``java_name`` or extends it."""
    return _ByJavaClass(java_name.rpartition(".")[2], (), {"java_name": java_name})

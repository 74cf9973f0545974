"""Python exceptions to Kryon errors with a Lisp-level stack."""

from __future__ import annotations

import re
from types import TracebackType
from typing import Any

from kryon_core import (
    CompileError,
    LimitError,
    RecursionLimitError,
    ScriptError,
    ScriptRuntimeError,
    StackFrame,
)
from kryon_lisp.types import ExceptionInfo, Thrown

_ARITY = re.compile(r"^([^(]*)\(\) (?:takes|missing) .*?(?:but (\d+) (?:were|was) given)?$")
_NOT_CALLABLE = re.compile(r"^'(\w+)' object is not callable$")
_NOT_ORDERED = re.compile(r"^'(\S+)' not supported between instances of '(\w+)' and '(\w+)'$")
_UNBOUND = re.compile(r"^name '(.+)' is not defined$")
# collections and keywords called as functions take their own argument as "self"
_INVOKED_TYPES = {
    "Keyword": "clojure.lang.Keyword",
    "LMap": "clojure.lang.PersistentArrayMap",
    "LSet": "clojure.lang.PersistentHashSet",
    "Symbol": "clojure.lang.Symbol",
}
_PY_TYPES = {
    "NoneType": "nil",
    "int": "java.lang.Long",
    "str": "java.lang.String",
    "float": "java.lang.Double",
    "bool": "java.lang.Boolean",
    "PVector": "clojure.lang.PersistentVector",
    "pvectorc.PVector": "clojure.lang.PersistentVector",
    "PythonPVector": "clojure.lang.PersistentVector",  # pyrsistent without its C part
    "LMap": "clojure.lang.PersistentArrayMap",
    "LSet": "clojure.lang.PersistentHashSet",
    "PList": "clojure.lang.PersistentList",
    "Keyword": "clojure.lang.Keyword",
    "Symbol": "clojure.lang.Symbol",
    "Char": "java.lang.Character",
    "Fraction": "clojure.lang.Ratio",
    "BigInt": "clojure.lang.BigInt",
    "LazySeq": "clojure.lang.LazySeq",
    "Cons": "clojure.lang.Cons",
    "IndexedSeq": "clojure.lang.IndexedSeq",
    "LRange": "clojure.lang.LongRange",
    "function": "clojure.lang.IFn",
    "Atom": "clojure.lang.Atom",
}
# Python's words for a value of the wrong kind, as Clojure's ClassCastException
# and friends say them (the Python text named Python types: 'pvectorc.PVector')
_NO_ATTRIBUTE = re.compile(r"^'([\w.]+)' object has no attribute '(\w+)'$")
_WANTED = {
    "keys": "java.util.Map$Entry",
    "values": "java.util.Map$Entry",
    "items": "java.util.Map$Entry",
    "dissoc": "clojure.lang.IPersistentMap",
    "disj": "clojure.lang.IPersistentSet",
    "first": "clojure.lang.IPersistentStack",
    "pattern": "java.util.regex.Pattern",
}
_NOT_SEQABLE = re.compile(
    r"^(?:argument of type '([\w.]+)' is not iterable|'([\w.]+)' object is not iterable)$"
)
_NO_LEN = re.compile(r"^object of type '([\w.]+)' has no len\(\)$")
_OPERAND = re.compile(r"^unsupported operand type\(s\) for ([^:]+): '([\w.]+)' and '([\w.]+)'$")
_NOT_REAL = re.compile(
    r"^(?:must be real number, not ([\w.]+)|bad operand type for \w+\(\): '([\w.]+)')$"
)
_NOT_INT_TEXT = re.compile(r"^invalid literal for int\(\) with base \d+: ")
_NUMBERS = ("int", "float", "bool", "Fraction", "BigInt")
# the JVM's helpful NullPointerException where Clojure's arithmetic meets nil
_NIL_OPERAND = 'Cannot invoke "Object.getClass()" because "x" is null'


def _java(py_type: str) -> str:
    return _PY_TYPES.get(py_type, py_type)


def _wrong_kind(exc: BaseException, text: str) -> str | None:
    """Clojure's message for Python's complaint about a value of the wrong kind."""
    if isinstance(exc, AttributeError) and (m := _NO_ATTRIBUTE.match(text)):
        wanted = _WANTED.get(m.group(2), "the type this function takes")
        return f"{_java(m.group(1))} cannot be cast to {wanted}"
    if isinstance(exc, TypeError):
        if m := _NOT_SEQABLE.match(text):
            return f"Don't know how to create ISeq from: {_java(m.group(1) or m.group(2))}"
        if m := _NO_LEN.match(text):
            return f"count not supported on this type: {_java(m.group(1)).rpartition('.')[2]}"
        if m := _OPERAND.match(text):
            op, left, right = m.groups()
            odd = left if left not in _NUMBERS or left == "float" else right
            if op.strip() in ("&", "|", "^", "<<", ">>"):
                return f"bit operation not supported for: class {_java(odd)}"
            odd = left if left not in _NUMBERS else right
            return f"{_java(odd)} cannot be cast to java.lang.Number"
        if m := _NOT_REAL.match(text):
            return f"{_java(m.group(1) or m.group(2))} cannot be cast to java.lang.Number"
    if isinstance(exc, ValueError) and _NOT_INT_TEXT.match(text):
        return "java.lang.String cannot be cast to java.lang.Number"
    return None


_CAST = re.compile(r"^([\w.$\[;]+) cannot be cast to ([\w.$\[;]+)$")


def _module_of(java_class: str) -> str:
    if java_class.startswith(("java.", "[")):
        return "module java.base of loader 'bootstrap'"
    return "unnamed module of loader 'app'"  # clojure.lang, on the class path


def java_cast_message(text: str) -> str:
    """``X cannot be cast to Y`` as the JVM of Java 11 and later words it
    (the classes' modules in brackets); any other text as it is."""
    m = _CAST.match(text)
    if m is None or m.group(1) == "nil":
        return text
    have, wanted = m.groups()
    have_module, wanted_module = _module_of(have), _module_of(wanted)
    if have_module == wanted_module:
        where = f"{have} and {wanted} are in {have_module}"
    else:
        where = f"{have} is in {have_module}; {wanted} is in {wanted_module}"
    return f"class {have} cannot be cast to class {wanted} ({where})"


def describe(exc: BaseException) -> str:
    """The message a Lisp programmer should read for ``exc``."""
    if isinstance(exc, (ExceptionInfo, Thrown, ScriptError)):
        return _describe(exc)
    return java_cast_message(_describe(exc))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ExceptionInfo):
        from kryon_lisp.printer import str_of

        return str_of(exc.message)
    if isinstance(exc, Thrown):
        return str(exc)
    if isinstance(exc, ScriptError):
        return exc.message
    if isinstance(exc, ZeroDivisionError):
        return "Divide by zero"
    text = str(exc)
    if isinstance(exc, TypeError):
        m = _ARITY.match(text)
        if m:
            owner, _, method = m.group(1).rpartition(".")
            # core functions are Python functions: get_in is clojure.core's get-in
            fn = method.split(" ")[0].rstrip("_").replace("_", "-")
            given = m.group(2)
            if method == "__call__" and owner in _INVOKED_TYPES:
                fn = _INVOKED_TYPES[owner]
                given = str(int(given) - 1) if given else "0"
            else:
                if given is None:
                    given = _given_when_missing(exc, method, text)
                fn = _qualified(exc, method, fn)
            return f"Wrong number of args ({given or '?'}) passed to: {fn}"
        m = _NOT_CALLABLE.match(text)
        if m:
            kind = _PY_TYPES.get(m.group(1), m.group(1))
            return f"{kind} cannot be cast to clojure.lang.IFn"
        m = _NOT_ORDERED.match(text)
        if m:
            # Clojure's < and > cast both sides to Number: nil is a
            # NullPointerException, anything else a ClassCastException
            left, right = m.group(2, 3)
            if "NoneType" in (left, right):
                return _NIL_OPERAND
            odd = left if left not in _NUMBERS or left == "bool" else right
            return f"{_java(odd)} cannot be cast to java.lang.Number"
        if text == "Cannot perform arithmetic on nil":
            return _NIL_OPERAND
        if "NoneType" in text:
            return "NullPointerException: " + text.replace("'NoneType'", "nil")
    wrong = _wrong_kind(exc, text)
    if wrong is not None:
        return wrong
    if isinstance(exc, NameError) and (m := _UNBOUND.match(text)):
        return f"Var {m.group(1)} is unbound (declared or defined without a value)"
    if isinstance(exc, KeyError):
        return f"Key not found: {text}"
    if isinstance(exc, RecursionError):
        return "recursion depth limit exceeded"
    return text or type(exc).__name__


_MISSING = re.compile(r"missing (\d+) required positional argument")


def _given_when_missing(exc: BaseException, name: str, text: str) -> str | None:
    """Python names only the missing parameters; the count given is the called
    function's positional parameters minus those, found where the call was made."""
    m = _MISSING.search(text)
    tb = exc.__traceback__
    if m is None or tb is None:
        return None
    while tb.tb_next is not None:
        tb = tb.tb_next
    frame = tb.tb_frame
    for scope in (frame.f_locals, frame.f_globals, frame.f_builtins):
        for value in scope.values():
            code = getattr(value, "__code__", None)
            if code is not None and code.co_name == name:
                required = code.co_argcount - len(getattr(value, "__defaults__", None) or ())
                return str(required - int(m.group(1)))
    return None


def _global_of_its_namespace(value: Any, name: str) -> bool:
    return getattr(value, "__globals__", {}).get(name) is value


def _qualified(exc: BaseException, code_name: str, fn: str) -> str:
    """``user/f`` or ``clojure.core/map``, as Clojure names a var's function in
    an arity error, when the function called is a namespace's or the core's
    (a local function keeps its bare name)."""
    tb = exc.__traceback__
    if tb is None:
        return fn
    while tb.tb_next is not None:
        tb = tb.tb_next
    frame = tb.tb_frame
    # the function called is the frame's global (user/f) or, called by partial,
    # comp or apply, one of its locals that is a namespace's var
    named = [v for v in frame.f_locals.values() if _global_of_its_namespace(v, fn)]
    for value in (*named, *frame.f_globals.values()):
        if getattr(getattr(value, "__code__", None), "co_name", None) == code_name:
            owner = getattr(getattr(value, "__globals__", {}).get("@var"), "__self__", None)
            name = getattr(owner, "name", None)
            if isinstance(name, str):
                return f"{name}/{fn}"
            if value in named:
                continue  # a core function apply was handed: looked up below
            return fn
    from kryon_lisp.core import CORE  # a core function called by apply, partial ...

    for table in (frame.f_builtins, CORE):
        core_fn = table.get(fn)
        if getattr(getattr(core_fn, "__code__", None), "co_name", None) == code_name:
            return f"clojure.core/{fn}"
    return fn


def lisp_frames(tb: TracebackType | None, files: dict[str, str]) -> list[StackFrame]:
    """The Lisp frames of a traceback, outermost first."""
    frames: list[StackFrame] = []
    while tb is not None:
        code = tb.tb_frame.f_code
        script = files.get(code.co_filename)
        if script is not None:
            name = code.co_name.split(" ")[0]
            if name.startswith("@"):
                name = "fn"
            frame = StackFrame(script=script, function=name, line=tb.tb_lineno)
            if not frames or frames[-1] != frame:
                frames.append(frame)
        tb = tb.tb_next
    return frames


def to_script_error(exc: BaseException, files: dict[str, str], script: str) -> ScriptError:
    """Wrap ``exc`` (raised by Lisp code) as the matching Kryon error."""
    frames = lisp_frames(exc.__traceback__, files)
    line = frames[-1].line if frames else None
    where = frames[-1].script if frames else script
    message = describe(exc)
    if isinstance(exc, CompileError):
        return exc.with_script(script)
    if isinstance(exc, LimitError):
        exc.script = exc.script or where
        exc.line = exc.line or line
        exc.traceback = exc.traceback or frames
        exc.args = (exc._headline(),)
        return exc
    if isinstance(exc, RecursionError):
        err: ScriptError = RecursionLimitError(
            message, script=where, line=line, traceback=frames[-20:]
        )
        return err
    if isinstance(exc, ScriptError):
        if exc.script is None:
            exc.with_script(where)
        if exc.line is None and line is not None:
            exc.line = line
            exc.args = (exc._headline(),)
        if not exc.traceback:
            exc.traceback = frames
        return exc
    err = ScriptRuntimeError(
        message,
        script=where,
        line=line,
        traceback=frames,
        rendered=render(where, line, message, frames),
    )
    err.__cause__ = exc
    err.lisp_value = getattr(exc, "value", exc)  # type: ignore[attr-defined]
    return err


def render(script: str, line: int | None, message: str, frames: list[StackFrame]) -> str:
    head = f"{script}:{line}: {message}" if line is not None else f"{script}: {message}"
    lines = [head]
    for frame in reversed(frames):
        lines.append(f"    at {frame.function} ({frame.script}:{frame.line})")
    return "\n".join(lines)


def unwrap_value(err: Any) -> Any:
    return getattr(err, "lisp_value", err)

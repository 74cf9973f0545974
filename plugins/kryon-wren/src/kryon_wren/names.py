"""Wren method signatures and the Python attribute names they compile to.

A Wren class's methods are distinguished by signature (name plus arity and
kind: ``foo``, ``foo()``, ``foo(_,_)``, ``foo=(_)``, ``[_]``, ``+(_)``); each
becomes one Python attribute.  The reverse map gives error messages their
Wren spelling.
"""

from __future__ import annotations

OPERATOR_NAMES = {
    "+": "add",
    "-": "sub",
    "*": "mul",
    "/": "div",
    "%": "mod",
    "<": "lt",
    ">": "gt",
    "<=": "le",
    ">=": "ge",
    "==": "eq",
    "!=": "ne",
    "&": "band",
    "|": "bor",
    "^": "bxor",
    "<<": "shl",
    ">>": "shr",
    "..": "irange",
    "...": "xrange",
    "is": "is",
    "!": "not",
    "~": "inv",
}

_OPERATORS_BY_NAME = {name: op for op, name in OPERATOR_NAMES.items()}
_SIGNATURES: dict[str, str] = {}


def _params(n: int) -> str:
    return ",".join("_" * n)


def _record(mname: str, sig: str) -> str:
    _SIGNATURES[mname] = sig
    return mname


def getter(name: str) -> str:
    return _record(f"g_{name}", name)


def method(name: str, arity: int) -> str:
    return _record(f"m_{name}_{arity}", f"{name}({_params(arity)})")


def setter(name: str) -> str:
    return _record(f"s_{name}", f"{name}=(_)")


def subscript(arity: int) -> str:
    return _record(f"x_{arity}", f"[{_params(arity)}]")


def subscript_setter(arity: int) -> str:
    return _record(f"y_{arity}", f"[{_params(arity)}]=(_)")


def binary(op: str) -> str:
    return _record(f"b_{OPERATOR_NAMES[op]}", f"{op}(_)")


def unary(op: str) -> str:
    return _record(f"u_{OPERATOR_NAMES[op]}", op)


def initializer(name: str, arity: int) -> str:
    return _record(f"i_{name}_{arity}", f"init {name}({_params(arity)})")


def signature_of(mname: str) -> str | None:
    """The Wren signature of a mangled method name, or None if it is not one."""
    sig = _SIGNATURES.get(mname)
    if sig is not None:
        return sig
    kind, _, rest = mname.partition("_")
    if not rest:
        return None
    if kind == "g":
        getter(rest)
    elif kind == "s":
        setter(rest)
    elif kind in ("m", "i"):
        name, _, arity = rest.rpartition("_")
        if not (arity.isdigit() and name):
            return None
        (method if kind == "m" else initializer)(name, int(arity))
    elif kind in ("x", "y"):
        if not rest.isdigit():
            return None
        (subscript if kind == "x" else subscript_setter)(int(rest))
    elif kind in ("u", "b"):
        op = _OPERATORS_BY_NAME.get(rest)
        if op is None:
            return None
        (unary if kind == "u" else binary)(op)
    return _SIGNATURES.get(mname)

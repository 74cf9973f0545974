"""Names shared by the host and the worker (standard library only)."""

from __future__ import annotations

__all__ = ["BLOCKED_ATTRIBUTES", "BLOCKED_NAMES"]

BLOCKED_ATTRIBUTES = frozenset(
    {
        # the classic routes from any object to the interpreter's internals
        "__subclasses__",
        "__globals__",
        "__builtins__",
        "__code__",
        "__closure__",
        "__reduce__",
        "__reduce_ex__",
        "__loader__",
        "__spec__",
        "__self__",
        "__import__",
        "__set_name__",
        "__objclass__",
        # frames and code objects
        "tb_frame",
        "gi_frame",
        "gi_code",
        "cr_frame",
        "cr_code",
        "ag_frame",
        "ag_code",
        "f_back",
        "f_globals",
        "f_locals",
        "f_builtins",
        "f_code",
        "co_code",
        "func_globals",
    }
)
"""Attribute names an isolated script may not use (refused at compile time and by
its ``getattr``).  A convenience layer: the audit hook is what actually blocks.

Names ordinary programs use and that lead nowhere on their own stay allowed:
``object.__getattribute__(self, name)`` in a proxy class, ``f.__wrapped__``
after ``functools.wraps``, ``method.__func__``, ``exc.__traceback__`` for
``traceback.print_exception`` (its frames stay out of reach by name)."""

BLOCKED_NAMES = frozenset({"__builtins__", "__loader__", "__spec__", "__import__"})

"""The core part of the ``kryon`` API that every script sees.

Each entry is a :class:`HostFunction` taking the caller's script name first.
Engines expose them idiomatically (``kryon.log`` in Lua and JavaScript,
``(kryon/log ...)`` in Lisp, ``Kryon.log()`` in Wren, ``kryon.log`` in Python).
The DOM bridge adds its functions the same way.
"""

from __future__ import annotations

import logging
import random
import sys
import threading
import time
from typing import TYPE_CHECKING

from kryon_core.bridge import HostFunction
from kryon_core.errors import RecursionLimitError, ScriptError
from kryon_core.policy import Capability
from kryon_core.values import Value

if TYPE_CHECKING:
    from kryon_core.manager import ScriptManager

__all__ = ["core_host_functions"]

_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warn": logging.WARNING,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}


def core_host_functions(manager: ScriptManager) -> dict[str, HostFunction]:
    """The host functions core offers, bound to ``manager``."""

    def log(caller: str, message: Value = "", level: Value = "info") -> None:
        lvl = _LEVELS.get(str(level).lower(), logging.INFO)
        logging.getLogger(f"kryon.script.{caller}").log(lvl, "%s", _text(message))

    nesting = threading.local()

    def call(caller: str, function: Value, *args: Value) -> Value:
        if not isinstance(function, str):
            raise ScriptError("kryon.call needs a function name", script=caller)
        depth: int = getattr(nesting, "depth", 0)
        if depth:  # only a call made from inside another kryon.call can be a cycle
            _check_nesting(manager, caller, function, depth)
        nesting.depth = depth + 1
        try:
            return manager.call_function(function, *args)
        finally:
            nesting.depth = depth

    def language(caller: str) -> str:
        try:
            return manager.language_of(caller)
        except ScriptError:  # no script of ours: never the host's own rights
            return "unknown"

    def get_shared(caller: str, key: Value) -> Value:
        return manager.shared.get(str(key), language=language(caller))

    def set_shared(caller: str, key: Value, value: Value = None) -> None:
        try:
            limit = manager.policy_of(caller).memory_limit_mb
        except ScriptError:  # not a loaded script: a host callback
            limit = None
        budget = None if limit is None else limit * 2**20
        try:
            manager.shared.set(str(key), value, language=language(caller), budget=budget)
        except ScriptError as exc:
            raise exc.with_script(caller) from None

    def now(caller: str) -> int:
        return time.time_ns() // 1_000_000

    def rand(caller: str) -> float:
        return random.random()

    functions = [
        HostFunction("log", log, Capability.LOG, "log(message, level='info'): host log"),
        HostFunction(
            "call",
            call,
            Capability.CROSS_LANGUAGE,
            "call(name, ...args): call a function of any loaded script",
        ),
        HostFunction(
            "get_shared",
            get_shared,
            Capability.SHARED_DATA,
            "get_shared(key): read a shared value (None if missing)",
        ),
        HostFunction(
            "set_shared",
            set_shared,
            Capability.SHARED_DATA,
            "set_shared(key, value): write a shared value",
            mutates=True,
        ),
        HostFunction("get_current_time", now, None, "milliseconds since the Unix epoch"),
        HostFunction("get_random", rand, None, "a float in [0, 1)"),
    ]
    return {f.name: f for f in functions}


MAX_CALL_NESTING = 64
"""The deepest ``kryon.call`` may nest on one thread (script -> host ->
script ...), whatever the policies say: a cross-language cycle (Lua calls JS
calls Lua ...) ends with RecursionLimitError here, before any engine's native
stack or Python's recursion limit gives out (a RecursionError, a 'C stack
overflow', a crashed engine)."""

_PYTHON_HEADROOM = 250
"""Python frames kept free below the interpreter's recursion limit for the
engines to unwind and report the error in (each nested call takes 6-12)."""


def _check_nesting(manager: ScriptManager, caller: str, function: str, depth: int) -> None:
    """Refuse a ``kryon.call`` nested ``depth`` calls deep (RecursionLimitError)
    when it reaches MAX_CALL_NESTING, the caller's policy's ``recursion_limit``,
    or the last frames of Python's stack."""
    limit = MAX_CALL_NESTING
    try:
        policy_limit = manager.policy_of(caller).recursion_limit
    except ScriptError:  # the caller is not a loaded script (a host callback)
        policy_limit = None
    if policy_limit is not None:
        limit = min(limit, policy_limit)
    reason = f"kryon.call nested deeper than {limit} levels"
    if depth < limit:
        try:  # is the stack already within the headroom of the limit?
            sys._getframe(max(sys.getrecursionlimit() - _PYTHON_HEADROOM, 1))
        except ValueError:
            return
        reason = f"kryon.call nested {depth} levels deep, where the host stack runs out"
    raise RecursionLimitError(
        f"{reason} (calling {function!r}: do scripts call each other in a cycle?)",
        script=caller,
    )


def _text(value: Value) -> str:
    return value if isinstance(value, str) else repr(value)

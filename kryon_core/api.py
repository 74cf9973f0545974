"""The core part of the ``kryon`` API that every script sees.

Each entry is a :class:`HostFunction` taking the caller's script name first.
Engines expose them idiomatically (``kryon.log`` in Lua and JavaScript,
``(kryon/log ...)`` in Lisp, ``Kryon.log()`` in Wren, ``kryon.log`` in Python).
The DOM bridge adds its functions the same way.
"""

from __future__ import annotations

import logging
import random
import time
from typing import TYPE_CHECKING

from kryon_core.bridge import HostFunction
from kryon_core.errors import ScriptError
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

    def call(caller: str, function: Value, *args: Value) -> Value:
        if not isinstance(function, str):
            raise ScriptError("kryon.call needs a function name", script=caller)
        return manager.call_function(function, *args)

    def language(caller: str) -> str:
        try:
            return manager.language_of(caller)
        except ScriptError:
            return "host"

    def get_shared(caller: str, key: Value) -> Value:
        return manager.shared.get(str(key), language=language(caller))

    def set_shared(caller: str, key: Value, value: Value = None) -> None:
        manager.shared.set(str(key), value, language=language(caller))

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


def _text(value: Value) -> str:
    return value if isinstance(value, str) else repr(value)

"""The modules of the host's: ``kryon`` (``import "kryon" for Kryon``) and ``os``.

Every host function of the bridge becomes a static method of ``Kryon`` named
in camelCase (``Kryon.getElementById(id)``), callable with any arity.
``import "os" for Process`` gives the program's arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kryon_core import HostFunction, ScriptError, api_name
from kryon_wren.runtime.collections import WList
from kryon_wren.runtime.core import CORE
from kryon_wren.runtime.objects import WClass, WrenError

MAX_ARITY = 16


def kryon_class(
    functions: dict[str, HostFunction],
    caller: Callable[[], str],
    to_host: Callable[[Any], Any],
    to_wren: Callable[[Any], Any],
) -> WClass:
    statics: dict[str, Any] = {}
    for fn in functions.values():
        name = api_name(fn, "camel")
        for arity in range(MAX_ARITY + 1):
            statics[f"m_{name}_{arity}"] = _method(fn, caller, to_host, to_wren)
    return _static_class("Kryon", statics)


def _static_class(name: str, statics: dict[str, Any]) -> WClass:
    """A sealed class of the host's that has only the static methods ``statics``."""
    meta = type(f"{name} metaclass", (WClass,), statics)
    cls: WClass = meta(name, CORE["Object"], None, True)
    return cls


def _method(
    fn: HostFunction,
    caller: Callable[[], str],
    to_host: Callable[[Any], Any],
    to_wren: Callable[[Any], Any],
) -> Callable[..., Any]:
    def call(this: WClass, *args: Any) -> Any:
        try:
            result = fn.fn(caller(), *[to_host(a) for a in args])
        except ScriptError as exc:
            raise WrenError(exc.message if hasattr(exc, "message") else str(exc)) from None
        except (TypeError, ValueError) as exc:
            raise WrenError(f"Kryon.{api_name(fn, 'camel')}: {exc}") from None
        return to_wren(result)

    return call


def process_class(argv: Callable[[], tuple[str, ...]]) -> WClass:
    """``Process`` of the reference CLI's ``os`` module, as far as a sandbox
    has one: the program's command-line arguments (``kryon run FILE ARG...``).
    ``allArguments`` starts with the interpreter and the script, as the CLI's
    does; ``arguments`` is what follows them.  Nothing of the host (its
    working directory, its process ids) is there."""

    def arguments(this: WClass) -> WList:
        return WList(argv()[2:])

    def all_arguments(this: WClass) -> WList:
        return WList(argv())

    return _static_class("Process", {"g_arguments": arguments, "g_allArguments": all_arguments})

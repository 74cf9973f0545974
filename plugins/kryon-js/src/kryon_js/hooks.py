"""Registers the JavaScript engine with Kryon (entry point ``kryon: js``)."""

from __future__ import annotations

from collections.abc import Sequence

from kryon_core import ScriptEngine, hookimpl


@hookimpl
def kryon_register_engines() -> Sequence[type[ScriptEngine]]:
    from kryon_js.engine import JsEngine  # the engine module imports the binding lazily

    return [JsEngine]

"""Plugin registration (hookimpls only)."""

from __future__ import annotations

from collections.abc import Sequence

from kryon_core import ScriptEngine, hookimpl


@hookimpl
def kryon_register_engines() -> Sequence[type[ScriptEngine]]:
    from kryon_wren.engine import WrenEngine

    return [WrenEngine]

"""pluggy hook implementations of the ``kryon-lua`` distribution."""

from __future__ import annotations

from collections.abc import Sequence

from kryon_core import ScriptEngine, hookimpl


@hookimpl
def kryon_register_engines() -> Sequence[type[ScriptEngine]]:
    from kryon_lua.engine import LuaEngine  # lupa is imported only when a VM is created

    return [LuaEngine]

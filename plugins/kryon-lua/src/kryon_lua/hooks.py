"""pluggy hook implementations of the ``kryon-lua`` distribution."""

from __future__ import annotations

from collections.abc import Sequence

from kryon_core import EngineEntry, hookimpl


@hookimpl
def kryon_register_engines() -> Sequence[EngineEntry]:
    # An entry, not the class: the engine module is imported when a script first needs it.
    return [EngineEntry("lua", (".lua",), "kryon_lua.engine:LuaEngine")]

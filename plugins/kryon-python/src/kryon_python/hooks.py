"""Plugin hooks of the ``kryon-python`` distribution (entry point ``python``)."""

from __future__ import annotations

from collections.abc import Sequence

from kryon_core import EngineEntry, hookimpl


@hookimpl
def kryon_register_engines() -> Sequence[EngineEntry]:
    # An entry, not the class: the engine module is imported when a script first needs it.
    return [EngineEntry("python", (".py",), "kryon_python.engine:PythonEngine")]

"""Plugin hooks of the ``kryon-python`` distribution (entry point ``python``)."""

from __future__ import annotations

from collections.abc import Sequence

from kryon_core import ScriptEngine, hookimpl


@hookimpl
def kryon_register_engines() -> Sequence[type[ScriptEngine]]:
    from kryon_python.engine import PythonEngine

    return [PythonEngine]

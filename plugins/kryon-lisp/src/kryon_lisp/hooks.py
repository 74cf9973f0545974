"""pluggy hook implementations of the ``kryon-lisp`` distribution."""

from __future__ import annotations

from collections.abc import Sequence

from kryon_core import ScriptEngine, hookimpl


@hookimpl
def kryon_register_engines() -> Sequence[type[ScriptEngine]]:
    from kryon_lisp.engine import LispEngine

    return [LispEngine]

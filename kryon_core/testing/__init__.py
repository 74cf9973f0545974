"""Test support for engine authors: the conformance kit.

An engine distribution checks itself against the whole engine contract with a
few lines of pytest::

    from kryon_core.testing import EngineConformance

    class TestLuaConformance(EngineConformance):
        engine_name = "lua"
        source_basic = '''...'''       # the snippets documented on the class
        runtime_error_line = 7
        ...

See :class:`EngineConformance` for the snippets to provide.
"""

from __future__ import annotations

from kryon_core.testing.conformance import EngineConformance, canonical_values
from kryon_core.testing.running import kryon_run

__all__ = ["EngineConformance", "canonical_values", "kryon_run"]

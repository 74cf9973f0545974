"""Kryon Script's Lua engine (PUC Lua 5.4 or LuaJIT 2.1 through lupa).

The engine class lives in :mod:`kryon_lua.engine`; importing this package
does not import lupa.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"

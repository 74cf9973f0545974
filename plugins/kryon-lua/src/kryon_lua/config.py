"""``[engines.lua]``: the Lua engine's configuration model."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kryon_core import EngineConfig

__all__ = ["LuaConfig"]


class LuaConfig(EngineConfig):
    """Options of the Lua engine (``[engines.lua]`` in ``kryon.toml``).

    Attributes:
        runtime: ``"lua54"`` (PUC Lua 5.4, the default) or ``"luajit"``
            (LuaJIT 2.1).  LuaJIT compiles hot code only when no limit needs
            the instruction hook (a trusted policy); sandboxed VMs run it with
            the JIT compiler off, because hooks do not fire in compiled traces.
        empty_table: what an empty Lua table becomes on the host side when
            nothing marks it (``kryon.array()``/``kryon.object()`` or a host
            list/dict passed in): ``"list"`` or ``"dict"``.
        hook_interval: VM instructions between two limit checks; smaller is
            more precise and slower.
        pattern_budget: worst-case matcher steps one ``string.find``/``match``/
            ``gmatch``/``gsub`` may cost in a sandbox; ``None`` derives it from
            the policy's time limit (100,000 steps per millisecond).
        max_string_bytes: largest string ``string.rep`` may build in a sandbox;
            ``None`` uses the policy's memory limit (or 64 MiB without one).
    """

    runtime: Literal["lua54", "luajit"] = "lua54"
    empty_table: Literal["list", "dict"] = "list"
    hook_interval: int = Field(default=1000, ge=10, le=1_000_000)
    pattern_budget: float | None = Field(default=None, gt=0)
    max_string_bytes: int | None = Field(default=None, ge=1)

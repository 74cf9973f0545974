"""Memory of one Lua VM: usage, collection, and headroom for host pushes.

lupa pushes arguments and builds tables outside any protected Lua call; an
allocation failure there aborts the whole process (a Lua panic).  The VM's
hard cap (lupa's ``max_memory``) is therefore the policy's limit plus a
reserve (:func:`kryon_lua.runtime.reserve`): scripts are stopped at the
policy's limit by the kernel, and the host checks for room before pushing
anything large.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from kryon_core import GCStats, MemoryLimitError, MemoryUsage, Value
from kryon_lua.runtime import LuaVM

__all__ = ["SCRIPT_OVERHEAD", "VMMemory", "estimate"]

_MARGIN = 256 * 1024
SCRIPT_OVERHEAD = 64 * 1024
"""Room a new script environment needs besides its bytecode."""


class VMMemory:
    """Memory accounting and headroom checks of one VM."""

    def __init__(self, vm: LuaVM) -> None:
        self._vm = vm
        self._lua = vm.lua
        self._kernel = vm.kernel

    def usage(self) -> MemoryUsage:
        limit = self._vm.memory_limit
        return MemoryUsage(used_bytes=int(self._kernel.memory()), limit_bytes=limit or None)

    def collect(self) -> GCStats:
        start = time.perf_counter()
        before = int(self._kernel.memory())
        after = int(self._kernel.collect())
        return GCStats(before, after, (time.perf_counter() - start) * 1000)

    def ensure_room(self, nbytes: int, script: str | None) -> None:
        """MemoryLimitError unless ``nbytes`` more fit below the hard cap."""
        cap = self._vm.hard_cap
        if not cap or self._lua.get_memory_used() + nbytes + _MARGIN <= cap:
            return
        self._lua.gccollect()
        if self._lua.get_memory_used() + nbytes + _MARGIN > cap:
            raise MemoryLimitError(
                f"not enough room in the Lua VM for {nbytes:,} more bytes", script=script
            )

    def ensure_room_for(self, values: Sequence[Value], script: str | None) -> None:
        if self._vm.hard_cap:
            self.ensure_room(estimate(values), script)

    def after_unload(self) -> None:
        """Collect when an unload may have freed much (a hoarding script)."""
        if self._vm.memory_limit and self._lua.get_memory_used() > self._vm.memory_limit // 2:
            self._lua.gccollect()


def estimate(value: Any, depth: int = 0) -> int:
    """Rough bytes a value takes once pushed into Lua (bounded walk)."""
    if isinstance(value, str):
        return 32 + 4 * len(value)
    if isinstance(value, dict):
        return 64 + sum(estimate(k) + estimate(v, depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple)) and depth < 200:
        return 64 + sum(estimate(v, depth + 1) for v in value)
    return 16

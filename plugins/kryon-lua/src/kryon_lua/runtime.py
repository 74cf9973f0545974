"""Creating one lupa VM with the Kryon kernel and sandbox installed.

lupa is imported here, lazily, when the first engine is initialised.  The VM
is created with every lupa convenience that reaches Python turned off:

* ``register_eval=False, register_builtins=False`` and the ``python`` global
  removed, so no ``python.eval`` / ``python.builtins``;
* ``attribute_handlers`` that refuse every attribute get and set, so even a
  Python object that leaked into Lua could not be inspected;
* ``encoding=None``: Lua strings arrive in Python as ``bytes`` and are decoded
  by our converter, so lupa never raises a decoding exception *into Lua*
  (which would hand the script a Python exception object);
* ``max_memory``: the policy's memory limit, enforced by lupa's allocator.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from importlib import resources
from types import ModuleType, SimpleNamespace
from typing import Any

from kryon_core import SecurityPolicy
from kryon_lua.config import LuaConfig

__all__ = ["LuaVM", "create_vm", "lupa_module", "reserve", "table_view"]

_MODULES = {"lua54": "lupa.lua54", "luajit": "lupa.luajit21"}
_DEFAULT_MAX_STRING = 64 * 1024 * 1024
_STEPS_PER_MS = 100_000


def lupa_module(runtime: str) -> ModuleType:
    """The lupa extension module for ``runtime`` ("lua54" or "luajit")."""
    return importlib.import_module(_MODULES[runtime])


def _refuse_get(obj: object, name: object) -> Any:
    raise AttributeError("access to host objects is not allowed")


def _refuse_set(obj: object, name: object, value: object) -> None:
    raise AttributeError("access to host objects is not allowed")


def reserve(memory: int) -> int:
    """Headroom above the policy's memory limit kept for host-side pushes.

    lupa pushes arguments and builds tables outside any protected call; an
    allocation failure there aborts the process (Lua panics).  Scripts are
    stopped at the policy's limit by the hook and after each call, so the
    host always has this much room left.
    """
    return max(4 * 1024 * 1024, memory // 4)


def table_view(table: Any) -> SimpleNamespace:
    """The string-keyed fields of Lua table ``table``, read once, as attributes.

    The host never indexes the kernel's tables once scripts run: lupa reads
    an index's result from the bottom of the stack of the thread the table's
    wrapper belongs to (the main thread), and while a coroutine runs (a
    script's main chunk always does) that thread is inside coroutine.resume
    with the coroutine still on its stack, which came back as an extra first
    value (``(<Lua thread>, None)`` for a missing key).  Calling a function
    is safe: lupa empties that stack first.
    """
    return SimpleNamespace(
        **{key.decode(): value for key, value in table.items() if isinstance(key, bytes)}
    )


def _read(name: str) -> bytes:
    return resources.files("kryon_lua").joinpath(name).read_bytes()


@dataclass
class LuaVM:
    """One lupa runtime plus the kernel (``K``) and sandbox (``S``) tables, each
    as a :func:`table_view`."""

    lua: Any
    module: ModuleType
    kernel: Any
    sandbox: Any
    jit_enabled: bool
    implementation: str
    memory_limit: int
    """The policy's limit in bytes (0: none); scripts are stopped there."""
    hard_cap: int
    """lupa's allocator limit: the policy limit plus headroom for the host."""


def _poll() -> None:
    """Called by the kernel's hook now and then: entering Python code lets the
    interpreter run pending signal handlers (Ctrl-C's KeyboardInterrupt)."""


def create_vm(
    config: LuaConfig,
    policy: SecurityPolicy,
    *,
    call_ref: Any,
    same: Any,
    take_failure: Any,
    interrupted: Any,
) -> LuaVM:
    """Build a VM for ``policy``; ``call_ref``/``same``/``take_failure`` are the
    kernel's host callables (they must never raise; see kryon_lua.host), and
    ``interrupted(exc)`` records an exception the kernel's poll of the host met."""
    module = lupa_module(config.runtime)
    memory = policy.memory_limit_mb * 1024 * 1024 if policy.memory_limit_mb else 0
    lua = module.LuaRuntime(
        encoding=None,
        register_eval=False,
        register_builtins=False,
        unpack_returned_tuples=True,
        attribute_handlers=(_refuse_get, _refuse_set),
        max_memory=0,
    )
    lua.globals()[b"python"] = None
    kernel, internal = lua.execute(
        _read("kernel.lua"), time.monotonic, _poll, interrupted, name="=[kryon]"
    )
    lua.execute(
        _read("bridge.lua"), kernel, internal, call_ref, same, take_failure, name="=[kryon]"
    )

    limited = any(
        v is not None
        for v in (policy.instruction_limit, policy.time_limit_ms, policy.recursion_limit)
    )
    jit_enabled = False
    if config.runtime == "luajit":
        jit = lua.globals()[b"jit"]
        if policy.sandbox or limited:
            # Hooks do not fire inside compiled traces: interpret everything.
            jit.off()
            jit.flush()
        else:
            jit_enabled = bool(jit.status())

    max_string = config.max_string_bytes or memory or _DEFAULT_MAX_STRING
    budget = config.pattern_budget or float(_STEPS_PER_MS * (policy.time_limit_ms or 1000))
    options = lua.table_from(
        {
            b"sandbox": policy.sandbox,
            b"max_string": max_string,
            b"pattern_budget": budget,
            b"max_elements": max(memory // 16, 100_000) if memory else 1 << 24,
            b"max_source": (policy.max_source_kb or 0) * 1024 or None,
        }
    )
    library = lua.execute(_read("library.lua"), kernel, name="=[kryon]")
    # Costly patterns run in Lua (see patterns.lua); LuaJIT's matcher differs, so
    # there the sandbox refuses them instead.
    patterns = (
        lua.execute(_read("patterns.lua"), kernel.deepen, name="=[kryon]")
        if config.runtime == "lua54"
        else None
    )
    traceback = lua.execute(_read("traceback.lua"), kernel, library, name="=[kryon]")
    sandbox = lua.execute(
        _read("sandbox.lua"), kernel, options, library, patterns, traceback, name="=[kryon]"
    )

    step = min(config.hook_interval, policy.instruction_limit or config.hook_interval)
    if policy.recursion_limit:
        step = min(step, max(50, policy.recursion_limit))
    kernel.configure(
        lua.table_from(
            {
                b"memory": memory or None,
                b"instructions": policy.instruction_limit,
                b"time": policy.time_limit_ms / 1000 if policy.time_limit_ms else None,
                b"depth": policy.recursion_limit,
                b"step": step,
                b"clock_every": max(1, 2000 // step),
                b"poll": not jit_enabled,  # hooks do not fire inside compiled traces
            }
        )
    )
    hard_cap = memory + reserve(memory) if memory else 0
    if hard_cap:
        lua.set_max_memory(hard_cap)
    # Bytes from a runtime without an encoding: the same text as
    # LuaEngine._implementation's, which cache keys compare.
    implementation = bytes(lua.lua_implementation).decode("ascii")
    return LuaVM(
        lua,
        module,
        table_view(kernel),
        table_view(sandbox),
        jit_enabled,
        implementation,
        memory,
        hard_cap,
    )

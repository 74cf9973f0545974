"""A small in-process engine for testing the manager without a real runtime.

Scripts are Python source run in a fresh namespace; functions not starting
with ``_`` are exported.  ``kryon`` in the namespace holds the bridge's host
functions.  Test-only: it is no sandbox and enforces no limits.
"""

from __future__ import annotations

import marshal
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from typing import Any

from kryon_core import (
    CompiledScript,
    CompileError,
    EngineCapabilities,
    EngineConfig,
    FunctionInfo,
    GCStats,
    MemoryUsage,
    ScriptBridge,
    ScriptEngine,
    ScriptExit,
    ScriptId,
    ScriptRuntimeError,
    SecurityPolicy,
    ThreadingModel,
    Value,
    hookimpl,
)


class FakeConfig(EngineConfig):
    flavour: str = "plain"


class _Kryon:
    def __init__(self, bridge: ScriptBridge, script: str) -> None:
        for name, fn in bridge.host_functions.items():
            setattr(self, name, lambda *a, _fn=fn.fn: _fn(script, *a))


def _exit_of(script: str) -> Any:
    def exit_(status: int = 0, message: str | None = None) -> None:
        raise ScriptExit(status, message, script=script)

    return exit_


class FakeEngine(ScriptEngine):
    name = "fake"
    display_name = "Fake"
    extensions = (".fake",)
    threading = ThreadingModel.SERIALIZED
    Config = FakeConfig
    CAPABILITIES = EngineCapabilities(supports_bytecode=True, is_sandbox=False)

    def __init__(self) -> None:
        super().__init__()
        self.created_on = threading.get_ident()
        self.calls_on: set[int] = set()
        self.namespaces: dict[ScriptId, dict[str, Any]] = {}
        self.shared: dict[str, Value] = {}
        self.next_id = 0
        self.compiles = 0

    @classmethod
    def runtime_version(cls) -> str:
        # compiled scripts are marshal data: another Python cannot load them
        # (3.10 refuses them, 3.13 crashes), so cache entries are per interpreter
        return f"1.0-{sys.implementation.cache_tag}"

    def initialize(self, config: EngineConfig, policy: SecurityPolicy) -> None:
        self.config = config
        self.policy = policy

    def setup_bridge(self, bridge: ScriptBridge) -> None:
        self.bridge = bridge

    def compile(self, source: str, *, script: str, path: str | None = None) -> CompiledScript:
        self.compiles += 1
        try:
            code = compile(source, script, "exec")
        except SyntaxError as exc:
            raise CompileError(exc.msg, script=script, line=exc.lineno, column=exc.offset) from None
        needs = [line.split()[-1] for line in source.splitlines() if line.startswith("# needs ")]
        return CompiledScript(
            script, self.name, self.version, marshal.dumps(code), path, dependencies=needs
        )

    def load_script(self, compiled: CompiledScript) -> ScriptId:
        self.next_id += 1
        sid = ScriptId(self.next_id)
        script = compiled.script
        ns: dict[str, Any] = {"__name__": script}
        ns["kryon"] = _Kryon(self.bridge, script)
        ns["print"] = lambda *a: self.bridge.write(" ".join(map(str, a)) + "\n", script=script)
        ns["shared"] = self.shared
        ns["exit"] = _exit_of(script)
        ns["argv"] = list(compiled.arguments)
        try:
            exec(marshal.loads(compiled.bytecode), ns)
        except ScriptExit:
            raise
        except Exception as exc:
            raise ScriptRuntimeError(str(exc), script=script) from None
        self.namespaces[sid] = ns
        return sid

    def unload_script(self, script_id: ScriptId) -> None:
        del self.namespaces[script_id]

    def script_functions(self, script_id: ScriptId) -> Mapping[str, FunctionInfo]:
        ns = self.namespaces[script_id]
        return {
            k: FunctionInfo(
                k, v.__code__.co_argcount, v.__code__.co_varnames[: v.__code__.co_argcount]
            )
            for k, v in ns.items()
            if callable(v)
            and hasattr(v, "__code__")
            and not k.startswith("_")
            and k not in ("print", "exit")
        }

    def call_function(self, script_id: ScriptId, name: str, args: Sequence[Value]) -> Value:
        self.calls_on.add(threading.get_ident())
        ns = self.namespaces[script_id]
        try:
            return ns[name](*args)
        except ScriptExit:
            raise
        except Exception as exc:
            raise ScriptRuntimeError(
                f"{type(exc).__name__}: {exc}", script=ns["__name__"]
            ) from None

    def evaluate(self, script_id: ScriptId, source: str) -> Value:
        ns = self.namespaces[script_id]
        try:
            try:
                return eval(source, ns)
            except SyntaxError:
                exec(source, ns)
                return None
        except SyntaxError as exc:
            raise CompileError(exc.msg, script="repl", line=exc.lineno) from None
        except Exception as exc:
            raise ScriptRuntimeError(f"{type(exc).__name__}: {exc}", script="repl") from None

    def set_global(self, name: str, value: Value, script_id: ScriptId | None = None) -> None:
        if script_id is None:
            self.shared[name] = value
        else:
            self.namespaces[script_id][name] = value

    def get_global(self, name: str, script_id: ScriptId | None = None) -> Value:
        if script_id is None:
            return self.shared.get(name)
        return self.namespaces[script_id].get(name)

    def collect_garbage(self) -> GCStats:
        start = time.perf_counter()
        return GCStats(100, 50, (time.perf_counter() - start) * 1000)

    def get_memory_usage(self) -> MemoryUsage:
        return MemoryUsage(100)


class AffineFakeEngine(FakeEngine):
    name = "fake-affine"
    extensions = (".fakea",)
    threading = ThreadingModel.THREAD_AFFINE


@hookimpl
def kryon_register_engines() -> list[type[ScriptEngine]]:
    return [FakeEngine, AffineFakeEngine]

"""The Python engine: one class, two backends chosen by the security policy.

* ``policy.sandbox`` false -> :class:`~kryon_python.trusted.TrustedRuntime`
  (in process, each script its own module; **not a sandbox**).
* ``policy.sandbox`` true -> :class:`~kryon_python.isolated.IsolatedRuntime`
  (a locked-down worker process; the default ``sandboxed`` policy).

No runtime state lives at module level, and nothing heavy is imported until
:meth:`PythonEngine.initialize`.
"""

from __future__ import annotations

import io
import itertools
import sys
import tokenize
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from kryon_core import (
    BreakpointId,
    CompiledScript,
    CompileError,
    EngineCapabilities,
    EngineConfig,
    FunctionInfo,
    GCStats,
    MemoryUsage,
    ScriptEngine,
    ScriptId,
    StackFrame,
    ThreadingModel,
    UnsupportedOperationError,
    Value,
)
from kryon_core.engine import decode_source_text
from kryon_python.compiler import PYTHON_TAG, compile_snippet, compile_source
from kryon_python.config import PythonConfig

if TYPE_CHECKING:
    from kryon_core import ScriptBridge, SecurityPolicy
    from kryon_python.isolated import IsolatedRuntime
    from kryon_python.tracer import BreakpointHandler, ScriptTracer
    from kryon_python.trusted import TrustedRuntime

__all__ = ["ISOLATED_CAPABILITIES", "TRUSTED_CAPABILITIES", "PythonEngine"]

ISOLATED_CAPABILITIES = EngineCapabilities(
    supports_async=True,
    supports_coroutines=True,
    supports_modules=True,
    supports_bytecode=True,
    supports_memory_limit=True,
    is_sandbox=True,
)
"""What the engine offers under a sandboxing policy (an isolated worker)."""

TRUSTED_CAPABILITIES = EngineCapabilities(
    supports_async=True,
    supports_coroutines=True,
    supports_modules=True,
    supports_debugging=True,
    supports_bytecode=True,
    is_sandbox=False,
)
"""What the engine offers under a trusted policy (in process, not a sandbox)."""


class PythonEngine(ScriptEngine):
    """CPython scripts: trusted in-process or isolated in a worker process."""

    name: ClassVar[str] = "python"
    display_name: ClassVar[str] = "Python"
    extensions: ClassVar[tuple[str, ...]] = (".py",)
    threading: ClassVar[ThreadingModel] = ThreadingModel.SERIALIZED
    Config: ClassVar[type[EngineConfig]] = PythonConfig
    CAPABILITIES: ClassVar[EngineCapabilities] = ISOLATED_CAPABILITIES
    notes: ClassVar[str] = (
        "sandboxed policies run scripts in an isolated worker process; "
        "trusted policies run them in the host process, which is NOT a sandbox"
    )

    def __init__(self) -> None:
        super().__init__()
        self._config = PythonConfig()
        self._policy: SecurityPolicy | None = None
        self._bridge: ScriptBridge | None = None
        self._runtime: TrustedRuntime | IsolatedRuntime | None = None
        self._ids = itertools.count(1)
        self._handler: BreakpointHandler | None = None

    @classmethod
    def runtime_version(cls) -> str:
        return sys.version.split()[0]

    @classmethod
    def decode_source(cls, data: bytes, *, script: str) -> str:
        """PEP 263: a coding declaration in the first two lines names the
        source's encoding; UTF-8 otherwise."""
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as exc:  # bad bytes, an unknown encoding, or one the BOM contradicts
            head = data.split(b"\n", 2)[:2]
            declared = [n for n, line in enumerate(head, 1) if b"coding" in line]
            if not declared:
                return decode_source_text(data, script=script)  # names the first bad byte
            raise CompileError(str(exc.msg), script=script, line=declared[0]) from None
        return decode_source_text(data, script=script, encoding=encoding)

    def capabilities(self) -> EngineCapabilities:
        if self._policy is not None and not self._policy.sandbox:
            return TRUSTED_CAPABILITIES
        return ISOLATED_CAPABILITIES

    @property
    def isolated(self) -> bool:
        """Whether scripts run out of process (the policy sandboxes them)."""
        return self._policy is None or self._policy.sandbox

    def cache_key(self) -> str:
        return f"{PYTHON_TAG}-{'isolated' if self.isolated else 'trusted'}"

    # -- lifecycle ----------------------------------------------------------------

    def initialize(self, config: EngineConfig, policy: SecurityPolicy) -> None:
        self._config = (
            config
            if isinstance(config, PythonConfig)
            else PythonConfig.model_validate(config.model_dump())
        )
        self._policy = policy

    def setup_bridge(self, bridge: ScriptBridge) -> None:
        if self._policy is None:
            self.initialize(self._config, bridge.policy)
        assert self._policy is not None
        if self._runtime is not None:
            self._runtime.close()
        self._bridge = bridge
        if self._policy.sandbox:
            from kryon_python.isolated import IsolatedRuntime

            self._runtime = IsolatedRuntime(
                self.name, self._config, self._policy, bridge, self.dispatch
            )
        else:
            from kryon_python.trusted import TrustedRuntime

            self._runtime = TrustedRuntime(self.name, self._policy, bridge, self.dispatch)
            self._runtime.tracer.handler = self._handler

    def end_program(self, script_id: ScriptId) -> None:
        self._rt().end_program()

    def close(self) -> None:
        runtime, self._runtime = self._runtime, None
        if runtime is not None:
            runtime.close()

    # -- scripts ------------------------------------------------------------------

    def compile(self, source: str, *, script: str, path: str | None = None) -> CompiledScript:
        return compile_source(
            source,
            script=script,
            path=path,
            language=self.name,
            version=self.version,
            sandbox=self.isolated,
        )

    def load_script(self, compiled: CompiledScript) -> ScriptId:
        sid = ScriptId(next(self._ids))
        self._rt().load(sid, compiled)
        return sid

    def unload_script(self, script_id: ScriptId) -> None:
        self._rt().unload(script_id)

    def script_functions(self, script_id: ScriptId) -> Mapping[str, FunctionInfo]:
        return self._rt().functions(script_id)

    # -- calls --------------------------------------------------------------------

    def call_function(self, script_id: ScriptId, name: str, args: Sequence[Value]) -> Value:
        return self._rt().call(script_id, name, args)

    def bind_function(self, script_id: ScriptId, name: str) -> Callable[[Sequence[Value]], Value]:
        return self._rt().bind(script_id, name)

    async def call_function_async(
        self, script_id: ScriptId, name: str, args: Sequence[Value]
    ) -> Value:
        return await self._rt().call_async(script_id, name, args)

    def evaluate(self, script_id: ScriptId, source: str) -> Value:
        """Run a REPL snippet in a script's namespace; the value of a trailing
        expression is returned (its ``repr`` when it is no script value)."""
        script = self._rt().script_name(script_id)
        statements, expression = compile_snippet(source, script=script, sandbox=self.isolated)
        return self._rt().evaluate(script_id, statements, expression)

    def evaluate_display(self, script_id: ScriptId, source: str) -> str | None:
        """:meth:`evaluate`, the value shown as Python's REPL shows it (its
        ``repr``; nothing for None)."""
        script = self._rt().script_name(script_id)
        statements, expression = compile_snippet(
            source, script=script, sandbox=self.isolated, shown=True
        )
        shown = self._rt().evaluate(script_id, statements, expression)
        return shown if isinstance(shown, str) else None

    # -- globals ------------------------------------------------------------------

    def set_global(self, name: str, value: Value, script_id: ScriptId | None = None) -> None:
        self._rt().set_global(name, value, script_id)

    def get_global(self, name: str, script_id: ScriptId | None = None) -> Value:
        return self._rt().get_global(name, script_id)

    # -- memory -------------------------------------------------------------------

    def collect_garbage(self) -> GCStats:
        return self._rt().collect_garbage()

    def get_memory_usage(self) -> MemoryUsage:
        return self._rt().memory_usage()

    # -- debugging ----------------------------------------------------------------

    def set_debug_mode(self, enabled: bool) -> None:
        tracer = self._rt().tracer
        if tracer is not None:
            tracer.debug = enabled

    def get_stack_trace(self) -> list[StackFrame]:
        runtime = self._runtime
        return runtime.stack() if runtime is not None else []

    def set_breakpoint(self, script: str, line: int) -> BreakpointId:
        return self._tracer("breakpoints").add(script, line)

    def remove_breakpoint(self, breakpoint_id: BreakpointId) -> None:
        self._tracer("breakpoints").remove(breakpoint_id)

    def set_breakpoint_handler(self, handler: BreakpointHandler | None) -> None:
        self._handler = handler
        runtime = self._runtime
        if runtime is not None and runtime.tracer is not None:
            runtime.tracer.handler = handler

    # -- helpers ------------------------------------------------------------------

    def _rt(self) -> TrustedRuntime | IsolatedRuntime:
        if self._runtime is None:
            raise UnsupportedOperationError(
                "the python engine is not ready: call initialize() and setup_bridge() first"
            )
        return self._runtime

    def _tracer(self, what: str) -> ScriptTracer:
        tracer = self._rt().tracer
        if tracer is None:
            self._unsupported(f"{what} in isolated mode (use a trusted policy to debug)")
        assert tracer is not None
        return tracer

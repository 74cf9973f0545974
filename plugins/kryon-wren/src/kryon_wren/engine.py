"""``WrenEngine``: Wren 0.4 (pure Python) behind the Kryon engine contract.

One engine instance is one Wren VM; each loaded script is one Wren module
(its name is the script name without ``.wren``).  Exported functions are the
module-level variables holding a ``Fn`` (called by variable name) and the
static methods of module-level classes (``Class.method``, any arity).
"""

from __future__ import annotations

import gc
import itertools
import marshal
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from kryon_core import (
    BreakpointHit,
    BreakpointId,
    CompiledScript,
    CompileError,
    ConversionError,
    EngineCapabilities,
    EngineConfig,
    FunctionInfo,
    FunctionNotFoundError,
    FunctionRef,
    GCStats,
    InstructionLimitError,
    MemoryLimitError,
    MemoryUsage,
    RecursionLimitError,
    ScriptEngine,
    ScriptId,
    ScriptRuntimeError,
    StackFrame,
    ThreadingModel,
    TimeLimitError,
    Value,
)
from kryon_wren import WREN_VERSION
from kryon_wren.debug import Debugger, estimate_size
from kryon_wren.exports import collect_exports, compiler_digest

if TYPE_CHECKING:
    from kryon_core import ScriptBridge, SecurityPolicy
    from kryon_wren.convert import Converter
    from kryon_wren.runtime.sequences import WFn
    from kryon_wren.vm import VM, CompiledModule


PENDING_CHARS = 1 << 16
"""Printed characters held at most before they go to the host (see _write)."""
PENDING_S = 0.05
"""How long after the last one a print may be held (see _write)."""


class WrenConfig(EngineConfig):
    """``[engines.wren]``: no options yet; unknown keys are rejected."""


@dataclass
class _Script:
    name: str
    module: str
    ns: dict[str, Any]
    variables: list[str]
    exports: dict[str, Callable[..., Any]] = field(default_factory=dict)
    infos: dict[str, FunctionInfo] = field(default_factory=dict)
    alive: bool = True


def module_name(script: str) -> str:
    return script[:-5] if script.endswith(".wren") else script


class WrenEngine(ScriptEngine):
    name: ClassVar[str] = "wren"
    display_name: ClassVar[str] = "Wren"
    extensions: ClassVar[tuple[str, ...]] = (".wren",)
    threading: ClassVar[ThreadingModel] = ThreadingModel.SERIALIZED
    Config: ClassVar[type[EngineConfig]] = WrenConfig
    CAPABILITIES: ClassVar[EngineCapabilities] = EngineCapabilities(
        supports_coroutines=True,
        supports_modules=True,
        supports_debugging=True,
        supports_bytecode=True,
        supports_instruction_limit=True,
        supports_memory_limit=True,
        is_sandbox=True,
    )
    notes: ClassVar[str] = "pure-Python Wren 0.4 compiled to Python code objects"

    def __init__(self) -> None:
        super().__init__()
        self._scripts: dict[ScriptId, _Script] = {}
        self._ids = itertools.count(1)
        self._bridge: ScriptBridge | None = None
        self._policy: SecurityPolicy | None = None
        self._vm: VM | None = None
        self._conv: Converter | None = None
        self._shared: dict[str, Any] = {}
        self._callers: list[str] = []
        self._argv: tuple[str, ...] = ("wren",)  # Process.allArguments (import "os")
        # What the running call printed and has not yet handed to the host
        # (see _write): a list of strings, and their total length.
        self._pending: list[str] = []
        self._pending_chars = 0
        self._flushed_at = 0.0
        self.debugger = Debugger(self)

    @classmethod
    def runtime_version(cls) -> str:
        return f"Wren {WREN_VERSION} (kryon-wren, CPython {sys.version.split()[0]})"

    @classmethod
    def decode_source(cls, data: bytes, *, script: str) -> str:
        """Wren source is bytes, as for the reference: bytes that are not UTF-8
        travel as lone surrogates (``surrogateescape``), so string literals keep
        them and the lexer reports any other as ``Invalid byte 0x..``."""
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape")

    def cache_key(self) -> str:
        checks = self._vm.checks if self._vm is not None else False
        mode = "checked" if checks else "fast"
        return f"py{sys.version_info[0]}.{sys.version_info[1]}-{mode}-{compiler_digest()}"

    # -- lifecycle ---------------------------------------------------------------

    def initialize(self, config: EngineConfig, policy: SecurityPolicy) -> None:
        from kryon_wren.convert import Converter
        from kryon_wren.vm import VM, Limits

        self._policy = policy
        limits = Limits(
            time_limit_s=policy.time_limit_ms / 1000 if policy.time_limit_ms else None,
            instruction_limit=policy.instruction_limit,
            max_depth=policy.recursion_limit,
            memory_limit_bytes=policy.memory_limit_mb * 1024 * 1024
            if policy.memory_limit_mb
            else None,
        )
        checks = any(
            x is not None
            for x in (
                limits.time_limit_s,
                limits.instruction_limit,
                limits.max_depth,
                limits.memory_limit_bytes,
            )
        )
        self._vm = VM(
            write=self._write,
            error_write=self._write_error,
            checks=checks,
            limits=limits,
            limit_error=self._limit_error,
        )
        self._vm.builtin_modules["kryon"] = self._kryon_module
        self._vm.builtin_modules["meta"] = self._meta_module
        self._vm.builtin_modules["random"] = self._random_module
        self._vm.builtin_modules["os"] = self._os_module
        self._conv = Converter(self._function_ref)

    def setup_bridge(self, bridge: ScriptBridge) -> None:
        self._bridge = bridge
        if self._conv is not None:
            self._conv.host_convert = bridge.convert

    def close(self) -> None:
        if self._vm is not None:
            self._vm.close()
        self._scripts.clear()

    def _live(self) -> VM:
        if self._vm is None:
            raise RuntimeError("the Wren engine is not initialized")
        return self._vm

    def _write(self, text: str) -> None:
        # Handing each print to the host's sink on its own costs more than
        # the script's own work in a loop of prints: prints that follow
        # another within PENDING_S are held until the call returns (or more
        # come later, PENDING_CHARS gather, stderr is written, the host is
        # called).  A call's first print goes out at once: a script that
        # prints, then works or waits, shows it while it works.
        self._pending.append(text)
        self._pending_chars += len(text)
        now = time.monotonic()
        if (
            now - self._flushed_at > PENDING_S
            or self._pending_chars > PENDING_CHARS
            or self.debugger.active
        ):
            self._flush_output()
            self._flushed_at = now

    def _flush_output(self) -> None:
        if not self._pending:
            return
        text = "".join(self._pending)
        self._pending.clear()
        self._pending_chars = 0
        script = self._script_name()
        # bytes that are not UTF-8 stay lone surrogates: the sink writes them as they are
        if self._bridge is not None:
            self._bridge.write(text, script=script)
        else:
            sys.stdout.write(text)

    def _script_name(self) -> str:
        """The name of the script whose call is running ("wren" outside any)."""
        return self._callers[-1] if self._callers else "wren"

    def _host_caller(self) -> str:
        """The calling script's name, for a host function about to run: what
        the script printed so far is handed over first."""
        self._flush_output()
        return self._script_name()

    def _write_error(self, text: str) -> None:
        self._flush_output()
        script = self._script_name()
        if self._bridge is not None:
            self._bridge.write(text, stream="stderr", script=script)
        else:
            sys.stderr.write(text)

    def _limit_error(
        self, kind: str, message: str, wren_stack: list[tuple[str, int, str]] | None = None
    ) -> BaseException:
        script = self._callers[-1] if self._callers else None
        cls = {
            "time": TimeLimitError,
            "instructions": InstructionLimitError,
            "memory": MemoryLimitError,
            "recursion": RecursionLimitError,
        }[kind]
        if wren_stack is None:
            # raised inside the running code: its Wren frames are still on the stack
            live = self._vm.live_stack(with_locals=False) if self._vm is not None else []
            wren_stack = [(module, line, name) for module, line, name, _ in live]
        named = self._module_names(script)
        frames = [
            StackFrame(function=name, script=named(module), line=line or None)
            for module, line, name in reversed(wren_stack)
        ]
        line = wren_stack[0][1] if wren_stack and wren_stack[0][1] else None
        return cls(message, script=script, line=line, traceback=frames)

    def _module_names(self, running: str | None) -> Callable[[str], str]:
        """How errors name a module: a loaded script by its script name (as
        every engine names it: ``[main.wren line 3]``, where the reference CLI
        says ``[main line 3]``), an imported module by its import path."""
        scripts = {script.module: script.name for script in self._scripts.values()}
        if running is not None:
            scripts[module_name(running)] = running

        def named(module: str) -> str:
            return scripts.get(module, module)

        return named

    # -- modules offered to scripts ------------------------------------------------

    def _kryon_module(self) -> dict[str, Any]:
        from kryon_wren.host import kryon_class

        conv = self._conv
        assert conv is not None
        functions = self._bridge.nameable_functions if self._bridge is not None else {}
        cls = kryon_class(
            functions,
            self._host_caller,
            conv.to_host,
            conv.to_wren,
        )
        return {"w_Kryon": cls}

    def _meta_module(self) -> dict[str, Any]:
        from kryon_wren.modules import meta_module

        return meta_module(self._live())

    def _os_module(self) -> dict[str, Any]:
        from kryon_wren.host import process_class

        return {"w_Process": process_class(lambda: self._argv)}

    def _random_module(self) -> dict[str, Any]:
        from kryon_wren.runtime.rand import random_module

        return random_module()

    # -- compile and load -----------------------------------------------------------

    def compile(self, source: str, *, script: str, path: str | None = None) -> CompiledScript:
        from kryon_wren.linemarks import spans_to_json
        from kryon_wren.runtime.fiber import FatalError
        from kryon_wren.vm import WrenCompileError

        vm = self._live()
        module = module_name(script)
        try:
            compiled = vm.compile(source, module)
        except WrenCompileError as err:
            line, text = err.errors[0] if err.errors else (None, "compile error")
            rendered = err.render(script)  # vm.compile reports only this module
            raise CompileError(text, script=script, line=line, rendered=rendered) from None
        except FatalError as err:  # a limit of the policy
            raise err.error from None
        return CompiledScript(
            script=script,
            language=self.name,
            engine_version=self.version,
            bytecode=marshal.dumps(compiled.code),
            path=path,
            globals=list(compiled.variables),
            metadata={
                "module": module,
                "filename": compiled.filename,
                "line_map": compiled.line_map,
                "line_spans": spans_to_json(compiled.line_spans),
                "debug_names": compiled.debug_names,
                "variables": compiled.variables,
                "stackful": compiled.stackful,
            },
        )

    def _module_of(self, compiled: CompiledScript) -> CompiledModule:
        from kryon_wren.linemarks import spans_from_json
        from kryon_wren.vm import CompiledModule

        meta = compiled.metadata
        return CompiledModule(
            name=meta["module"],
            code=marshal.loads(compiled.bytecode),
            filename=meta["filename"],
            line_map=list(meta["line_map"]),
            debug_names=dict(meta["debug_names"]),
            variables=list(meta["variables"]),
            stackful=bool(meta.get("stackful", True)),
            line_spans=spans_from_json(meta.get("line_spans", [])),
        )

    def load_script(self, compiled: CompiledScript) -> ScriptId:
        vm = self._live()
        module = self._module_of(compiled)
        if compiled.entry_point:  # the program: its arguments, as the CLI's Process has them
            self._argv = ("wren", compiled.script, *compiled.arguments)
        if compiled.path:
            vm.base_dir = os.path.dirname(os.path.abspath(compiled.path))
            vm.module_files[module.name] = compiled.path
            if self._policy is not None and self._policy.sandbox:
                vm.import_root = os.path.realpath(vm.base_dir)
        ns = vm.namespace()
        for key, value in self._shared.items():
            ns[f"w_{key}"] = value
        vm.load(module, ns)
        script = _Script(compiled.script, module.name, ns, module.variables)
        self._enter(script.name, vm.run, ns["_wren_module"])
        self._collect_exports(script)
        sid = ScriptId(next(self._ids))
        self._scripts[sid] = script
        return sid

    def _collect_exports(self, script: _Script) -> None:
        exports, infos = collect_exports(script.ns, script.variables)
        for name, call in exports.items():
            script.exports.setdefault(name, call)
            script.infos.setdefault(name, infos[name])

    def unload_script(self, script_id: ScriptId) -> None:
        script = self._scripts.pop(script_id, None)
        if script is not None:
            script.alive = False
            self._live().modules.pop(script.module, None)

    def _script(self, script_id: ScriptId) -> _Script:
        try:
            return self._scripts[script_id]
        except KeyError:
            raise FunctionNotFoundError(f"no Wren script with id {script_id}") from None

    def script_functions(self, script_id: ScriptId) -> Mapping[str, FunctionInfo]:
        return dict(self._script(script_id).infos)

    # -- calls ------------------------------------------------------------------------

    def call_function(self, script_id: ScriptId, name: str, args: Sequence[Value]) -> Value:
        return self.bind_function(script_id, name)(args)

    def bind_function(self, script_id: ScriptId, name: str) -> Callable[[Sequence[Value]], Value]:
        script = self._script(script_id)
        target = script.exports.get(name)
        if target is None:
            raise FunctionNotFoundError(
                f"script {script.name!r} exports no function {name!r}", script=script.name
            )
        vm = self._live()
        conv = self._conv
        assert conv is not None

        def call(args: Sequence[Value]) -> Value:
            if not script.alive:
                raise FunctionNotFoundError(
                    f"script {script.name!r} was unloaded", script=script.name
                )
            wargs = conv.args_to_wren(args)
            return conv.to_host(self._enter(script.name, vm.run, target, *wargs))

        return call

    def _enter(self, script: str, fn: Callable[..., Any], *args: Any) -> Any:
        from kryon_wren.runtime.fiber import FatalError
        from kryon_wren.runtime.objects import WrenError

        self._flush_output()
        self._flushed_at = 0.0
        self._callers.append(script)
        try:
            if self.debugger.active:
                return self.debugger.run(fn, *args)
            return fn(*args)
        except WrenError as err:
            raise self._runtime_error(err, script) from None
        except FatalError as err:
            inner = err.error
            if getattr(inner, "script", None) is None and hasattr(inner, "script"):
                inner.script = script
            raise inner from None
        finally:
            self._flush_output()
            self._callers.pop()

    def _runtime_error(self, err: Any, script: str) -> ScriptRuntimeError:
        from kryon_wren.vm import render_runtime_error

        stack = err.stack or []
        named = self._module_names(script)
        frames = [
            StackFrame(function=name, script=named(module), line=line)
            for module, line, name in stack
        ]
        frames.reverse()
        line = stack[0][1] if stack else None
        message = err.value if isinstance(err.value, str) else "[error object]"
        rendered = render_runtime_error(err, named)
        return ScriptRuntimeError(
            message, script=script, line=line, traceback=frames, rendered=rendered
        )

    def _function_ref(self, fn: WFn) -> FunctionRef:
        script = self._script_name()
        conv = self._conv
        vm = self._live()
        assert conv is not None

        def call(args: Sequence[Value]) -> Value:
            from kryon_wren.runtime.sequences import call_fn

            return conv.to_host(self._enter(script, vm.run, call_fn, fn, *conv.args_to_wren(args)))

        def invoke(args: Sequence[Value]) -> Value:
            return self.dispatch(call, args)

        return FunctionRef(self.name, f"{script}:<fn>", invoke)

    def evaluate(self, script_id: ScriptId, source: str) -> Value:
        """Run a snippet in a script's module; a trailing expression is the result."""
        from kryon_wren.runtime.objects import to_str

        script, result = self._run_snippet(script_id, source)
        conv = self._conv
        assert conv is not None
        try:
            return conv.to_host(result)
        except ConversionError:
            return self._enter(script.name, self._live().run, to_str, result)

    def evaluate_display(self, script_id: ScriptId, source: str) -> str | None:
        """``kryon repl wren``: a trailing expression's value as ``toString`` gives it."""
        from kryon_wren.runtime.objects import to_str

        script, result = self._run_snippet(script_id, source)
        if result is None:
            return None
        shown: str = self._enter(script.name, self._live().run, to_str, result)
        return shown

    def _run_snippet(self, script_id: ScriptId, source: str) -> tuple[_Script, Any]:
        from kryon_wren.runtime.fiber import FatalError
        from kryon_wren.vm import WrenCompileError

        script = self._script(script_id)
        vm = self._live()
        names = tuple(k[2:] for k in script.ns if k.startswith("w_"))
        try:
            compiled = vm.compile(source, script.module, extra_names=names, repl=True)
        except WrenCompileError as err:
            line, text = err.errors[0] if err.errors else (None, "compile error")
            rendered = err.render(script.name)
            raise CompileError(text, script=script.name, line=line, rendered=rendered) from None
        except FatalError as err:
            raise err.error from None
        vm.load(compiled, script.ns)
        result = self._enter(script.name, vm.run, script.ns["_wren_module"])
        script.variables.extend(v for v in compiled.variables if v not in script.variables)
        self._collect_exports(script)
        return script, result

    # -- globals ---------------------------------------------------------------------------

    def set_global(self, name: str, value: Value, script_id: ScriptId | None = None) -> None:
        conv = self._conv
        assert conv is not None
        wvalue = conv.to_wren(value)
        if script_id is None:
            self._shared[name] = wvalue
            for script in self._scripts.values():
                if name not in script.ns.get("_shadowed", ()):
                    script.ns[f"w_{name}"] = wvalue
            return
        script = self._script(script_id)
        script.ns[f"w_{name}"] = wvalue
        script.ns.setdefault("_shadowed", set()).add(name)

    def get_global(self, name: str, script_id: ScriptId | None = None) -> Value:
        conv = self._conv
        assert conv is not None
        if script_id is None:
            return conv.to_host(self._shared.get(name))
        return conv.to_host(self._script(script_id).ns.get(f"w_{name}"))

    # -- memory -------------------------------------------------------------------------------

    def _used_bytes(self) -> int:
        roots = [s.ns for s in self._scripts.values()]
        return estimate_size(roots) + 64 * 1024

    def collect_garbage(self) -> GCStats:
        start = time.perf_counter()
        before = self._used_bytes()
        gc.collect()
        after = self._used_bytes()
        return GCStats(before, after, (time.perf_counter() - start) * 1000)

    def get_memory_usage(self) -> MemoryUsage:
        vm = self._live()
        return MemoryUsage(self._used_bytes(), vm.limits.memory_limit_bytes)

    # -- debugging ----------------------------------------------------------------------------

    def set_debug_mode(self, enabled: bool) -> None:
        self.debugger.enabled = enabled

    def get_stack_trace(self) -> list[StackFrame]:
        if self._vm is None:
            return []
        return [
            StackFrame(function=name, script=module, line=line, locals=local_vars)
            for module, line, name, local_vars in reversed(self._vm.live_stack())
        ]

    def set_breakpoint(self, script: str, line: int) -> BreakpointId:
        return self.debugger.add(module_name(script), line)

    def remove_breakpoint(self, breakpoint_id: BreakpointId) -> None:
        self.debugger.remove(breakpoint_id)

    def set_breakpoint_handler(self, handler: Callable[[BreakpointHit], None] | None) -> None:
        self.debugger.handler = handler

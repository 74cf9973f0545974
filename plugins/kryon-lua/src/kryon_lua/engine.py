"""The Lua engine: one lupa VM running under one security policy.

Module layout: :mod:`kryon_lua.runtime` creates the VM with ``kernel.lua``
(hooks, limits, the call trampolines, tracebacks, breakpoints),
``bridge.lua`` (host functions, opaque values, compile/exports) and
``sandbox.lua`` (per-script environments); :mod:`kryon_lua.convert` maps
values, :mod:`kryon_lua.errors` maps errors, :mod:`kryon_lua.host` holds the
Python callables Lua may call, :mod:`kryon_lua.memory` and
:mod:`kryon_lua.debugging` the VM's memory and debugging sides.  lupa is
imported only when an engine is initialised.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, ClassVar

from kryon_core import (
    BreakpointHandler,
    BreakpointId,
    CompiledScript,
    ConversionError,
    EngineCapabilities,
    EngineConfig,
    FunctionInfo,
    FunctionNotFoundError,
    FunctionRef,
    GCStats,
    MemoryLimitError,
    MemoryUsage,
    ScriptBridge,
    ScriptEngine,
    ScriptError,
    ScriptExit,
    ScriptId,
    ScriptNotFoundError,
    SecurityPolicy,
    StackFrame,
    ThreadingModel,
    Value,
    api_name,
)
from kryon_lua.config import LuaConfig
from kryon_lua.convert import LuaConverter
from kryon_lua.debugging import LuaDebugger
from kryon_lua.errors import compile_error, runtime_error, script_of
from kryon_lua.host import HostCalls
from kryon_lua.memory import SCRIPT_OVERHEAD, VMMemory
from kryon_lua.runtime import LuaVM, create_vm, lupa_module

__all__ = ["LuaEngine"]

_PASS = frozenset({int, float, bool, type(None)})


@dataclass
class _Script:
    id: ScriptId
    name: str
    env: Any
    functions: Any
    """The Lua table of exported functions (name -> function)."""
    infos: Mapping[str, FunctionInfo]
    bound: dict[str, Callable[[Sequence[Value]], Value]] = field(default_factory=dict)
    trampolines: list[Any] = field(default_factory=list)


_VM_BOUND = ("_kernel", "_prepare", "_converter", "_memory", "_debugger", "_rawget", "_api")
"""The attributes :meth:`LuaEngine.initialize` sets that hold Lua values."""


class LuaEngine(ScriptEngine):
    """Lua through lupa: PUC Lua 5.4 by default, LuaJIT 2.1 with ``runtime = "luajit"``."""

    name: ClassVar[str] = "lua"
    display_name: ClassVar[str] = "Lua"
    extensions: ClassVar[tuple[str, ...]] = (".lua",)
    threading: ClassVar[ThreadingModel] = ThreadingModel.SERIALIZED
    Config: ClassVar[type[EngineConfig]] = LuaConfig
    CAPABILITIES: ClassVar[EngineCapabilities] = EngineCapabilities(
        supports_coroutines=True,
        supports_debugging=True,
        supports_bytecode=True,
        supports_instruction_limit=True,
        supports_memory_limit=True,
        is_sandbox=True,
    )
    notes: ClassVar[str] = "PUC Lua 5.4 (or LuaJIT 2.1) via lupa; sandboxed by default"

    _versions: ClassVar[dict[str, str]] = {}

    def __init__(self) -> None:
        super().__init__()
        self._config = LuaConfig()
        self._policy = SecurityPolicy()
        self._vm: LuaVM | None = None
        self._host = HostCalls()
        self._bridge: ScriptBridge | None = None
        self._scripts: dict[ScriptId, _Script] = {}
        self._failed_program: str | None = None  # a program whose main chunk failed
        self._next_id = 0
        self._capabilities: EngineCapabilities | None = None

    # -- identification -------------------------------------------------------------

    @classmethod
    def runtime_version(cls) -> str:
        return cls._implementation("lua54")

    @classmethod
    def decode_source(cls, data: bytes, *, script: str) -> str:
        """Lua source is bytes: any byte may stand in a string literal, as in
        ``lua FILE``; bytes that are not UTF-8 travel as lone surrogates
        (``surrogateescape``) and reach the VM unchanged.  A leading BOM is
        skipped, as ``luaL_loadfile`` does."""
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape")

    @classmethod
    def _implementation(cls, runtime: str) -> str:
        if runtime not in cls._versions:
            module = lupa_module(runtime)
            lua = module.LuaRuntime(register_eval=False, register_builtins=False)
            cls._versions[runtime] = str(lua.lua_implementation)
        return cls._versions[runtime]

    @property
    def version(self) -> str:
        return self._vm.implementation if self._vm else self._implementation(self._config.runtime)

    def cache_key(self) -> str:
        return self._config.runtime

    def capabilities(self) -> EngineCapabilities:
        # asked on every load (is the compilation cacheable?): made once per VM
        if self._capabilities is not None:
            return self._capabilities
        return dataclasses.replace(
            self.CAPABILITIES, supports_jit=False, is_sandbox=self._policy.sandbox
        )

    # -- lifecycle ------------------------------------------------------------------------

    def initialize(self, config: EngineConfig, policy: SecurityPolicy) -> None:
        self._config = (
            config
            if isinstance(config, LuaConfig)
            else LuaConfig.model_validate(config.model_dump())
        )
        self._policy = policy
        vm = create_vm(
            self._config,
            policy,
            call_ref=self._host.call_ref,
            same=HostCalls.same,
            take_failure=self._host.take_failure,
            interrupted=self._host.interrupted,
        )
        self._vm = vm
        self._capabilities = dataclasses.replace(
            self.CAPABILITIES, supports_jit=vm.jit_enabled, is_sandbox=policy.sandbox
        )
        self._host.failed = vm.kernel.FAILED
        self._kernel = vm.kernel
        self._prepare = vm.sandbox.prepare
        self._converter = LuaConverter(
            vm,
            make_ref=self._function_ref,
            host_convert=self._host_convert,
            empty_is_list=self._config.empty_table == "list",
            doubles_only=self._config.runtime == "luajit",
            memory_limit=vm.memory_limit,
        )
        self._host.converter = self._converter
        self._memory = VMMemory(vm)
        self._debugger = LuaDebugger(vm.kernel, self._host, self._function_name)
        self._lua_error = vm.module.LuaError
        self._rawget = vm.lua.globals()[b"rawget"]
        self._memory_error = vm.module.LuaMemoryError
        # until setup_bridge: an empty `kryon` API and print output discarded
        self._api: Any = vm.lua.table()
        self._write: Callable[[str, bytes], Any] = _discard
        self._denied: Callable[[bytes], bytes | None] | None = None
        # argument types that cross as they are (LuaJIT: ints need a range check)
        self._passthrough = _PASS if self._config.runtime == "lua54" else _PASS - {int}
        self._overflow = (OverflowError, self._lua_error)

    def setup_bridge(self, bridge: ScriptBridge) -> None:
        self._bridge = bridge
        self._api = self._live.lua.table_from(
            {
                api_name(f, "camel").encode(): self._host.host_function(f)
                for f in bridge.host_functions.values()
            }
        )
        self._write = self._host.writer(bridge)
        self._denied = HostCalls.denial(bridge)

    def _host_convert(self, obj: object) -> Value:
        if self._bridge is None:
            raise ConversionError(f"{type(obj).__name__} is not a script value")
        return self._bridge.convert(obj)

    def close(self) -> None:
        if self._vm is not None and self._failed_program is not None:
            # the program failed (and its error was reported): the finalizers
            # still run, as lua runs them closing its state; one ended by a
            # limit changes nothing reported
            with contextlib.suppress(ScriptError):
                self._close_program(self._failed_program)
        self._failed_program = None
        if self._vm is not None:
            for script_id in list(self._scripts):
                self.unload_script(script_id)
        self._scripts.clear()
        self._vm = None
        self._capabilities = None
        # The VM holds callables of this engine and of its HostCalls, and they
        # hold objects that wrap Lua values: a cycle through the Lua state, which
        # Python's collector finds only in a full collection, long after the
        # VM's memory should have been returned.  Without the wrappers the VM is
        # freed as soon as the last of its functions is.
        self._host.release()
        for name in _VM_BOUND:
            vars(self).pop(name, None)

    @property
    def _live(self) -> LuaVM:
        if self._vm is None:
            raise ScriptError("the Lua engine is not initialised or was closed")
        return self._vm

    # -- compile and load -----------------------------------------------------------------

    def compile(self, source: str, *, script: str, path: str | None = None) -> CompiledScript:
        vm = self._live
        try:
            text = source.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError as exc:
            raise ConversionError(
                f"source is not valid Unicode ({exc.reason})", script=script
            ) from None
        if text.startswith(b"#"):  # a '#!' line, skipped as the lua command does (lines kept)
            text = b"--" + text
        self._memory.ensure_room(2 * len(text), script)
        try:
            bytecode, message = self._kernel.compile(text, b"=" + script.encode())
        except self._memory_error:
            raise MemoryLimitError("memory limit reached while compiling", script=script) from None
        if bytecode is None:
            raise compile_error(message, script)
        return CompiledScript(
            script=script,
            language=self.name,
            engine_version=vm.implementation,
            bytecode=bytes(bytecode),
            path=path,
            metadata={"runtime": self._config.runtime},
        )

    def load_script(self, compiled: CompiledScript) -> ScriptId:
        name = compiled.script
        self._memory.ensure_room(len(compiled.bytecode) + SCRIPT_OVERHEAD, name)
        encoded = name.encode()
        env, skip, main, message = self._prepare(
            name,
            encoded,
            self._api,
            self._write,
            self._denied,
            compiled.bytecode,
            # run as a program: `arg` holds its name and arguments, as `lua FILE ARG...` gives
            *((encoded, *_encoded(compiled.arguments)) if compiled.entry_point else ()),
        )
        if main is None:
            raise compile_error(message, name)
        result = main()
        if result.__class__ is tuple:
            if result[0] is False:
                error = self._error(result, name)
                if compiled.entry_point and not isinstance(error, ScriptExit):
                    # lua closes its state after reporting the error: the
                    # finalizers run when the engine closes (see close)
                    self._failed_program = name
                raise error
            result = result[1][1]
        exports, names = self._kernel.exports(env, result, skip)
        infos = _Exports(names, partial(self._kernel.describe, exports))
        self._next_id += 1
        script_id = ScriptId(self._next_id)
        self._scripts[script_id] = _Script(script_id, name, env, exports, infos)
        return script_id

    def end_program(self, script_id: ScriptId) -> None:
        self._close_program(self._script(script_id).name)

    def _close_program(self, name: str) -> None:
        """The program has run (``kryon run``): the finalizers (``__gc``) of the
        sandbox's objects run now, as ``lua`` runs them when it closes its state."""
        close = getattr(self._vm.sandbox, "close_program", None) if self._vm else None
        if close is None:
            return
        result = close()
        if result.__class__ is tuple and result[0] is False:
            raise self._error(result, name)

    def unload_script(self, script_id: ScriptId) -> None:
        script = self._scripts.pop(script_id, None)
        if script is None:
            raise ScriptNotFoundError(f"no Lua script with id {script_id}")
        for tramp in script.trampolines:
            self._kernel.retire(tramp)
        script.trampolines.clear()
        script.bound.clear()
        script.functions = None
        script.env = None
        self._memory.after_unload()

    def _script(self, script_id: ScriptId) -> _Script:
        script = self._scripts.get(script_id)
        if script is None:
            raise ScriptNotFoundError(f"no Lua script with id {script_id}")
        return script

    def script_functions(self, script_id: ScriptId) -> Mapping[str, FunctionInfo]:
        return self._script(script_id).infos

    # -- calls ------------------------------------------------------------------------------

    def call_function(self, script_id: ScriptId, name: str, args: Sequence[Value]) -> Value:
        script = self._script(script_id)
        bound = script.bound.get(name)
        if bound is None:
            bound = self.bind_function(script_id, name)
        return bound(args)

    def bind_function(self, script_id: ScriptId, name: str) -> Callable[[Sequence[Value]], Value]:
        script = self._script(script_id)
        info = script.infos.get(name)
        if info is None:
            raise FunctionNotFoundError(
                f"script {script.name!r} has no function {name!r}", script=script.name
            )
        tramp = self._kernel.bind_export(
            script.functions, name.encode(), info.parameter_count, info.is_variadic
        )
        script.trampolines.append(tramp)
        bound = self._bind(tramp, script.name)
        script.bound[name] = bound
        return bound

    def _bind(self, tramp: Any, script: str) -> Callable[[Sequence[Value]], Value]:
        finish, checked_args = self._finish, self._checked_args
        passthrough, overflow = self._passthrough, self._overflow

        def call(args: Sequence[Value]) -> Value:
            for a in args:
                if a.__class__ not in passthrough:
                    args = checked_args(args, script)
                    break
            try:
                r = tramp(*args)
            except overflow as exc:
                raise self._call_failure(exc, script) from None
            if r.__class__ in _PASS:
                return r
            return finish(r, script)

        return call

    def _checked_args(self, args: Sequence[Value], script: str | None) -> list[Any]:
        self._memory.ensure_room_for(args, script)
        return self._converter.to_lua_args(args)

    def _call_failure(self, exc: BaseException, script: str) -> ScriptError:
        if isinstance(exc, OverflowError):
            return ConversionError("integer is outside the 64-bit range", script=script)
        if isinstance(exc, self._memory_error):
            return MemoryLimitError("memory limit reached while passing arguments", script=script)
        return ScriptError(f"Lua call failed: {exc}", script=script)

    def _finish(self, r: Any, script: str) -> Value:
        if r.__class__ is tuple and r[0] is False:
            raise self._error(r, script)
        try:
            if r.__class__ is not tuple:
                return self._converter.from_lua(r)
            packed = r[1]  # (read lazily: the results are charged as they cross)
            return self._converter.from_lua_all(packed[i] for i in range(1, packed[b"n"] + 1))
        except ScriptError as exc:  # a result that cannot cross: the script's
            raise exc.with_script(script) from None

    def _error(self, r: tuple[Any, ...], script: str) -> BaseException:
        pending = self._host.take_pending()
        if pending is not None:
            return pending
        return runtime_error(
            r[1], r[2], self._policy, script, self._function_name, self._host.locals_of
        )

    def _function_name(self, script: str, line: int) -> str | None:
        for record in self._scripts.values():
            if record.name == script:
                for info in record.infos.values():
                    if info.line == line:
                        return info.name
        return None

    def _function_ref(self, fn: Any) -> FunctionRef:
        _nparams, _vararg, line, _names, source = self._kernel.function_info(fn)
        script = script_of(source.decode("utf-8", "replace")) if source else "?"
        call = self._bind(self._kernel.bind(fn), script)

        def invoke(args: Sequence[Value]) -> Value:
            return self.dispatch(call, args)

        return FunctionRef(self.name, f"{script}:{line}", invoke)

    # -- globals ----------------------------------------------------------------------------

    def set_global(self, name: str, value: Value, script_id: ScriptId | None = None) -> None:
        self._memory.ensure_room_for((value,), None)
        target = self._live.sandbox.shared if script_id is None else self._script(script_id).env
        target[name.encode()] = self._converter.to_lua(value)

    def get_global(self, name: str, script_id: ScriptId | None = None) -> Value:
        key = name.encode()
        rawget = self._rawget
        value = None
        if script_id is not None:
            value = rawget(self._script(script_id).env, key)
        if value is None:
            value = rawget(self._live.sandbox.shared, key)
        return self._converter.from_lua(value)

    def evaluate(self, script_id: ScriptId, source: str) -> Value:
        script = self._script(script_id)
        chunk = self._snippet(script, source)
        return self._bind(self._kernel.bind(chunk), script.name)(())

    def evaluate_display(self, script_id: ScriptId, source: str) -> str | None:
        """:meth:`evaluate`, the results shown as the ``lua`` command's REPL
        prints them (``tostring`` of each, tab-separated)."""
        script = self._script(script_id)
        chunk = self._kernel.shown(self._snippet(script, source))
        shown = self._bind(self._kernel.bind(chunk), script.name)(())
        return shown if isinstance(shown, str) else None

    def _snippet(self, script: _Script, source: str) -> Any:
        """A REPL snippet compiled in the script's environment: as an
        expression when it is one (``return <snippet>``), else as statements."""
        text = source.encode("utf-8", "surrogateescape")
        chunkname = b"=" + script.name.encode()
        chunk, message = self._kernel.load_text(b"return " + text, chunkname, script.env)
        if chunk is None:
            chunk, message = self._kernel.load_text(text, chunkname, script.env)
        if chunk is None:
            raise compile_error(message, script.name)
        return chunk

    # -- memory -----------------------------------------------------------------------------

    def collect_garbage(self) -> GCStats:
        return self._memory.collect()

    def get_memory_usage(self) -> MemoryUsage:
        return self._memory.usage()

    # -- debugging --------------------------------------------------------------------------

    def set_debug_mode(self, enabled: bool) -> None:
        self._debugger.set_debug_mode(enabled)

    def set_breakpoint(self, script: str, line: int) -> BreakpointId:
        return self._debugger.set_breakpoint(script, line)

    def remove_breakpoint(self, breakpoint_id: BreakpointId) -> None:
        self._debugger.remove_breakpoint(breakpoint_id)

    def set_breakpoint_handler(self, handler: BreakpointHandler | None) -> None:
        self._debugger.set_breakpoint_handler(handler)

    def get_stack_trace(self) -> list[StackFrame]:
        return self._debugger.stack_trace() if self._vm is not None else []


class _Exports(Mapping[str, FunctionInfo]):
    """A script's exported functions: the names from the kernel at load, and
    each :class:`FunctionInfo` asked of the VM (``describe(name)``, one line)
    when first needed, so a load does not pay for describing every function."""

    __slots__ = ("_describe", "_infos", "_names")

    def __init__(self, names: bytes, describe: Callable[[bytes], bytes]) -> None:
        self._names = dict.fromkeys(names.decode().split("\n")) if names else {}
        self._describe = describe
        self._infos: dict[str, FunctionInfo] = {}

    def __getitem__(self, name: str) -> FunctionInfo:
        info = self._infos.get(name)
        if info is None:
            if name not in self._names:
                raise KeyError(name)
            row = self._describe(name.encode()).decode("utf-8", "replace")
            nparams, vararg, line, params = row.split("\t")
            info = self._infos[name] = FunctionInfo(
                name=name,
                parameter_count=int(nparams),
                parameter_names=tuple(params.split(",")) if params else (),
                is_variadic=vararg == "1",
                line=int(line) if int(line) > 0 else None,
            )
        return info

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._names


def _encoded(arguments: Sequence[str]) -> list[bytes]:
    # command-line arguments that are not UTF-8 reach Lua as the bytes they were
    return [a.encode("utf-8", "surrogateescape") for a in arguments]


def _discard(caller: str, text: bytes) -> None:
    return None

"""``JsEngine``: JavaScript on QuickJS-ng through the ``quickjs`` binding.

The engine is thread-affine: QuickJS must only run on the thread that owns
its runtime, so the manager creates the engine on a dedicated thread and
hands every call to it (``ThreadingModel.THREAD_AFFINE``); the runtime
itself refuses an entry from any other thread.  The binding is imported when
the first engine is created, never at import time.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from typing import Any, ClassVar

from kryon_core import (
    CompiledScript,
    CompileError,
    EngineCapabilities,
    EngineConfig,
    FunctionInfo,
    FunctionNotFoundError,
    GCStats,
    MemoryUsage,
    ScriptBridge,
    ScriptEngine,
    ScriptError,
    ScriptExit,
    ScriptId,
    ScriptNotFoundError,
    ScriptRuntimeError,
    SecurityPolicy,
    StackFrame,
    ThreadingModel,
    TimeLimitError,
    UnsupportedOperationError,
    Value,
    api_name,
)
from kryon_js.config import JsConfig
from kryon_js.handles import MAX_DIRECT, Handle, make_handle
from kryon_js.hostcalls import FIRST_HOST_OP
from kryon_js.jserrors import placed
from kryon_js.lexer import tokenize
from kryon_js.runtime import JsRuntime
from kryon_js.shape import ScriptShape, repl_rewrite, scan
from kryon_js.source import without_nul, wrap

__all__ = ["JsEngine"]


@dataclass
class _Loaded:
    """A loaded script: its namespace objects in the VM and its functions."""

    name: str
    base: int
    module: bool
    sloppy: bool
    namespace: Any
    scope: Any
    functions: dict[str, Any] = field(default_factory=dict)
    infos: dict[str, FunctionInfo] = field(default_factory=dict)
    exports: Any = None
    handles: dict[str, Handle] = field(default_factory=dict)
    wrappers: list[list[Any]] = field(default_factory=list)
    """The fast-path wrappers of the handles (one slot per arity), cleared on unload."""


class JsEngine(ScriptEngine):
    """JavaScript (ES2023, classic scripts and ES modules) on QuickJS-ng."""

    name: ClassVar[str] = "js"
    display_name: ClassVar[str] = "JavaScript (QuickJS-ng)"
    extensions: ClassVar[tuple[str, ...]] = (".js", ".mjs")
    threading: ClassVar[ThreadingModel] = ThreadingModel.THREAD_AFFINE
    Config: ClassVar[type[EngineConfig]] = JsConfig
    CAPABILITIES: ClassVar[EngineCapabilities] = EngineCapabilities(
        supports_async=True,
        supports_generators=True,
        supports_modules=True,
        supports_memory_limit=True,
        is_sandbox=True,
    )
    notes: ClassVar[str] = "QuickJS-ng; no bytecode cache, breakpoints or instruction limit"

    def __init__(self) -> None:
        super().__init__()
        self._rt: JsRuntime | None = None
        self._config = JsConfig()
        self._scripts: dict[ScriptId, _Loaded] = {}
        self._last_shape: tuple[str, bool, bool, ScriptShape] | None = None
        self._ids = itertools.count(1)

    @classmethod
    def runtime_version(cls) -> str:
        try:
            return f"quickjs-ng {metadata.version('quickjs-ng')}"
        except metadata.PackageNotFoundError:
            return "QuickJS-ng"

    def cache_key(self) -> str:
        # ``module = true`` changes how a .js source compiles.
        return "module" if self._config.module else ""

    # -- lifecycle -------------------------------------------------------------------

    def initialize(self, config: EngineConfig, policy: SecurityPolicy) -> None:
        self._config = (
            config if isinstance(config, JsConfig) else JsConfig.model_validate(config.model_dump())
        )
        self._rt = JsRuntime(policy, self._config, self.dispatch)

    def setup_bridge(self, bridge: ScriptBridge) -> None:
        rt = self._runtime()
        rt.gateway.bridge = bridge
        rt.codec.convert = bridge.convert
        functions = {
            FIRST_HOST_OP + i: (f, api_name(f, "camel"))
            for i, f in enumerate(bridge.host_functions.values())
        }
        rt.gateway.install(functions)

    def close(self) -> None:
        for loaded in self._scripts.values():
            _clear(loaded)
        self._scripts.clear()
        if self._rt is not None:
            self._rt.close()
            self._rt = None

    def _runtime(self) -> JsRuntime:
        if self._rt is None:
            raise ScriptError("the JavaScript engine is not initialized (or was closed)")
        return self._rt

    def _owned(self) -> JsRuntime:
        """The runtime, for direct use of the context: only on the owner thread."""
        rt = self._runtime()
        if threading.get_ident() != rt.owner:
            rt.refuse("<host>")
        return rt

    def _loaded(self, script_id: ScriptId) -> _Loaded:
        loaded = self._scripts.get(script_id)
        if loaded is None:
            raise ScriptNotFoundError(f"no JavaScript script with id {script_id} is loaded")
        return loaded

    # -- compiling and loading -----------------------------------------------------------

    def _shape(
        self, text: str, script: str, path: str | None, module: bool | None = None
    ) -> tuple[bool, ScriptShape]:
        if module is None:
            named = path or script
            module = self._config.module or named.endswith(".mjs")
        last = self._last_shape
        if last is not None and last[1] == module and last[0] == text:
            return last[2], last[3]  # compile, then load: the same source scanned once
        tokens = tokenize(text)
        shape = scan(text, module=True, tokens=tokens)
        is_module = module or bool(shape.exports or shape.imports or shape.star_exports)
        if not is_module:
            shape = scan(text, module=False, tokens=tokens)
        self._last_shape = (text, module, is_module, shape)
        return is_module, shape

    def compile(self, source: str, *, script: str, path: str | None = None) -> CompiledScript:
        rt = self._runtime()
        text = without_nul(_normalized(source), script)
        module, shape = self._shape(text, script, path)
        base = rt.bands.allocate(script, text.count("\n") + 1, shape.shifts(text))
        try:
            rt.evaluate(wrap(text, shape, base, module=module).text, script)
        except CompileError as exc:
            raise placed(exc, text, partial(_regex_fails, rt, script)) from None
        finally:
            rt.bands.release(base)
        exported = shape.exports if module else {n: n for n in shape.functions}
        functions = {
            name: _info(name, shape, local)
            for name, local in exported.items()
            if local in shape.functions
        }
        return CompiledScript(
            script=script,
            language=self.name,
            engine_version=self.version,
            bytecode=text.encode("utf-8"),
            path=path,
            functions=functions,
            globals=list(dict.fromkeys(shape.declared)),
            dependencies=shape.imports,
            metadata={"module": module},
        )

    def load_script(self, compiled: CompiledScript) -> ScriptId:
        rt = self._runtime()
        api, script = rt.api, compiled.script
        text = compiled.bytecode.decode("utf-8")
        module, shape = self._shape(text, script, compiled.path, compiled.metadata.get("module"))
        base = rt.bands.allocate(script, text.count("\n") + 1, shape.shifts(text))
        loaded: _Loaded | None = None
        try:
            # the prelude quotes callees from it in error messages, as V8 does
            rt.raw(api["setSource"], (base, text), script)
            if compiled.entry_point:
                argv = json.dumps([script, *compiled.arguments])
                rt.raw(api["setArgv"], (argv,), script)
            wrapped = wrap(text, shape, base, module=module, path=compiled.path)
            wrapper = rt.evaluate(wrapped.text, script)
            scope = rt.raw(api["newScope"], (), script)
            sites = rt.raw(api["throwSites"], (wrapped.sites, wrapped.checks), script)
            if module:
                marker = rt.raw(api["loadModule"], (wrapper, scope, sites), script)
                namespace = rt.settle_raw(marker, script)
            else:
                namespace = rt.raw(api["load"], (wrapper, scope, sites), script)
                if (shape.uses_jobs or rt.rejections.seen) and self._config.drain_jobs != "never":
                    rt.drain(script)
            loaded = _Loaded(script, base, module, wrapped.sloppy, namespace, scope)
            holder = rt.raw(api["member"], (namespace, "exports" if module else "fns"), script)
            loaded.exports = holder
            exported = shape.exports if module else {n: n for n in shape.functions}
            for name in json.loads(rt.raw(api["names"], (holder,), script)):
                value = rt.raw(api["member"], (holder, name), script)
                facts = json.loads(rt.raw(api["info"], (value,), script))
                if facts["callable"]:
                    loaded.functions[name] = value
                    loaded.infos[name] = _info(name, shape, exported.get(name, name), facts)
            if compiled.entry_point:
                # The program (kryon run) ends with the script: process.exitCode is
                # its status, as in Node.
                status = rt.exit_code(script)
                if status:
                    raise ScriptExit(status, script=script)
            if module:
                rt.raw(api["registerModule"], (script, holder), script)
        except BaseException:
            rt.bands.release(base)
            with contextlib.suppress(ScriptError):
                rt.raw(api["dropSource"], (base,), script)
            if loaded is not None:
                _clear(loaded)
            raise
        if shape.uses_jobs and self._config.drain_jobs == "auto":
            rt.async_code = True
        script_id = ScriptId(next(self._ids))
        self._scripts[script_id] = loaded
        return script_id

    def unload_script(self, script_id: ScriptId) -> None:
        loaded = self._scripts.pop(script_id, None)
        if loaded is None:
            return
        rt = self._runtime()
        if loaded.module:
            rt.raw(rt.api["unregisterModule"], (loaded.name, loaded.exports), loaded.name)
        rt.raw(rt.api["dropSource"], (loaded.base,), loaded.name)
        rt.bands.release(loaded.base)
        _clear(loaded)

    def script_functions(self, script_id: ScriptId) -> Mapping[str, FunctionInfo]:
        return dict(self._loaded(script_id).infos)

    # -- calls ------------------------------------------------------------------------------

    def call_function(self, script_id: ScriptId, name: str, args: Sequence[Value]) -> Value:
        return self.bind_function(script_id, name)(args)

    def bind_function(self, script_id: ScriptId, name: str) -> Callable[[Sequence[Value]], Value]:
        loaded = self._loaded(script_id)
        if name not in loaded.functions:
            raise FunctionNotFoundError(
                f"{loaded.name} has no function {name!r}", script=loaded.name
            )
        handle = loaded.handles.get(name)
        if handle is None:
            wrappers: list[Any] = [None] * (MAX_DIRECT + 1)
            loaded.wrappers.append(wrappers)
            handle = make_handle(self._runtime(), loaded.functions, name, loaded.name, wrappers)
            loaded.handles[name] = handle
        return handle

    async def call_function_async(
        self, script_id: ScriptId, name: str, args: Sequence[Value]
    ) -> Value:
        loaded = self._loaded(script_id)
        fn = loaded.functions.get(name)
        if fn is None:
            raise FunctionNotFoundError(
                f"{loaded.name} has no function {name!r}", script=loaded.name
            )
        rt = self._runtime()
        started = time.monotonic()
        budget = rt.limit.limit_ms / 1000 if rt.limit.limit_ms is not None else None
        state = rt.start_async(fn, rt.codec.encode(args), loaded.name)
        while isinstance(state, int):
            # Only other work on this event loop (or, later, timers) can settle it now.
            if budget is None:
                rt.forget(state, loaded.name)
                raise ScriptRuntimeError(
                    f"{name}() returned a promise that is still pending after every job "
                    "ran, and no time limit bounds the wait",
                    script=loaded.name,
                )
            if time.monotonic() - started > budget:
                rt.forget(state, loaded.name)
                raise TimeLimitError(
                    f"the promise did not settle within the time limit ({rt.limit.limit_ms} ms)",
                    script=loaded.name,
                )
            await asyncio.sleep(0.001)
            state = rt.poll_async(state, loaded.name)
        return state.value

    def evaluate(self, script_id: ScriptId, source: str) -> Value:
        """Run a REPL snippet in a classic script's namespace (``kryon repl js``).

        Top-level declarations become properties of the script's scope object
        (``let x = 1`` is kept as ``x``), and the value of the last expression
        is returned.
        """
        return self._evaluate(script_id, source, "callN")

    def evaluate_display(self, script_id: ScriptId, source: str) -> str | None:
        """:meth:`evaluate`, the value shown as Node's REPL shows it
        (``[ 1, 'a', { b: 2 } ]``); None for undefined."""
        shown = self._evaluate(script_id, source, "callShow")
        return shown if isinstance(shown, str) else None

    def _evaluate(self, script_id: ScriptId, source: str, entry: str) -> Value:
        loaded = self._loaded(script_id)
        if not loaded.sloppy:
            raise UnsupportedOperationError(
                f"{loaded.name} is strict code or a module: snippets run only in classic scripts",
                script=loaded.name,
            )
        rt = self._runtime()
        code, names = repl_rewrite(source.replace("\r\n", "\n"))
        if names:
            rt.call(rt.api["declare"], (loaded.scope, json.dumps(names)), loaded.name)
        try:
            return rt.call(rt.api[entry], (rt.eval_helper, loaded.scope, code), loaded.name)
        except ScriptRuntimeError as exc:
            if exc.message.startswith("SyntaxError"):
                raise CompileError(exc.message, script=loaded.name) from None
            raise

    # -- globals --------------------------------------------------------------------------------

    def set_global(self, name: str, value: Value, script_id: ScriptId | None = None) -> None:
        rt = self._runtime()
        text = rt.codec.encode_value(value, name)
        if script_id is None:
            rt.call(rt.api["setGlobal"], (name, text), "<host>")
            return
        loaded = self._loaded(script_id)
        done = rt.call(
            rt.api["setScoped"],
            (loaded.namespace, loaded.scope, name, text, loaded.sloppy),
            loaded.name,
        )
        if done is False:
            raise UnsupportedOperationError(
                f'{loaded.name} is strict code (a module or "use strict"), so a per-script '
                f"global can only set a name it declares at top level, not {name!r}",
                script=loaded.name,
            )

    def get_global(self, name: str, script_id: ScriptId | None = None) -> Value:
        rt = self._runtime()
        if script_id is None:
            return rt.call(rt.api["getGlobal"], (name,), "<host>")
        loaded = self._loaded(script_id)
        return rt.call(rt.api["getScoped"], (loaded.namespace, loaded.scope, name), loaded.name)

    # -- memory and debugging ----------------------------------------------------------------------

    def collect_garbage(self) -> GCStats:
        rt = self._owned()
        before = int(rt.context.memory()["memory_used_size"])
        start = time.perf_counter()
        rt.context.gc()
        duration = (time.perf_counter() - start) * 1000
        after = int(rt.context.memory()["memory_used_size"])
        return GCStats(before, after, duration)

    def get_memory_usage(self) -> MemoryUsage:
        rt = self._owned()
        return MemoryUsage(int(rt.context.memory()["memory_used_size"]), rt.memory_limit)

    def memory_details(self) -> dict[str, int]:
        """Everything ``JS_ComputeMemoryUsage`` reports (objects, strings, atoms...)."""
        return {k: int(v) for k, v in self._owned().context.memory().items()}

    def get_stack_trace(self) -> list[StackFrame]:
        rt = self._runtime()
        return rt.errors.frames(rt.stack())


def _info(
    name: str, shape: ScriptShape, local: str, facts: dict[str, Any] | None = None
) -> FunctionInfo:
    decl = shape.functions.get(local)
    if decl is None:
        facts = facts or {}
        return FunctionInfo(
            name=name,
            parameter_count=int(facts.get("length", 0)),
            is_async=bool(facts.get("async")),
            is_generator=bool(facts.get("generator")),
        )
    return FunctionInfo(
        name=name,
        parameter_count=len(decl.params),
        parameter_names=decl.params,
        is_async=decl.is_async,
        is_generator=decl.is_generator,
        is_variadic=decl.variadic,
        line=decl.line,
    )


def _regex_fails(rt: JsRuntime, script: str, body: str, flags: str) -> bool:
    """Whether ``new RegExp(body, flags)`` throws (a literal QuickJS rejected)."""
    try:
        rt.evaluate(f"void new RegExp({json.dumps(body)}, {json.dumps(flags)})", script)
    except ScriptError:
        return True
    return False


def _normalized(source: str) -> str:
    """One newline style (QuickJS and the line bands count ``\\n``); a ``#!`` line
    becomes a comment of the same length (it is only legal at the very start of a
    file, and the script is wrapped)."""
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    return "//" + text[2:] if text.startswith("#!") else text


def _clear(loaded: _Loaded) -> None:
    """Drop the VM objects of a script on the owning thread (never from a GC elsewhere)."""
    loaded.functions.clear()
    loaded.handles.clear()
    for wrappers in loaded.wrappers:
        wrappers[:] = [None] * len(wrappers)
    loaded.namespace = loaded.scope = loaded.exports = None

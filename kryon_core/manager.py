"""The script manager: the one object a host talks to.

It owns the plugins, the configuration, the engines (created lazily, one VM per
language and security policy), the loaded scripts (one namespace each), the
function registry, the compilation cache, shared data and the profiler::

    with ScriptManager() as manager:
        manager.load_script("greet", 'function hello(n) return "hi " .. n end',
                            language="lua")
        manager.call_function("hello", "ada")          # 'hi ada'
        hello = manager.function("greet.hello")        # resolve once, call fast
        hello("bob")
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from kryon_core.api import core_host_functions
from kryon_core.bridge import HostFunction, OutputSink, ScriptBridge
from kryon_core.cache import CompilationCache, cache_key
from kryon_core.config import KryonConfig, load_config
from kryon_core.dispatch import Dispatcher, OwnerThread, make_dispatcher
from kryon_core.engine import (
    BreakpointHandler,
    BreakpointId,
    CompiledScript,
    FunctionInfo,
    GCStats,
    MemoryUsage,
    ScriptEngine,
    ScriptId,
)
from kryon_core.errors import (
    KryonError,
    ScriptError,
    ScriptNotFoundError,
    ScriptRuntimeError,
    SecurityError,
)
from kryon_core.plugins import PluginHost
from kryon_core.policy import SecurityPolicy
from kryon_core.profiler import Profiler
from kryon_core.registry import (
    AsyncInvoker,
    Binder,
    FunctionHandle,
    FunctionRegistry,
    FunctionSlot,
    Invoker,
    make_invoker,
)
from kryon_core.shared import SharedData
from kryon_core.validation import ScriptSource
from kryon_core.values import Value

if TYPE_CHECKING:  # (watchfiles is imported when a watch starts)
    from kryon_core.watch import ReloadHandler, ScriptWatcher

__all__ = ["EngineInstance", "LoadedScript", "ScriptManager"]

log = logging.getLogger("kryon")


@dataclass
class EngineInstance:
    """One running engine (VM) and how to enter it."""

    language: str
    policy: SecurityPolicy
    engine: ScriptEngine
    dispatch: Dispatcher

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.dispatch(fn, *args)


@dataclass
class LoadedScript:
    """A script loaded into an engine (spec: ``LoadedScript``)."""

    name: str
    language: str
    policy: str
    script_id: ScriptId
    functions: Mapping[str, FunctionInfo]
    path: str | None = None
    source: str = field(default="", repr=False)
    compiled: CompiledScript | None = field(default=None, repr=False)
    loaded_at: float = field(default_factory=time.time)
    reloads: int = 0


@contextlib.contextmanager
def _named(script: str) -> Iterator[None]:
    """Errors of an engine's work on ``script`` name it: a ScriptError gets the
    name where its raiser did not know it, anything else (an engine bug) becomes
    a ScriptRuntimeError naming the script, the original as its cause."""
    try:
        yield
    except ScriptError as exc:
        raise exc.with_script(script) from None
    except Exception as exc:
        raise ScriptRuntimeError.from_foreign(exc, script) from exc


class ScriptManager:
    """Loads scripts, routes calls, and keeps every engine and script in order.

    Args:
        config: a :class:`KryonConfig` (or a path to ``kryon.toml``); defaults
            need no file.
        output: where script output goes (``print``); default: the host's
            logging (``kryon.script.<name>``).  ``kryon run`` passes stdout.
        load_entrypoints: discover installed plugins (entry-point group ``kryon``).
        plugins: extra plugin modules/objects to register (tests, embedding).
    """

    def __init__(
        self,
        config: KryonConfig | str | Path | None = None,
        *,
        output: OutputSink | None = None,
        load_entrypoints: bool = True,
        plugins: Iterable[ModuleType | object] = (),
    ) -> None:
        self.config = config if isinstance(config, KryonConfig) else load_config(config)
        self.plugins = PluginHost(
            load_entrypoints=load_entrypoints,
            plugins=plugins,
            disabled=self.config.kryon.disabled_plugins,
        )
        self.policies = self.config.policies(self.plugins.policies)
        self.cache = CompilationCache(self.config.cache)
        self.profiler = Profiler(self.config.kryon.profiling)
        self.shared = SharedData()
        self._output = output
        self._registry = FunctionRegistry()
        self._engines: dict[tuple[str, str], EngineInstance] = {}
        self._scripts: dict[str, LoadedScript] = {}
        self._loading: dict[str, tuple[str, str]] = {}
        """Scripts whose top-level code runs now: name -> (language, policy)."""
        self._globals: dict[str, Value] = {}
        self._host_functions: dict[str, HostFunction] = dict(core_host_functions(self))
        self._debug = False
        self._breakpoint_handler: BreakpointHandler | None = None
        self._lock = threading.RLock()
        self._closed = False
        self._watchers: list[ScriptWatcher] = []

    # -- context ----------------------------------------------------------------

    def __enter__(self) -> ScriptManager:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every engine (and its worker, if any).  Idempotent."""
        for watcher in self._watchers:
            watcher.stop()
        self._watchers.clear()
        with self._lock:
            engines, self._engines = list(self._engines.values()), {}
            self._scripts.clear()
            self._closed = True
        self._registry.clear()
        for instance in engines:
            try:
                instance.run(instance.engine.close)
            except Exception:  # closing must reach every engine
                log.exception("closing the %s engine failed", instance.language)
            if isinstance(instance.dispatch, OwnerThread):
                instance.dispatch.stop()

    # -- host functions -------------------------------------------------------

    def add_host_function(self, function: HostFunction) -> None:
        """Add a function to the ``kryon`` API of engines created from now on."""
        self._host_functions[function.name] = function

    # -- engines ------------------------------------------------------------------

    @property
    def engine_classes(self) -> Mapping[str, type[ScriptEngine]]:
        """Installed engines by name."""
        return self.plugins.engines

    def engine(self, language: str, policy: str | None = None) -> EngineInstance:
        """The engine instance for (language, policy), created on first use."""
        policy_name = policy or self.config.kryon.default_policy
        key = (language, policy_name)
        instance = self._engines.get(key)
        if instance is not None:
            return instance
        with self._lock:
            instance = self._engines.get(key)
            if instance is None:
                instance = self._engines[key] = self._create_engine(language, policy_name)
        return instance

    def _read_source(
        self, name: str, path: str | Path | None, language: str, policy: SecurityPolicy
    ) -> str:
        """A script file's text, decoded as its language defines source bytes.

        A file far past the policy's ``max_source_kb`` is refused before it is
        read whole, so a huge file (or one that never ends) costs no memory."""
        if path is None:
            raise ScriptError("load_script needs a source or a path", script=name)
        limit = policy.max_source_kb
        # A character is at most 4 bytes in any source encoding engines decode,
        # so more bytes than this is always over the limit validation applies.
        most = None if limit is None else limit * 1024 * _MAX_BYTES_PER_CHAR
        data = _read_file(name, path, most)
        if most is not None and len(data) > most:
            raise SecurityError(
                f"source is more than {most // 1024} KB, over policy {policy.name!r}'s "
                f"max_source_kb = {limit}",
                script=name,
            )
        return self.plugins.engine_class(language).decode_source(data, script=name)

    def _policy(self, name: str) -> SecurityPolicy:
        policy = self.policies.get(name)
        if policy is None:
            raise SecurityError(
                f"unknown security policy {name!r}; known: {', '.join(sorted(self.policies))}"
            )
        return policy

    def _create_engine(self, language: str, policy_name: str) -> EngineInstance:
        cls = self.plugins.engine_class(language)
        policy = self._policy(policy_name)
        config = self.config.engine_config(language, cls.Config)
        dispatch = make_dispatcher(cls.threading, f"{language}-{policy_name}")
        bridge = ScriptBridge(
            policy, self._host_functions, output=self._output, convert=self.plugins.converters
        )
        try:
            engine: ScriptEngine = dispatch(cls)
            engine._set_dispatcher(dispatch)
            dispatch(engine.initialize, config, policy)
            dispatch(engine.setup_bridge, bridge)
            for name, value in self._globals.items():
                dispatch(engine.set_global, name, value, None)
            if self._debug:
                dispatch(engine.set_debug_mode, True)
            if self._breakpoint_handler is not None and engine.capabilities().supports_debugging:
                dispatch(engine.set_breakpoint_handler, self._breakpoint_handler)
        except KryonError:
            if isinstance(dispatch, OwnerThread):
                dispatch.stop()
            raise
        except Exception as exc:
            if isinstance(dispatch, OwnerThread):
                dispatch.stop()
            raise ScriptError(
                f"the {language} engine failed to start: {type(exc).__name__}: {exc}"
            ) from exc
        instance = EngineInstance(language, policy, engine, dispatch)
        self.plugins.pm.hook.kryon_engine_created(engine=engine, policy=policy)
        return instance

    # -- loading --------------------------------------------------------------

    @property
    def scripts(self) -> Mapping[str, LoadedScript]:
        return dict(self._scripts)

    def load_script(
        self,
        name: str,
        source: str | None = None,
        *,
        path: str | Path | None = None,
        language: str | None = None,
        policy: str | None = None,
        entry_point: bool = False,
        arguments: Sequence[str] = (),
    ) -> LoadedScript:
        """Load a script from ``source`` or ``path`` under ``name``.

        The language is inferred from the path (or name) extension unless
        given; the policy defaults to ``[kryon] default_policy``.
        ``entry_point`` loads it as the program itself (``kryon run``: a Python
        script's ``__name__`` is ``"__main__"``), with ``arguments`` as its
        command-line arguments (``sys.argv[1:]``, Lua's ``arg``, ...).  Raises
        CompileError, SecurityError (validation), ScriptRuntimeError (top-level
        code failed) and leaves nothing behind on failure.
        """
        if arguments and not entry_point:
            raise ValueError("arguments are a program's: load it with entry_point=True")
        path_str = str(path) if path is not None else None
        lang = language or self.plugins.language_for_path(path_str or name)
        policy_name = policy or self.config.kryon.default_policy
        security = self._policy(policy_name)
        text = source if source is not None else self._read_source(name, path, lang, security)
        with self._lock:
            if name in self._scripts:
                raise ScriptError(
                    f"a script named {name!r} is already loaded (unload it or use hot_reload)",
                    script=name,
                )
            self._validate(ScriptSource(name, lang, text, path_str), security)
            instance = self.engine(lang, policy_name)
            # its top-level code already calls the kryon API, which asks whose call it is
            self._loading[name] = (lang, instance.policy.name)
            try:
                script_id, compiled, functions = self._load_into(
                    instance, name, text, path_str, entry_point=entry_point, arguments=arguments
                )
            finally:
                del self._loading[name]
            record = LoadedScript(
                name, lang, instance.policy.name, script_id, functions, path_str, text, compiled
            )
            self._scripts[name] = record
            self._register(instance, record)
        self.plugins.pm.hook.kryon_script_loaded(manager=self, script=record)
        return record

    def load_file(
        self,
        path: str | Path,
        *,
        name: str | None = None,
        language: str | None = None,
        policy: str | None = None,
    ) -> LoadedScript:
        """Load a script file; its name defaults to the file's stem."""
        return self.load_script(
            name or Path(path).stem, path=path, language=language, policy=policy
        )

    def load_configured(self) -> list[LoadedScript]:
        """Load every ``[scripts.<name>]`` of the configuration."""
        loaded = []
        for name, spec in self.config.scripts.items():
            path = Path(spec.path)
            if not path.is_absolute():
                path = self.config.base_dir / path
            loaded.append(
                self.load_script(name, path=path, language=spec.language, policy=spec.policy)
            )
        return loaded

    def _load_into(
        self,
        instance: EngineInstance,
        name: str,
        text: str,
        path: str | None,
        *,
        entry_point: bool = False,
        arguments: Sequence[str] = (),
    ) -> tuple[ScriptId, CompiledScript, Mapping[str, FunctionInfo]]:
        compiled = self._compile(instance, name, text, path)
        if entry_point:
            compiled = dataclasses.replace(compiled, entry_point=True, arguments=tuple(arguments))
        if path is not None and compiled.dependencies:
            self._load_dependencies(instance, compiled, Path(path))
        engine = instance.engine
        with _named(name):
            script_id: ScriptId = instance.run(engine.load_script, compiled)
            functions = instance.run(engine.script_functions, script_id)
        return script_id, compiled, functions

    def _load_dependencies(
        self, instance: EngineInstance, compiled: CompiledScript, path: Path
    ) -> None:
        """Load the files a script imports (``import ... from "./util.mjs"``) that
        are not loaded yet, from the script's folder, under the same policy."""
        extensions = type(instance.engine).extensions
        for dependency in compiled.dependencies:
            stem = Path(dependency).name
            for ext in ("", *extensions):
                candidate = path.parent / f"{stem}{ext}"
                name = Path(stem).stem if Path(stem).suffix in extensions else stem
                if name in self._scripts or candidate.resolve() == path.resolve():
                    break
                if candidate.is_file():
                    self.load_script(
                        name,
                        path=candidate,
                        language=instance.language,
                        policy=instance.policy.name,
                    )
                    break

    def _validate(self, source: ScriptSource, policy: SecurityPolicy) -> None:
        try:
            self.plugins.pm.hook.kryon_validate_script(source=source, policy=policy)
        except ScriptError as exc:
            raise exc.with_script(source.name) from None
        except Exception as exc:  # a broken validator refuses: fail closed
            raise SecurityError(
                f"script validation failed: {type(exc).__name__}: {exc}", script=source.name
            ) from exc

    def _compile(
        self, instance: EngineInstance, name: str, text: str, path: str | None
    ) -> CompiledScript:
        engine = instance.engine
        cacheable = engine.capabilities().supports_bytecode
        key = ""
        if cacheable:
            key = cache_key(instance.language, engine.version, engine.cache_key(), name, text)
            cached = self.cache.get(key)
            if cached is not None:
                return cached
        with _named(name):
            compiled: CompiledScript = instance.run(
                lambda: engine.compile(text, script=name, path=path)
            )
        if cacheable:
            self.cache.put(key, compiled)
        return compiled

    def _register(self, instance: EngineInstance, record: LoadedScript) -> None:
        self._registry.add_script(record.name, record.functions, self._binder(instance, record))

    def _binder(self, instance: EngineInstance, record: LoadedScript) -> Binder:
        """How the slots of one loaded script version get their invokers."""
        engine, dispatch, script_id = instance.engine, instance.dispatch, record.script_id
        profiler = self.profiler

        def bind(slot: FunctionSlot) -> tuple[Invoker, AsyncInvoker]:
            function = slot.function
            stats = profiler.stats_for(slot.name) if profiler.enabled else None
            bound = instance.run(engine.bind_function, script_id, function)
            invoke = make_invoker(bound, dispatch, stats, record.name)

            async def invoke_async(args: Sequence[Value]) -> Value:
                import asyncio  # deferred: most runs never call async (STYLE: heavy imports)

                def run_to_completion() -> Value:
                    return asyncio.run(engine.call_function_async(script_id, function, args))

                start = time.perf_counter_ns()
                try:
                    result = await asyncio.to_thread(dispatch, run_to_completion)
                except Exception as exc:
                    if stats is not None:
                        stats.record(time.perf_counter_ns() - start, False)
                    if isinstance(exc, ScriptError):
                        raise
                    raise ScriptRuntimeError(
                        f"{type(exc).__name__}: {exc}", script=record.name
                    ) from exc
                if stats is not None:
                    stats.record(time.perf_counter_ns() - start, True)
                return result

            return invoke, invoke_async

        return bind

    # -- unloading and reloading ----------------------------------------------

    def _record(self, name: str) -> LoadedScript:
        record = self._scripts.get(name)
        if record is None:
            raise ScriptNotFoundError(
                f"no script named {name!r} is loaded; loaded: "
                f"{', '.join(sorted(self._scripts)) or 'none'}"
            )
        return record

    def unload_script(self, name: str) -> None:
        """Unload a script; its functions stop resolving (old handles fail clearly)."""
        with self._lock:
            record = self._record(name)
            instance = self.engine(record.language, record.policy)
            self._registry.remove_script(name)
            del self._scripts[name]
            instance.run(instance.engine.unload_script, record.script_id)
        self.plugins.pm.hook.kryon_script_unloaded(manager=self, name=name)

    def end_program(self, name: str) -> None:
        """The program ``name`` (loaded with ``entry_point=True``) has ended:
        its engine runs what the language runs when a program ends, and a
        failure there raises as a call's would (``kryon run`` does this last)."""
        with self._lock:
            record = self._record(name)
            instance = self.engine(record.language, record.policy)
        with _named(name):
            instance.run(instance.engine.end_program, record.script_id)

    def hot_reload(self, name: str, source: str | None = None) -> LoadedScript:
        """Replace a script's code, keeping the old version if the new one fails.

        The new source (or the file, re-read, when ``source`` is None) is
        validated, compiled and loaded beside the old version first.  Any
        failure raises and leaves the old version running untouched.  On
        success every function slot is switched to the new code at once, so
        existing handles call the new code; functions that disappeared fail
        with FunctionNotFoundError.
        """
        with self._lock:
            old = self._record(name)
            if source is None and old.path is None:
                raise ScriptError(
                    "hot_reload needs a source for a script not loaded from a file", script=name
                )
            instance = self.engine(old.language, old.policy)
            if source is None:
                source = self._read_source(name, old.path, old.language, instance.policy)
            self._validate(ScriptSource(name, old.language, source, old.path), instance.policy)
            program = old.compiled  # (arguments are a program's: () for any other)
            script_id, compiled, functions = self._load_into(
                instance,
                name,
                source,
                old.path,
                entry_point=program is not None and program.entry_point,
                arguments=program.arguments if program is not None else (),
            )
            new = LoadedScript(
                name,
                old.language,
                old.policy,
                script_id,
                functions,
                old.path,
                source,
                compiled,
                reloads=old.reloads + 1,
            )
            self._registry.add_script(name, functions, self._binder(instance, new))
            self._scripts[name] = new
            instance.run(instance.engine.unload_script, old.script_id)
        self.plugins.pm.hook.kryon_script_loaded(manager=self, script=new)
        return new

    def watch(
        self, on_reload: ReloadHandler | None = None, *, debounce_ms: int = 50
    ) -> ScriptWatcher:
        """Hot-reload scripts loaded from files whenever their files change.

        Returns the running :class:`~kryon_core.watch.ScriptWatcher` (stop it,
        or let :meth:`close` do); ``on_reload`` hears of each reload, a failed
        one with its error while the old version keeps running.
        """
        from kryon_core.watch import ScriptWatcher

        watcher = ScriptWatcher(self, on_reload, debounce_ms=debounce_ms).start()
        self._watchers.append(watcher)
        return watcher

    # -- calls ----------------------------------------------------------------

    def function(self, name: str) -> FunctionHandle:
        """A handle to a function: resolved now, fast to call, follows hot reloads."""
        return FunctionHandle(self._registry.resolve(name))

    def functions(self) -> list[str]:
        """Every registered function's qualified name."""
        return self._registry.names()

    def call_function(self, name: str, *args: Value) -> Value:
        """Call a function by qualified (``script.fn``) or unambiguous short name."""
        return self._registry.resolve(name).invoke(args)

    async def call_function_async(self, name: str, *args: Value) -> Value:
        """Call and await a function (JS promises, Python coroutines, ...)."""
        return await self._registry.resolve(name).async_invoker(args)

    # -- globals --------------------------------------------------------------

    def set_global(self, name: str, value: Value, *, script: str | None = None) -> None:
        """Set a global for one script, or (``script=None``) for every script
        of every engine, including engines created later."""
        if script is not None:
            record = self._record(script)
            instance = self.engine(record.language, record.policy)
            instance.run(instance.engine.set_global, name, value, record.script_id)
            return
        with self._lock:
            self._globals[name] = value
            instances = list(self._engines.values())
        for instance in instances:
            instance.run(instance.engine.set_global, name, value, None)

    def get_global(self, name: str, *, script: str | None = None) -> Value:
        """Read a script's global (or a manager-wide one when ``script`` is None)."""
        if script is None:
            return self._globals.get(name)
        record = self._record(script)
        instance = self.engine(record.language, record.policy)
        return instance.run(instance.engine.get_global, name, record.script_id)

    # -- memory ---------------------------------------------------------------

    def memory_usage(self) -> dict[str, MemoryUsage]:
        """Memory of every running engine, keyed ``language/policy``."""
        return {
            f"{lang}/{pol}": inst.run(inst.engine.get_memory_usage)
            for (lang, pol), inst in list(self._engines.items())
        }

    def collect_garbage(self) -> dict[str, GCStats]:
        """Run every engine's collector."""
        return {
            f"{lang}/{pol}": inst.run(inst.engine.collect_garbage)
            for (lang, pol), inst in list(self._engines.items())
        }

    # -- debugging ------------------------------------------------------------

    def set_debug_mode(self, enabled: bool) -> None:
        """Debug mode for every engine that supports it (now and later)."""
        self._debug = enabled
        for inst in list(self._engines.values()):
            if inst.engine.capabilities().supports_debugging:
                inst.run(inst.engine.set_debug_mode, enabled)

    def on_breakpoint(self, handler: BreakpointHandler | None) -> None:
        """Set the function called with a BreakpointHit whenever a script stops."""
        self._breakpoint_handler = handler
        for inst in list(self._engines.values()):
            if inst.engine.capabilities().supports_debugging:
                inst.run(inst.engine.set_breakpoint_handler, handler)

    def set_breakpoint(self, script: str, line: int) -> BreakpointId:
        """Stop at ``line`` of a loaded script (turns debug mode on for its engine)."""
        record = self._record(script)
        instance = self.engine(record.language, record.policy)
        instance.run(instance.engine.set_debug_mode, True)
        bp: BreakpointId = instance.run(instance.engine.set_breakpoint, script, line)
        return bp

    def stack_trace(self, script: str) -> list[Any]:
        """The script stack of the engine running ``script`` (from a callback)."""
        record = self._record(script)
        instance = self.engine(record.language, record.policy)
        return list(instance.run(instance.engine.get_stack_trace))

    def language_of(self, script: str) -> str:
        """The language of a loaded script, or of one whose top-level code runs."""
        return self._whose(script)[0]

    def policy_of(self, script: str) -> SecurityPolicy:
        """The security policy of a loaded script, or of one whose top-level code runs."""
        return self._policy(self._whose(script)[1])

    def _whose(self, script: str) -> tuple[str, str]:
        loading = self._loading.get(script)
        if loading is not None:
            return loading
        record = self._record(script)
        return record.language, record.policy


_MAX_BYTES_PER_CHAR = 4


def _read_file(name: str, path: str | Path, most: int | None = None) -> bytes:
    """The file's bytes; with ``most``, no more than ``most + 1`` of them are
    read (enough to tell that the file is longer)."""
    try:
        with Path(path).open("rb") as file:
            return file.read() if most is None else file.read(most + 1)
    except OSError as exc:
        reason = exc.strerror or exc
        raise ScriptNotFoundError(f"cannot read {path}: {reason}", script=name) from None

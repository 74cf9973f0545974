"""Trusted mode: scripts run inside the host interpreter.

Each script is a fresh :class:`types.ModuleType` that is never put in
``sys.modules``; its ``__builtins__`` is a private copy whose ``__import__``
answers ``import kryon`` with that script's own bridge module and whose
``print`` writes through the bridge.  This keeps scripts apart from each
other; it does **not** keep them away from the host: trusted mode is not a
sandbox.  Wall time and recursion limits are enforced (watchdog, tracer);
memory cannot be limited inside a shared interpreter.
"""

from __future__ import annotations

import asyncio
import builtins
import gc
import inspect
import linecache
import marshal
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from types import CodeType, CoroutineType, ModuleType, SimpleNamespace
from typing import Any

from kryon_core import (
    INT_MAX,
    INT_MIN,
    AccessDeniedError,
    CompiledScript,
    ConversionError,
    FunctionInfo,
    FunctionNotFoundError,
    FunctionRef,
    GCStats,
    HostFunction,
    MemoryUsage,
    ScriptBridge,
    ScriptError,
    ScriptExit,
    ScriptId,
    ScriptNotFoundError,
    ScriptRuntimeError,
    SecurityPolicy,
    StackFrame,
    TimeLimitError,
    UnsupportedOperationError,
    Value,
    api_name,
    check_value,
)
from kryon_python.compiler import load_code
from kryon_python.convert import ScriptConverter
from kryon_python.errors import HostError, HostExit, error_from_exception
from kryon_python.functions import exported_functions
from kryon_python.memory import rss_bytes
from kryon_python.pytraceback import script_stack_functions
from kryon_python.toplevel import exit_, make_print, run_module, script_module
from kryon_python.tracer import ScriptTracer, script_stack
from kryon_python.watchdog import TimeLimitExceeded, Watchdog

__all__ = ["TrustedRuntime"]

Dispatch = Callable[..., Any]


class _Script:
    __slots__ = ("builtins", "functions", "name", "namespace")

    def __init__(self, name: str, namespace: dict[str, Any], bdict: dict[str, Any]) -> None:
        self.name = name
        self.namespace = namespace
        self.builtins = bdict
        self.functions: dict[str, FunctionInfo] = {}


class TrustedRuntime:
    """The in-process backend of :class:`~kryon_python.engine.PythonEngine`."""

    def __init__(
        self, language: str, policy: SecurityPolicy, bridge: ScriptBridge, dispatch: Dispatch
    ) -> None:
        self._language = language
        self._bridge = bridge
        self._dispatch = dispatch
        self._scripts: dict[ScriptId, _Script] = {}
        self._names: dict[str, ScriptId] = {}
        self._shared: dict[str, Any] = {}
        self._time_s = policy.time_limit_ms / 1000 if policy.time_limit_ms else None
        self._watchdog = Watchdog(self._stuck) if self._time_s else None
        self.tracer = ScriptTracer(self._names)
        self.tracer.stoppable = self._watchdog is not None
        self.tracer.recursion_limit = policy.recursion_limit  # also refreshes ``needed``
        self._depth = 0
        self._host_streams: tuple[Any, Any] = (sys.stdout, sys.stderr)
        """``sys.stdout``/``stderr`` on entering script code: print sends them to the bridge."""
        self._converter = ScriptConverter(self._make_ref, bridge.convert)
        self._base_builtins = dict(vars(builtins))
        self._traceback: ModuleType | None = None

    # -- scripts ------------------------------------------------------------------

    def load(self, sid: ScriptId, compiled: CompiledScript) -> None:
        name = compiled.script
        code = load_code(compiled)
        bdict = dict(self._base_builtins)
        bdict.update(self._shared)
        kryon = self._kryon_module(name)
        real_import = builtins.__import__

        def import_(
            mod: str,
            globals_: Any = None,
            locals_: Any = None,
            fromlist: Sequence[str] = (),
            level: int = 0,
        ) -> Any:
            if mod == "kryon" and level == 0:
                return kryon
            if mod == "traceback" and level == 0:
                return self._traceback_module()
            return real_import(mod, globals_, locals_, fromlist, level)

        bdict["__import__"] = import_
        bdict["print"] = self._printer(name)
        bdict["exit"] = bdict["quit"] = exit_
        namespace = script_module(name, bdict, entry_point=compiled.entry_point).__dict__
        if compiled.entry_point:  # the program: trusted scripts share the host's sys
            sys.argv = [name, *compiled.arguments]
        script = _Script(name, namespace, bdict)
        source = compiled.metadata.get("source")
        if isinstance(source, str):
            # tracebacks show the script's lines whatever its name (one that
            # is not a file's path, a file run from another directory)
            linecache.cache[name] = (len(source), None, source.splitlines(True), name)
        self._names[name] = sid
        try:
            self._guarded(name, run_module, code, namespace)
        except BaseException:
            del self._names[name]
            raise
        script.functions = exported_functions(namespace, name)
        self._scripts[sid] = script

    def _traceback_module(self) -> ModuleType:
        """``traceback`` as scripts see it: the stacks it extracts start at
        the script's outermost frame, as under ``python`` (the host's frames
        that ran the script are left out)."""
        if self._traceback is None:
            import traceback

            view = ModuleType("traceback", traceback.__doc__)
            view.__dict__.update(vars(traceback))
            view.__dict__.update(script_stack_functions(self._names.__contains__))
            self._traceback = view
        return self._traceback

    def unload(self, sid: ScriptId) -> None:
        script = self._scripts.pop(sid, None)
        if script is not None and self._names.get(script.name) == sid:
            del self._names[script.name]

    def functions(self, sid: ScriptId) -> Mapping[str, FunctionInfo]:
        return self._script(sid).functions

    # -- calls ----------------------------------------------------------------------

    def call(self, sid: ScriptId, name: str, args: Sequence[Value]) -> Value:
        script = self._script(sid)
        fn = self._function(script, name)
        result = self._guarded(script.name, _call_sync, fn, self._converter.args_to_script(args))
        return self._converter.to_host(result)

    def bind(self, sid: ScriptId, name: str) -> Callable[[Sequence[Value]], Value]:
        script = self._script(sid)
        fn = self._function(script, name)
        scripts = self._scripts
        converter = self._converter
        guarded = self._guarded
        script_name = script.name
        names = self._names
        tracer = self.tracer
        unlimited = self._watchdog is None

        def call(args: Sequence[Value]) -> Value:
            if sid not in scripts:
                raise ScriptNotFoundError("the script was unloaded", script=script_name)
            if not unlimited or tracer.needed:
                result = guarded(script_name, _call_sync, fn, converter.args_to_script(args))
                return converter.to_host(result)
            # the hot path: nothing to arm, scalars pass as they are
            for arg in args:
                kind = type(arg)
                if (
                    kind in _PLAIN
                    or (kind is int and INT_MIN <= arg <= INT_MAX)
                    or (kind is str and arg.isascii())
                ):
                    continue
                args = converter.args_to_script(args)
                break
            try:
                result = fn(*args)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
                raise error_from_exception(exc, names, script_name) from None
            kind = type(result)
            if (
                kind in _PLAIN
                or (kind is int and INT_MIN <= result <= INT_MAX)
                or (kind is str and result.isascii())
            ):
                return result
            if kind is CoroutineType:
                result = guarded(script_name, _finish_coroutine, result)
            return converter.to_host(result)

        return call

    async def call_async(self, sid: ScriptId, name: str, args: Sequence[Value]) -> Value:
        script = self._script(sid)
        fn = self._function(script, name)
        result = self._guarded(script.name, _call_plain, fn, self._converter.args_to_script(args))
        if inspect.isawaitable(result):
            try:
                if self._time_s is not None:
                    result = await asyncio.wait_for(result, self._time_s)
                else:
                    result = await result
            except asyncio.TimeoutError:
                raise TimeLimitError(
                    "the call ran past the policy's time limit", script=script.name
                ) from None
            except (asyncio.CancelledError, KeyboardInterrupt):
                raise
            except BaseException as exc:
                raise error_from_exception(exc, self._names, script.name) from None
        return self._converter.to_host(result)

    def script_name(self, sid: ScriptId) -> str:
        return self._script(sid).name

    def evaluate(self, sid: ScriptId, statements: bytes, expression: bytes | None) -> Value:
        script = self._script(sid)
        namespace = script.namespace

        def run() -> Any:
            exec(marshal.loads(statements), namespace)
            return eval(marshal.loads(expression), namespace) if expression else None

        result = self._guarded(script.name, run)
        script.functions = exported_functions(namespace, script.name)
        try:
            return self._converter.to_host(result)
        except ConversionError:
            return repr(result)

    def _guarded(self, script: str, fn: Callable[..., Any], *args: Any) -> Any:
        """Run script code with the policy's limits armed (outermost call only)."""
        outer = self._depth == 0
        token = 0
        previous: Any = None
        tracing = outer and self.tracer.needed
        self._depth += 1
        if outer:
            self._host_streams = (sys.stdout, sys.stderr)
        try:
            try:
                if outer and self._watchdog is not None and self._time_s is not None:
                    token = self._watchdog.arm(self._time_s)
                if tracing:
                    previous = self.tracer.install()
                return fn(*args)
            finally:
                if token:
                    self._disarm(token)
                self._depth -= 1
                if tracing:
                    self.tracer.restore(previous)
                    self.tracer.reset()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            if token:
                self._disarm(token)
            raise error_from_exception(exc, self._names, script) from None

    def _stuck(self, thread_id: int) -> None:
        """Watchdog thread: the script keeps swallowing the time limit."""
        self.tracer.stop(sys._current_frames().get(thread_id))

    def _disarm(self, token: int) -> None:
        assert self._watchdog is not None
        while True:
            try:
                self._watchdog.disarm(token)
                return
            except TimeLimitExceeded:
                continue

    def _make_ref(self, fn: Callable[..., Any]) -> FunctionRef:
        code = getattr(fn, "__code__", None)
        script = code.co_filename if isinstance(code, CodeType) else self._language
        converter = self._converter

        def run(args: Sequence[Value]) -> Value:
            result = self._guarded(script, _call_sync, fn, converter.args_to_script(args))
            return converter.to_host(result)

        def invoke(args: Sequence[Value]) -> Value:
            result: Value = self._dispatch(run, args)
            return result

        return FunctionRef(self._language, getattr(fn, "__qualname__", "function"), invoke)

    # -- globals --------------------------------------------------------------------

    def set_global(self, name: str, value: Value, sid: ScriptId | None) -> None:
        native = self._converter.to_script(check_value(value, convert=self._bridge.convert))
        if sid is not None:
            self._script(sid).namespace[name] = native
            return
        self._shared[name] = native
        for script in self._scripts.values():
            script.builtins[name] = native

    def get_global(self, name: str, sid: ScriptId | None) -> Value:
        if sid is not None:
            namespace = self._script(sid).namespace
            value = namespace[name] if name in namespace else self._shared.get(name)
        else:
            value = self._shared.get(name)
        return self._converter.to_host(value)

    # -- memory ----------------------------------------------------------------------

    def collect_garbage(self) -> GCStats:
        before = rss_bytes()
        start = time.perf_counter()
        gc.collect()
        return GCStats(before, rss_bytes(), (time.perf_counter() - start) * 1000)

    def memory_usage(self) -> MemoryUsage:
        """The host process's memory: a shared interpreter has no per-script figure."""
        return MemoryUsage(used_bytes=rss_bytes())

    # -- debugging ------------------------------------------------------------------

    def stack(self) -> list[StackFrame]:
        return script_stack(sys._getframe(1), self._names, with_locals=self.tracer.debug)

    def end_program(self) -> None:
        """Nothing runs here: trusted scripts share the host's interpreter,
        whose ``atexit`` callbacks run when the host ends."""

    def close(self) -> None:
        if self._watchdog is not None:
            self._watchdog.close()
        self._scripts.clear()
        self._names.clear()

    # -- helpers --------------------------------------------------------------------

    def _script(self, sid: ScriptId) -> _Script:
        try:
            return self._scripts[sid]
        except KeyError:
            raise ScriptNotFoundError(f"no script with id {sid} is loaded") from None

    @staticmethod
    def _function(script: _Script, name: str) -> Callable[..., Any]:
        fn: Any = script.namespace.get(name)
        if not callable(fn):
            raise FunctionNotFoundError(
                f"script {script.name!r} has no function {name!r}", script=script.name
            )
        function: Callable[..., Any] = fn
        return function

    def _printer(self, script: str) -> Callable[..., None]:
        write = self._bridge.write

        def out(text: str) -> None:
            write(text, stream="stdout", script=script)

        def err(text: str) -> None:
            write(text, stream="stderr", script=script)

        script_out = SimpleNamespace(write=out, flush=lambda: None)

        def current_stdout() -> Any:
            # sys.stdout as Python's print; while it is still the host's own
            # (even None, in a host without a console) it stands for the
            # script's output (a script may replace it, or use redirect_stdout)
            stream = sys.stdout
            return script_out if stream is self._host_streams[0] else stream

        def direct(file: Any) -> Callable[[str], None] | None:
            if file is script_out or file is self._host_streams[0]:
                return out
            if file is self._host_streams[1]:
                return err
            return None

        return make_print(current_stdout, direct)

    def _kryon_module(self, script: str) -> ModuleType:
        module = ModuleType("kryon", f"The Kryon API of script {script!r}.")
        namespace = module.__dict__
        for function in self._bridge.host_functions.values():
            namespace[api_name(function, "snake")] = self._host_function(function, script)
        bridge = self._bridge
        namespace["HostError"] = HostError
        if "log" not in namespace:

            def log(message: object = "", level: object = "info") -> None:
                """Write to the host's log (the same signature as the core API's ``log``)."""
                try:
                    bridge.log(str(level), str(message), script=script)
                except ScriptError as exc:
                    raise HostError(exc) from None

            namespace["log"] = log

        def missing(name: str) -> Any:
            denied = bridge.denied(name)
            if denied is None:
                raise AttributeError(f"module 'kryon' has no attribute {name!r}")
            return self._host_function(denied, script)

        namespace["__getattr__"] = missing
        return module

    def _host_function(self, function: HostFunction, script: str) -> Callable[..., Any]:
        fn = function.fn
        converter = self._converter
        bridge = self._bridge

        def call(*args: Any) -> Any:
            try:
                if bridge.denied(function.name) is function:
                    raise AccessDeniedError(bridge.refusal_message(function), script=script)
                result = fn(script, *[converter.to_host(a) for a in args])
            except ScriptExit as exc:  # a script it called ended the program
                raise HostExit(exc) from None
            except ScriptError as exc:
                raise HostError(exc) from None
            except Exception as exc:  # a bug in the host function: the script
                # sees it as a HostError, as in isolated mode
                error = ScriptRuntimeError(
                    f"host function failed: {type(exc).__name__}: {exc}", script=script
                )
                error.__cause__ = exc
                raise HostError(error) from exc
            return converter.to_script(result)

        call.__name__ = api_name(function, "snake")
        call.__doc__ = function.doc or None
        return call


_PLAIN = frozenset({type(None), bool, float})  # int and str need a check


def _finish_coroutine(coroutine: Any) -> Any:
    return _call_sync(lambda: coroutine, [])


def _call_plain(fn: Callable[..., Any], args: list[Any]) -> Any:
    return fn(*args)


def _call_sync(fn: Callable[..., Any], args: list[Any]) -> Any:
    result = fn(*args)
    if inspect.iscoroutine(result):
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(result)
        result.close()
        raise UnsupportedOperationError(
            "an async function called synchronously from inside an event loop; "
            "use call_function_async"
        )
    return result

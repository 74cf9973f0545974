"""``LispEngine``: Kryon Lisp behind the ScriptEngine contract.

The compiler and runtime are imported lazily (in :meth:`LispEngine.initialize`)
so that discovering engines stays cheap.
"""

from __future__ import annotations

import gc
import itertools
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field

from kryon_core import (
    PYTHON_FRAMES_CEILING,
    BreakpointHit,
    BreakpointId,
    CompiledScript,
    CompileError,
    EngineCapabilities,
    EngineConfig,
    FunctionInfo,
    FunctionNotFoundError,
    FunctionRef,
    GCStats,
    MemoryUsage,
    ScriptEngine,
    ScriptError,
    ScriptId,
    SecurityPolicy,
    StackFrame,
    ThreadingModel,
    api_name,
)
from kryon_core.values import Value

if TYPE_CHECKING:
    from kryon_core import ScriptBridge
    from kryon_lisp.compile_budget import CompileBudget
    from kryon_lisp.convert import Converter
    from kryon_lisp.namespace import Namespace
    from kryon_lisp.runtime import Runtime

SEED_NAMES = ("get_element_by_id", "set_property", "set_variable", "get_variable")
"""Host functions the spec lets scripts call without the ``kryon/`` prefix."""

RECURSION_HEADROOM = 4000
"""Python frames made available to a call on top of the host's stack."""


class LispConfig(EngineConfig):
    """``[engines.lisp]``."""

    frames_per_call: int = Field(default=8, ge=2, le=64)
    """Python frames allowed per Lisp call level when sizing the interpreter's
    recursion limit (core functions that call back into Lisp add frames)."""


class LispEngine(ScriptEngine):
    """Kryon Lisp, compiled to Python code objects in this process."""

    name: ClassVar[str] = "lisp"
    display_name: ClassVar[str] = "Kryon Lisp"
    extensions: ClassVar[tuple[str, ...]] = (".klisp",)
    threading: ClassVar[ThreadingModel] = ThreadingModel.SERIALIZED
    Config: ClassVar[type[EngineConfig]] = LispConfig
    CAPABILITIES: ClassVar[EngineCapabilities] = EngineCapabilities(
        supports_generators=True,
        supports_modules=True,
        supports_debugging=True,
        supports_instruction_limit=True,
        supports_memory_limit=True,
        is_sandbox=True,
    )
    notes: ClassVar[str] = "Clojure-flavoured Lisp compiled to Python bytecode"

    def __init__(self) -> None:
        super().__init__()
        self._ids = itertools.count(1)
        self._bp_ids = itertools.count(1)
        self._scripts: dict[ScriptId, Namespace] = {}
        self._breakpoints: dict[BreakpointId, tuple[str, int]] = {}
        self._bp_handler: Callable[[BreakpointHit], None] | None = None
        self._debug = False
        self._last_hit: dict[int, int] = {}
        self._active: list[str] = []
        self._policy = SecurityPolicy(
            name="trusted",
            time_limit_ms=None,
            instruction_limit=None,
            memory_limit_mb=None,
            recursion_limit=None,
        )
        self._config = LispConfig()
        self._runtime: Runtime | None = None
        self._converter: Converter | None = None
        self._bridge: ScriptBridge | None = None

    @classmethod
    def runtime_version(cls) -> str:
        from kryon_lisp import __version__

        return f"{__version__} (Python {sys.version_info.major}.{sys.version_info.minor})"

    def cache_key(self) -> str:
        return "limited" if self._limited() else "unlimited"

    # -- lifecycle ------------------------------------------------------------------

    def _limited(self) -> bool:
        p = self._policy
        return any(
            x is not None
            for x in (p.time_limit_ms, p.instruction_limit, p.memory_limit_mb, p.recursion_limit)
        )

    def initialize(self, config: EngineConfig, policy: SecurityPolicy) -> None:
        from kryon_lisp import limits
        from kryon_lisp.convert import Converter
        from kryon_lisp.errors import to_script_error
        from kryon_lisp.namespace import ensure_recursion_headroom
        from kryon_lisp.runtime import Runtime

        self._config = config if isinstance(config, LispConfig) else LispConfig()
        self._policy = policy
        self._current = limits.current
        self._to_script_error = to_script_error
        self._ensure_headroom = ensure_recursion_headroom
        depth = policy.recursion_limit or RECURSION_HEADROOM // self._config.frames_per_call
        # the host's own stack plus the frames this policy's depth may need, as far
        # as core's ceiling allows (beyond it Python's RecursionError is the limit;
        # capped, the per-call check below stays false once the frames are reserved)
        frames = 1000 + depth * self._config.frames_per_call + 200
        self._frames_needed = min(frames, PYTHON_FRAMES_CEILING)
        self._runtime = Runtime(
            limited=self._limited(),
            budget=limits.Budget(
                time_limit_ms=policy.time_limit_ms,
                step_limit=policy.instruction_limit,
                max_depth=policy.recursion_limit,
                memory_limit_mb=policy.memory_limit_mb,
            ),
        )
        self._converter = Converter(self._wrap_function, self._call_ref)

    _current: Any
    _to_script_error: Callable[..., ScriptError]
    _ensure_headroom: Callable[[int], None]
    _frames_needed: int

    @property
    def runtime(self) -> Runtime:
        if self._runtime is None:
            self.initialize(LispConfig(), self._policy)
        assert self._runtime is not None
        return self._runtime

    @property
    def converter(self) -> Converter:
        if self._converter is None:
            self.initialize(LispConfig(), self._policy)
        assert self._converter is not None
        return self._converter

    def setup_bridge(self, bridge: ScriptBridge) -> None:
        from kryon_lisp import limits
        from kryon_lisp.convert import Converter

        self._bridge = bridge
        runtime = self.runtime

        def write(text: str, stream: str, script: str) -> None:
            bridge.write(text, stream="stderr" if stream == "stderr" else "stdout", script=script)
            if len(text) > limits.CHUNK:
                # writing a long text is work no step counts: a loop of a thousand
                # megabyte prints is a thousand steps and wrote a gigabyte
                budget = limits.current.budget
                if budget is not None:
                    budget.realise(len(text) // limits.CHUNK)

        runtime.write = write
        runtime.log = lambda level, text, script: bridge.log(level, text, script=script)
        self._converter = Converter(self._wrap_function, self._call_ref, bridge.convert)
        kryon: dict[str, Any] = {}
        seeds: dict[str, Any] = {}
        for function in bridge.nameable_functions.values():
            kebab = api_name(function, "kebab")
            wrapped = self._host_function(function.fn, kebab)
            kryon[kebab] = wrapped
            kryon[kebab.rstrip("!")] = wrapped
            kryon[function.name] = wrapped
            if function.name in SEED_NAMES:
                seeds[kebab] = wrapped
                seeds[kebab.rstrip("!")] = wrapped
        runtime.install_host(kryon, seeds)

    def _host_function(self, fn: Callable[..., Value], lisp_name: str) -> Callable[..., Any]:
        from kryon_lisp.printer import str_of

        converter = self.converter
        active = self._active
        shows_text = lisp_name == "log"

        def host(*args: Any) -> Any:
            caller = active[-1] if active else "<host>"
            if shows_text and args and type(args[0]) is not str:
                # the log's message reads as Lisp prints it, not as the host's repr
                args = (str_of(args[0]), *args[1:])
            result = fn(caller, *[converter.to_host(a) for a in args])
            return converter.to_lisp(result)

        host.__name__ = f"kryon/{lisp_name}"
        return host

    def close(self) -> None:
        for ns in list(self._scripts.values()):
            self.runtime.drop_namespace(ns)
        self._scripts.clear()

    # -- compile and load ---------------------------------------------------------------

    def compile(self, source: str, *, script: str, path: str | None = None) -> CompiledScript:
        from kryon_lisp.check import check_source

        # macros run while checking: under the policy's limits, as any call
        budget = self._compile_budget(script)
        checked = self._guarded(script, lambda: check_source(self.runtime, source, script, budget))
        functions = {
            name: _function_info(name, info) for name, info in checked.public_functions().items()
        }
        return CompiledScript(
            script=script,
            language=self.name,
            engine_version=self.version,
            bytecode=source.encode("utf-8"),
            path=path,
            functions=functions,
            globals=sorted(n for n, i in checked.defs.items() if i.get("kind") != "fn"),
            metadata={"namespace": checked.name},
        )

    def _compile_budget(self, script: str) -> CompileBudget | None:
        """The bounds of reading and compiling ``script`` under this policy."""
        from kryon_lisp.compile_budget import CompileBudget

        policy = self._policy
        if not self._limited():
            return None
        memory = policy.memory_limit_mb << 20 if policy.memory_limit_mb is not None else None
        return CompileBudget(script, policy.time_limit_ms, memory)

    def load_script(self, compiled: CompiledScript) -> ScriptId:
        from kryon_lisp.reader import Reader
        from kryon_lisp.types import plist

        runtime = self.runtime
        script = compiled.script
        source = compiled.bytecode.decode("utf-8")
        ns = runtime.new_namespace(script)
        if compiled.arguments:  # kryon run FILE ARG...: as `clojure FILE ARG...` gives them
            ns.globals["*command-line-args*"] = plist(compiled.arguments)
        outer = runtime.compile_budget
        runtime.compile_budget = self._compile_budget(script)
        try:
            forms = Reader(source, script, ns.name, runtime.compile_budget).read_all()
            self._guarded(script, lambda: [runtime.run_form(ns, f) for f in forms])
        except BaseException:
            runtime.drop_namespace(ns)
            raise
        finally:
            runtime.compile_budget = outer
        script_id = ScriptId(next(self._ids))
        self._scripts[script_id] = ns
        return script_id

    def unload_script(self, script_id: ScriptId) -> None:
        ns = self._scripts.pop(script_id, None)
        if ns is not None:
            self.runtime.drop_namespace(ns)
            ns.globals.clear()

    def _ns(self, script_id: ScriptId) -> Namespace:
        try:
            return self._scripts[script_id]
        except KeyError:
            raise ScriptError(f"no loaded Lisp script with id {script_id}") from None

    def script_functions(self, script_id: ScriptId) -> Mapping[str, FunctionInfo]:
        ns = self._ns(script_id)
        return {name: _function_info(name, info) for name, info in ns.public_functions().items()}

    def evaluate(self, script_id: ScriptId, source: str) -> Value:
        """Run a snippet in a loaded script's namespace (the value of its last form)."""
        from kryon_core import ConversionError
        from kryon_lisp.printer import pr_str

        def to_host(value: Any) -> Value:
            try:
                return self.converter.to_host(value)
            except ConversionError:
                return pr_str(value)

        result: Value = self._evaluate_forms(script_id, source, to_host)
        return result

    def evaluate_display(self, script_id: ScriptId, source: str) -> str | None:
        """``kryon repl lisp``: the last form's value as Clojure's REPL prints it."""
        from kryon_lisp.printer import pr_str

        shown: str = self._evaluate_forms(script_id, source, pr_str)
        return shown

    def _evaluate_forms(
        self, script_id: ScriptId, source: str, finish: Callable[[Any], Any]
    ) -> Any:
        """Run every form of ``source``; ``finish`` (conversion, printing) runs on
        the last value under the same limits, so an endless result is stopped."""
        from kryon_lisp.reader import Reader

        ns = self._ns(script_id)
        runtime = self.runtime
        forms = Reader(source, ns.script, ns.name).read_all()

        def run() -> Any:
            value = None
            for form in forms:
                value = runtime.run_form(ns, form)
            return finish(value)

        return self._guarded(ns.script, run)

    # -- calls ------------------------------------------------------------------------------

    def _lookup(self, ns: Namespace, name: str) -> Any:
        fn = ns.globals.get(name)
        if fn is None or not callable(fn):
            raise FunctionNotFoundError(f"{ns.script} has no function {name!r}", script=ns.script)
        return fn

    def call_function(self, script_id: ScriptId, name: str, args: Sequence[Value]) -> Value:
        ns = self._ns(script_id)
        fn = self._lookup(ns, name)
        return self._invoke(ns.script, fn, args)

    def bind_function(self, script_id: ScriptId, name: str) -> Callable[[Sequence[Value]], Value]:
        ns = self._ns(script_id)
        self._lookup(ns, name)
        globals_ = ns.globals

        def call(args: Sequence[Value]) -> Value:
            fn = globals_.get(name)
            if fn is None:
                raise FunctionNotFoundError(
                    f"{ns.script} has no function {name!r}", script=ns.script
                )
            return self._invoke(ns.script, fn, args)

        return call

    def _invoke(self, script: str, fn: Any, args: Sequence[Value]) -> Value:
        converter = self.converter

        def run() -> Value:
            return converter.to_host(fn(*[converter.to_lisp(a) for a in args]))

        return self._guarded(script, run)

    def _guarded(self, script: str, thunk: Callable[[], Any]) -> Any:
        """Run Lisp code for the host: budget, recursion room, tracing, errors."""
        runtime = self.runtime
        current = self._current
        outer = current.budget
        budget = runtime.budget
        fresh = outer is not budget
        if fresh and runtime.limited:
            budget.reset()
            current.budget = budget
        self._active.append(script)
        tracing = bool(self._breakpoints) and self._bp_handler is not None
        previous_trace = sys.gettrace() if tracing else None
        try:
            if fresh and sys.getrecursionlimit() < self._frames_needed:
                self._ensure_headroom(self._frames_needed)
            if tracing:
                sys.settrace(self._tracer)
            return thunk()
        except CompileError as exc:
            raise exc.with_script(script) from None
        except ScriptError as exc:
            raise self._to_script_error(exc, runtime.files, script) from None
        except (Exception, RecursionError, MemoryError) as exc:
            raise self._to_script_error(exc, runtime.files, script) from None
        finally:
            if tracing:
                sys.settrace(previous_trace)
            self._active.pop()
            current.budget = outer

    def _wrap_function(self, fn: Any) -> FunctionRef:
        script = self._active[-1] if self._active else "<lisp>"
        name = getattr(fn, "__name__", "fn").split(" ")[0]

        def invoke(args: Sequence[Value]) -> Value:
            return self.dispatch(self._invoke, script, fn, args)

        return FunctionRef(self.name, name, invoke)

    def _call_ref(self, ref: FunctionRef) -> Callable[..., Any]:
        converter = self.converter

        def call_host(*args: Any) -> Any:
            return converter.to_lisp(ref.call([converter.to_host(a) for a in args]))

        call_host.__name__ = ref.name
        return call_host

    # -- globals -------------------------------------------------------------------------------

    def set_global(self, name: str, value: Value, script_id: ScriptId | None = None) -> None:
        converted = self.converter.to_lisp(value)
        if script_id is None:
            self.runtime.core[name] = converted
        else:
            self._ns(script_id).globals[name] = converted

    def get_global(self, name: str, script_id: ScriptId | None = None) -> Value:
        if script_id is not None:
            globals_ = self._ns(script_id).globals
            if name in globals_:
                return self.converter.to_host(globals_[name])
        return self.converter.to_host(self.runtime.core.get(name))

    # -- memory ------------------------------------------------------------------------------

    def _used_bytes(self) -> int:
        total = 4096
        for ns in self._scripts.values():
            total += sys.getsizeof(ns.globals)
            total += sum(sys.getsizeof(v) for v in ns.globals.values())
        return total

    def collect_garbage(self) -> GCStats:
        before = self._used_bytes()
        start = time.perf_counter()
        gc.collect()
        return GCStats(before, self._used_bytes(), (time.perf_counter() - start) * 1000.0)

    def get_memory_usage(self) -> MemoryUsage:
        limit = self._policy.memory_limit_mb
        return MemoryUsage(self._used_bytes(), limit * 1024 * 1024 if limit else None)

    # -- debugging ------------------------------------------------------------------------------

    def set_debug_mode(self, enabled: bool) -> None:
        self._debug = enabled

    def set_breakpoint(self, script: str, line: int) -> BreakpointId:
        bp = BreakpointId(next(self._bp_ids))
        self._breakpoints[bp] = (script, line)
        return bp

    def remove_breakpoint(self, breakpoint_id: BreakpointId) -> None:
        self._breakpoints.pop(breakpoint_id, None)

    def set_breakpoint_handler(self, handler: Callable[[BreakpointHit], None] | None) -> None:
        self._bp_handler = handler

    def _tracer(self, frame: Any, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename in self.runtime.files:
            return self._line_tracer
        return None

    def _line_tracer(self, frame: Any, event: str, arg: Any) -> Any:
        if event != "line":
            return self._line_tracer
        script = self.runtime.files.get(frame.f_code.co_filename)
        line = frame.f_lineno
        if script is None or self._last_hit.get(id(frame)) == line:
            return self._line_tracer
        self._last_hit[id(frame)] = line
        for bp, (bp_script, bp_line) in list(self._breakpoints.items()):
            handler = self._bp_handler
            if bp_line == line and bp_script == script and handler is not None:
                handler(BreakpointHit(bp, script, line, tuple(self._frames(frame, True))))
        return self._line_tracer

    def _frames(self, frame: Any, with_locals: bool) -> list[StackFrame]:
        from kryon_lisp.debug import lisp_stack

        return lisp_stack(frame, self.runtime.files, self.converter, with_locals)

    def get_stack_trace(self) -> list[StackFrame]:
        return self._frames(sys._getframe(), self._debug)


def _function_info(name: str, info: dict[str, Any]) -> FunctionInfo:
    params = tuple(info.get("params", ()))
    return FunctionInfo(
        name=name,
        parameter_count=int(info.get("parameter_count", len(params))),
        parameter_names=params,
        is_variadic=bool(info.get("variadic")),
        line=info.get("line"),
        doc=info.get("doc"),
    )

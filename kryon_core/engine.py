"""The engine interface every language implements (spec: ``ScriptEngine``).

An engine instance is one VM running under one :class:`SecurityPolicy`.  The
:class:`~kryon_core.manager.ScriptManager` creates it lazily, calls
:meth:`ScriptEngine.initialize` and :meth:`ScriptEngine.setup_bridge`, then
compiles, loads and calls scripts through the methods below.  Each loaded
script lives in its own namespace inside the VM and is named by a
:data:`ScriptId` the engine hands out.

Engines declare how they may be called from threads (:class:`ThreadingModel`);
the manager serialises or pins calls accordingly, so engine code never needs
its own lock for the manager's calls.  An engine that hands out
:class:`~kryon_core.values.FunctionRef` objects routes their calls through
:meth:`ScriptEngine.dispatch`, which the manager sets up from the same model.

Every method raises :class:`~kryon_core.errors.ScriptError` subclasses only;
nothing a script does may raise anything else into the host.
"""

from __future__ import annotations

import enum
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, NewType, NoReturn, TypeVar

from pydantic import BaseModel, ConfigDict

from kryon_core.errors import CompileError, StackFrame, UnsupportedOperationError
from kryon_core.values import Value

if TYPE_CHECKING:
    from kryon_core.bridge import ScriptBridge
    from kryon_core.policy import SecurityPolicy

__all__ = [
    "BreakpointHandler",
    "BreakpointHit",
    "BreakpointId",
    "CompiledScript",
    "EngineCapabilities",
    "EngineConfig",
    "FunctionInfo",
    "GCStats",
    "MemoryUsage",
    "ScriptEngine",
    "ScriptId",
    "ThreadingModel",
    "decode_source_text",
]

ScriptId = NewType("ScriptId", int)
"""Identifies one loaded script inside one engine instance."""

BreakpointId = NewType("BreakpointId", int)

T = TypeVar("T")


class ThreadingModel(enum.Enum):
    """How an engine instance may be entered from host threads (as in JSR-223).

    * ``FREE``: any thread, concurrently.
    * ``SERIALIZED``: any thread, one caller at a time (re-entrant on the
      calling thread, so script -> host -> same script works).
    * ``THREAD_AFFINE``: only ever on the thread that created the VM; the
      manager runs the engine on a dedicated thread and hands calls to it.
    """

    FREE = "free"
    SERIALIZED = "serialized"
    THREAD_AFFINE = "thread-affine"


@dataclass(frozen=True)
class EngineCapabilities:
    """What an engine really offers; the conformance kit exercises each ``True``."""

    supports_async: bool = False
    supports_generators: bool = False
    supports_coroutines: bool = False
    supports_modules: bool = False
    supports_debugging: bool = False
    supports_jit: bool = False
    supports_bytecode: bool = False
    supports_instruction_limit: bool = False
    supports_memory_limit: bool = False
    is_sandbox: bool = True
    """``False`` when the engine cannot contain untrusted code in this mode."""

    def enabled(self) -> list[str]:
        """Names of the capabilities that are on, for display."""
        return [name for name, on in vars(self).items() if on]


@dataclass(frozen=True, slots=True)
class FunctionInfo:
    """An exported function of a script (spec: ``FunctionInfo``)."""

    name: str
    parameter_count: int = 0
    parameter_names: tuple[str, ...] = ()
    is_async: bool = False
    is_generator: bool = False
    is_variadic: bool = False
    line: int | None = None
    doc: str | None = None


@dataclass
class CompiledScript:
    """The output of :meth:`ScriptEngine.compile`, and what the cache stores.

    ``bytecode`` is the engine's loadable form (real VM bytecode where the
    engine has one, otherwise the source bytes).  ``metadata`` is engine
    private and must be JSON-serialisable so the cache can keep it.
    ``entry_point`` is set by the manager (never cached) when the script is
    loaded as the program itself, as ``kryon run FILE`` does: languages with a
    notion of a main module use it (Python runs it as ``__main__``).
    ``arguments`` are then the program's command-line arguments (``kryon run
    FILE ARG...``), which an engine hands to the script as its language does
    (Lua's ``arg`` and ``...``, ``process.argv``, ``sys.argv``,
    ``*command-line-args*``); never cached either.
    """

    script: str
    language: str
    engine_version: str
    bytecode: bytes
    path: str | None = None
    functions: dict[str, FunctionInfo] = field(default_factory=dict)
    globals: list[str] = field(default_factory=list)
    dependencies: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    from_cache: bool = False
    entry_point: bool = False
    arguments: tuple[str, ...] = ()


@dataclass(frozen=True)
class GCStats:
    """Result of :meth:`ScriptEngine.collect_garbage` (bytes)."""

    before_bytes: int
    after_bytes: int
    duration_ms: float

    @property
    def freed_bytes(self) -> int:
        return max(0, self.before_bytes - self.after_bytes)


@dataclass(frozen=True)
class MemoryUsage:
    """Memory of one VM as the runtime reports it (bytes)."""

    used_bytes: int
    limit_bytes: int | None = None
    peak_bytes: int | None = None


@dataclass(frozen=True)
class BreakpointHit:
    """Passed to the breakpoint handler when a breakpoint stops a script.

    ``frames`` is the script-level stack, outermost first; the stopped frame
    is ``frames[-1]`` and carries its ``locals``.
    """

    breakpoint: BreakpointId
    script: str
    line: int
    frames: tuple[StackFrame, ...]

    @property
    def locals(self) -> dict[str, Any]:
        return dict(self.frames[-1].locals or {}) if self.frames else {}

    @property
    def function(self) -> str:
        return self.frames[-1].function if self.frames else "?"


class EngineConfig(BaseModel):
    """Base of every engine's ``Config`` model (the ``[engines.<name>]`` table).

    Engines subclass it with their own fields; unknown keys are rejected.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)


BreakpointHandler = Callable[[BreakpointHit], None]
"""Called with a :class:`BreakpointHit` each time a breakpoint stops a script."""


class ScriptEngine(ABC):
    """One VM of one language.  Subclass it, fill the class attributes, and
    return the class from ``kryon_register_engines``.

    Class attributes:
        name: engine and language name (``"lua"``): entry point, config table.
        display_name: human name (``"Lua"``).
        extensions: file extensions with the dot (``(".lua",)``).
        threading: how the manager may call it.
        Config: the pydantic model for ``[engines.<name>]``.
        CAPABILITIES: what the engine offers in its default configuration;
            :meth:`capabilities` reports the configured instance.
        notes: one line shown by ``kryon engines`` (e.g. "not a sandbox").
    """

    name: ClassVar[str]
    display_name: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()
    threading: ClassVar[ThreadingModel] = ThreadingModel.SERIALIZED
    Config: ClassVar[type[EngineConfig]] = EngineConfig
    CAPABILITIES: ClassVar[EngineCapabilities] = EngineCapabilities()
    notes: ClassVar[str] = ""

    def __init__(self) -> None:
        self._dispatch: Callable[..., Any] = _direct

    # -- identification ---------------------------------------------------

    @classmethod
    def runtime_version(cls) -> str:
        """The language runtime's version; may import the runtime."""
        return "unknown"

    @property
    def language(self) -> str:
        return self.name

    @property
    def version(self) -> str:
        return type(self).runtime_version()

    def capabilities(self) -> EngineCapabilities:
        return self.CAPABILITIES

    @classmethod
    def decode_source(cls, data: bytes, *, script: str) -> str:
        """The text of a script file.  By default UTF-8, a leading byte-order
        mark dropped as the languages' own interpreters do, anything else a
        :class:`CompileError` at the offending byte.  A language that defines
        its source bytes otherwise overrides it (Python's PEP 263 coding
        declarations; Lua, whose strings are bytes)."""
        return decode_source_text(data, script=script)

    def cache_key(self) -> str:
        """Everything besides language, version and source that changes compile
        output (e.g. ``"luajit"``); part of the compilation-cache key."""
        return ""

    # -- lifecycle ----------------------------------------------------------

    @abstractmethod
    def initialize(self, config: EngineConfig, policy: SecurityPolicy) -> None:
        """Create the VM with ``config`` and enforce ``policy`` on every call."""

    @abstractmethod
    def setup_bridge(self, bridge: ScriptBridge) -> None:
        """Expose the ``kryon`` API (``bridge.host_functions``) to scripts and
        route their output through ``bridge.write``."""

    @abstractmethod
    def compile(self, source: str, *, script: str, path: str | None = None) -> CompiledScript:
        """Compile without running.  Raises CompileError with script, line, column."""

    @abstractmethod
    def load_script(self, compiled: CompiledScript) -> ScriptId:
        """Run the compiled script in a fresh namespace; return its id.

        Errors raised while running top-level code propagate and leave
        nothing behind.
        """

    @abstractmethod
    def unload_script(self, script_id: ScriptId) -> None:
        """Drop the script's namespace; its functions stop being callable."""

    @abstractmethod
    def script_functions(self, script_id: ScriptId) -> Mapping[str, FunctionInfo]:
        """The functions a loaded script exports, by name.

        The manager keeps the mapping for the script's lifetime: it must not
        change afterwards (a fresh dict, or an immutable mapping that may
        describe its functions lazily).
        """

    def end_program(self, script_id: ScriptId) -> None:  # noqa: B027 - optional hook
        """The program loaded as the entry point (``kryon run``) has ended.

        Run what a language runs when its program ends (Lua's finalizers of
        the VM's objects, Python's ``atexit`` callbacks and finalizers), and
        raise the ScriptError the program's run must report: a limit that
        stopped them, or an error the language itself reports at exit.  Called
        once, after the program's top-level code and any ``--call``; nothing by
        default.
        """

    def close(self) -> None:  # noqa: B027 - optional hook, nothing to release by default
        """Release the VM and any worker it owns.  Idempotent."""

    # -- calls --------------------------------------------------------------

    @abstractmethod
    def call_function(self, script_id: ScriptId, name: str, args: Sequence[Value]) -> Value:
        """Call an exported function with canonical args; return a canonical value."""

    def bind_function(self, script_id: ScriptId, name: str) -> Callable[[Sequence[Value]], Value]:
        """A callable for repeated calls of one function (the handle fast path).

        Engines override this to resolve the function once.  The callable
        must keep working until the script is unloaded.
        """

        def call(args: Sequence[Value]) -> Value:
            return self.call_function(script_id, name, args)

        return call

    async def call_function_async(
        self, script_id: ScriptId, name: str, args: Sequence[Value]
    ) -> Value:
        """Call and await the result where the language has async functions
        (a JS promise, a Python coroutine).  The default calls synchronously."""
        return self.call_function(script_id, name, args)

    def evaluate(self, script_id: ScriptId, source: str) -> Value:
        """Run a snippet inside a loaded script's namespace and return the
        value of its last expression (``None`` for statements).

        Used by ``kryon repl``; definitions made by the snippet stay in the
        namespace.  Engines without it raise UnsupportedOperationError.
        """
        self._unsupported("evaluating snippets (REPL)")

    def evaluate_display(self, script_id: ScriptId, source: str) -> str | None:
        """Evaluate a snippet for an interactive session (``kryon repl``) and
        return its result written as the language's own REPL shows it, or
        None when there is nothing to show.

        The default shows :meth:`evaluate`'s canonical value as JSON; engines
        whose language has its own notation (Lisp's ``pr-str``, Wren's
        ``toString``) override it.
        """
        value = self.evaluate(script_id, source)
        if value is None:
            return None
        try:
            return json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            return repr(value)

    # -- globals ------------------------------------------------------------

    @abstractmethod
    def set_global(self, name: str, value: Value, script_id: ScriptId | None = None) -> None:
        """Set a global: in one script's namespace, or (``None``) shared by all
        scripts of this VM unless a script shadows it."""

    @abstractmethod
    def get_global(self, name: str, script_id: ScriptId | None = None) -> Value:
        """Read a global (missing is ``None``)."""

    # -- memory -------------------------------------------------------------

    @abstractmethod
    def collect_garbage(self) -> GCStats:
        """Run a full collection and report what it freed."""

    @abstractmethod
    def get_memory_usage(self) -> MemoryUsage:
        """Current memory of the VM."""

    # -- debugging ----------------------------------------------------------

    def set_debug_mode(self, enabled: bool) -> None:
        """Turn on debug support (breakpoints, locals in traces)."""
        self._unsupported("debug mode")

    def get_stack_trace(self) -> list[StackFrame]:
        """The script stack right now (from inside a host callback or a
        breakpoint handler); empty when no script is running."""
        return []

    def set_breakpoint(self, script: str, line: int) -> BreakpointId:
        """Stop at ``line`` of ``script`` and call the breakpoint handler."""
        self._unsupported("breakpoints")

    def remove_breakpoint(self, breakpoint_id: BreakpointId) -> None:
        self._unsupported("breakpoints")

    def set_breakpoint_handler(self, handler: BreakpointHandler | None) -> None:
        self._unsupported("breakpoints")

    # -- threading ------------------------------------------------------------

    def dispatch(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` the way the engine's threading model requires.

        Engines call this for work that does not come through the manager,
        e.g. a :class:`FunctionRef` invoked later by the host.
        """
        result: T = self._dispatch(fn, *args)
        return result

    def _set_dispatcher(self, dispatch: Callable[..., Any]) -> None:
        self._dispatch = dispatch

    def _unsupported(self, what: str) -> NoReturn:
        raise UnsupportedOperationError(f"the {self.name} engine does not support {what}")


def _direct(fn: Callable[..., T], *args: Any) -> T:
    return fn(*args)


def decode_source_text(data: bytes, *, script: str, encoding: str = "utf-8") -> str:
    """``data`` decoded as ``encoding`` (for UTF-8, a leading byte-order mark
    dropped); a byte that does not decode is a :class:`CompileError` naming
    its line and column."""
    codec = "utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        label = "UTF-8" if codec.startswith("utf-8") else encoding
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        raise CompileError(
            f"the source is not {label} text (byte 0x{data[exc.start]:02x})",
            script=script,
            line=data.count(b"\n", 0, exc.start) + 1,
            column=len(data[line_start : exc.start].decode(codec, "replace")) + 1,
        ) from None

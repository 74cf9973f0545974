"""Kryon Script: one API for scripts in many languages.

The public surface is re-exported here; plugins import only from this module
(and ``kryon_core.testing`` in their tests).  Nothing here imports a language
runtime.
"""

from __future__ import annotations

from kryon_core.bridge import HostFunction, OutputSink, ScriptBridge, api_name, snake_from_camel
from kryon_core.cache import CacheStats, CompilationCache
from kryon_core.config import KryonConfig, load_config
from kryon_core.converters import TypeConverter
from kryon_core.engine import (
    BreakpointHandler,
    BreakpointHit,
    BreakpointId,
    CompiledScript,
    EngineCapabilities,
    EngineConfig,
    FunctionInfo,
    GCStats,
    MemoryUsage,
    ScriptEngine,
    ScriptId,
    ThreadingModel,
)
from kryon_core.errors import (
    AccessDeniedError,
    AmbiguousFunctionError,
    CompileError,
    ConfigError,
    ConversionError,
    EngineNotFoundError,
    FunctionNotFoundError,
    InstructionLimitError,
    KryonError,
    LimitError,
    MemoryLimitError,
    PluginError,
    RecursionLimitError,
    ScriptError,
    ScriptExit,
    ScriptNotFoundError,
    ScriptRuntimeError,
    SecurityError,
    StackFrame,
    TimeLimitError,
    UnsupportedOperationError,
)
from kryon_core.hookspecs import hookimpl
from kryon_core.manager import LoadedScript, ScriptManager
from kryon_core.plugins import EngineEntry
from kryon_core.policy import Capability, SecurityPolicy, default_policies
from kryon_core.profiler import FunctionStats, Profiler
from kryon_core.pystack import PYTHON_FRAMES_CEILING, reserve_python_frames
from kryon_core.registry import FunctionHandle
from kryon_core.shared import AccessPolicy, SharedData
from kryon_core.validation import ScriptSource
from kryon_core.values import (
    INT_MAX,
    INT_MIN,
    MAX_DEPTH,
    ElementHandle,
    FunctionRef,
    UserData,
    Value,
    check_int,
    check_text,
    check_value,
    values_equal,
)

__version__ = "0.1.0"

__all__ = [
    "INT_MAX",
    "INT_MIN",
    "MAX_DEPTH",
    "PYTHON_FRAMES_CEILING",
    "AccessDeniedError",
    "AccessPolicy",
    "AmbiguousFunctionError",
    "BreakpointHandler",
    "BreakpointHit",
    "BreakpointId",
    "CacheStats",
    "Capability",
    "CompilationCache",
    "CompileError",
    "CompiledScript",
    "ConfigError",
    "ConversionError",
    "ElementHandle",
    "EngineCapabilities",
    "EngineConfig",
    "EngineEntry",
    "EngineNotFoundError",
    "FunctionHandle",
    "FunctionInfo",
    "FunctionNotFoundError",
    "FunctionRef",
    "FunctionStats",
    "GCStats",
    "HostFunction",
    "InstructionLimitError",
    "KryonConfig",
    "KryonError",
    "LimitError",
    "LoadedScript",
    "MemoryLimitError",
    "MemoryUsage",
    "OutputSink",
    "PluginError",
    "Profiler",
    "RecursionLimitError",
    "ScriptBridge",
    "ScriptEngine",
    "ScriptError",
    "ScriptExit",
    "ScriptId",
    "ScriptManager",
    "ScriptNotFoundError",
    "ScriptRuntimeError",
    "ScriptSource",
    "SecurityError",
    "SecurityPolicy",
    "SharedData",
    "StackFrame",
    "ThreadingModel",
    "TimeLimitError",
    "TypeConverter",
    "UnsupportedOperationError",
    "UserData",
    "Value",
    "__version__",
    "api_name",
    "check_int",
    "check_text",
    "check_value",
    "default_policies",
    "hookimpl",
    "load_config",
    "reserve_python_frames",
    "snake_from_camel",
    "values_equal",
]

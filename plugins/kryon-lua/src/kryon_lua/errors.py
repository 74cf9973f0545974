"""Lua errors -> Kryon ScriptErrors with script-level tracebacks.

The kernel's trampoline returns ``(false, limit kind, payload)`` for a failed
call.  ``payload`` is what its message handler built at the error point:
``{text=, type=, frames={...}}`` (frames innermost first), or the bare
message when Lua skipped the handler (out of memory).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import kryon_core
from kryon_core import (
    CompileError,
    InstructionLimitError,
    LimitError,
    MemoryLimitError,
    RecursionLimitError,
    ScriptError,
    ScriptExit,
    ScriptRuntimeError,
    SecurityPolicy,
    StackFrame,
    TimeLimitError,
)

__all__ = [
    "FunctionNames",
    "LocalsOf",
    "compile_error",
    "runtime_error",
    "script_of",
    "stack_frames",
]

_LOCATION = re.compile(r"^(?P<src>[^\n]*?):(?P<line>\d+): (?P<msg>.*)$", re.DOTALL)


def _host_errors() -> dict[str, type[ScriptError]]:
    """Host errors a script did not catch come back as their own class: every
    ScriptError kryon_core exports, limits too (a kryon.call nested too deep,
    a shared write over the memory budget), except a CompileError (another
    script's, not the caller's: it comes back as a runtime error).  A class
    with its own constructor comes back as the nearest base without one
    (AmbiguousFunctionError as FunctionNotFoundError)."""
    found: dict[str, type[ScriptError]] = {}
    for name in kryon_core.__all__:
        cls = getattr(kryon_core, name, None)
        if not isinstance(cls, type) or not issubclass(cls, ScriptError):
            continue
        if cls in (ScriptError, ScriptRuntimeError, CompileError):
            continue
        usable = next(
            (c for c in cls.__mro__ if "__init__" not in vars(c) or c is ScriptError), ScriptError
        )
        if usable is not ScriptError and issubclass(usable, ScriptError):
            found[name] = usable
    return found


_HOST_ERRORS = _host_errors()


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def script_of(source: str) -> str:
    """Script name of a Lua chunk source (``=name`` or ``=name#load:chunk``)."""
    name = source[1:] if source.startswith(("=", "@")) else source
    return name.split("#load", 1)[0]


def _split_location(message: str) -> tuple[str | None, int | None, str]:
    match = _LOCATION.match(message)
    if match is None:
        return None, None, message
    return script_of("=" + match["src"]), int(match["line"]), match["msg"]


def _full_name(where: str | None, known: list[str]) -> str | None:
    """Lua shortens chunk names in messages to 59 characters: map a shortened
    name back to the script it starts."""
    if where is None or where in known:
        return where
    return next((name for name in known if name.startswith(where)), where)


def compile_error(message: bytes | str, script: str) -> CompileError:
    """A CompileError from a ``load`` message such as ``name:3: '=' expected near 'x'``."""
    text = _text(message)
    where, line, msg = _split_location(text)
    return CompileError(msg, script=_full_name(where, [script]) or script, line=line)


FunctionNames = Callable[[str, int], "str | None"]
"""Names a function by (script, line defined) when Lua's debug info has none."""


LocalsOf = Callable[[Any], "dict[str, Any]"]
"""Converts a kernel frame's table of locals (debug mode) to host values."""


def stack_frames(
    frames: Any, names: FunctionNames | None = None, locals_of: LocalsOf | None = None
) -> list[StackFrame]:
    """Kernel frames (innermost first) -> StackFrames, outermost first."""
    if frames is None:
        return []
    out: list[StackFrame] = []
    for i in range(1, int(frames[b"n"] or 0) + 1):
        frame = frames[i]
        skipped = frame[b"skipped"]
        if skipped is not None:
            out.append(StackFrame(script="...", function=f"({skipped} frames not shown)"))
            continue
        line = frame[b"line"]
        name = frame[b"name"]
        script = script_of(_text(frame[b"source"]))
        defined = frame[b"defined"]
        if name is None and names is not None and isinstance(defined, int):
            name = names(script, defined)
        if name is not None:
            function = _text(name)
        elif _text(frame[b"what"]) == "main":
            function = "main chunk"
        else:
            function = f"function <line {defined}>"
        variables = frame[b"locals"]
        out.append(
            StackFrame(
                script=script,
                function=function,
                line=line if isinstance(line, int) and line > 0 else None,
                locals=locals_of(variables) if variables is not None and locals_of else None,
            )
        )
    out.reverse()
    return out


def _limit_error(
    kind: str,
    policy: SecurityPolicy,
    script: str | None,
    line: int | None,
    frames: list[StackFrame],
    lua_message: str,
) -> LimitError:
    error_class: type[LimitError]
    if kind == "instructions":
        error_class = InstructionLimitError
        message = f"instruction limit of {policy.instruction_limit:,} exceeded"
    elif kind == "time":
        error_class = TimeLimitError
        message = f"time limit of {policy.time_limit_ms} ms exceeded"
    elif kind == "recursion":
        error_class = RecursionLimitError
        if policy.recursion_limit is None:  # Lua's own limit: its message ("stack overflow")
            message = lua_message or "stack overflow"
        else:
            message = f"recursion limit of {policy.recursion_limit} exceeded"
    else:
        error_class = MemoryLimitError
        limit = f"{policy.memory_limit_mb} MB " if policy.memory_limit_mb else ""
        message = f"memory limit {limit}of the Lua VM exceeded"
    return error_class(message, script=script, line=line, traceback=frames)


def runtime_error(
    kind: bytes | None,
    payload: Any,
    policy: SecurityPolicy,
    script: str,
    names: FunctionNames | None = None,
    locals_of: LocalsOf | None = None,
) -> ScriptError:
    """The ScriptError for a failed call of a function of ``script``."""
    if isinstance(payload, bytes | str) or payload is None:
        text, host_type, frames = _text(payload), None, []
    else:
        text = _text(payload[b"text"])
        host_type = _text(payload[b"type"]) or None
        frames = stack_frames(payload[b"frames"], names, locals_of)
    where, line, message = _split_location(text)
    inner = next((f for f in reversed(frames) if f.script != "..."), None)
    if where is None and inner is not None:
        where, line = inner.script, inner.line
    where = _full_name(where, [f.script for f in reversed(frames)] + [script]) or script
    if kind == b"exit" and not isinstance(payload, bytes | str) and payload is not None:
        status = payload[b"status"]  # os.exit: the program ends (a C int)
        return ScriptExit(int(status or 0), script=where, line=line)
    if kind is not None:
        return _limit_error(_text(kind), policy, where, line, frames, message)
    if host_type is not None and host_type in _HOST_ERRORS:
        return _HOST_ERRORS[host_type](message, script=where, line=line, traceback=frames)
    if host_type is not None and host_type not in ("ScriptRuntimeError",):
        message = f"{host_type}: {message}"
    return ScriptRuntimeError(message, script=where, line=line, traceback=frames)

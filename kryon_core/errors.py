"""The Kryon error hierarchy.

Every failure a script can cause is a :class:`ScriptError`. Each error knows the
script it came from and, where one exists, the line and column; ``str(error)``
always names them, so a message printed on its own is still actionable::

    KryonError
    ├── ConfigError                 bad kryon.toml (file and key path)
    ├── PluginError                 a plugin failed to import or register
    └── ScriptError                 anything a script did or could not do
        ├── CompileError            syntax errors: script, line, column
        ├── ScriptRuntimeError      an error raised while running: script-level stack
        ├── ScriptExit              the script ended the program (os.exit, sys.exit...)
        ├── LimitError              a policy limit was reached
        │   ├── TimeLimitError
        │   ├── InstructionLimitError
        │   ├── MemoryLimitError
        │   └── RecursionLimitError
        ├── SecurityError           the sandbox refused something
        ├── EngineNotFoundError     no installed engine for a language
        ├── FunctionNotFoundError   no such function
        │   └── AmbiguousFunctionError
        ├── ScriptNotFoundError     no such script
        ├── ConversionError         a value cannot cross a language boundary
        ├── AccessDeniedError       a capability the policy does not grant
        └── UnsupportedOperationError  the engine does not offer it (see capabilities)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "AccessDeniedError",
    "AmbiguousFunctionError",
    "CompileError",
    "ConfigError",
    "ConversionError",
    "EngineNotFoundError",
    "FunctionNotFoundError",
    "InstructionLimitError",
    "KryonError",
    "LimitError",
    "MemoryLimitError",
    "PluginError",
    "RecursionLimitError",
    "ScriptError",
    "ScriptExit",
    "ScriptNotFoundError",
    "ScriptRuntimeError",
    "SecurityError",
    "StackFrame",
    "TimeLimitError",
    "UnsupportedOperationError",
]


@dataclass(frozen=True)
class StackFrame:
    """One frame of a script-level stack, innermost last in tracebacks.

    ``locals`` is filled only where the engine can report them (breakpoints,
    debug mode); it holds canonical values or their ``repr`` when a value
    cannot be converted.
    """

    script: str
    function: str
    line: int | None = None
    column: int | None = None
    locals: dict[str, Any] | None = field(default=None, compare=False)

    def __str__(self) -> str:
        where = self.script
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where} in {self.function}"


_REPEAT_SHOWN = 3


def _frame_lines(frames: Sequence[StackFrame]) -> list[str]:
    """Frames as text, runs of an identical frame (deep recursion) collapsed."""
    lines: list[str] = []
    previous, repeats = None, 0
    for frame in frames:
        text = f"  {frame}"
        if text == previous:
            repeats += 1
            if repeats >= _REPEAT_SHOWN:
                continue
        else:
            if repeats >= _REPEAT_SHOWN:
                lines.append(
                    f"  [previous frame repeated {repeats - _REPEAT_SHOWN + 1} more times]"
                )
            previous, repeats = text, 0
        lines.append(text)
    if repeats >= _REPEAT_SHOWN:
        lines.append(f"  [previous frame repeated {repeats - _REPEAT_SHOWN + 1} more times]")
    return lines


MAX_MESSAGE = 4096
"""Longest error message kept; a script's megabyte-long error text is clipped."""


def _clip(message: str) -> str:
    if len(message) <= MAX_MESSAGE:
        return message
    return f"{message[:MAX_MESSAGE]}... [{len(message) - MAX_MESSAGE:,} more characters]"


class KryonError(Exception):
    """Root of every error Kryon raises on purpose."""


class ConfigError(KryonError):
    """A configuration file or value is invalid.

    ``problems`` lists ``(key path, message)`` pairs; ``file`` names the file.
    """

    def __init__(
        self, message: str, *, file: str | None = None, problems: Sequence[tuple[str, str]] = ()
    ) -> None:
        self.file = file
        self.problems = list(problems)
        lines = [f"{file}: {message}" if file else message]
        lines += [f"  {path}: {msg}" if path else f"  {msg}" for path, msg in self.problems]
        super().__init__("\n".join(lines))


class PluginError(KryonError):
    """A plugin distribution failed to import, register or validate."""

    def __init__(self, plugin: str, message: str) -> None:
        self.plugin = plugin
        super().__init__(f"plugin {plugin!r}: {message}")


class ScriptError(KryonError):
    """Base of every script-related error.

    ``script``, ``line`` and ``column`` locate the error; ``traceback`` holds the
    script-level stack (outermost first).  ``rendered`` is the engine's own
    display form where a language has a conventional one (Wren's
    ``[main line 3] Error ...``); :meth:`render` prefers it.
    """

    def __init__(
        self,
        message: str,
        *,
        script: str | None = None,
        line: int | None = None,
        column: int | None = None,
        traceback: Sequence[StackFrame] = (),
        rendered: str | None = None,
    ) -> None:
        self.message = _clip(message)
        self.script = script
        self.line = line
        self.column = column
        self.traceback = list(traceback)
        self.rendered = rendered
        super().__init__(self._headline())

    @property
    def location(self) -> str:
        """``script:line:column`` as far as known ("" when nothing is)."""
        if self.script is None:
            return ""
        where = self.script
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def _headline(self) -> str:
        location = self.location
        return f"{location}: {self.message}" if location else self.message

    def render(self) -> str:
        """The full report a user reads: headline plus the script-level stack."""
        if self.rendered is not None:
            return self.rendered
        lines = [f"{type(self).__name__}: {self._headline()}"]
        if self.traceback:
            lines.append("script traceback (most recent call last):")
            lines += _frame_lines(self.traceback)
        return "\n".join(lines)

    def amend(
        self,
        *,
        message: str | None = None,
        script: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> ScriptError:
        """Say or place the error anew (the fields given), keeping its class
        and traceback; returns self."""
        if message is not None:
            self.message = _clip(message)
        if script is not None:
            self.script = script
        if line is not None:
            self.line, self.column = line, column
        self.args = (self._headline(),)
        return self

    def with_script(self, script: str) -> ScriptError:
        """Fill in the script name when the raiser did not know it; returns self."""
        if self.script is None:
            self.script = script
            self.args = (self._headline(),)
        return self


class CompileError(ScriptError):
    """The source does not compile; carries script, line and column."""


class ScriptRuntimeError(ScriptError):
    """The script raised an error while running."""

    @classmethod
    def from_foreign(cls, exc: Exception, script: str) -> ScriptRuntimeError:
        """An engine let a non-Kryon exception through (an engine bug): the host
        gets a ScriptError naming the script instead, the original as its cause."""
        error = cls(f"{type(exc).__name__}: {exc}", script=script)
        error.__cause__ = exc
        return error


class ScriptExit(ScriptError):
    """The script asked to end the program with an exit status: Lua's
    ``os.exit``, JavaScript's ``process.exit``, Python's ``sys.exit`` and
    Lisp's ``System/exit``.

    Scripts cannot catch it where their language's exit cannot be caught.
    Embedded, it is an error of the call (or of the load: a script that exits
    while it loads is not loaded) like any other, and the host goes on;
    ``kryon run`` ends with ``status``, after writing ``message`` (if any) to
    stderr, as the language's own interpreter would.
    """

    def __init__(
        self,
        status: int,
        message: str | None = None,
        *,
        script: str | None = None,
        line: int | None = None,
        column: int | None = None,
        traceback: Sequence[StackFrame] = (),
    ) -> None:
        self.status = status
        self.exit_message = message
        text = f"exited with status {status}" + (f": {message}" if message else "")
        super().__init__(text, script=script, line=line, column=column, traceback=traceback)

    def render(self) -> str:
        """What the program prints as it ends: only the script's own message."""
        return self.exit_message or ""


class LimitError(ScriptError):
    """A security policy limit ended the call; the engine stays usable."""

    limit_name = "limit"


class TimeLimitError(LimitError):
    """The call ran longer than the policy's ``time_limit_ms``."""

    limit_name = "time"


class InstructionLimitError(LimitError):
    """The call executed more than the policy's ``instruction_limit``."""

    limit_name = "instructions"


class MemoryLimitError(LimitError):
    """The VM needed more than the policy's ``memory_limit_mb``."""

    limit_name = "memory"


class RecursionLimitError(LimitError):
    """The call nested deeper than the policy's ``recursion_limit``."""

    limit_name = "recursion"


class SecurityError(ScriptError):
    """The sandbox refused an operation or a script failed validation."""


class EngineNotFoundError(ScriptError):
    """No engine is installed for a language or file extension."""


class FunctionNotFoundError(ScriptError):
    """No loaded script exports a function of that name."""


class AmbiguousFunctionError(FunctionNotFoundError):
    """A short function name matches several scripts; ``candidates`` lists them."""

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.candidates = sorted(candidates)
        super().__init__(
            f"function name {name!r} is ambiguous; use one of: {', '.join(self.candidates)}"
        )


class ScriptNotFoundError(ScriptError):
    """No script of that name is loaded."""


class ConversionError(ScriptError):
    """A value cannot be converted (cycle, too deep, out of range, unsupported type)."""


class AccessDeniedError(ScriptError):
    """The script's policy does not grant the capability it tried to use."""


class UnsupportedOperationError(ScriptError):
    """The engine does not offer this operation; its capabilities say so."""

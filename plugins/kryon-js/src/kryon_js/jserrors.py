"""JavaScript errors as Kryon errors, with positions in script terms.

QuickJS-ng writes stacks as ``    at fn (<input>:line:column)``; the line is in
the VM's band numbering (:mod:`kryon_js.source`), so every frame is mapped
back to its script and own line.  Frames of the engine's prelude are dropped.
The limits are recognised by QuickJS's own messages: ``interrupted`` (the
time limit's interrupt handler), ``out of memory`` and a stack overflow.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kryon_core import (
    CompileError,
    ConversionError,
    MemoryLimitError,
    RecursionLimitError,
    ScriptError,
    ScriptRuntimeError,
    StackFrame,
    TimeLimitError,
)
from kryon_js.lexer import tokenize
from kryon_js.source import LineBands

__all__ = ["ErrorMapper", "innermost", "placed"]

_PRIVATE = re.compile(r"SyntaxError: undefined private field '#(?P<name>[^']+)'")
_FRAME = re.compile(r"^\s*at (?:(?P<fn>.*?) \()?<input>:(?P<line>\d+):(?P<col>\d+)\)?\s*$")
# A frame as scripts see it (the prelude's scriptFrames), which is what the binding
# gives for an error reaching Python by itself: the script is checked against the bands.
_SCRIPT_FRAME = re.compile(
    r"^\s*at (?:(?P<fn>.*?) \()?(?P<script>[^()]+?):(?P<line>\d+):(?P<col>\d+)\)?\s*$"
)
_TOP_LEVEL = {"<anonymous>", "<eval>", "", "Object.<anonymous>"}
_STACK_OVERFLOW = ("Maximum call stack size exceeded", "stack overflow")


def innermost(frames: Sequence[StackFrame], script: str | None) -> dict[str, Any]:
    """``script``, ``line`` and ``column`` of an error: its innermost frame's
    (``script`` alone when there is no frame)."""
    where = frames[-1] if frames else None
    if where is None:
        return {"script": script, "line": None, "column": None}
    return {"script": where.script, "line": where.line, "column": where.column}


class ErrorMapper:
    """Turns JS error descriptions into ScriptErrors for one engine."""

    def __init__(
        self,
        bands: LineBands,
        time_limit_ms: int | None,
        memory_limit: int | None,
        reclaim: Callable[[], object] | None = None,
        limited: Callable[[], object] | None = None,
        exiting: Callable[[], ScriptError | None] | None = None,
    ) -> None:
        self.bands = bands
        self.time_limit_ms = time_limit_ms
        self.memory_limit = memory_limit
        self.reclaim = reclaim
        """Run after a memory limit: collects the cycles the aborted call left behind."""
        self.limited = limited
        """Run for every limit error: the runtime then drops the work the aborted
        call left queued before the next call (``JsRuntime.quiesce``)."""
        self.exiting = exiting
        """The pending ``process.exit``, if any: its interrupt is no time limit (exits.py)."""

    def _out_of_memory(self, message: str, **position: Any) -> MemoryLimitError:
        if self.reclaim is not None:
            self.reclaim()
        if self.limited is not None:
            self.limited()
        return MemoryLimitError(message, **position)

    def frames(self, stack: str) -> list[StackFrame]:
        """Script frames of a QuickJS stack, outermost first."""
        frames: list[StackFrame] = []
        for line in stack.splitlines():
            match = _FRAME.match(line)
            if match is None:
                shown = _SCRIPT_FRAME.match(line)
                if shown is not None and self.bands.owns(shown["script"]):
                    function = shown["fn"] or "<main>"
                    frames.append(
                        StackFrame(
                            shown["script"],
                            "<main>" if function in _TOP_LEVEL else function,
                            int(shown["line"]),
                            int(shown["col"]),
                        )
                    )
                continue
            where = self.bands.locate(int(match["line"]))
            if where is None:
                continue
            script, lineno = where
            function = match["fn"] or "<main>"
            if function in _TOP_LEVEL:
                function = "<main>"
            column = self.bands.column(int(match["line"]), int(match["col"]))
            frames.append(StackFrame(script, function, lineno, column))
        frames.reverse()
        return frames

    def site_frame(self, site: str) -> list[StackFrame]:
        """The frame of a throw site (``line,column`` in the VM's numbering): where a
        value with no stack of its own was thrown (``source.py``)."""
        line, _, column = site.partition(",")
        where = self.bands.locate(int(line))
        if where is None:
            return []
        return [StackFrame(where[0], "<throw>", where[1], int(column))]

    def limit_error(
        self, message: str, script: str | None, traceback: list[StackFrame]
    ) -> ScriptError | None:
        """The LimitError a QuickJS message stands for, if any."""
        position: dict[str, Any] = {**innermost(traceback, script), "traceback": traceback}
        if "out of memory" in message:
            limit = f"{self.memory_limit // (1024 * 1024)} MB" if self.memory_limit else "memory"
            return self._out_of_memory(f"the script ran out of memory (limit {limit})", **position)
        error: ScriptError
        if "interrupted" in message:
            limit = f"{self.time_limit_ms} ms" if self.time_limit_ms else "its limit"
            error = TimeLimitError(f"the call ran longer than the time limit ({limit})", **position)
        elif any(text in message for text in _STACK_OVERFLOW):
            error = RecursionLimitError(
                "the script nested calls too deeply (stack limit reached)", **position
            )
        else:
            return None
        if self.limited is not None:
            self.limited()
        return error

    def from_description(self, info: Mapping[str, Any], script: str | None) -> ScriptError:
        """A ScriptError from the prelude's ``describe(e)`` of a thrown value."""
        exit = self.exiting() if self.exiting is not None else None
        if exit is not None:  # whatever the script did after its exit was swallowed
            return exit
        traceback = self.frames(str(info.get("stack") or ""))
        if not traceback and info.get("site"):
            traceback = self.site_frame(str(info["site"]))
        name, message = str(info.get("name", "Error")), str(info.get("message", ""))
        if info.get("kind") == "conversion":
            return ConversionError(message, script=script)
        limit = self.limit_error(message, script, traceback)
        if limit is not None:
            return limit
        if (
            name == "uncaught"
            and message == "null"
            and self.memory_limit is not None
            and not info.get("site")
        ):
            # QuickJS throws a bare null when it cannot even allocate its "out of
            # memory" error; a script's own `throw null` has a throw site.
            return self._out_of_memory(
                f"the script ran out of memory (limit {self.memory_limit // (1024 * 1024)} MB)",
                script=script,
            )
        text = message if name == "uncaught" else f"{name}: {message}"
        if name == "uncaught":
            text = f"uncaught exception: {message}"
        if info.get("rejection"):
            text = f"unhandled promise rejection: {message if name == 'uncaught' else text}"
        return ScriptRuntimeError(text, **innermost(traceback, script), traceback=traceback)

    def from_exception(
        self, exc: BaseException, script: str | None, *, compiling: bool = False
    ) -> ScriptError:
        """A ScriptError from a JSException/StackOverflow the binding raised."""
        exit = self.exiting() if self.exiting is not None else None
        if exit is not None:  # the exit's interrupt, or anything after it (exits.py)
            return exit
        text = str(exc.args[0]) if exc.args else str(exc)
        headline, _, stack = text.partition("\n")
        if headline[:1] == "\x02" and type(exc).__name__ != "StackOverflow":
            # a job's or tick's error, described in the VM (prelude.py, `described`)
            with contextlib.suppress(ValueError):
                return self.from_description(json.loads(headline[1:]), script)
        traceback = self.frames(stack)
        if compiling and any(t in headline for t in _STACK_OVERFLOW):
            # QuickJS's parser recursing through deeply nested source: the source
            # cannot be compiled (no position: the parser does not give one).
            return CompileError(
                f"{headline.strip()}: the source nests too deeply to compile", script=script
            )
        if type(exc).__name__ == "StackOverflow":
            headline = (
                headline
                if any(t in headline for t in _STACK_OVERFLOW)
                else ("stack overflow: " + headline)
            )
        limit = self.limit_error(headline, script, traceback)
        if limit is not None:
            return limit
        if headline.strip() in ("null", ""):
            return self._out_of_memory(
                "the script ran out of memory while raising an error", script=script
            )
        cls = (
            CompileError
            if compiling or headline.startswith("SyntaxError")
            else (ScriptRuntimeError)
        )
        return cls(
            headline,
            **innermost(traceback, script),
            traceback=[] if cls is CompileError else traceback,
        )


def placed(
    error: CompileError, text: str, regex_fails: Callable[[str, str], bool] | None = None
) -> CompileError:
    """``error`` with the line and column QuickJS did not give, where they can be
    found, and V8's message for a source that ends inside brackets.

    An undefined private name (``a.#y``, ``#y in a``) is checked when its class
    ends, with no position; Node names the use.  The use taken is the first one
    when the name is declared nowhere, else the last one (code that reaches into a
    class from outside usually follows it).  A regular expression literal is
    compiled apart, with no position: the first literal that ``regex_fails``
    (``new RegExp`` of its body and flags throws) is the one.  A source whose
    brackets are still open at its end runs into the wrapper's trailer (QuickJS
    then names the trailer's token, ``Unexpected token ';'``): V8 says
    ``Unexpected end of input`` at the end."""
    if error.line is not None:
        return _ended_early(error, text)
    found = _PRIVATE.match(error.message)
    if found is None:
        return _regex_placed(error, text, regex_fails)
    tokens = tokenize(text)
    uses, declared = [], False
    for i in range(len(tokens) - 1):
        mark, name = tokens[i], tokens[i + 1]
        if mark.text != "#" or name.text != found["name"] or name.start != mark.end:
            continue
        before = tokens[i - 1].text if i > 0 else ""
        after = tokens[i + 2].text if i + 2 < len(tokens) else ""
        if before in (".", "?.") or after == "in":
            uses.append(mark)
        else:
            declared = True
    if not uses:
        return error
    use = uses[-1] if declared else uses[0]
    column = use.start - text.rfind("\n", 0, use.start)
    return CompileError(error.message, script=error.script, line=use.line, column=column)


def _regex_placed(
    error: CompileError, text: str, regex_fails: Callable[[str, str], bool] | None
) -> CompileError:
    if regex_fails is None:
        return error
    for token in tokenize(text):
        if token.kind != "regex":
            continue
        cut = token.text.rfind("/")
        if regex_fails(token.text[1:cut], token.text[cut + 1 :]):
            column = token.start - text.rfind("\n", 0, token.start)
            return CompileError(error.message, script=error.script, line=token.line, column=column)
    return error


def _ended_early(error: CompileError, text: str) -> CompileError:
    lines = text.split("\n")
    if error.line is None or error.line < len(lines):
        return error
    depth = 0
    for token in tokenize(text):
        if token.kind == "punct" and token.text in ("(", "[", "{"):
            depth += 1
        elif token.kind == "punct" and token.text in (")", "]", "}"):
            depth -= 1
        elif token.kind == "tmpl":
            depth += token.text.endswith("${") - token.text.startswith("}")
    if depth <= 0:
        return error
    return CompileError(
        "SyntaxError: Unexpected end of input",
        script=error.script,
        line=len(lines),
        column=len(lines[-1]) + 1,
    )

"""``kryon repl LANGUAGE``: read, evaluate in one script namespace, print.

Input is gathered until it compiles (so multi-line definitions work, typed
or piped: a compile error that points at the end of the input asks for more
lines), then
evaluated with ``ScriptEngine.evaluate_display`` (the result in the
language's own notation) inside a persistent ``repl`` script.
Errors are printed and the session goes on.
"""

from __future__ import annotations

import sys
from typing import TextIO

from kryon_core.engine import ScriptEngine, ScriptId
from kryon_core.errors import CompileError, ScriptError, ScriptExit
from kryon_core.manager import EngineInstance, ScriptManager

__all__ = ["run_repl"]


_UNFINISHED = ("eof", "end of file", "never closed", "expected an indented block", "unterminated")
"""Compile messages (lowercased) that say the input stopped too early."""


def _needs_more(error: CompileError, text: str) -> bool:
    """Unfinished input: the compile error is at (or past) the last line, or says
    the input ended too early.  An empty line always ends the input."""
    if text.endswith("\n\n"):
        return False
    last_line = text.count("\n") + 1
    if error.line is None or error.line >= last_line:
        return True
    message = error.message.lower()
    return any(marker in message for marker in _UNFINISHED)


def run_repl(
    manager: ScriptManager,
    language: str,
    policy: str,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> None:
    """Run the loop until end of input (Ctrl-D)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    record = manager.load_script("repl", "", language=language, policy=policy)
    instance = manager.engine(language, policy)
    engine = instance.engine
    interactive = stdin.isatty()
    if interactive:
        stdout.write(f"kryon {language} {engine.version} (policy {policy}); Ctrl-D exits\n")
    buffer = ""
    while True:
        if interactive:
            stdout.write("... " if buffer else ">>> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            if buffer.strip():  # unfinished input at the end: report what it is
                _evaluate(instance, engine, record.script_id, buffer, stdout, more_ok=False)
            break
        buffer += line
        if not buffer.strip():
            buffer = ""
            continue
        if _evaluate(
            instance, engine, record.script_id, buffer, stdout, more_ok=bool(line.strip())
        ):
            continue
        buffer = ""
        stdout.flush()


def _evaluate(
    instance: EngineInstance,
    engine: ScriptEngine,
    script_id: ScriptId,
    text: str,
    stdout: TextIO,
    *,
    more_ok: bool,
) -> bool:
    """Evaluate ``text`` and print the outcome; True when it needs more lines."""
    try:
        shown = instance.run(engine.evaluate_display, script_id, text)
    except CompileError as exc:
        if more_ok and _needs_more(exc, text):
            return True
        stdout.write(exc.render() + "\n")
    except ScriptExit:  # os.exit() and the like end the session, with their status
        raise
    except ScriptError as exc:
        stdout.write(exc.render() + "\n")
    except Exception as exc:  # an engine bug must not end the session
        stdout.write(f"internal error: {type(exc).__name__}: {exc}\n")
    else:
        if shown is not None:
            stdout.write(shown + "\n")
    return False

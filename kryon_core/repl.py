"""``kryon repl LANGUAGE``: read, evaluate in one script namespace, print.

Input is gathered until it compiles (so multi-line definitions work: a
compile error that points at the end of the input asks for more lines), then
evaluated with ``ScriptEngine.evaluate`` inside a persistent ``repl`` script.
Errors are printed and the session goes on.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from kryon_core.errors import CompileError, ScriptError
from kryon_core.manager import ScriptManager
from kryon_core.values import Value

__all__ = ["run_repl"]


def _show(value: Value) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def _needs_more(error: CompileError, text: str) -> bool:
    """A compile error at (or past) the last line usually means unfinished input."""
    last_line = text.count("\n") + 1
    return error.line is None or (error.line >= last_line and not text.endswith("\n\n"))


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
            break
        buffer += line
        if not buffer.strip():
            buffer = ""
            continue
        try:
            value = instance.run(engine.evaluate, record.script_id, buffer)
        except CompileError as exc:
            if interactive and _needs_more(exc, buffer) and line.strip():
                continue
            stdout.write(exc.render() + "\n")
        except ScriptError as exc:
            stdout.write(exc.render() + "\n")
        except Exception as exc:  # an engine bug must not end the session
            stdout.write(f"internal error: {type(exc).__name__}: {exc}\n")
        else:
            if value is not None:
                stdout.write(_show(value) + "\n")
        buffer = ""
        stdout.flush()

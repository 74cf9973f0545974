"""``kryon repl LANGUAGE``: read, evaluate in one script namespace, print.

Input is gathered until it compiles (so multi-line definitions work: a
compile error that points at the end of the input asks for more lines), then
evaluated with ``ScriptEngine.evaluate_display`` (the result in the
language's own notation) inside a persistent ``repl`` script.
Errors are printed and the session goes on.
"""

from __future__ import annotations

import sys
from typing import TextIO

from kryon_core.errors import CompileError, ScriptError
from kryon_core.manager import ScriptManager

__all__ = ["run_repl"]


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
            shown = instance.run(engine.evaluate_display, record.script_id, buffer)
        except CompileError as exc:
            if interactive and _needs_more(exc, buffer) and line.strip():
                continue
            stdout.write(exc.render() + "\n")
        except ScriptError as exc:
            stdout.write(exc.render() + "\n")
        except Exception as exc:  # an engine bug must not end the session
            stdout.write(f"internal error: {type(exc).__name__}: {exc}\n")
        else:
            if shown is not None:
                stdout.write(shown + "\n")
        buffer = ""
        stdout.flush()

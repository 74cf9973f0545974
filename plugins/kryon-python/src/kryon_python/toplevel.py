"""Running a script's top-level code the way ``python script.py`` would.

Standard library only: the isolated worker imports it too.
"""

from __future__ import annotations

import builtins
import sys
from collections.abc import Callable
from types import CodeType, ModuleType
from typing import Any, NoReturn

__all__ = [
    "describe_exception",
    "exception_name",
    "exit_",
    "exit_status",
    "make_print",
    "module_name",
    "run_module",
    "script_module",
]


def module_name(script: str, *, entry_point: bool) -> str:
    """``__name__`` of a script: ``"__main__"`` for the program itself
    (``kryon run FILE``), else the script's name without ``.py``."""
    if entry_point:
        return "__main__"
    return script[:-3] if script.endswith(".py") else script


def script_module(script: str, builtins_: dict[str, Any], *, entry_point: bool) -> ModuleType:
    """The module a script runs in, its globals in the order ``python`` gives
    them (``list(globals())`` prints the same): the program's own also has the
    ``__annotations__`` and ``__cached__`` of ``python FILE``'s ``__main__``.
    ``__file__`` is the script's name (the host's paths stay hidden)."""
    module = ModuleType(module_name(script, entry_point=entry_point))
    namespace = module.__dict__
    # (__doc__ is set: without it the name falls through to the builtins')
    namespace["__doc__"] = None
    if entry_point:
        namespace["__annotations__"] = {}
    namespace["__builtins__"] = builtins_
    namespace["__file__"] = script
    if entry_point:
        namespace["__cached__"] = None
    return module


def exit_(status: object = None) -> NoReturn:
    """``exit``/``quit`` of a script (and ``sys.exit`` in isolated mode): end the
    program.  Unlike the interactive ``site`` helpers they replace, they never
    close the interpreter's standard input."""
    raise SystemExit(status)


_C_LONG = 1 << 63


def exit_status(exc: SystemExit) -> tuple[int, str | None]:
    """The exit status and stderr message of a ``SystemExit`` that ends the
    program, as ``python`` gives them: ``None`` is 0, an int is itself (one
    past a C long is -1), anything else is printed (its ``str``) and gives 1.
    The ``str`` is script code: call this under the policy's limits."""
    code = exc.code
    if code is None:
        return 0, None
    if isinstance(code, int):
        return (int(code) if -_C_LONG <= code < _C_LONG else -1), None
    return 1, _safe_str(code, "")


def run_module(code: CodeType, namespace: dict[str, Any]) -> None:
    """Run top-level code.  A ``SystemExit`` goes on up: whatever its status,
    it ends the program (the engine reports it as ``ScriptExit``)."""
    exec(code, namespace)


Writer = Callable[[str], object]

_PRINT_OPTIONS = ("sep", "end", "file", "flush")


def make_print(
    stdout: Callable[[], Any], direct: Callable[[Any], Writer | None]
) -> Callable[..., None]:
    """A script's ``print``, behaving as the built-in one: ``file=None`` means
    whatever ``stdout()`` is now (``sys.stdout``, which a script may replace),
    and each piece goes to ``file.write`` in turn.  A stream that leads to the
    bridge (``direct(file)`` gives its writer) gets the line in one write, so
    a print is one message to the host."""

    def print_(*values: object, **options: Any) -> None:
        for key in options:
            if key not in _PRINT_OPTIONS:
                raise TypeError(f"{key!r} is an invalid keyword argument for print()")
        file = options.get("file")
        if file is None:
            file = stdout()
            if file is None:  # as Python: no sys.stdout, nothing printed
                return
        sep = _print_text(options.get("sep"), "sep", " ")
        end = _print_text(options.get("end"), "end", "\n")
        writer = direct(file)
        if writer is None:
            for index, value in enumerate(values):
                if index:
                    file.write(sep)
                file.write(str(value))
            file.write(end)
        else:
            pieces: list[str] = []
            try:  # what was converted before a failing __str__ is still printed
                for index, value in enumerate(values):
                    if index:
                        pieces.append(sep)
                    pieces.append(str(value))
                pieces.append(end)
            finally:
                if pieces:
                    _write_joined(writer, pieces)
        if options.get("flush"):
            file.flush()

    print_.__name__ = print_.__qualname__ = "print"
    print_.__doc__ = builtins.print.__doc__
    return print_


def _write_joined(writer: Writer, pieces: list[str]) -> None:
    try:
        writer("".join(pieces))
    except UnicodeEncodeError:
        # a piece the stream cannot encode: as python, the pieces before it
        # are printed and the error names the position in that piece
        for piece in pieces:
            writer(piece)
        raise


def _print_text(value: object, name: str, default: str) -> str:
    if value is None:
        return default
    if not isinstance(value, str):
        raise TypeError(f"{name} must be None or a string, not {type(value).__name__}")
    return value


_GROUP_SHOWN = 15
"""Sub-exceptions of one group listed in a report (Python's own limit)."""
_GROUP_DEPTH = 10
_GROUP_TYPES: tuple[type[BaseException], ...] = tuple(
    getattr(builtins, name) for name in ("BaseExceptionGroup",) if hasattr(builtins, name)
)
"""Exception groups (Python 3.11 and later)."""


def exception_name(cls: type[BaseException]) -> str:
    """The class name python's traceback prints: the qualified name, after its
    module's for a class of a real module (``json.decoder.JSONDecodeError``).
    A script's own classes are ``__main__``'s or belong to a module that was
    never imported (scripts are not in ``sys.modules``): their name alone, as
    for a program's own classes."""
    name = getattr(cls, "__qualname__", None)
    if not isinstance(name, str):
        name = cls.__name__
    module = getattr(cls, "__module__", None)
    if not isinstance(module, str) or module in ("builtins", "__main__"):
        return name
    if module.partition(".")[0] == "kryon_python":
        return f"kryon.{cls.__name__}"  # what the script knows it as (kryon.HostError)
    if module in sys.modules:
        return f"{module}.{name}"
    return name


def describe_exception(exc: BaseException, depth: int = 0) -> str:
    """The text ``python script.py`` prints last for an uncaught exception:
    ``Type: message``, then its notes (``add_note``), then for an exception
    group each sub-exception, indented.  Script code runs here (``__str__``);
    an exception from it gives Python's ``<exception str() failed>``."""
    name = exception_name(type(exc))
    text = _safe_str(exc, "<exception str() failed>")
    lines = [f"{name}: {text}" if text else name]
    try:
        notes = getattr(exc, "__notes__", None)
    except _STR_FAILURES:
        notes = None
    if isinstance(notes, list | tuple):
        lines += [_safe_str(note, "<note str() failed>") for note in notes]
    elif notes is not None:
        lines.append(_safe_str(notes, "<__notes__ str() failed>"))
    if isinstance(exc, _GROUP_TYPES) and depth < _GROUP_DEPTH:
        members: tuple[BaseException, ...] = getattr(exc, "exceptions", ())
        for number, member in enumerate(members[:_GROUP_SHOWN], 1):
            inner = describe_exception(member, depth + 1).replace("\n", "\n    ")
            lines.append(f"  {number}: {inner}")
        if len(members) > _GROUP_SHOWN:
            lines.append(f"  and {len(members) - _GROUP_SHOWN} more exceptions")
    return "\n".join(lines)


_STR_FAILURES = (Exception, SystemExit, GeneratorExit)
"""What a failing ``__str__`` may raise: python prints the fallback text
(an exit raised there crashed the worker).  The engines' own limit
exceptions still go through."""


def _safe_str(value: object, fallback: str) -> str:
    try:
        return str(value)
    except _STR_FAILURES:
        return fallback

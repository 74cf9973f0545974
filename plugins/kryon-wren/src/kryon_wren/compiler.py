"""Generated Python pieces to code objects, within the policy's limits.

The code generator hands over its output in pieces (see ``ExprGen.source``):
each is compiled by its own ``compile()`` call, so CPython's compiler, which
holds the syntax tree of everything it is given (some hundred bytes per
character), never holds more than one piece.  The code objects then get
their line numbers moved to where the piece starts in the whole output.

Under limits, compiling is bounded as running is: :class:`CompileBudget`
is checked while lexing, parsing and generating, and before each piece is
handed to CPython, whose compiler cannot be interrupted.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from types import CodeType

from kryon_core.heap import HeapMeter

COMPILE_TIME_FACTOR = 10
"""Compiling a script may take this many times the policy's time limit (a
limit made for one call; pure-Python compiling is slower than running)."""

COMPILE_BYTES_PER_NODE = 1500
"""Memory CPython's compiler takes per syntax node of generated source, counted
as its parentheses, commas, assignments and lines (measured at 900 to 1900 on
CPython 3.11 for this generator's output), plus COMPILE_BYTES_PER_CHAR per
character (a long string literal is one node of many characters)."""

COMPILE_BYTES_PER_CHAR = 4

COMPILE_SECONDS_PER_CHAR = 0.2e-6
"""A low estimate of CPython's compile time per character of generated source."""


class CompileBudget:
    """The time and memory left to a compilation; ``fail(kind, message)`` makes
    the limit error (``kind`` is "time" or "memory")."""

    __slots__ = ("_deadline", "_fail", "_limit", "_meter")

    def __init__(
        self,
        deadline: float | None,
        meter: HeapMeter | None,
        memory_limit: int | None,
        fail: Callable[[str, str], BaseException],
    ) -> None:
        self._deadline = deadline
        self._meter = meter
        self._limit = memory_limit
        self._fail = fail

    def check(self, seconds: float = 0.0, nbytes: int = 0) -> None:
        """Raise the limit error if the compilation is past its limits, or would
        be after ``seconds`` more taking ``nbytes`` more."""
        if self._deadline is not None and time.monotonic() + seconds > self._deadline:
            raise self._fail("time", "time limit exceeded while compiling the script")
        if (
            self._meter is not None
            and self._limit is not None
            and self._meter.used() + nbytes > self._limit
        ):
            raise self._fail("memory", "memory limit exceeded while compiling the script")


def compile_pieces(
    pieces: list[tuple[int, str]], filename: str, budget: CompileBudget | None
) -> tuple[CodeType, ...]:
    """Compile each (first line, text) piece; raises what ``compile`` raises."""
    codes: list[CodeType] = []
    with warnings.catch_warnings():
        # Literal operands produce "is with a literal" warnings; the
        # generated comparisons are identity tests on purpose.
        warnings.simplefilter("ignore", SyntaxWarning)
        for first, text in pieces:
            if budget is not None:
                budget.check(len(text) * COMPILE_SECONDS_PER_CHAR, compile_bytes(text))
            try:
                code = compile(text, filename, "exec")
            except SyntaxError as exc:
                if exc.lineno is not None:
                    exc.lineno += first - 1
                raise
            codes.append(shift_lines(code, first - 1))
    return tuple(codes)


def compile_bytes(text: str) -> int:
    """An estimate of the memory ``compile(text)`` takes while it runs."""
    nodes = text.count("(") + text.count(",") + text.count(" = ") + text.count("\n")
    return nodes * COMPILE_BYTES_PER_NODE + len(text) * COMPILE_BYTES_PER_CHAR


def shift_lines(code: CodeType, delta: int) -> CodeType:
    """``code`` and the code nested in it with line numbers ``delta`` further."""
    if delta == 0:
        return code
    consts = tuple(shift_lines(c, delta) if isinstance(c, CodeType) else c for c in code.co_consts)
    # Line numbers are stored relative to the first line (co_linetable).
    return code.replace(co_firstlineno=code.co_firstlineno + delta, co_consts=consts)

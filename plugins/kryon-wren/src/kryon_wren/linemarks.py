"""The line a stack trace names inside a statement that spans lines.

The reference emits a call (a method call, an operator, a subscript, an
interpolation's join) once it has read the call's last token, and its stack
traces name that line: for `list.each {|x| ... }` over three lines the line of
the closing brace, for `[a,\\n b.c]` the line of `b.c`. The generated Python
keeps a statement on one Python line, mapped to one Wren line, which is right
for a statement on one line.  For a statement over several lines, exprgen
marks the code of each such node with its line (``mark``); ``unmark`` strips
the marks when the source is assembled and keeps, for that Python line, the
span of columns of each node's code.  A frame's Wren line is then the line of
the innermost span around the instruction the frame is at (CPython records
the columns of every instruction), else the statement's.
"""

from __future__ import annotations

import functools
import re
from types import CodeType

from kryon_wren import nodes as N

MARK_OPEN, MARK_TEXT, MARK_CLOSE = "\x01", "\x02", "\x03"
"""Around a node's code: OPEN, its line, TEXT, the code, CLOSE.  Generated
code has no such characters of its own (literals are written with repr)."""

REPORTED = (N.Call, N.SuperCall, N.Binary, N.Unary, N.Is, N.Interp)
"""The nodes whose code may fail where the reference reports their own line."""

Span = tuple[int, int, int]
"""(first byte, end byte, Wren line) of a node's code in its Python line."""

_EXPRESSIONS = (
    N.Lit,
    N.Interp,
    N.ListLit,
    N.MapLit,
    N.Var,
    N.This,
    N.Field,
    N.Call,
    N.SuperCall,
    N.Unary,
    N.Binary,
    N.Logic,
    N.Cond,
    N.Is,
    N.Assign,
    N.FnExpr,
)
_PIECES = re.compile(f"({MARK_OPEN}[0-9]+{MARK_TEXT}|{MARK_CLOSE})")


def spans_lines(stmt: N.Node) -> bool:
    """Whether an expression of ``stmt`` (not a statement nested in it, nor a
    function's body) has a part on another line than the statement."""
    return any(_other_line(v, stmt.line) for v in _children(stmt))


def _children(node: N.Node) -> list[object]:
    names: tuple[str, ...] = type(node).__slots__
    return [getattr(node, name) for name in names]


def _other_line(value: object, line: int) -> bool:
    if isinstance(value, _EXPRESSIONS):
        if value.line != line or getattr(value, "at", 0) not in (0, line):
            return True
        if isinstance(value, N.FnExpr):
            return False
        return any(_other_line(v, line) for v in _children(value))
    if isinstance(value, (list, tuple)):
        return any(_other_line(v, line) for v in value)
    return False


def unmark(text: str, offset: int) -> tuple[str, list[Span]]:
    """``text`` without its marks, and the span of each marked node, its
    columns counted in UTF-8 bytes (as CPython's) from ``offset``."""
    out: list[str] = []
    spans: list[Span] = []
    opened: list[tuple[int, int]] = []
    pos = offset
    for piece in _PIECES.split(text):
        if piece.startswith(MARK_OPEN):
            opened.append((pos, int(piece[1:-1])))
        elif piece == MARK_CLOSE:
            start, line = opened.pop()
            spans.append((start, pos, line))
        elif piece:
            out.append(piece)
            pos += len(piece.encode("utf-8", "surrogatepass"))
    return "".join(out), spans


@functools.lru_cache(maxsize=512)
def _positions(code: CodeType) -> list[tuple[int | None, int | None, int | None, int | None]]:
    return list(code.co_positions())


def frame_line(
    line_map: list[int], spans: dict[int, list[Span]], code: CodeType, py_line: int, lasti: int
) -> int:
    """The Wren line of a frame of ``code`` at Python line ``py_line`` and
    instruction offset ``lasti``."""
    line = line_map[py_line] if 0 < py_line < len(line_map) else 0
    marked = spans.get(py_line)
    if not marked or lasti < 0:
        return line
    positions = _positions(code)
    if lasti // 2 >= len(positions):
        return line
    first, last, col, end = positions[lasti // 2]
    if first != py_line or last != py_line or col is None or end is None:
        return line
    best: Span | None = None
    for span in marked:
        if (
            span[0] <= col
            and end <= span[1]
            and (best is None or span[1] - span[0] < best[1] - best[0])
        ):
            best = span
    return line if best is None else best[2]


def spans_to_json(spans: dict[int, list[Span]]) -> list[list[int]]:
    """``spans`` as a JSON value (a compilation cache entry's metadata)."""
    return [[py_line, *span] for py_line, marked in spans.items() for span in marked]


def spans_from_json(flat: list[list[int]]) -> dict[int, list[Span]]:
    spans: dict[int, list[Span]] = {}
    for py_line, start, end, line in flat:
        spans.setdefault(py_line, []).append((start, end, line))
    return spans

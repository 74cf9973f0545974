"""``clojure.pprint``: ``pprint`` with Clojure's layout of data, and ``print-table``.

Clojure's pretty printer puts a collection on one line when it fits in the
right margin (72 columns; the line may end at column 72, counting what
follows the collection up to the next place its parent may break: ``,`` and a
space in a map, a space in a vector, the closing brackets of the last
elements). One that does not fit breaks at every element (its "linear"
newlines), each on a line of its own indented to just after its opening
bracket; a map entry that does not fit puts its value under its key.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from kryon_lisp.printer import pr_str, str_of
from kryon_lisp.types import LMap, LSet, PVector, Seq

RIGHT_MARGIN = 72


def _block(x: Any) -> tuple[str, list[Any], str, bool] | None:
    """(prefix, elements, suffix, elements are map entries) of a collection."""
    if isinstance(x, LMap):
        record_type = getattr(x, "record_type", None)
        prefix = "{" if record_type is None else f"#{record_type.full_name}{{"
        return prefix, list(x.items()), "}", True
    if type(x) is PVector:
        return "[", list(x), "]", False
    if isinstance(x, LSet):
        return "#{", list(x), "}", False
    if isinstance(x, Seq):
        return "(", list(x), ")", False
    return None


def _layout(x: Any, col: int, trailing: int, out: list[str]) -> int:
    """Write ``x`` from column ``col`` (``trailing`` characters follow it before
    the parent's next break); answer the column after it."""
    flat = pr_str(x)
    block = _block(x) if "\n" not in flat else None
    if block is None or col + len(flat) + trailing <= RIGHT_MARGIN:
        out.append(flat)
        return col + len(flat) if "\n" not in flat else len(flat) - flat.rfind("\n") - 1
    prefix, elements, suffix, entries = block
    out.append(prefix)
    col = indent = col + len(prefix)
    for i, element in enumerate(elements):
        last = i == len(elements) - 1
        if i:
            out.append("\n" + " " * indent)
            col = indent
        after = len(suffix) + trailing if last else (2 if entries else 1)
        if entries:
            key, value = element
            entry = f"{pr_str(key)} {pr_str(value)}"
            if col + len(entry) + after <= RIGHT_MARGIN:
                out.append(entry)
                col += len(entry)
            else:  # the entry's own block breaks: the value under the key
                entry_indent = col
                _layout(key, col, 1, out)
                out.append("\n" + " " * entry_indent)
                col = _layout(value, entry_indent, after, out)
        else:
            col = _layout(element, col, after, out)
        if not last:
            out.append("," if entries else "")
            col += 1 if entries else 0
    out.append(suffix)
    return col + len(suffix)


def pformat(x: Any) -> str:
    """The text ``pprint`` writes for ``x``, without the final newline."""
    out: list[str] = []
    _layout(x, 0, 0, out)
    return "".join(out)


def _script_out() -> Callable[[str], None]:
    """The output of the script calling (``*out*`` as it is bound there): the
    nearest caller whose globals are a namespace's."""
    frame = sys._getframe(2)
    while frame is not None:
        out = frame.f_globals.get("@out")
        if out is not None:
            return out  # type: ignore[no-any-return]
        frame = frame.f_back  # type: ignore[assignment]
    raise RuntimeError("clojure.pprint called from outside a script")


def pprint(x: Any, writer: Any = None) -> None:
    text = pformat(x) + "\n"
    emit = getattr(writer, "emit", None)
    (emit if callable(emit) else _script_out())(text)


def print_table(*args: Any) -> None:
    """``(print-table rows)`` / ``(print-table ks rows)``: a blank line, then the
    keys and each row right-aligned in columns as wide as their widest cell."""
    if len(args) == 1:
        rows = list(args[0] or ())
        keys = list(rows[0].keys()) if rows else []
    else:
        keys, rows = list(args[0] or ()), list(args[1] or ())
    if not rows:
        return
    widths = [max([len(str_of(k)), *(len(str_of(row.get(k))) for row in rows)]) for k in keys]

    def line(leader: str, divider: str, trailer: str, cells: list[str]) -> str:
        padded = (cell.rjust(width) for cell, width in zip(cells, widths, strict=True))
        return leader + divider.join(padded) + trailer + "\n"

    text = ["\n", line("| ", " | ", " |", [str_of(k) for k in keys])]
    text.append(line("|-", "-+-", "-|", ["-" * w for w in widths]))
    for row in rows:
        text.append(line("| ", " | ", " |", [str_of(row.get(k)) for k in keys]))
    _script_out()("".join(text))


CLOJURE_PPRINT: dict[str, Any] = {
    "pprint": pprint,
    "print-table": print_table,
}

"""How a script's source becomes the text QuickJS evaluates, and back.

The binding evaluates everything under the one file name ``<input>``, so a
stack frame only says ``<input>:line:column``.  Every loaded script therefore
gets its own band of line numbers: its text is preceded by as many newlines as
the band's first line, and a reported line maps back to exactly one script and
its own line number.  Bands are allocated first-fit and reused after unload,
so the padding stays as small as the scripts currently loaded.  Lines below
:data:`FIRST_LINE` belong to the engine's own code (the prelude).

Each script is wrapped in a function, which gives it its own namespace inside
the one VM:

* a classic script (``.js``) runs as ``function($kscope$) { with ($kscope$) {
  ... } }`` in sloppy mode, so per-script globals set from the host (the
  scope object) shadow the VM's shared globals; a script starting with
  ``"use strict"`` runs without the ``with`` (strict code forbids it);
* an ES module becomes a strict ``async`` function (top-level ``await``
  works) whose ``import``/``export`` statements were rewritten into reads of
  the VM's module registry (:mod:`kryon_js.shape`).

The wrapper's header sits on the band's first line and its trailer after the
last source line, so the script's own lines are unchanged.  Where an edit makes
a line longer (a throw site, an ``import`` statement), the band keeps the
edit's place and :meth:`LineBands.column` maps a reported column back.

Throw sites: QuickJS records where an exception was thrown only for error
objects (their stack), so ``throw "oops"`` would reach the host with no line.
Each ``throw X`` is rewritten ``throw $kt$[n]=X`` (:mod:`kryon_js.shape`): the
wrapper's second parameter is an object whose setter ``n`` records the value
and the site's line and column (the prelude's ``throwSites``), which the
prelude reports when that value ends the call.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass

from kryon_core import CompileError
from kryon_js.lexer import tokenize
from kryon_js.shape import IMPORT_META, THROW_SITES, ScriptShape

__all__ = ["FIRST_LINE", "LineBands", "Shifts", "Wrapped", "without_nul", "wrap"]

FIRST_LINE = 8000
"""Above the prelude's lines (``prelude.PRELUDE_LINES``, tested)."""

Shifts = dict[int, list[tuple[int, int, int]]]
"""Line of a script -> ``(start, end, added)`` of each edit that made it longer
(0-based columns of the original line, in order): ``ScriptShape.shifts``."""


@dataclass(frozen=True)
class Wrapped:
    """The text to evaluate for one script and the facts about it."""

    text: str
    base: int
    """Reported line ``base + n`` is line ``n`` of the script."""
    lines: int
    sloppy: bool
    sites: str
    """The throw sites for the prelude's ``throwSites``: ``line,column`` in the
    VM's numbering, ``;``-separated, in site order."""
    checks: str = "[]"
    """The value checks (``ScriptShape.checks``) as JSON, for ``throwSites`` too."""


class LineBands:
    """Which script owns which reported line numbers."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._bands: dict[int, tuple[int, str]] = {}  # start -> (end inclusive, script)
        self._shifts: dict[int, Shifts] = {}  # start -> the script's longer lines
        self.version = 0
        """Changes with every allocation and release (the prelude keeps a copy)."""

    def allocate(self, script: str, lines: int, shifts: Shifts | None = None) -> int:
        """Reserve ``lines + 2`` lines (header, source, trailer); returns the base."""
        size = lines + 2
        cursor = FIRST_LINE
        for start in self._starts:
            if start - cursor >= size:
                break
            cursor = max(cursor, self._bands[start][0] + 1)
        bisect.insort(self._starts, cursor)
        self._bands[cursor] = (cursor + size - 1, script)
        if shifts:
            self._shifts[cursor] = shifts
        self.version += 1
        return cursor

    def release(self, base: int) -> None:
        if self._bands.pop(base, None) is not None:
            self._starts.remove(base)
            self._shifts.pop(base, None)
            self.version += 1

    def owns(self, script: str) -> bool:
        """Whether a band of ``script`` is allocated."""
        return any(name == script for _, name in self._bands.values())

    def table(self) -> str:
        """The bands as JSON for the prelude, which writes error stacks in script
        terms by itself: ``[[first, last, script, {line: [[start, end, added]]}]]``."""
        return json.dumps(
            [[start, *self._bands[start], self._shifts.get(start, {})] for start in self._starts]
        )

    def column(self, line: int, column: int) -> int:
        """The script's own column of a reported ``line:column`` (1-based): columns
        after an edit that made the line longer move back; one inside the edit's
        text is the edit's start."""
        index = bisect.bisect_right(self._starts, line) - 1
        shifts = self._shifts.get(self._starts[index]) if index >= 0 else None
        edits = shifts.get(line - self._starts[index]) if shifts else None
        if not edits:
            return column
        at, moved = column - 1, 0
        for start, end, added in edits:
            if at < start + moved:
                break
            if at < end + moved + added:
                return start + 1
            moved += added
        return at - moved + 1

    def locate(self, line: int) -> tuple[str, int] | None:
        """``(script, line in script)`` for a reported line; None for engine code."""
        index = bisect.bisect_right(self._starts, line) - 1
        if index < 0:
            return None
        start = self._starts[index]
        end, script = self._bands[start]
        if line > end:
            return None
        return script, max(1, min(line - start, end - start - 1))


def site_table(shape: ScriptShape, base: int) -> str:
    """The throw sites of ``shape`` placed at ``base``, as ``Wrapped.sites``."""
    return ";".join(f"{base + line},{column}" for line, column in shape.throws)


def _accessors(names: list[str]) -> str:
    unique = [n for n in dict.fromkeys(names) if n.isidentifier() or n.startswith("$")]
    gets = "".join(f"case {json.dumps(n)}: return {{found: true, value: {n}}};" for n in unique)
    sets = "".join(f"case {json.dumps(n)}: {n} = $kv$; return true;" for n in unique)
    return (
        f"get: function($kn$) {{ switch ($kn$) {{ {gets} }} return {{found: false}}; }}, "
        f"set: function($kn$, $kv$) {{ switch ($kn$) {{ {sets} }} return false; }}"
    )


def wrap(
    source: str, shape: ScriptShape, base: int, *, module: bool, path: str | None = None
) -> Wrapped:
    """The evaluable text of ``source`` placed at line ``base``; ``path`` (the file a
    module came from, if any) gives its ``import.meta``."""
    body = shape.rewrite(source)
    lines = body.count("\n") + 1
    padding = "\n" * (base - 1)
    if module:
        exports = ", ".join(
            f"get {json.dumps(name)}() {{ return {expr}; }}" for name, expr in shape.exports.items()
        )
        head = f'(async function ($kscope$, {THROW_SITES}) {{"use strict";'
        if shape.uses_meta:
            head += f"const {IMPORT_META}=__kryon_meta({json.dumps(json.dumps(path))});"
        tail = (
            f";return {{exports: __kryon_export({{{exports}}}, "
            f"{json.dumps(shape.star_exports)}), {_accessors(shape.declared)}}};}})"
        )
        sloppy = False
    else:
        # The namespace is made by a function the header stores in the third
        # parameter (the prelude's load calls it), not by the trailer: a
        # top-level `return` (allowed by Node's CommonJS wrapper) skips the
        # trailer.  A strict script's directive stays first in the header.
        functions = ", ".join(f"{json.dumps(n)}: {n}" for n in shape.functions)
        sloppy = not shape.strict
        head = (
            f"(function ($kscope$, {THROW_SITES}, $kns$, exports, require, module) {{"
            # (the body in a block: its own `let module` or `class require` may shadow
            # the CommonJS parameters, as in Node)
            + ("with ($kscope$) {" if sloppy else '"use strict";{')
            + f"$kns$.make = function () {{ return {{fns: {{{functions}}}, "
            + f"{_accessors(shape.declared)}}}; }};"
        )
        tail = ";}})"
    text = f"{padding}{head}\n{body}\n{tail}"
    checks = json.dumps(shape.checks, ensure_ascii=False)
    return Wrapped(text, base, lines, sloppy, site_table(shape, base), checks)


def without_nul(text: str, script: str) -> str:
    """``text`` with no NUL character, meaning the same.

    The binding hands QuickJS a C string, which would end at the first NUL.  A NUL
    inside a string, template or regular expression literal becomes the escape
    ``\\x00`` (the same character; a NUL escaped by a backslash becomes ``x00``
    after it), one in a comment a space.  JavaScript allows it nowhere else: that is
    a syntax error at its line and column.
    """
    if "\0" not in text:
        return text
    tokens = tokenize(text)
    starts = [token.start for token in tokens]
    out: list[str] = []
    last = 0
    at = text.find("\0")
    while at >= 0:
        index = bisect.bisect_right(starts, at) - 1
        token = tokens[index] if index >= 0 and at < tokens[index].end else None
        if token is None:
            replacement = " "  # in a comment or whitespace
        elif token.kind in ("str", "tmpl", "regex"):
            backslashes = len(text[token.start : at]) - len(text[token.start : at].rstrip("\\"))
            replacement = "x00" if backslashes % 2 else "\\x00"
        else:
            line = text.count("\n", 0, at) + 1
            column = at - text.rfind("\n", 0, at)
            raise CompileError(
                "SyntaxError: unexpected character U+0000 (NUL)",
                script=script,
                line=line,
                column=column,
            )
        out.append(text[last:at])
        out.append(replacement)
        last = at + 1
        at = text.find("\0", last)
    out.append(text[last:])
    return "".join(out)

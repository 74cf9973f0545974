"""The reader: Kryon Lisp source text to forms, each knowing its line and column.

Lists and symbols carry ``line``/``column`` attributes; every other form's
position is in :attr:`Reader.positions` (keyed by ``id``, valid while the
forms are alive).  Nesting deeper than :data:`MAX_NESTING` is a clean
CompileError, never a Python RecursionError.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from pyrsistent import pvector

from kryon_core import CompileError
from kryon_lisp import limits, patterns
from kryon_lisp.compile_budget import CompileBudget
from kryon_lisp.syntax_quote import SyntaxQuoter
from kryon_lisp.types import BigInt, Char, Keyword, LMap, LSet, PList, Symbol, key_of, plist

FEATURES = (Keyword("kryon"), Keyword("lisp"), Keyword("default"), Keyword("clj"))
"""Reader-conditional features, in order of preference."""

MAX_NESTING = 200
"""Deepest nesting of collections the reader accepts."""

_DELIMS = set('()[]{}";`~^@,') | {" ", "\t", "\n", "\r", "\f"}
# a token runs to the next delimiter (never across a line); blanks and commas
# are skipped in one match (the reader went a character at a time: 1 us each)
_TOKEN = re.compile(r'[^()\[\]{}";`~^@, \t\n\r\f]*')
_BLANKS = re.compile(r"[ \t\r\n\f,]+")
_INT = re.compile(r"^([-+]?)(?:(0[xX])([0-9a-fA-F]+)|([0-9]+)r([0-9a-zA-Z]+)|([0-9]+))N?$")
_FLOAT = re.compile(r"^[-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?M?$")
_RATIO = re.compile(r"^([-+]?[0-9]+)/([0-9]+)$")

MAX_NUMBER_DIGITS = 320_000
"""About the million bits arithmetic allows; longer number tokens are refused."""


def parse_decimal(digits: str) -> int:
    """``int(digits)`` for any length (CPython refuses past 4,300 digits)."""
    if len(digits) <= 4_000:
        return int(digits)
    limits.charge(len(digits))  # C work no step check interrupts (read-string at run time)
    return _parse_halves(digits)


def _parse_halves(digits: str) -> int:
    if len(digits) <= 4_000:
        return int(digits)
    half = len(digits) // 2
    scale: int = 10**half
    return _parse_halves(digits[:-half]) * scale + _parse_halves(digits[-half:])


_CHAR_NAMES = {
    "newline": "\n",
    "space": " ",
    "tab": "\t",
    "return": "\r",
    "backspace": "\b",
    "formfeed": "\f",
    "nul": "\0",
}
_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "b": "\b",
    "f": "\f",
    "0": "\0",
    "'": "'",
}

QUOTE = Symbol("quote")
DEREF = Symbol("deref")
VAR = Symbol("var")
UNQUOTE = Symbol("unquote", "clojure.core")
UNQUOTE_SPLICING = Symbol("unquote-splicing", "clojure.core")
FN = Symbol("fn*")
AMP = Symbol("&")


class Reader:
    """Reads all forms of one source text."""

    def __init__(
        self,
        source: str,
        script: str = "<lisp>",
        ns: str = "user",
        budget: CompileBudget | None = None,
    ) -> None:
        self.src = source
        self.budget = budget
        self.script = script
        self.ns = ns
        self.pos = 0
        self.line = 1
        self.col = 1
        self.depth = 0
        self.positions: dict[int, tuple[int, int]] = {}
        self.keep: list[Any] = []
        self._fn_args: dict[int, Symbol] | None = None
        self._quoter = SyntaxQuoter(self)

    # -- errors and characters ------------------------------------------------

    def error(
        self, message: str, line: int | None = None, column: int | None = None
    ) -> CompileError:
        return CompileError(
            message,
            script=self.script,
            line=self.line if line is None else line,
            column=self.col if column is None else column,
        )

    def _peek(self) -> str:
        return self.src[self.pos] if self.pos < len(self.src) else ""

    def _advance(self) -> str:
        c = self.src[self.pos]
        self.pos += 1
        if c == "\n":
            self.line += 1
            self.col = 1
        else:
            self.col += 1
        return c

    def _skip_ws(self) -> None:
        src = self.src
        while self.pos < len(src):
            c = src[self.pos]
            if c in " \t\r\n\f,":
                m = _BLANKS.match(src, self.pos)
                assert m is not None
                end = m.end()
                newlines = src.count("\n", self.pos, end)
                if newlines:
                    self.line += newlines
                    self.col = end - src.rfind("\n", self.pos, end)
                else:
                    self.col += end - self.pos
                self.pos = end
            elif c == ";":
                while self.pos < len(src) and src[self.pos] != "\n":
                    self._advance()
            elif c == "#" and src.startswith("#|", self.pos):
                self._block_comment()
            elif c == "#" and src.startswith("#!", self.pos):
                while self.pos < len(src) and src[self.pos] != "\n":
                    self._advance()
            else:
                return

    def _block_comment(self) -> None:
        line = self.line
        self._advance()
        self._advance()
        level = 1
        while level:
            if self.pos >= len(self.src):
                raise self.error(f"EOF while reading block comment, starting at line {line}")
            if self.src.startswith("|#", self.pos):
                level -= 1
                self._advance()
            elif self.src.startswith("#|", self.pos):
                level += 1
                self._advance()
            self._advance()

    # -- public -----------------------------------------------------------------

    def read_all(self) -> list[Any]:
        forms: list[Any] = []
        while True:
            self._skip_ws()
            if self.pos >= len(self.src):
                return forms
            form = self.read_form()
            if form is _DISCARDED:
                continue
            if (
                isinstance(form, PList)
                and form.count >= 2
                and form.first() == Symbol("ns")
                and isinstance(form.more().first(), Symbol)
            ):
                self.ns = form.more().first().name
            forms.append(form)

    def position(self, form: Any) -> tuple[int | None, int | None]:
        line = getattr(form, "line", None)
        if line is not None:
            return line, getattr(form, "column", None)
        return self.positions.get(id(form), (None, None))

    # -- forms ------------------------------------------------------------------

    def _note(self, form: Any, line: int, col: int) -> Any:
        if isinstance(form, (PList, Symbol)):
            form.line = line
            form.column = col
        elif form is not None and not isinstance(form, (bool, int, Keyword)):
            self.positions[id(form)] = (line, col)
            self.keep.append(form)
        return form

    def read_form(self) -> Any:
        """Read one form (or return the discard marker for ``#_``)."""
        if self.budget is not None:
            self.budget.tick()
        self._skip_ws()
        if self.pos >= len(self.src):
            raise self.error("EOF while reading")
        line, col = self.line, self.col
        c = self._peek()
        if c in "([{":
            return self._note(self._collection(c), line, col)
        if c in ")]}":
            self._advance()
            raise self.error(f"Unmatched delimiter: {c}", line, col)
        if c == '"':
            return self._note(self._string(), line, col)
        if c == "'":
            self._advance()
            return self._wrap(QUOTE, line, col)
        if c == "@":
            self._advance()
            return self._wrap(DEREF, line, col)
        if c == "`":
            self._advance()
            form = self._next_form("syntax-quote")
            return self._note(self._quoter.quote(form), line, col)
        if c == "~":
            self._advance()
            if self._peek() == "@":
                self._advance()
                return self._wrap(UNQUOTE_SPLICING, line, col)
            return self._wrap(UNQUOTE, line, col)
        if c == "^":
            self._advance()
            return self._meta(line, col)
        if c == "\\":
            return self._note(self._char(), line, col)
        if c == "#":
            return self._dispatch(line, col)
        token = self._token()
        if token == "r" and self._peek() == '"':
            return self._note(self._string(raw=True), line, col)
        return self._note(self._atom(token, line, col), line, col)

    def _next_form(self, what: str) -> Any:
        line = self.line
        while True:
            self._skip_ws()
            if self.pos >= len(self.src):
                raise self.error(f"EOF while reading {what}, starting at line {line}")
            form = self.read_form()
            if form is not _DISCARDED:
                return form

    def _wrap(self, sym: Symbol, line: int, col: int) -> PList:
        form = self._next_form(str(sym))
        return plist([sym, form]).at(line, col)

    def _collection(self, opener: str) -> Any:
        closer = {"(": ")", "[": "]", "{": "}"}[opener]
        items = self._items(closer)
        if opener == "(":
            return plist(items)
        if opener == "[":
            return pvector(items)
        if len(items) % 2:
            raise self.error("Map literal must contain an even number of forms")
        pairs = list(zip(items[::2], items[1::2], strict=False))
        keys = [k for k, _ in pairs]
        if len(set(_hashable(k) for k in keys)) != len(keys):
            raise self.error("Duplicate key in map literal")
        return LMap.of(pairs)

    def _items(self, closer: str) -> list[Any]:
        line, col = self.line, self.col
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise self.error(f"forms nested deeper than {MAX_NESTING} levels", line, col)
        self._advance()
        items: list[Any] = []
        while True:
            self._skip_ws()
            if self.pos >= len(self.src):
                # reported where the input ends (a REPL then knows to ask for more)
                raise self.error(f"EOF while reading, starting at line {line}")
            if self._peek() == closer:
                self._advance()
                self.depth -= 1
                return items
            form = self.read_form()
            if isinstance(form, _Splice):
                items.extend(form.forms)
            elif form is not _DISCARDED:
                items.append(form)

    def _string(self, raw: bool = False, regex: bool = False) -> str:
        line = self.line
        self._advance()
        out: list[str] = []
        while True:
            if self.pos >= len(self.src):
                raise self.error(f"EOF while reading string, starting at line {line}")
            c = self._advance()
            if c == '"':
                return "".join(out)
            if c == "\\" and regex:
                out.append(c)
                if self.pos < len(self.src):
                    out.append(self._advance())
                continue
            if c == "\\" and not raw:
                if self.pos >= len(self.src):
                    raise self.error(f"EOF while reading string, starting at line {line}")
                e = self._advance()
                if e == "u":
                    hexdigits = self.src[self.pos : self.pos + 4]
                    if not re.fullmatch(r"[0-9a-fA-F]{4}", hexdigits):
                        raise self.error(f"Invalid unicode escape: \\u{hexdigits}")
                    for _ in range(4):
                        self._advance()
                    out.append(chr(int(hexdigits, 16)))
                elif e in _ESCAPES:
                    out.append(_ESCAPES[e])
                else:
                    raise self.error(f"Unsupported escape character: \\{e}")
            else:
                out.append(c)

    def _char(self) -> Char:
        self._advance()
        if self.pos >= len(self.src):
            raise self.error("EOF while reading character")
        first = self._advance()
        rest = []
        while self.pos < len(self.src) and self._peek() not in _DELIMS and self._peek() != "#":
            rest.append(self._advance())
        name = first + "".join(rest)
        if len(name) == 1:
            return Char(name)
        if name in _CHAR_NAMES:
            return Char(_CHAR_NAMES[name])
        if name[0] == "u" and re.fullmatch(r"u[0-9a-fA-F]{4}", name):
            return Char(chr(int(name[1:], 16)))
        raise self.error(f"Unsupported character: \\{name}")

    def _token(self) -> str:
        start = self.pos
        m = _TOKEN.match(self.src, start)
        assert m is not None
        self.pos = end = m.end()
        self.col += end - start
        return self.src[start:end]

    def _atom(self, token: str, line: int, col: int) -> Any:
        if token == "nil":
            return None
        if token == "true":
            return True
        if token == "false":
            return False
        c = token[0]
        if c.isdigit() or (c in "+-" and len(token) > 1 and token[1].isdigit()):
            return self._number(token, line, col)
        if c == ":":
            return self._keyword(token, line, col)
        if token.endswith(":") or "::" in token or (token.startswith("/") and token != "/"):
            raise self.error(f"Invalid token: {token}", line, col)
        sym = Symbol.parse(token)
        if self._fn_args is not None and sym.ns is None and sym.name.startswith("%"):
            return self._fn_arg(sym, line, col)
        return sym

    def _number(self, token: str, line: int, col: int) -> Any:
        if len(token) > MAX_NUMBER_DIGITS:
            raise self.error(f"Number too large: {len(token)} digits", line, col)
        m = _INT.match(token)
        if m:
            n = self._integer(m, token, line, col)
            # a literal past the long range reads as a BigInt, as in Clojure
            return BigInt(n) if token.endswith("N") or not -(2**63) <= n < 2**63 else n
        if _FLOAT.match(token):
            return float(token.rstrip("M"))
        m = _RATIO.match(token)
        if m:
            numerator, denominator = parse_decimal(m.group(1)), parse_decimal(m.group(2))
            if denominator == 0:
                raise self.error("Divide by zero", line, col)
            value = Fraction(numerator, denominator)
            return value.numerator if value.denominator == 1 else value
        raise self.error(f"Invalid number: {token}", line, col)

    def _integer(self, m: re.Match[str], token: str, line: int, col: int) -> int:
        sign = -1 if m.group(1) == "-" else 1
        if m.group(2):
            return sign * int(m.group(3), 16)
        if m.group(4):
            try:
                return sign * int(m.group(5), int(m.group(4)))
            except ValueError:
                raise self.error(f"Invalid number: {token}", line, col) from None
        digits = m.group(6)
        if len(digits) > 1 and digits[0] == "0":
            # a leading zero makes an octal literal, as in Java (017 is 15, 08 is invalid)
            if not digits.isdigit() or "8" in digits or "9" in digits:
                raise self.error(f"Invalid number: {token}", line, col)
            return sign * int(digits, 8)
        return sign * parse_decimal(digits)

    def _keyword(self, token: str, line: int, col: int) -> Keyword:
        if token in {":", "::"} or token.endswith(":") or ":::" in token:
            raise self.error(f"Invalid token: {token}", line, col)
        if token.startswith("::"):
            body = token[2:]
            if "/" in body:
                return Keyword.parse(body)
            return Keyword(body, self.ns)
        return Keyword.parse(token[1:])

    def _meta(self, line: int, col: int) -> Any:
        meta = self._next_form("metadata")
        if isinstance(meta, Keyword):
            meta = LMap.of([(meta, True)])
        elif isinstance(meta, (Symbol, str)):
            meta = LMap.of([(Keyword("tag"), meta)])
        elif not isinstance(meta, LMap):
            raise self.error("Metadata must be Symbol,Keyword,String or Map", line, col)
        target = self._next_form("metadata target")
        if isinstance(target, (Symbol, PList, LMap, LSet)):
            merged = dict(target.meta.items()) if target.meta is not None else {}
            merged.update(meta.items())
            if isinstance(target, Symbol):
                target = target.with_meta(LMap.of(merged.items()))
                self._note(target, line, col)
            else:
                target.meta = LMap.of(merged.items())
        return target

    def _dispatch(self, line: int, col: int) -> Any:
        nxt = self.src[self.pos + 1 : self.pos + 2]
        if nxt == "{":
            self._advance()
            items = self._items("}")
            if len(set(_hashable(x) for x in items)) != len(items):
                raise self.error("Duplicate key in set literal", line, col)
            return self._note(LSet.of(items), line, col)
        if nxt == "(":
            return self._note(self._fn_literal(line, col), line, col)
        if nxt == "_":
            self._advance()
            self._advance()
            self._next_form("discarded form")
            return _DISCARDED
        if nxt == "'":
            self._advance()
            self._advance()
            return self._wrap_after(VAR, line, col)
        if nxt == '"':
            self._advance()
            text = self._string(raw=True, regex=True)
            try:
                return self._note(patterns.compile_pattern(text), line, col)
            except patterns.error as exc:
                raise self.error(f"Invalid regex: {exc}", line, col) from None
        if nxt == "?":
            return self._conditional(line, col)
        if nxt == "#":
            self._advance()
            self._advance()
            token = self._token()
            values = {"Inf": float("inf"), "-Inf": float("-inf"), "NaN": float("nan")}
            if token not in values:
                raise self.error(f"Unknown symbolic value: ##{token}", line, col)
            return values[token]
        if nxt == "=":
            # read-time evaluation would run code the reader was only to read (#=(System/exit 1))
            raise self.error("EvalReader not allowed when *read-eval* is false.", line, col)
        raise self.error(f"No dispatch macro for: #{nxt}", line, col)

    def _conditional(self, line: int, col: int) -> Any:
        """``#?(:clj a :default b)`` and ``#?@(...)``: Kryon picks :kryon, :lisp,
        :default, then :clj."""
        self._advance()
        self._advance()
        splice = self._peek() == "@"
        if splice:
            self._advance()
        if self._peek() != "(":
            raise self.error("read-cond body must be a list", line, col)
        items = self._items(")")
        if len(items) % 2:
            raise self.error("read-cond requires an even number of forms", line, col)
        branches = {k: v for k, v in zip(items[::2], items[1::2], strict=True)}
        for feature in FEATURES:
            if feature in branches:
                chosen = branches[feature]
                if splice:
                    return _Splice(list(chosen))
                return chosen
        return _DISCARDED

    def _wrap_after(self, sym: Symbol, line: int, col: int) -> PList:
        form = self._next_form(str(sym))
        return plist([sym, form]).at(line, col)

    def _fn_literal(self, line: int, col: int) -> PList:
        if self._fn_args is not None:
            raise self.error("Nested #()s are not allowed", line, col)
        self._advance()
        self._fn_args = {}
        try:
            body = plist(self._items(")")).at(line, col)
            args = self._fn_args
        finally:
            self._fn_args = None
        numbered = [k for k in args if k > 0]
        top = max(numbered, default=0)
        params: list[Any] = [
            args.get(i) or Symbol(f"p{i}__{line}_{col}#") for i in range(1, top + 1)
        ]
        if 0 in args:
            params += [AMP, args[0]]
        return plist([FN, pvector(params), body]).at(line, col)

    def _fn_arg(self, sym: Symbol, line: int, col: int) -> Symbol:
        assert self._fn_args is not None
        suffix = sym.name[1:]
        if suffix == "&":
            index = 0
        elif suffix == "":
            index = 1
        elif suffix.isdigit():
            index = int(suffix)
        else:
            return sym
        found = self._fn_args.get(index)
        if found is None:
            found = Symbol(f"%{suffix or '1'}__{line}_{col}")
            self._fn_args[index] = found
        return found


class _Discarded:
    pass


class _Splice:
    """Forms a ``#?@`` conditional splices into the enclosing collection."""

    def __init__(self, forms: list[Any]) -> None:
        self.forms = forms


_DISCARDED: Any = _Discarded()


def _hashable(x: Any) -> Any:
    try:
        return key_of(x)
    except TypeError:
        return id(x)


def read_all(source: str, script: str = "<lisp>", ns: str = "user") -> list[Any]:
    """Read every form of ``source``."""
    return Reader(source, script, ns).read_all()


def read_string(source: str) -> Any:
    """``read-string``: the first form of ``source`` (nil when there is none)."""
    forms = Reader(source).read_all()
    return forms[0] if forms else None

"""Wren tokenizer: source text to a list of :class:`Token`.

Newlines are tokens (``"line"``) because Wren statements end at a newline;
the parser decides where they are insignificant.  String interpolation
``"a %(b) c"`` is lexed as an ``interp`` token ("a "), the tokens of ``b``,
then the rest of the string, as in the reference implementation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from kryon_wren.runtime.natives import strtod_out_of_range

KEYWORDS = frozenset(
    [
        "as",
        "break",
        "class",
        "construct",
        "continue",
        "else",
        "false",
        "for",
        "foreign",
        "if",
        "import",
        "in",
        "is",
        "null",
        "return",
        "static",
        "super",
        "this",
        "true",
        "var",
        "while",
    ]
)

MAX_INTERPOLATION_NESTING = 8
TICK_TOKENS = 2048
"""Tokens between two checks of a compilation's limits."""

# Blanks, then the first alternative that matches names the token by its
# group; none matching (no group) is the end of the source or an invalid
# character.
# Names and numbers are ASCII, as C's isalpha/isdigit in the reference.
_TOKEN = re.compile(
    r"[ \t\r]*(?:"
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<p>\.\.\.|\.\.|==|!=|<=|>=|<<|>>|&&|\|\||(?!//|/\*)[()\[\]{}:,.+\-*/%<>=!~?&|^])"
    r"|(?P<nl>\n)"
    r"|(?P<hex>0x[0-9a-fA-F]*)"
    r"|(?P<num>[0-9]+(?:\.[0-9]+)?(?P<exp>[eE][+-]?(?P<expdigits>[0-9]*))?)"
    r'|(?P<raw>""")'
    r'|"(?P<s>[^"\\%\n]*)"'
    r'|(?P<q>")'
    r"|(?P<c>//[^\n]*)"
    r"|(?P<bc>/\*)"
    r"|(?P<hash>\#)"
    r")?"
)
_PLAIN = re.compile(r'[^"\\%\n\r]+')
"""A run of string characters that need no attention."""
_COMMENT_MARK = re.compile(r"/\*|\*/")
_PUNCT = {
    p: p
    for p in (
        "...",
        "..",
        "==",
        "!=",
        "<=",
        ">=",
        "<<",
        ">>",
        "&&",
        "||",
        *"()[]{}:,.+-*/%<>=!~?&|^",
    )
}
"""Each punctuator's text as one shared string (a match makes a new one)."""
_NAME_KINDS = {k: (k, k) for k in KEYWORDS}


def _name_kind(text: str) -> str:
    if text.startswith("__"):
        return "sfield"
    if text.startswith("_"):
        return "field"
    return "name"


class Token(NamedTuple):
    """A token: its kind (the text of a keyword or punctuator, or "name",
    "field", "sfield", "num", "str", "interp", "line", "error", "eof"), its
    text, line and value (a number's float, a string's contents)."""

    type: str
    text: str
    line: int
    value: object = None


# Building a token through tuple.__new__ is one C call; the NamedTuple
# constructor is a Python function (the lexer makes one token per ~3 characters).
_new_token: Any = tuple.__new__


class LexError(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


_ESCAPES = {
    '"': '"',
    "\\": "\\",
    "%": "%",
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "e": "\x1b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
}


class Lexer:
    """Turns Wren source into tokens; lexical errors are collected, not raised.

    One compiled pattern (``_TOKEN``) finds the next token and says by its
    group which kind it is; strings, block comments and interpolation, which
    need state, are lexed by methods.  Names are interned through a table of
    the kinds already seen, so a name used a thousand times is one string."""

    def __init__(self, source: str, tick: Callable[[], None] | None = None) -> None:
        # The reference reads source as a C string: it ends at a NUL byte.
        self.src = source if "\0" not in source else source[: source.index("\0")]
        self.pos = 0
        self.line = 1
        self.tokens: list[Token] = []
        # (line, message, index of the token being read): the reference
        # lexes on demand, so an error past where parsing stopped is not seen.
        self.errors: list[tuple[int, str, int]] = []
        # One entry per open interpolation: the paren depth inside it.
        self.interp: list[int] = []
        self.tick = tick

    def error(self, message: str) -> None:
        self.errors.append((self.line, message, len(self.tokens)))

    def add(self, type_: str, text: str, value: object = None, line: int | None = None) -> None:
        at = self.line if line is None else line
        self.tokens.append(_new_token(Token, (type_, text, at, value)))

    def run(self) -> list[Token]:
        src = self.src
        n = len(src)
        if src.startswith("\ufeff"):
            # A UTF-8 byte order mark is skipped.
            self.pos = 1
        if src.startswith("#!", self.pos):
            end = src.find("\n", self.pos)
            self.pos = n if end < 0 else end
        tokens = self.tokens
        append = tokens.append
        # The pattern matches everywhere (its alternatives are optional).
        match: Callable[[str, int], re.Match[str]] = _TOKEN.match  # type: ignore[assignment]
        new = _new_token
        kinds = _NAME_KINDS.copy()
        punct = _PUNCT
        next_tick = TICK_TOKENS if self.tick is not None else -1
        pos = self.pos
        line = self.line
        while pos < n:
            if len(tokens) >= next_tick >= 0:
                self.tick()  # type: ignore[misc]
                next_tick += TICK_TOKENS
            m = match(src, pos)
            kind = m.lastgroup
            end = m.end()
            if kind == "name":
                text = m.group(kind)
                known = kinds.get(text)
                if known is None:
                    known = kinds[text] = (_name_kind(text), text)
                append(new(Token, (known[0], known[1], line, None)))
            elif kind == "p":
                text = punct[m.group(kind)]
                if self.interp and text in "()":
                    self.pos, self.line = end, line
                    self.paren(text)
                    pos, line = self.pos, self.line
                    continue
                append(new(Token, (text, text, line, None)))
            elif kind == "nl":
                append(new(Token, ("line", "\n", line, None)))
                line += 1
            elif kind == "s":
                append(new(Token, ("str", '"', line, m.group(kind))))
            elif kind == "num":
                self.pos, self.line = end, line
                self.number(m)
            elif kind == "c":
                pass
            elif kind is None:
                if end < n:
                    self.pos, self.line = end, line
                    self.invalid(src[end])
                    pos = self.pos
                    continue
            else:
                self.pos, self.line = end, line
                if kind == "q":
                    self.string()
                elif kind == "raw":
                    self.raw_string()
                elif kind == "hash":
                    # `#` starts an attribute (`#key`, `#!key = value`, `#group(k, k = v)`).
                    self.add("#", "#")
                elif kind == "hex":
                    self.hex_number(m.group(kind))
                else:
                    self.block_comment()
                pos, line = self.pos, self.line
                continue
            pos = end
        self.pos, self.line = pos, line
        self.add("eof", "")
        return tokens

    def paren(self, c: str) -> None:
        """A parenthesis inside an interpolation: the closing one of the
        interpolation goes back to the string."""
        if c == "(":
            self.interp[-1] += 1
        else:
            self.interp[-1] -= 1
            if self.interp[-1] == 0:
                self.interp.pop()
                self.string()
                return
        self.add(c, c)

    def block_comment(self) -> None:
        # Called after the opening "/*"; comments nest.
        src = self.src
        depth = 1
        pos = self.pos
        while True:
            m = _COMMENT_MARK.search(src, pos)
            if m is None:
                self.line += src.count("\n", pos)
                self.pos = len(src)
                self.error("Unterminated block comment.")
                return
            end = m.end()
            self.line += src.count("\n", pos, m.start())
            pos = end
            depth += 1 if m.group() == "/*" else -1
            if depth == 0:
                self.pos = pos
                return

    def invalid(self, c: str) -> None:
        self.pos += 1
        if " " <= c <= "~":
            self.error(f"Invalid character '{c}'.")
        else:
            # The reference lexes bytes: one error per byte of the character.
            for byte in c.encode("utf-8", "surrogateescape"):
                self.error(f"Invalid byte 0x{byte:x}.")
        self.add("error", c)

    def hex_number(self, text: str) -> None:
        # The reference reads the digits with C's strtoll: "0x" alone is 0,
        # and a value past a signed 64-bit integer is out of range.
        digits = int(text[2:] or "0", 16)
        if digits >= 1 << 63:
            self.error("Number literal was too large (8).")
            digits = 0
        self.add("num", text, float(digits))

    def number(self, m: re.Match[str]) -> None:
        text = m.group("num")
        mantissa = text.split("e")[0].split("E")[0]
        if m.group("exp") is not None and not m.group("expdigits"):
            # The "e" (and its sign) belong to the number, as in the reference,
            # whose strtod then reads the digits before it.
            self.error("Unterminated scientific notation.")
            value = float(text.rstrip("eE+-"))
        else:
            value = float(text)
        if strtod_out_of_range(value, mantissa):
            self.error("Number literal was too large (8).")
            value = 0.0
        self.add("num", text, value)

    def raw_string(self) -> None:
        # Called after the opening quotes.
        src = self.src
        start = self.pos - 3
        end = src.find('"""', self.pos)
        if end < 0:
            # As the reference, whose lexer looks two characters ahead: the
            # error is on the line of the source's last character but one,
            # and the rest of the source is the string's token.
            stop = max(self.pos, len(src) - 1)
            self.line += src.count("\n", self.pos, stop)
            self.error("Unterminated raw string.")
            self.line += src.count("\n", max(self.pos, len(src) - 2))
            self.pos = len(src)
            self.add("str", src[start:], "")
            return
        text = src[self.pos : end]
        self.line += text.count("\n")
        self.pos = end + 3
        # As the reference: carriage returns are dropped; blanks (spaces and
        # tabs) up to and including the first newline are dropped, and so
        # are the last newline and blanks after it (both may be the same
        # newline, which leaves an empty string).
        text = text.replace("\r", "")
        first = text.find("\n")
        last = text.rfind("\n")
        first_kept = first + 1 if first >= 0 and not text[:first].strip(" \t") else 0
        stop = last if last >= 0 and not text[last + 1 :].strip(" \t") else len(text)
        self.add("str", src[start : self.pos], text[first_kept:stop] if first_kept <= stop else "")

    def string(self) -> None:
        """Lex string content after an opening quote or a closing interpolation paren.

        As in the reference, a token's line is the line it ends on."""
        src = self.src
        n = len(src)
        start = self.pos - 1  # the quote or parenthesis: the token's text begins there
        out: list[str] = []
        plain = _PLAIN.match
        while True:
            m = plain(src, self.pos)
            if m is not None:
                out.append(m.group())
                self.pos = m.end()
            if self.pos >= n:
                self.error("Unterminated string.")
                self.add("str", src[start : self.pos], "".join(out))
                return
            c = src[self.pos]
            self.pos += 1
            if c == '"':
                self.add("str", src[start : self.pos], "".join(out))
                return
            if c == "\n":
                self.line += 1
                out.append(c)
            elif c == "\r":
                pass  # as the reference: a file's CRLF line ends are LF in strings
            elif c == "%":
                if len(self.interp) < MAX_INTERPOLATION_NESTING:
                    if self.pos >= n or src[self.pos] != "(":
                        # A bare '%' (Wren writes a literal one as '\%'). As
                        # in the reference, the character after it is taken
                        # for the '(' and an interpolation begins.
                        if self.pos < n and src[self.pos] == "\n":
                            self.line += 1
                        self.error("Expect '(' after '%'.")
                    self.pos += 1
                    self.add("interp", src[start : self.pos], "".join(out))
                    self.interp.append(1)
                    return
                self.error(f"Interpolation may only nest {MAX_INTERPOLATION_NESTING} levels deep.")
                out.append(c)
            else:
                self.escape(out)

    def escape(self, out: list[str]) -> None:
        src = self.src
        if self.pos >= len(src):
            self.error("Incomplete escape sequence.")
            return
        c = src[self.pos]
        self.pos += 1
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
            return
        digits = {"x": 2, "u": 4, "U": 8}.get(c)
        if digits is None:
            self.error(f"Invalid escape character '{c}'.")
            return
        kind = "byte" if c == "x" else "Unicode"
        value = 0
        for _ in range(digits):
            # As the reference lexer: a closing quote or the end of the source
            # ends the escape and the string goes on from the last character
            # read (so the string still ends at that quote); a non-hex
            # character ends it without being consumed.
            if self.pos >= len(src) or src[self.pos] == '"':
                self.error(f"Incomplete {kind} escape sequence.")
                self.pos -= 1
                break
            digit = src[self.pos]
            if digit not in "0123456789abcdefABCDEF":
                self.error(f"Invalid {kind} escape sequence.")
                break
            self.pos += 1
            value = value * 16 + int(digit, 16)
        if c == "x":
            # A \x escape is a raw byte; bytes >= 0x80 are kept as surrogate
            # escapes so that the UTF-8 encoding of the string reproduces them.
            out.append(chr(value) if value < 0x80 else chr(0xDC00 + value))
        elif 0xD800 <= value <= 0xDFFF:
            # The reference encodes a surrogate code point as its three UTF-8
            # bytes; they are kept as raw bytes (surrogate escapes).
            raw = chr(value).encode("utf-8", "surrogatepass")
            out.append(raw.decode("utf-8", "surrogateescape"))
        elif value < 0x110000:
            out.append(chr(value))
        # Beyond U+10FFFF the reference has no encoding and adds nothing.


def tokenize(
    source: str, tick: Callable[[], None] | None = None
) -> tuple[list[Token], list[tuple[int, str, int]]]:
    """The tokens of ``source`` and its lexical errors; ``tick`` (if any) is
    called every TICK_TOKENS tokens."""
    lexer = Lexer(source, tick)
    tokens = lexer.run()
    return tokens, lexer.errors

"""Wren tokenizer: source text to a list of :class:`Token`.

Newlines are tokens (``"line"``) because Wren statements end at a newline;
the parser decides where they are insignificant.  String interpolation
``"a %(b) c"`` is lexed as an ``interp`` token ("a "), the tokens of ``b``,
then the rest of the string, as in the reference implementation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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

PUNCT3 = ("...",)
PUNCT2 = ("..", "==", "!=", "<=", ">=", "<<", ">>", "&&", "||")
PUNCT1 = "()[]{}:,.+-*/%<>=!~?&|^"
MAX_INTERPOLATION_NESTING = 8
TICK_TOKENS = 2048
"""Tokens between two checks of a compilation's limits."""
# Names and numbers are ASCII, as C's isalpha/isdigit in the reference.
DIGITS = frozenset("0123456789")
NAME_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
NAME_CHARS = NAME_START | DIGITS


@dataclass(slots=True)
class Token:
    type: str
    text: str
    line: int
    value: object = None


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
    """Turns Wren source into tokens; lexical errors are collected, not raised."""

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
        tokens = self.tokens
        tokens.append(Token(type_, text, self.line if line is None else line, value))
        if not len(tokens) % TICK_TOKENS and self.tick is not None:
            self.tick()

    def run(self) -> list[Token]:
        src = self.src
        n = len(src)
        if src.startswith("\ufeff"):
            # A UTF-8 byte order mark is skipped.
            self.pos = 1
        if src.startswith("#!", self.pos):
            while self.pos < n and src[self.pos] != "\n":
                self.pos += 1
        while self.pos < n:
            c = src[self.pos]
            if c in " \t\r":
                self.pos += 1
            elif c == "\n":
                self.add("line", "\n")
                self.line += 1
                self.pos += 1
            elif c == "/" and src.startswith("//", self.pos):
                while self.pos < n and src[self.pos] != "\n":
                    self.pos += 1
            elif c == "/" and src.startswith("/*", self.pos):
                self.block_comment()
            elif c == "#":
                self.attribute()
            elif c == '"':
                if src.startswith('"""', self.pos):
                    self.raw_string()
                else:
                    self.pos += 1
                    self.string()
            elif c in DIGITS:
                self.number()
            elif c in NAME_START:
                self.name()
            else:
                self.punct(c)
        self.add("line", "\n")
        self.add("eof", "")
        return self.tokens

    def attribute(self) -> None:
        # `#` starts an attribute (`#key`, `#!key = value`, `#group(k, k = v)`).
        self.add("#", "#")
        self.pos += 1

    def block_comment(self) -> None:
        src = self.src
        depth = 0
        while self.pos < len(src):
            if src.startswith("/*", self.pos):
                depth += 1
                self.pos += 2
            elif src.startswith("*/", self.pos):
                depth -= 1
                self.pos += 2
                if depth == 0:
                    return
            else:
                if src[self.pos] == "\n":
                    self.line += 1
                self.pos += 1
        self.error("Unterminated block comment.")

    def punct(self, c: str) -> None:
        src = self.src
        for group in (PUNCT3, PUNCT2):
            for p in group:
                if src.startswith(p, self.pos):
                    self.add(p, p)
                    self.pos += len(p)
                    return
        if c in PUNCT1:
            self.pos += 1
            if c == "(" and self.interp:
                self.interp[-1] += 1
            elif c == ")" and self.interp:
                self.interp[-1] -= 1
                if self.interp[-1] == 0:
                    self.interp.pop()
                    self.string()
                    return
            self.add(c, c)
            return
        self.pos += 1
        if " " <= c <= "~":
            self.error(f"Invalid character '{c}'.")
        else:
            # The reference lexes bytes: one error per byte of the character.
            for byte in c.encode("utf-8", "surrogateescape"):
                self.error(f"Invalid byte 0x{byte:x}.")
        self.add("error", c)

    def name(self) -> None:
        src = self.src
        start = self.pos
        while self.pos < len(src) and src[self.pos] in NAME_CHARS:
            self.pos += 1
        text = src[start : self.pos]
        if text in KEYWORDS:
            self.add(text, text)
        elif text.startswith("__"):
            self.add("sfield", text)
        elif text.startswith("_"):
            self.add("field", text)
        else:
            self.add("name", text)

    def number(self) -> None:
        src = self.src
        start = self.pos
        n = len(src)
        if src.startswith(("0x", "0X"), self.pos):
            self.pos += 2
            while self.pos < n and src[self.pos] in "0123456789abcdefABCDEF":
                self.pos += 1
            text = src[start : self.pos]
            if len(text) == 2:
                self.error("Invalid number literal.")
                self.add("num", text, 0.0)
                return
            digits = int(text, 16)
            if digits >= 1 << 64:
                # The reference parses hex literals as unsigned 64-bit integers.
                self.error("Number literal was too large (8).")
                digits = 0
            self.add("num", text, float(digits))
            return
        while self.pos < n and src[self.pos] in DIGITS:
            self.pos += 1
        if self.pos + 1 < n and src[self.pos] == "." and src[self.pos + 1] in DIGITS:
            self.pos += 1
            while self.pos < n and src[self.pos] in DIGITS:
                self.pos += 1
        if self.pos < n and src[self.pos] in "eE":
            save = self.pos
            self.pos += 1
            if self.pos < n and src[self.pos] in "+-":
                self.pos += 1
            if self.pos < n and src[self.pos] in DIGITS:
                while self.pos < n and src[self.pos] in DIGITS:
                    self.pos += 1
            else:
                self.pos = save
                self.error("Unterminated scientific notation.")
        text = src[start : self.pos]
        value = float(text)
        if value == float("inf"):
            self.error("Number literal was too large (8).")
            value = 0.0
        self.add("num", text, value)

    def raw_string(self) -> None:
        src = self.src
        line = self.line
        self.pos += 3
        end = src.find('"""', self.pos)
        if end < 0:
            self.error("Unterminated raw string.")
            self.pos = len(src)
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
        start = first + 1 if first >= 0 and not text[:first].strip(" \t") else 0
        stop = last if last >= 0 and not text[last + 1 :].strip(" \t") else len(text)
        self.add("str", '"""', text[start:stop] if start <= stop else "", line)

    def string(self) -> None:
        """Lex string content after an opening quote or a closing interpolation paren."""
        src = self.src
        n = len(src)
        out: list[str] = []
        line = self.line
        while True:
            if self.pos >= n:
                self.error("Unterminated string.")
                self.add("str", '"', "".join(out), line)
                return
            c = src[self.pos]
            self.pos += 1
            if c == '"':
                self.add("str", '"', "".join(out), line)
                return
            if c == "\n":
                self.line += 1
                out.append(c)
            elif c == "%":
                if self.pos < n and src[self.pos] == "(":
                    if len(self.interp) < MAX_INTERPOLATION_NESTING:
                        self.pos += 1
                        self.add("interp", '"', "".join(out), line)
                        self.interp.append(1)
                        return
                    self.error(
                        f"Interpolation may only nest {MAX_INTERPOLATION_NESTING} levels deep."
                    )
                out.append(c)
            elif c == "\\":
                self.escape(out)
            else:
                out.append(c)

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

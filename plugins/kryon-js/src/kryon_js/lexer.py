"""A small JavaScript tokenizer: just enough to see a script's top level.

QuickJS does the real parsing.  This module only has to find what sits at the
top level of a script (function, variable and class declarations, ``import``
and ``export`` statements) with exact source offsets, which needs strings,
template literals, comments and regular expression literals told apart from
code.  A ``/`` starts a regular expression when the previous token cannot end
an expression (the usual heuristic, correct for ordinary code).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

__all__ = ["Token", "closing_bracket", "tokenize", "top_level"]


class Token(NamedTuple):
    """One token: ``kind`` is ``name``, ``num``, ``str``, ``tmpl``, ``regex`` or
    ``punct``; ``start``/``end`` are offsets; ``line`` is 1-based;
    ``newline`` tells whether a line break precedes the token.  (A named
    tuple: a source has many tokens, and a frozen dataclass is slow to make.)"""

    kind: str
    text: str
    start: int
    end: int
    line: int
    newline: bool


_SPACE = re.compile(
    r"(?:[ \t\f\v\r\n\u00a0\u2028\u2029\ufeff]+|//[^\n\r\u2028\u2029]*|/\*.*?\*/)+", re.S
)
_NAME = re.compile(
    r"(?:[A-Za-z_$\u0080-\uffff]|\\u[0-9A-Fa-f{])"
    r"(?:[\w$\u0080-\uffff]|\\u[0-9A-Fa-f{}]+)*"
)
_NUM = re.compile(r"(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)n?")
_PUNCT = re.compile(
    r">>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.(?!\d)"
    r"|\+\+|--|\+=|-=|\*=|/=|%=|&=|\|=|\^=|<<|>>|\*\*|[{}()\[\];,<>+\-*/%&|^!~?:=.@#]"
)
_STRING = {
    '"': re.compile(r'"(?:[^"\\\n]|\\.|\\\n)*"', re.S),
    "'": re.compile(r"'(?:[^'\\\n]|\\.|\\\n)*'", re.S),
}
_TEMPLATE_PART = re.compile(r"(?:[^`\\$]|\\.|\$(?!\{))*", re.S)
_REGEX = re.compile(r"/(?:[^/\\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\])+/[A-Za-z]*")
_EXPRESSION_KEYWORDS = frozenset(
    [
        "return",
        "typeof",
        "instanceof",
        "in",
        "of",
        "new",
        "delete",
        "void",
        "throw",
        "case",
        "do",
        "else",
        "yield",
        "await",
    ]
)


def _regex_allowed(previous: Token | None) -> bool:
    if previous is None:
        return True
    if previous.kind == "punct":
        # After a postfix ++/-- an operator follows (a prefix one needs an operand
        # that a regular expression cannot be), so "i++ / 2" is a division.
        return previous.text not in (")", "]", "++", "--")
    if previous.kind == "name":
        return previous.text in _EXPRESSION_KEYWORDS
    return False


def tokenize(source: str) -> list[Token]:
    """The tokens of ``source`` (comments and whitespace dropped).

    Unterminated strings or comments end the token list early: the caller is
    only looking for declarations, and QuickJS reports the syntax error.
    """
    tokens: list[Token] = []
    braces: list[str] = []  # "{" for blocks/objects, "`" for template substitutions
    pos, line, length = 0, 1, len(source)
    newline = False
    previous: Token | None = None

    def emit(kind: str, end: int) -> None:
        nonlocal pos, line, newline, previous
        text = source[pos:end]
        token = Token(kind, text, pos, end, line, newline)
        tokens.append(token)
        previous = token
        line += text.count("\n")
        pos, newline = end, False

    while pos < length:
        space = _SPACE.match(source, pos)
        if space:
            text = space.group()
            breaks = text.count("\n")
            if breaks or "\u2028" in text or "\u2029" in text or "\r" in text:
                newline = True
            line += breaks
            pos = space.end()
            continue
        char = source[pos]
        if char in "\"'":
            match = _STRING[char].match(source, pos)
            if match is None:
                break
            emit("str", match.end())
        elif char == "`" or (char == "}" and braces and braces[-1] == "`"):
            if char == "}":
                braces.pop()
            end = _template_end(source, pos + 1)
            if end is None:
                break
            if source.startswith("${", end):
                braces.append("`")
                emit("tmpl", end + 2)
            else:
                emit("tmpl", end + 1)
        elif char.isdigit() or (char == "." and source[pos + 1 : pos + 2].isdigit()):
            match = _NUM.match(source, pos)
            emit("num", match.end() if match else pos + 1)
        elif char == "/" and _regex_allowed(previous):
            match = _REGEX.match(source, pos)
            if match is None:
                emit("punct", pos + 1)
            else:
                emit("regex", match.end())
        else:
            match = _NAME.match(source, pos)
            if match:
                emit("name", match.end())
                continue
            match = _PUNCT.match(source, pos)
            end = match.end() if match else pos + 1
            text = source[pos:end]
            if text == "{":
                braces.append("{")
            elif text == "}" and braces:
                braces.pop()
            emit("punct", end)
    return tokens


def closing_bracket(tokens: Sequence[Token], i: int) -> int | None:
    """Index of the token closing the bracket at ``i`` (template substitutions
    count as brackets), or None when it is never closed."""
    depth = 0
    for j in range(i, len(tokens)):
        t = tokens[j]
        if t.kind == "punct" and t.text in ("(", "[", "{"):
            depth += 1
        elif t.kind == "punct" and t.text in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                return j
        elif t.kind == "tmpl":
            depth += t.text.endswith("${") - t.text.startswith("}")
    return None


def top_level(tokens: Sequence[Token], start: int, stop: int) -> Iterator[int]:
    """Indices from ``start`` to ``stop`` of the tokens inside no bracket (nor
    template substitution) opened in that span, the brackets themselves left out."""
    depth = 0
    for j in range(start, stop):
        t = tokens[j]
        if t.kind == "punct" and t.text in ("(", "[", "{"):
            depth += 1
        elif t.kind == "punct" and t.text in (")", "]", "}"):
            depth -= 1
        elif t.kind == "tmpl":
            depth += t.text.endswith("${") - t.text.startswith("}")
        elif depth == 0:
            yield j


def _template_end(source: str, pos: int) -> int | None:
    """Offset of the closing backtick or of the next ``${`` of a template."""
    match = _TEMPLATE_PART.match(source, pos)
    end = match.end() if match else pos
    if end >= len(source):
        return None
    return end

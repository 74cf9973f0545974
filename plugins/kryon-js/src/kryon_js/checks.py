"""Value checks before destructuring and for-of, with V8's messages.

QuickJS places the TypeError of ``const { a } = undefined`` at whatever source
position it recorded last (often the enclosing function's first line, in a
classic script the wrapper's) and words it "Cannot convert undefined or null to
object"; ``for (const x of 5)`` reads "value is not iterable".  V8 names the
pattern's first property and the value's expression: "Cannot destructure
property 'a' of 'obj.missing' as it is undefined.", "list is not iterable".

So the value of a declaration with a pattern (``const {a} = X``, ``let [b] = X``)
and of a for-of loop (``for (const x of X)``) runs through a setter of the
script's sites object first: ``const {a} = $kt$[-n]=X`` (an assignment takes
the whole expression, no closing bracket needed).  The setter (the prelude's
``throwSites``) throws V8's TypeError when the value cannot be destructured or
iterated, from the statement's own position.  The messages are made here, from
the tokens, as V8's call printer writes the expression; a value check is one
setter call per statement or loop, not per iteration.
"""

from __future__ import annotations

from collections.abc import Sequence

from kryon_js.lexer import Token, closing_bracket, top_level

__all__ = ["CHECK_MARK", "Check", "for_of_check", "pattern_check"]

CHECK_MARK = "$kt$[-{}]="
"""The insertion before a checked value (site ``n`` counts from 1)."""

Check = tuple[str, str, str, str]
"""``(kind, message if undefined, message if null, message if not iterable)``:
kind ``o`` (an object pattern: only null and undefined fail) or ``i`` (iterated)."""

_INTERMEDIATE = "(intermediate value)"
_ITERATOR_READ = " is not iterable (cannot read property Symbol(Symbol.iterator))"
_LITERALS = frozenset({"null", "undefined", "true", "false", "this"})
_KEYWORDS = frozenset(
    {"new", "function", "class", "typeof", "void", "delete", "await", "yield", "async", "super"}
)
# What may follow a value's expression where it ends (a declaration's `,` or `;`, a
# for-of's `)`): anything else (an operator) makes it an expression V8 prints whole.
_ENDS = frozenset({";", ",", ")", "}", "]"})
_BINARY = frozenset(
    {
        "||",
        "&&",
        "??",
        "+",
        "-",
        "*",
        "/",
        "%",
        "**",
        "==",
        "!=",
        "===",
        "!==",
        "<",
        ">",
        "<=",
        ">=",
        "&",
        "|",
        "^",
        "<<",
        ">>",
        ">>>",
    }
)


class _Chain:
    """A value expression read as a primary and its member accesses and calls,
    printed as V8's call printer does for both of its messages."""

    def __init__(self) -> None:
        self.shown = ""  # destructuring style: calls as "(...)"
        self.iterated = ""  # for-of style: calls left out
        self.simple = True  # a name or a literal alone
        self.literal = ""
        self.call = False  # ends with a call

    def read(self, tokens: Sequence[Token], i: int) -> int | None:
        """Read the chain starting at token ``i``; the index after it, or None when
        the expression is not one this printer knows."""
        tok = tokens[i] if i < len(tokens) else None
        if tok is None:
            return None
        if tok.kind == "name" and tok.text == "new":
            return self._new(tokens, i)
        if tok.kind == "name" and tok.text not in _KEYWORDS:
            self.shown = self.iterated = tok.text
            if tok.text in _LITERALS:
                self.literal = tok.text
            i += 1
        elif tok.kind == "num" and tok.text.endswith("n"):
            return None  # V8 prints a BigInt literal as an intermediate value
        elif tok.kind == "num":
            self.shown = self.iterated = self.literal = tok.text
            i += 1
        elif tok.kind == "str":
            self.shown = self.iterated = '"' + tok.text[1:-1] + '"'
            i += 1
        elif tok.text in ("{", "[") and _text(tokens, i + 1) == {"{": "}", "[": "]"}[tok.text]:
            self.shown = self.iterated = tok.text + _text(tokens, i + 1)
            i += 2
        elif tok.text == "(":
            inner = _Chain()
            end = inner.read(tokens, i + 1)
            if end is None or _text(tokens, end) != ")":
                return None
            self.__dict__.update(inner.__dict__)
            i = end + 1
        else:
            return None
        return self._postfix(tokens, i)

    def _new(self, tokens: Sequence[Token], i: int) -> int | None:
        # `new Map().get(1)`: "(intermediate value).get(...)", "Map.get"
        if _kind(tokens, i + 1) != "name" or _text(tokens, i + 2) != "(":
            return None
        close = closing_bracket(tokens, i + 2)
        if close is None:
            return None
        self.shown, self.iterated = _INTERMEDIATE, tokens[i + 1].text
        self.simple = False
        return self._postfix(tokens, close + 1)

    def _postfix(self, tokens: Sequence[Token], i: int) -> int | None:
        while i < len(tokens):
            tok = tokens[i]
            if tok.kind != "punct" or (tok.newline and tok.text in ("(", "[")):
                break
            if tok.text == "." and _kind(tokens, i + 1) == "name":
                self.shown += "." + tokens[i + 1].text
                self.iterated += "." + tokens[i + 1].text
                i += 2
            elif tok.text == "?.":
                return None  # V8 prints an optional chain as "(intermediate value)"
            elif tok.text == "[" and _text(tokens, i + 2) == "]":
                key = tokens[i + 1]
                if key.kind == "str" or (key.kind == "tmpl" and key.text.endswith("`")):
                    part = "." + key.text[1:-1]
                elif key.kind in ("num", "name"):
                    part = "[" + key.text + "]"
                else:
                    return None
                self.shown += part
                self.iterated += part
                i += 3
            elif tok.text == "[":
                # arr[i + 1]: "arr[(i + 1)]", as the binary operator prints alone
                close = closing_bracket(tokens, i)
                inner = _value(tokens, i + 1) if close is not None else None
                if close is None or inner is None or _text(tokens, i + 1) == "void":
                    return None
                part = "[" + inner.shown + "]"
                if not inner.shown.startswith("("):
                    return None
                self.shown += part
                self.iterated += part
                i = close + 1
            elif tok.text == "(":
                close = closing_bracket(tokens, i)
                if close is None:
                    return None
                self.shown += "(...)"
                i = close + 1
                self.call = True
                self.simple = False
                continue
            else:
                break
            self.call = False
            self.simple = False
            self.literal = ""
        return i


def _text(tokens: Sequence[Token], i: int) -> str:
    return tokens[i].text if 0 <= i < len(tokens) else ""


def _kind(tokens: Sequence[Token], i: int) -> str:
    return tokens[i].kind if 0 <= i < len(tokens) else ""


def _ended(tokens: Sequence[Token], i: int) -> bool:
    return i >= len(tokens) or tokens[i].newline or tokens[i].text in _ENDS


def _value(tokens: Sequence[Token], i: int) -> _Chain | None:
    """The expression starting at ``i`` as a chain V8 prints, or None (printed as
    an intermediate value) when more follows it than an end.  One binary operator
    between two chains is printed as V8 does, in brackets: ``(a || b)``."""
    chain = _Chain()
    if _text(tokens, i) == "void" and _ended(tokens, i + 2):
        chain.read(tokens, i + 1)
        chain.shown = chain.iterated = "(void " + chain.shown + ")"
        chain.simple, chain.literal = False, ""
        return chain
    end = chain.read(tokens, i)
    if end is None:
        return None
    if _ended(tokens, end):
        return chain
    if tokens[end].kind != "punct" or tokens[end].text not in _BINARY:
        return None
    right = _Chain()
    after = right.read(tokens, end + 1)
    if after is None or not _ended(tokens, after):
        return None
    op = tokens[end].text
    chain.shown = f"({chain.shown} {op} {right.shown})"
    chain.iterated = f"({chain.iterated} {op} {right.iterated})"
    chain.simple, chain.literal, chain.call = False, "", False
    return chain


def _first_key(tokens: Sequence[Token], open_: int, close: int) -> str | None:
    """The first property of the object pattern between ``open_`` and ``close``:
    its key, ``=key`` when it has a default, None when V8 names none (an empty
    pattern, a rest element or a computed key first)."""
    if open_ + 1 >= close:
        return None
    key = tokens[open_ + 1]
    if key.kind == "str":
        name = key.text[1:-1]
    elif key.kind in ("name", "num"):
        name = key.text
    else:
        return None  # "[" (computed) or "..." (rest)
    following = _text(tokens, open_ + 2)
    if following == "=":
        return "=" + name
    if following == ":":
        # `a: target = 1` has a default too; a nested pattern's own defaults do not count
        for j in top_level(tokens, open_ + 3, close):
            if tokens[j].text == ",":
                break
            if tokens[j].text == "=":
                return "=" + name
    return name


def pattern_check(
    tokens: Sequence[Token], open_: int, close: int, value: int
) -> tuple[Check, int | None]:
    """The check of a declaration whose pattern spans ``open_``..``close`` and whose
    value starts at token ``value``, and the index of the token after the value
    when it can be checked inline (see :func:`inline_end`)."""
    chain = _value(tokens, value)
    end = inline_end(tokens, value)
    if tokens[open_].text == "{":
        shown = chain.shown if chain is not None else _INTERMEDIATE
        key = _first_key(tokens, open_, close)
        messages = []
        for what in ("undefined", "null"):
            if key is None:
                messages.append(f"Cannot destructure '{shown}' as it is {what}.")
            elif key.startswith("="):
                messages.append(f"Cannot read properties of {what} (reading '{key[1:]}')")
            else:
                messages.append(
                    f"Cannot destructure property '{key}' of '{shown}' as it is {what}."
                )
        return ("o", messages[0], messages[1], ""), end
    if chain is not None and chain.call:
        called = chain.iterated + " is not a function or its return value is not iterable"
        return ("i", called, called, called), end
    if chain is not None and chain.simple:
        shown = chain.iterated + " is not iterable"
        return ("i", shown, shown, shown), end
    other = (chain.iterated if chain is not None else _INTERMEDIATE) + " is not iterable"
    return ("i", "undefined" + _ITERATOR_READ, "object null" + _ITERATOR_READ, other), end


def inline_end(tokens: Sequence[Token], value: int) -> int | None:
    """Where the value starting at ``value`` ends, when it is a chain of names and
    member accesses (no call) on one line that a ``;`` or ``,`` ends: such a value
    is checked as ``X ?? $kt$.u(-n, X)``, which costs nothing when it passes, and
    reading X again when it failed runs no call (a getter at most, as V8's own
    message is made)."""
    chain = _Chain()
    end = chain.read(tokens, value)
    if end is None or chain.call or chain.shown.startswith("("):
        return None
    if any(
        t.newline or t.kind not in ("name", "punct", "num", "str") for t in tokens[value + 1 : end]
    ):
        return None
    if any(t.text == "(" for t in tokens[value:end]):
        return None  # `new C().x`: a call
    if end >= len(tokens) or tokens[end].text in (";", ","):
        return end
    return None


def for_of_check(tokens: Sequence[Token], value: int) -> Check:
    """The check of a for-of loop whose iterated value starts at token ``value``."""
    chain = _value(tokens, value)
    if chain is None:
        shown = _INTERMEDIATE + " is not iterable"
    elif chain.call:
        shown = chain.iterated + " is not a function or its return value is not iterable"
    else:
        shown = chain.iterated + " is not iterable"
    return ("i", shown, shown, shown)

"""Class and method attributes (Wren 0.4): ``#key``, ``#!key = value``,
``#group(key, key = value)``.

Only runtime attributes (``#!``) reach the program, through
``Class.attributes``; the others are checked and dropped.
"""

from __future__ import annotations

from kryon_wren import nodes as N
from kryon_wren.lexer import Token
from kryon_wren.scope import ParseError, ParserBase

VALUE_TOKENS = ("num", "str", "true", "false", "null", "name")


class AttributeParser(ParserBase):
    def attributes(self) -> tuple[list[N.Attribute], Token | None]:
        """Parse the attributes before a class or method (runtime ones returned)."""
        found: list[N.Attribute] = []
        first: Token | None = None
        while self.check("#"):
            hash_tok = self.advance()
            first = first or hash_tok
            runtime = self.match("!")
            name = self.consume("name", "Expect an attribute definition after #.")
            entries: list[N.Attribute] = []
            if self.match("("):
                while True:
                    self.skip_lines()
                    key = self.consume("name", "Expect name for attribute key.")
                    entries.append((name.text, key.text, self._value()))
                    self.skip_lines()
                    if not self.match(","):
                        break
                self.consume(")", "Expect ')' after grouped attributes.")
            else:
                entries.append((None, name.text, self._value()))
            if runtime:
                found.extend(entries)
            self.match_line()
        return found, first

    def _value(self) -> object:
        if not self.match("="):
            return None
        tok = self.advance()
        if tok.type not in VALUE_TOKENS:
            raise ParseError(
                tok, "Expect a Bool, Num, String or Identifier literal for an attribute value."
            )
        if tok.type == "name":
            return tok.text
        return {"true": True, "false": False, "null": None}.get(tok.type, tok.value)

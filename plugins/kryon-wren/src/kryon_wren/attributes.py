"""Class and method attributes (Wren 0.4): ``#key``, ``#!key = value``,
``#group(key, key = value)``.

Only runtime attributes (``#!``) reach the program, through
``Class.attributes``; the others are checked and dropped.
"""

from __future__ import annotations

from kryon_wren import nodes as N
from kryon_wren.lexer import Token
from kryon_wren.scope import ParserBase

VALUE_TOKENS = ("num", "str", "true", "false", "null", "name")


class AttributeParser(ParserBase):
    def attributes(self) -> tuple[list[N.Attribute], Token | None]:
        """Parse the attributes before a class or method (runtime ones
        returned), reporting errors and going on as the reference does."""
        found: list[N.Attribute] = []
        first: Token | None = None
        while self.check("#"):
            hash_tok = self.advance()
            first = first or hash_tok
            self.attribute_count += 1
            runtime = self.match("!")
            entries: list[N.Attribute] = []
            if not self.match("name"):
                self.syntax_error(self.prev, "Expect an attribute definition after #.")
            elif self.check("=") or self.check("line"):
                entries.append((None, self.prev.text, self._value()))
            elif self.match("("):
                group = self.prev_name()
                self.skip_lines()
                if self.match(")"):
                    self.syntax_error(
                        self.prev, "Expected attributes in group, group cannot be empty."
                    )
                else:
                    while not self.check(")") and not self.check("eof"):
                        key = self.consume("name", "Expect name for attribute key.")
                        entries.append((group, key.text, self._value()))
                        self.skip_lines()
                        if not self.match(","):
                            break
                        self.skip_lines()
                    self.skip_lines()
                    self.consume(")", "Expected ')' after grouped attributes.")
            else:
                self.syntax_error(
                    self.prev, "Expect an equal, newline or grouping after an attribute key."
                )
            if runtime:
                found.extend(entries)
            self.consume("line", "Expect newline after attribute.")
            self.skip_lines()
        return found, first

    def prev_name(self) -> str:
        """The attribute group's name: the name before the '('."""
        return self.tokens[self.i - 2].text

    def _value(self) -> object:
        if not self.match("="):
            return None
        if self.cur.type not in VALUE_TOKENS:
            # As the reference: reported at the '=', and the token skipped.
            self.syntax_error(
                self.prev,
                "Expect a Bool, Num, String or Identifier literal for an attribute value.",
            )
            self.advance()
            return None
        tok = self.advance()
        if tok.type == "name":
            return tok.text
        return {"true": True, "false": False, "null": None}.get(tok.type, tok.value)

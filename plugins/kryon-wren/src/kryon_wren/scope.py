"""Parser state shared by the statement and expression parsers: tokens,
scopes and name resolution (as in the single-pass reference compiler)."""

from __future__ import annotations

from collections.abc import Callable

from kryon_wren import nodes as N
from kryon_wren.lexer import TICK_TOKENS, Token, tokenize

MAX_LOCALS = 256
MAX_VARIABLE_NAME = 64


class ParseError(Exception):
    def __init__(self, token: Token, message: str) -> None:
        super().__init__(message)
        self.token = token
        self.message = message


def format_parse_error(err: ParseError) -> tuple[int, str]:
    tok = err.token
    if tok.type == "line":
        where = "Error at newline"
    elif tok.type == "eof":
        where = "Error at end of file"
    elif tok.type == "error":
        where = "Error"
    else:
        text = tok.text if tok.text != '"' else _token_source(tok)
        if len(text) > 64:
            text = text[:64] + "..."
        where = f"Error at '{text}'"
    return tok.line, f"{where}: {err.message}"


def _token_source(tok: Token) -> str:
    # A plain string without escapes, whose token keeps only its value.
    return '"' + str(tok.value) + '"'


class ParserBase:
    def __init__(
        self,
        source: str,
        *,
        builtins: tuple[str, ...] = (),
        tick: Callable[[], None] | None = None,
    ) -> None:
        self.tokens, self.lex_errors = tokenize(source, tick)
        self.tick = tick
        self.i = 0
        self.stopped_at: int | None = None
        self.past_eof = False
        # Attributes read and not yet taken by a class or method (see definition).
        self.attribute_count = 0
        self.errors: list[tuple[int, str]] = []
        self.error_times: list[int] = []
        self.undefined: list[tuple[int, str]] = []
        self.module_vars: dict[str, N.VarInfo] = {}
        self.counter = 0
        self.cls: N.ClassInfo | None = None
        self.in_static = False
        self.module = N.FuncInfo("module", "(script)", "_wren_module", None)
        self.fn = self.module
        self.functions: list[N.FuncInfo] = [self.module]
        for name in builtins:
            self.module_vars[name] = N.VarInfo(
                name, f"w_{name}", True, None, is_class=True, builtin=True
            )

    # -- token helpers ------------------------------------------------------

    @property
    def cur(self) -> Token:
        return self.tokens[self.i]

    @property
    def prev(self) -> Token:
        # Once the end of file is taken it is the previous token too, as in
        # the reference (whose errors then read "at end of file").
        return self.tokens[self.i - 1 + self.past_eof]

    def advance(self) -> Token:
        tok = self.tokens[self.i]
        if tok.type != "eof":
            self.i += 1
            if not self.i % TICK_TOKENS and self.tick is not None:
                self.tick()
        else:
            self.past_eof = True
        return tok

    def check(self, type_: str) -> bool:
        return self.tokens[self.i].type == type_

    def match(self, type_: str) -> bool:
        if self.tokens[self.i].type == type_:
            self.advance()
            return True
        return False

    def match_line(self) -> bool:
        if not self.check("line"):
            return False
        while self.check("line"):
            self.advance()
        return True

    def skip_lines(self) -> None:
        while self.check("line"):
            self.advance()

    def consume(self, type_: str, message: str) -> Token:
        """The reference's consume: the current token is taken whatever it is;
        one that is not a ``type_`` is the syntax error ``message``, and the
        token after it is taken too if that one is (parsing goes on either
        way, as the reference's does)."""
        tok = self.advance()
        if tok.type != type_:
            self.syntax_error(tok, message)
            if self.check(type_):
                return self.advance()
        return tok

    def syntax_error(self, token: Token, message: str) -> None:
        """An error at ``token``, unless the lexer has reported that token."""
        if token.type != "error":
            self.report(token, message)

    def error(self, message: str, token: Token | None = None) -> ParseError:
        return ParseError(token or self.prev, message)

    def report(self, token: Token, message: str) -> None:
        """An error the reference reports and parses on from (a semantic one,
        not a syntax error): the rest of the file is still checked."""
        self.add_error(format_parse_error(ParseError(token, message)))

    def add_error(self, error: tuple[int, str]) -> None:
        # With the token the parser is at: where the reference reports it
        # among the lexer's errors (see parse).
        self.errors.append(error)
        self.error_times.append(self.i)

    def uid(self) -> int:
        self.counter += 1
        return self.counter

    # -- scopes ---------------------------------------------------------------

    def push_scope(self) -> None:
        self.fn.scopes.append({})

    def pop_scope(self) -> None:
        self.fn.scopes.pop()

    def declare(
        self, tok: Token, at: Token | None = None, *, check_length: bool = True
    ) -> N.VarInfo:
        """Declare ``tok``'s name; an error is reported at ``at`` (default
        ``tok``): the reference reports a `var` at its initializer's end.
        ``check_length`` is off for a loop variable, which the reference
        adds without its declaration's checks."""
        name = tok.text
        where = at or tok
        if check_length and len(name) > MAX_VARIABLE_NAME:
            self.report(
                where, f"Variable name cannot be longer than {MAX_VARIABLE_NAME} characters."
            )
        if self.fn is self.module and not self.fn.scopes:
            existing = self.module_vars.get(name)
            if existing is not None:
                if existing.defined:
                    self.report(where, "Module variable is already defined.")
                    return existing
                if name[0].islower():
                    # A lowercase name may not be used before its definition
                    # (reported at the end of the definition, as the reference does).
                    self.report(
                        self.prev,
                        f"Variable '{name}' referenced before this definition "
                        f"(first use at line {existing.line}).",
                    )
                existing.defined = True
                existing.line = tok.line
                return existing
            info = N.VarInfo(name, f"w_{name}", True, None, line=tok.line)
            self.module_vars[name] = info
            return info
        scope = self.fn.scopes[-1]
        if name in scope:
            self.report(where, "Variable is already declared in this scope.")
            return scope[name]
        info = N.VarInfo(
            name,
            f"l_{name}_{self.uid()}",
            False,
            self.fn,
            in_loop=self.fn.loop_depth > 0,
            line=tok.line,
        )
        if sum(len(s) for s in self.fn.scopes) >= MAX_LOCALS - 1:
            # Slot zero holds the receiver or the closure. As in the
            # reference, the variable is not added (its uses are then
            # module variables that are never defined).
            self.report(where, f"Cannot declare more than {MAX_LOCALS} variables in one scope.")
            return info
        scope[name] = info
        return info

    def resolve_local(self, name: str) -> N.VarInfo | None:
        fn: N.FuncInfo | None = self.fn
        child: N.FuncInfo | None = None
        while fn is not None:
            for scope in reversed(fn.scopes):
                info = scope.get(name)
                if info is not None:
                    if fn is not self.fn:
                        info.captured = True
                        if info.in_loop and child is not None and info not in child.passed_in:
                            child.passed_in.append(info)
                    return info
            if fn.kind in ("method", "static", "init"):
                # Methods do not see the locals around their class.
                break
            child = fn
            fn = fn.parent
        return None

    def module_var(self, tok: Token) -> N.VarInfo:
        info = self.module_vars.get(tok.text)
        if info is None:
            info = N.VarInfo(tok.text, f"w_{tok.text}", True, None, defined=False, line=tok.line)
            self.module_vars[tok.text] = info
        return info

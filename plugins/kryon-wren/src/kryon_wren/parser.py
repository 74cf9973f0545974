"""Wren statements, classes and modules; ``parse`` is the entry point.

Expressions are parsed by :mod:`kryon_wren.expressions`; names are resolved
while parsing (:mod:`kryon_wren.scope`), so a lowercase unknown name inside a
class is an implicit call on ``this``.
"""

from __future__ import annotations

from collections.abc import Callable

from kryon_wren import names
from kryon_wren import nodes as N
from kryon_wren.attributes import AttributeParser
from kryon_wren.expressions import (
    MAX_PARAMS,
    PREC_CALL,
    ExpressionParser,
    makes_object,
)
from kryon_wren.lexer import Token
from kryon_wren.scope import ParseError, format_parse_error

__all__ = ["ParseError", "Parser", "format_parse_error", "parse"]


class SignatureError(ParseError):
    """An error in a class member's signature (before its body)."""


class Parser(ExpressionParser, AttributeParser):
    # -- entry ----------------------------------------------------------------

    def parse_module(self) -> N.FuncInfo:
        body = self.module.body
        self.skip_lines()
        while not self.check("eof"):
            body.append(self.definition())
            if not self.match_line():
                # The reference stops reading here (its lexer a token ahead).
                self.consume("eof", "Expect end of file.")
                self.stopped_at = self.i
                break
        self.report_undefined()
        return self.module

    def report_undefined(self) -> None:
        for info in self.module_vars.values():
            if not info.defined:
                self.undefined.append(
                    (info.line, f"Error at '{info.name}': Variable is used but not defined.")
                )

    # -- statements -------------------------------------------------------------

    def definition(self) -> N.Node:
        attributes, _ = self.attributes()
        if self.check("class") or self.check("foreign"):
            foreign = self.match("foreign")
            # Without a host allocator the reference defines a foreign class
            # like any other (constructing one is undefined behaviour there;
            # here it makes an object without fields).
            self.consume("class", "Expect 'class' after 'foreign'.")
            decl = self.class_definition(foreign=foreign)
            assert isinstance(decl, N.ClassDecl)
            decl.attributes = attributes
            return decl
        if self.attribute_count:
            # Attributes read before anything but a class or a method
            # (possibly a method that was not one, in a class body before).
            self.syntax_error(self.prev, "Attributes can only specified before a class or a method")
            self.attribute_count = 0
        if self.match("import"):
            return self.import_statement()
        if self.match("var"):
            line = self.prev.line
            tok = self.consume("name", "Expect variable name.")
            init = None
            if self.match("="):
                self.skip_lines()
                init = self.expression()
            info = self.declare(tok, self.prev)
            info.obj_init = makes_object(init)
            return N.VarDecl(info, init, line)
        return self.statement()

    def statement(self) -> N.Node:
        tok = self.cur
        line = tok.line
        if self.match("break"):
            if self.fn.loop_depth == 0:
                self.report(self.prev, "Cannot use 'break' outside of a loop.")
            return N.Break(line)
        if self.match("continue"):
            if self.fn.loop_depth == 0:
                self.report(self.prev, "Cannot use 'continue' outside of a loop.")
            return N.Continue(line)
        if self.match("for"):
            return self.for_statement(line)
        if self.match("if"):
            # As in the reference, no newline may come after the '(' nor
            # before the `else`.
            self.consume("(", "Expect '(' after 'if'.")
            cond = self.expression()
            self.consume(")", "Expect ')' after if condition.")
            then = self.branch()
            other = None
            if self.match("else"):
                other = self.branch()
            return N.If(cond, then, other, line)
        if self.match("return"):
            # As in the reference, only a newline ends a bare return.
            if self.check("line"):
                return N.Return(None, line)
            if self.fn.kind == "init":
                self.report(self.prev, "A constructor cannot return a value.")
            return N.Return(self.expression(), line)
        if self.match("while"):
            self.consume("(", "Expect '(' after 'while'.")
            cond = self.expression()
            self.consume(")", "Expect ')' after while condition.")
            self.fn.loop_depth += 1
            body = self.branch()
            self.fn.loop_depth -= 1
            return N.While(cond, body, line)
        if self.match("{"):
            self.push_scope()
            stmts, expr = self.finish_block()
            self.pop_scope()
            if expr is not None:
                stmts = [N.ExprStmt(expr, expr.line)]
            return N.Block(stmts, line)
        return N.ExprStmt(self.expression(), line)

    def branch(self) -> N.Node:
        """The body of if/while/for: one statement in its own scope."""
        self.push_scope()
        stmt = self.statement()
        self.pop_scope()
        return stmt

    def for_statement(self, line: int) -> N.Node:
        self.consume("(", "Expect '(' after 'for'.")
        tok = self.consume("name", "Expect for loop variable name.")
        self.consume("in", "Expect 'in' after loop variable.")
        self.skip_lines()
        seq = self.expression()
        self.consume(")", "Expect ')' after loop expression.")
        self.fn.loop_depth += 1
        self.push_scope()
        info = self.declare(tok, check_length=False)
        body = self.branch()
        self.pop_scope()
        self.fn.loop_depth -= 1
        return N.For(info, seq, body, line)

    def finish_block(self) -> tuple[list[N.Node], N.Node | None]:
        """After '{': returns (statements, None) or ([], expression) for a
        single-line expression body."""
        if self.match("}"):
            return [], None
        if not self.match_line():
            expr = self.expression()
            self.consume("}", "Expect '}' at end of block.")
            return [], expr
        if self.match("}"):
            return [], None
        body: list[N.Node] = []
        while True:
            body.append(self.definition())
            # A block spanning lines ends each statement with a newline.
            self.consume("line", "Expect newline after statement.")
            self.skip_lines()
            if self.check("}") or self.check("eof"):
                break
        self.consume("}", "Expect '}' at end of block.")
        return body, None

    def import_statement(self) -> N.Node:
        line = self.prev.line
        self.skip_lines()
        tok = self.consume("str", "Expect a string after 'import'.")
        imported: list[tuple[str, N.VarInfo]] = []
        if self.match("for"):
            self.skip_lines()
            while True:
                src = self.consume("name", "Expect variable name.")
                target = src
                if self.match("as"):
                    target = self.consume("name", "Expect variable name after 'as'.")
                imported.append((src.text, self.declare(target)))
                if not self.match(","):
                    break
                self.skip_lines()
        return N.Import(str(tok.value), imported, line)

    # -- classes ------------------------------------------------------------------

    def class_definition(self, *, foreign: bool = False) -> N.Node:
        line = self.prev.line
        tok = self.consume("name", "Expect variable name.")
        info = self.declare(tok)
        info.is_class = True
        superclass = None
        if self.match("is"):
            superclass = self.parse_precedence(PREC_CALL)
        self.attribute_count = 0  # the class's own
        cls = N.ClassInfo(tok.text, self.uid(), foreign=foreign)
        outer_cls, self.cls = self.cls, cls
        methods: list[N.MethodDef] = []
        self.consume("{", "Expect '{' after class declaration.")
        self.match_line()
        seen: dict[tuple[str, bool], bool] = {}
        attribute_table: dict[str, list[N.Attribute]] = {}
        foreign_methods: list[tuple[str, int]] = []
        while not self.match("}"):
            if self.check("eof"):
                self.syntax_error(self.cur, "Expect method definition.")
                break
            method_attributes, _ = self.attributes()
            try:
                if self.match("foreign"):
                    foreign_methods.append(self.foreign_method(cls, seen))
                    m = None
                else:
                    m = self.method_definition(cls, seen)
            except SignatureError as err:
                # As in the reference, a bad member ends the class body and
                # parsing goes on (usually cascading into one more error).
                self.add_error(format_parse_error(err))
                break
            if m is not None:
                methods.append(m)
            if m is not None and method_attributes:
                prefix = "static " if m.kind == "static" else ""
                attribute_table[prefix + m.signature] = method_attributes
            if self.match("}"):
                break
            self.consume("line", "Expect newline after definition in class.")
            self.skip_lines()
        self.cls = outer_cls
        statics = {m.mname for m in methods if m.kind == "static"}
        info.constructors = (
            frozenset("m" + m.mname[1:] for m in methods if m.kind == "init") - statics
        )
        decl = N.ClassDecl(cls, info, superclass, methods, line, [], attribute_table)
        decl.foreign_methods = foreign_methods
        return decl

    def foreign_method(
        self, cls: N.ClassInfo, seen: dict[tuple[str, bool], bool]
    ) -> tuple[str, int]:
        """A ``foreign`` member: its signature only.  Binding it needs the
        host's C function, which no host here has, so defining the class is
        the reference's runtime error; returns (message, line)."""
        _, sig, kind, _, _ = self.unique_signature(cls, seen)
        owner = f"{cls.name} metaclass" if kind == "static" else cls.name
        return f"Could not find foreign method '{sig}' for class {owner} in module ", self.prev.line

    def method_definition(
        self, cls: N.ClassInfo, seen: dict[tuple[str, bool], bool]
    ) -> N.MethodDef:
        mname, sig, kind, params, line = self.unique_signature(cls, seen)
        return self.method_body(cls, mname, sig, kind, params, line)

    def unique_signature(
        self, cls: N.ClassInfo, seen: dict[tuple[str, bool], bool]
    ) -> tuple[str, str, str, list[Token], int]:
        """A member's signature; one the class already has is reported at the
        signature's last token, before any body."""
        try:
            signature = self.method_signature(cls)
        except ParseError as err:
            raise SignatureError(err.token, err.message) from None
        self.attribute_count = 0  # the method's own
        mname, sig, kind, _, _ = signature
        key = (mname, kind == "static")
        if key in seen:
            self.report(
                self.prev,
                f"Class {cls.name} already defines a "
                f"{'static ' if kind == 'static' else ''}method '{sig}'.",
            )
        seen[key] = True
        return signature

    def method_signature(self, cls: N.ClassInfo) -> tuple[str, str, str, list[Token], int]:
        is_static = self.match("static")
        is_ctor = False
        if self.match("construct"):
            if is_static:
                # Reported without stopping; the constructor is parsed on.
                self.add_error(format_parse_error(self.error("A constructor cannot be static.")))
            is_ctor = True
        tok = self.advance()
        line = tok.line
        params: list[Token] = []
        t = tok.type
        if t == "name":
            self.check_name_length(tok)
        if is_ctor:
            if t != "name":
                self.syntax_error(tok, "Expect constructor name after 'construct'.")
                if self.check("name"):
                    tok = self.advance()
            if self.match("="):
                self.syntax_error(self.prev, "A constructor cannot be a setter.")
            if self.check("("):
                params = self.param_list(lines_first=False)
            else:
                self.syntax_error(self.prev, "A constructor cannot be a getter.")
            mname = names.initializer(tok.text, len(params))
            kind = "init"
        elif t == "name":
            kind = "static" if is_static else "method"
            if self.match("="):
                self.consume("(", "Expect '(' after '='.")
                params = [self.consume("name", "Expect variable name.")]
                self.consume(")", "Expect ')' after parameter name.")
                mname = names.setter(tok.text)
            elif self.check("("):
                params = self.param_list()
                mname = names.method(tok.text, len(params))
            else:
                mname = names.getter(tok.text)
        elif t == "[":
            kind = "static" if is_static else "method"
            params = self.parameters()
            self.consume("]", "Expect ']' after parameters.")
            if self.match("="):
                self.consume("(", "Expect '(' after '='.")
                params.append(self.consume("name", "Expect variable name."))
                self.consume(")", "Expect ')' after parameter name.")
                mname = names.subscript_setter(len(params) - 1)
            else:
                mname = names.subscript(len(params))
        elif t in names.OPERATOR_NAMES:
            kind = "static" if is_static else "method"
            if t in ("!", "~") or (t == "-" and not self.check("(")):
                # (An argument list after `!` or `~` is where the body should be.)
                mname = names.unary(t)
            else:
                self.consume("(", "Expect '(' after operator name.")
                params = [self.consume("name", "Expect variable name.")]
                self.consume(")", "Expect ')' after parameter name.")
                mname = names.binary(t)
        else:
            raise ParseError(tok, "Expect method definition.")
        sig = names.signature_of(mname) or mname
        return mname, sig, kind, params, line

    def method_body(
        self, cls: N.ClassInfo, mname: str, sig: str, kind: str, params: list[Token], line: int
    ) -> N.MethodDef:
        # The reference names a method's frame by its signature alone.
        debug = sig
        is_static = kind == "static"
        func = N.FuncInfo(kind, debug, f"{mname}_{self.uid()}", self.fn, cls=cls, line=line)
        outer_fn, outer_static = self.fn, self.in_static
        self.fn, self.in_static = func, is_static
        self.functions.append(func)
        self.push_scope()
        for p in params:
            func.params.append(self.declare(p))
        self.consume("{", "Expect '{' to begin method body.")
        body, expr = self.finish_block()
        func.body = body
        func.expr_body = expr
        self.pop_scope()
        self.fn, self.in_static = outer_fn, outer_static
        return N.MethodDef(mname, sig, kind, func, line, self.prev.line)

    def param_list(self, *, lines_first: bool = True) -> list[Token]:
        """A parenthesized parameter list, as the reference reads it: a newline
        may come before each name (and, but in a constructor's, before an
        empty list's ')'), not after one."""
        self.consume("(", "Expect '(' after method name.")
        if lines_first:
            self.skip_lines()
        if self.match(")"):
            return []
        params = self.parameters()
        self.consume(")", "Expect ')' after parameters.")
        return params

    def parameters(self) -> list[Token]:
        params: list[Token] = []
        while True:
            self.skip_lines()
            if len(params) == MAX_PARAMS:
                self.report(self.prev, "Methods cannot have more than 16 parameters.")
            params.append(self.consume("name", "Expect variable name."))
            if not self.match(","):
                break
        # A repeated name is reported when the body declares the parameters.
        return params


def parse(
    source: str,
    *,
    builtins: tuple[str, ...] = (),
    uid_start: int = 0,
    tick: Callable[[], None] | None = None,
) -> tuple[N.FuncInfo | None, list[tuple[int, str]], Parser]:
    """Parse a module; returns (module function, errors as (line, text), parser).
    ``tick`` is called every TICK_TOKENS tokens lexed or parsed (it raises to
    stop the compilation)."""
    parser = Parser(source, builtins=builtins, tick=tick)
    parser.counter = uid_start
    module: N.FuncInfo | None = None
    # Tokens the reference's lexer has read: all of them, unless it stops
    # reading at a statement that does not end its line (its lexer reads one
    # token past the parser's current).
    lexed = len(parser.tokens)
    try:
        module = parser.parse_module()
        if parser.stopped_at is not None:
            lexed = parser.stopped_at + 2
    except ParseError as err:
        lexed = parser.i + 2
        if err.token.type != "error":
            parser.add_error(format_parse_error(err))
    except RecursionError:
        lexed = parser.i + 2
        parser.add_error((parser.cur.line, "Error: Expression is too deeply nested."))
    # Errors in the order the reference reports them: its lexer reads a token
    # when the parser takes the one two before it (so an error lexing token k
    # comes before the parser's errors at token k - 1), and module variables
    # that were used but never defined are reported when the module is read.
    timed = [
        (max(at - 1, 0), 0, (line, f"Error: {msg}"))
        for line, msg, at in parser.lex_errors
        if at < lexed
    ]
    timed += [(at, 1, error) for at, error in zip(parser.error_times, parser.errors, strict=True)]
    timed.sort(key=lambda e: e[:2])
    errors = [error for _, _, error in timed]
    errors.extend(parser.undefined)
    return (module if not errors else None), errors, parser

"""Wren expressions: a Pratt parser with the reference precedence table and
newline rules (newlines are skipped after infix operators, inside argument
lists and collection literals)."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable

from kryon_wren import names
from kryon_wren import nodes as N
from kryon_wren.lexer import Token
from kryon_wren.scope import ParserBase

PREC_NONE, PREC_LOWEST, PREC_ASSIGN, PREC_TERNARY, PREC_OR, PREC_AND = 0, 1, 2, 3, 4, 5
PREC_EQ, PREC_IS, PREC_CMP, PREC_BOR, PREC_BXOR, PREC_BAND = 6, 7, 8, 9, 10, 11
PREC_SHIFT, PREC_RANGE, PREC_TERM, PREC_FACTOR, PREC_UNARY, PREC_CALL = 12, 13, 14, 15, 16, 17

BINARY_PREC = {
    "==": PREC_EQ,
    "!=": PREC_EQ,
    "<": PREC_CMP,
    ">": PREC_CMP,
    "<=": PREC_CMP,
    ">=": PREC_CMP,
    "|": PREC_BOR,
    "^": PREC_BXOR,
    "&": PREC_BAND,
    "<<": PREC_SHIFT,
    ">>": PREC_SHIFT,
    "..": PREC_RANGE,
    "...": PREC_RANGE,
    "+": PREC_TERM,
    "-": PREC_TERM,
    "*": PREC_FACTOR,
    "/": PREC_FACTOR,
    "%": PREC_FACTOR,
}
INFIX_PREC = {**BINARY_PREC, "is": PREC_IS, "&&": PREC_AND, "||": PREC_OR, "?": PREC_ASSIGN}
INFIX_PREC.update({".": PREC_CALL, "[": PREC_CALL})

LINE_BEFORE_DOT = (N.Var, N.Field, N.Call, N.SuperCall)
"""What a newline may separate from a `.` that goes on with a method chain."""

MAX_PARAMS = 16
MAX_METHOD_NAME = 64
MAX_FIELDS = 255


class ExpressionParser(ParserBase):
    def check_name_length(self, name: Token) -> None:
        """Method names are at most 64 characters long, as in the reference compiler."""
        if len(name.text) > MAX_METHOD_NAME:
            self.report(name, f"Method names cannot be longer than {MAX_METHOD_NAME} characters.")

    @abstractmethod
    def finish_block(self) -> tuple[list[N.Node], N.Node | None]:
        """Parse a block body after '{' (defined by the statement parser)."""

    # -- expressions ------------------------------------------------------------------

    def expression(self) -> N.Node:
        return self.parse_precedence(PREC_LOWEST)

    def parse_precedence(self, prec: int) -> N.Node:
        tok = self.advance()
        prefix = PREFIX.get(tok.type)
        if prefix is None:
            self.syntax_error(tok, "Expected expression.")
            return N.Lit(None, tok.line)
        can_assign = prec <= PREC_TERNARY
        left = prefix(self, tok, can_assign)
        while True:
            t = self.cur.type
            if (
                t == "line"
                and self.tokens[self.i + 1].type == "."
                and isinstance(left, LINE_BEFORE_DOT)
            ):
                # A method chain may go on on the next line after a name, a
                # field, a call or a subscript (not after a literal or a
                # parenthesized expression), as in the reference.
                j = self.i
                while self.tokens[j].type == "line":
                    j += 1
                self.i = j
                t = "."
            p = INFIX_PREC.get(t)
            if p is None or p < prec:
                break
            op = self.advance()
            left = self.infix(op, left, can_assign)
        return left

    def infix(self, op: Token, left: N.Node, can_assign: bool) -> N.Node:
        t = op.type
        line = op.line
        if t == ".":
            self.skip_lines()
            name = self.consume("name", "Expect method name after '.'.")
            self.check_name_length(name)
            return self.named_call(left, name, can_assign)
        if t == "[":
            self.skip_lines()
            args = self.arguments("]", "Expect ']' after arguments.", empty=False)
            if can_assign and self.match("="):
                # (The value must start on the same line, as for a variable.)
                value = self.expression()
                return N.Call(
                    left, names.subscript_setter(len(args)), [*args, value], line, self.prev.line
                )
            return N.Call(left, names.subscript(len(args)), args, line, self.prev.line)
        if t == "?":
            self.skip_lines()
            then = self.parse_precedence(PREC_TERNARY)
            self.consume(":", "Expect ':' after then branch of conditional operator.")
            self.skip_lines()
            other = self.parse_precedence(PREC_ASSIGN)
            return N.Cond(left, then, other, line)
        self.skip_lines()
        if t in ("&&", "||"):
            right = self.parse_precedence(INFIX_PREC[t] + 1)
            return N.Logic(t, left, right, line)
        if t == "is":
            right = self.parse_precedence(PREC_IS + 1)
            return N.Is(left, right, line, self.prev.line)
        right = self.parse_precedence(BINARY_PREC[t] + 1)
        return N.Binary(t, left, right, line, self.prev.line)

    def arguments(self, close: str, message: str, *, empty: bool = True) -> list[N.Node]:
        """Arguments up to ``close`` (a subscript's may not be ``empty``)."""
        args: list[N.Node] = []
        self.skip_lines()
        if empty and self.match(close):
            return args
        while True:
            self.skip_lines()
            if len(args) == MAX_PARAMS:
                # Reported at the comma (or newline) before the 17th, as the
                # reference counts an argument before compiling it.
                self.report(self.prev, "Methods cannot have more than 16 arguments.")
            args.append(self.expression())
            if not self.match(","):
                break
        self.skip_lines()
        self.consume(close, message)
        return args

    def named_call(self, recv: N.Node, name: Token, can_assign: bool) -> N.Node:
        line = name.line
        if can_assign and self.match("="):
            self.skip_lines()
            value = self.expression()
            return N.Call(recv, names.setter(name.text), [value], line, self.prev.line)
        args: list[N.Node] | None = None
        if self.match("("):
            args = self.arguments(")", "Expect ')' after arguments.")
        if self.check("{"):
            self.advance()
            sig_args = 0 if args is None else len(args)
            block = self.fn_body(
                f"{name.text}({','.join('_' * (sig_args + 1))}) block argument", self.prev.line
            )
            args = [*(args or []), block]
        if args is None:
            return N.Call(recv, names.getter(name.text), None, line, self.prev.line)
        return N.Call(recv, names.method(name.text, len(args)), args, line, self.prev.line)

    def fn_body(self, debug: str, line: int) -> N.Node:
        func = N.FuncInfo("fn", debug, f"fn_{self.uid()}", self.fn, cls=self.cls, line=line)
        self.functions.append(func)
        outer = self.fn
        self.fn = func
        self.push_scope()
        if self.match("|"):
            params: list[Token] = []
            while True:
                # As in the reference, a newline may come before each name.
                self.skip_lines()
                if len(params) == MAX_PARAMS:
                    self.report(self.prev, "Methods cannot have more than 16 parameters.")
                params.append(self.consume("name", "Expect variable name."))
                # Declared at once, as in the reference (which reports a
                # repeated name by declare()).
                func.params.append(self.declare(params[-1]))
                if not self.match(","):
                    break
            self.consume("|", "Expect '|' after function parameters.")
        body, expr = self.finish_block()
        func.body = body
        func.expr_body = expr
        self.pop_scope()
        self.fn = outer
        return N.FnExpr(func, line)

    # prefix parselets ---------------------------------------------------------------

    def p_literal(self, tok: Token, can_assign: bool) -> N.Node:
        value = {"true": True, "false": False, "null": None}.get(tok.type, tok.value)
        return N.Lit(value, tok.line)

    def p_interp(self, tok: Token, can_assign: bool) -> N.Node:
        parts: list[N.Node] = []
        while True:
            if tok.value:
                parts.append(N.Lit(tok.value, tok.line))
            self.skip_lines()
            parts.append(self.expression())
            self.skip_lines()
            if self.check("interp"):
                tok = self.advance()
                continue
            end = self.consume("str", "Expect end of string interpolation.")
            if end.value:
                parts.append(N.Lit(end.value, end.line))
            return N.Interp(parts, tok.line, self.prev.line)

    def p_group(self, tok: Token, can_assign: bool) -> N.Node:
        expr = self.expression()
        self.consume(")", "Expect ')' after expression.")
        return expr

    def p_list(self, tok: Token, can_assign: bool) -> N.Node:
        items: list[N.Node] = []
        while True:
            self.skip_lines()
            if self.check("]"):
                break
            items.append(self.expression())
            if not self.match(","):
                break
        self.skip_lines()
        self.consume("]", "Expect ']' after list elements.")
        return N.ListLit(items, tok.line)

    def p_map(self, tok: Token, can_assign: bool) -> N.Node:
        pairs: list[tuple[N.Node, N.Node]] = []
        while True:
            self.skip_lines()
            if self.check("}"):
                break
            key = self.parse_precedence(PREC_UNARY)
            self.consume(":", "Expect ':' after map key.")
            self.skip_lines()
            pairs.append((key, self.expression()))
            if not self.match(","):
                break
        self.skip_lines()
        self.consume("}", "Expect '}' after map entries.")
        return N.MapLit(pairs, tok.line)

    def p_unary(self, tok: Token, can_assign: bool) -> N.Node:
        self.skip_lines()
        operand = self.parse_precedence(PREC_UNARY + 1)
        if tok.type == "-" and isinstance(operand, N.Lit) and type(operand.value) is float:
            return N.Lit(-operand.value, tok.line)
        return N.Unary(tok.type, operand, tok.line, self.prev.line)

    def p_this(self, tok: Token, can_assign: bool) -> N.Node:
        if self.cls is None:
            self.report(tok, "Cannot use 'this' outside of a method.")
        return N.This(tok.line)

    def p_field(self, tok: Token, can_assign: bool) -> N.Node:
        cls = self.cls
        static = tok.type == "sfield"
        # As in the reference these errors do not stop the compiler; a field
        # outside a class still takes an assignment, a static one does not.
        if cls is None and static:
            self.report(tok, "Cannot use a static field outside of a class definition.")
            return N.Lit(None, tok.line)
        if cls is None:
            self.report(tok, "Cannot reference a field outside of a class definition.")
            if can_assign and self.match("="):
                self.expression()
            return N.Lit(None, tok.line)
        if not static and self.in_static:
            self.report(tok, "Cannot use an instance field in a static method.")
        if not static and cls.foreign:
            # Reported without stopping, as the reference does.
            self.add_error(
                (tok.line, f"Error at '{tok.text}': Cannot define fields in a foreign class.")
            )
        table = cls.static_fields if static else cls.fields
        pyname = table.setdefault(tok.text, f"{'S' if static else 'f'}{cls.cid}{tok.text}")
        if not static and len(table) > MAX_FIELDS and list(table).index(tok.text) >= MAX_FIELDS:
            # At every use of a field past the limit; parsing goes on.
            self.report(tok, f"A class can only have {MAX_FIELDS} fields.")
        node = N.Field(pyname, static, cls, tok.line)
        if can_assign and self.match("="):
            if static:
                self.fn.globals_.add(pyname)
            value = self.expression()
            known = cls.object_fields.get(pyname, True)
            cls.object_fields[pyname] = known and makes_object(value)
            return N.Assign(node, value, tok.line)
        return node

    def p_name(self, tok: Token, can_assign: bool) -> N.Node:
        info = self.resolve_local(tok.text)
        if info is None and self.cls is not None and tok.text[0].islower():
            return self.named_call(N.This(tok.line), tok, can_assign)
        if info is None:
            info = self.module_vars.get(tok.text) or self.module_var(tok)
        node = N.Var(info, tok.line)
        if can_assign and self.match("="):
            # Unlike a `var` or a setter, an assignment to a variable or field
            # takes no newline after the '=' in the reference.
            value = self.expression()
            info.assigned = True
            if info.module_level:
                self.fn.globals_.add(info.pyname)
            else:
                self.fn.nonlocals.add(info)
            return N.Assign(node, value, tok.line)
        return node

    def p_super(self, tok: Token, can_assign: bool) -> N.Node:
        if self.cls is None:
            # Reported, then parsed on as the reference does.
            self.report(tok, "Cannot use 'super' outside of a method.")
            if self.match("."):
                name = self.consume("name", "Expect method name after 'super.'.")
                self.named_call(N.This(tok.line), name, can_assign)
            return N.Lit(None, tok.line)
        method_fn = self.fn
        while method_fn.kind == "fn" and method_fn.parent is not None:
            method_fn = method_fn.parent
        if self.match("."):
            name = self.consume("name", "Expect method name after 'super.'.")
            call = self.named_call(N.This(tok.line), name, can_assign)
            assert isinstance(call, N.Call)
            return N.SuperCall(call.mname, call.args, tok.line, call.at)
        # Bare super(...) calls the method with the enclosing signature.
        args: list[N.Node] | None = None
        if self.match("("):
            args = self.arguments(")", "Expect ')' after arguments.")
        if self.check("{"):
            self.advance()
            block = self.fn_body("super block argument", self.prev.line)
            args = [*(args or []), block]
        enclosing = method_fn.pyname.rsplit("_", 1)[0]
        kind = enclosing.split("_", 1)[0]
        base = enclosing.split("_", 1)[1] if "_" in enclosing else enclosing
        if kind in ("m", "i"):
            base = base.rsplit("_", 1)[0]
        n = 0 if args is None else len(args)
        # Like any call, a bare `super` is a getter and `super(...)` a method,
        # both named after the enclosing method.
        if kind == "i":
            if args is None:
                self.syntax_error(self.prev, "A superclass constructor must have an argument list.")
            mname = names.initializer(base, n)
        elif kind in ("m", "g", "s"):
            mname = names.getter(base) if args is None else names.method(base, n)
        else:
            mname = enclosing
        return N.SuperCall(mname, args, tok.line, self.prev.line)


PREFIX: dict[str, Callable[[ExpressionParser, Token, bool], N.Node]] = {
    "num": ExpressionParser.p_literal,
    "str": ExpressionParser.p_literal,
    "true": ExpressionParser.p_literal,
    "false": ExpressionParser.p_literal,
    "null": ExpressionParser.p_literal,
    "interp": ExpressionParser.p_interp,
    "(": ExpressionParser.p_group,
    "[": ExpressionParser.p_list,
    "{": ExpressionParser.p_map,
    "-": ExpressionParser.p_unary,
    "!": ExpressionParser.p_unary,
    "~": ExpressionParser.p_unary,
    "this": ExpressionParser.p_this,
    "field": ExpressionParser.p_field,
    "sfield": ExpressionParser.p_field,
    "name": ExpressionParser.p_name,
    "super": ExpressionParser.p_super,
}


def makes_object(init: N.Node | None) -> bool:
    """Whether an initializer surely yields a Wren object (not a Num/String/Bool/null)."""
    if isinstance(init, (N.ListLit, N.MapLit, N.FnExpr)):
        return True
    if isinstance(init, N.Call) and isinstance(init.recv, N.Var):
        info = init.recv.info
        if not info.is_class or info.assigned or not init.mname.startswith("m_new_"):
            return False
        if info.builtin:
            return info.name not in ("Num", "String")
        # A class of this module whose body was parsed, and the method one
        # of its constructors (not a static method named new).
        return info.constructors is not None and init.mname in info.constructors
    return False

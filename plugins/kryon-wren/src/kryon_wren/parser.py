"""Pratt parser for Wren 0.4 with name resolution.

The grammar, precedence table and newline rules follow the reference
compiler: statements end at a newline; newlines are skipped after infix
operators, inside argument lists and collection literals.  Names are
resolved while parsing (as the single-pass reference compiler does), so a
lowercase unknown name inside a class is an implicit call on ``this``.
"""

from __future__ import annotations

from collections.abc import Callable

from kryon_wren import names
from kryon_wren import nodes as N
from kryon_wren.lexer import Token, tokenize

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
INFIX_PREC = {**BINARY_PREC, "is": PREC_IS, "&&": PREC_AND, "||": PREC_OR, "?": PREC_TERNARY}
INFIX_PREC.update({".": PREC_CALL, "[": PREC_CALL})

MAX_PARAMS = 16


class ParseError(Exception):
    def __init__(self, token: Token, message: str) -> None:
        super().__init__(message)
        self.token = token
        self.message = message


class Parser:
    def __init__(
        self, source: str, *, prelude: bool = False, builtins: tuple[str, ...] = ()
    ) -> None:
        self.tokens, self.lex_errors = tokenize(source)
        self.i = 0
        self.prelude = prelude
        self.errors: list[tuple[int, str]] = []
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
        return self.tokens[self.i - 1]

    def advance(self) -> Token:
        tok = self.tokens[self.i]
        if tok.type != "eof":
            self.i += 1
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
        if self.check(type_):
            return self.advance()
        raise ParseError(self.cur, message)

    def error(self, message: str, token: Token | None = None) -> ParseError:
        return ParseError(token or self.prev, message)

    def uid(self) -> int:
        self.counter += 1
        return self.counter

    # -- scopes ---------------------------------------------------------------

    def push_scope(self) -> None:
        self.fn.scopes.append({})

    def pop_scope(self) -> None:
        self.fn.scopes.pop()

    def declare(self, tok: Token) -> N.VarInfo:
        name = tok.text
        if self.fn is self.module and not self.fn.scopes:
            existing = self.module_vars.get(name)
            if existing is not None:
                if existing.defined:
                    raise self.error("Module variable is already defined.", tok)
                existing.defined = True
                existing.line = tok.line
                return existing
            info = N.VarInfo(name, f"w_{name}", True, None, line=tok.line)
            self.module_vars[name] = info
            return info
        scope = self.fn.scopes[-1]
        if name in scope:
            raise self.error("Variable is already declared in this scope.", tok)
        info = N.VarInfo(
            name,
            f"l_{name}_{self.uid()}",
            False,
            self.fn,
            in_loop=self.fn.loop_depth > 0,
            line=tok.line,
        )
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

    # -- entry ----------------------------------------------------------------

    def parse_module(self) -> N.FuncInfo:
        body = self.module.body
        self.skip_lines()
        while not self.check("eof"):
            body.append(self.definition())
            if not self.match_line():
                self.consume("eof", "Expect end of file.")
                break
        for info in self.module_vars.values():
            if not info.defined:
                self.errors.append(
                    (info.line, f"Error at '{info.name}': Variable is used but not defined.")
                )
        return self.module

    # -- statements -------------------------------------------------------------

    def definition(self) -> N.Node:
        if self.match("class"):
            return self.class_definition()
        if self.match("foreign"):
            self.consume("class", "Expect 'class' after 'foreign'.")
            raise self.error("Foreign classes are not supported by this implementation.")
        if self.match("import"):
            return self.import_statement()
        if self.match("var"):
            line = self.prev.line
            tok = self.consume("name", "Expect variable name.")
            init = None
            if self.match("="):
                self.skip_lines()
                init = self.expression()
            info = self.declare(tok)
            info.obj_init = _makes_object(init)
            return N.VarDecl(info, init, line)
        return self.statement()

    def statement(self) -> N.Node:
        tok = self.cur
        line = tok.line
        if self.match("break"):
            if self.fn.loop_depth == 0:
                raise self.error("Cannot use 'break' outside of a loop.")
            return N.Break(line)
        if self.match("continue"):
            if self.fn.loop_depth == 0:
                raise self.error("Cannot use 'continue' outside of a loop.")
            return N.Continue(line)
        if self.match("for"):
            return self.for_statement(line)
        if self.match("if"):
            self.consume("(", "Expect '(' after 'if'.")
            self.skip_lines()
            cond = self.expression()
            self.consume(")", "Expect ')' after if condition.")
            then = self.branch()
            other = None
            save = self.i
            self.skip_lines()
            if self.match("else"):
                other = self.branch()
            else:
                self.i = save
            return N.If(cond, then, other, line)
        if self.match("return"):
            if self.check("line") or self.check("}") or self.check("eof"):
                return N.Return(None, line)
            if self.fn.kind == "init":
                raise self.error("A constructor cannot return a value.", self.cur)
            return N.Return(self.expression(), line)
        if self.match("while"):
            self.consume("(", "Expect '(' after 'while'.")
            self.skip_lines()
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
        info = self.declare(tok)
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
            if not self.match_line():
                self.consume("}", "Expect '}' at end of block.")
                return body, None
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

    def class_definition(self) -> N.Node:
        line = self.prev.line
        tok = self.consume("name", "Expect class name.")
        info = self.declare(tok)
        info.is_class = True
        superclass = None
        if self.match("is"):
            superclass = self.parse_precedence(PREC_CALL)
        cls = N.ClassInfo(tok.text, self.uid(), self.prelude)
        outer_cls, self.cls = self.cls, cls
        methods: list[N.MethodDef] = []
        self.consume("{", "Expect '{' after class declaration.")
        self.match_line()
        seen: dict[tuple[str, bool], bool] = {}
        while not self.match("}"):
            if self.check("eof"):
                raise ParseError(self.cur, "Expect '}' after class body.")
            m = self.method_definition(cls)
            key = (m.mname, m.kind == "static")
            if key in seen:
                self.errors.append(
                    (
                        m.line,
                        f"Error at '{m.signature}': Class {cls.name} already defines a "
                        f"{'static ' if m.kind == 'static' else ''}method '{m.signature}'.",
                    )
                )
            seen[key] = True
            methods.append(m)
            if self.match("}"):
                break
            self.consume("line", "Expect newline after definition in class.")
            self.skip_lines()
        self.cls = outer_cls
        return N.ClassDecl(cls, info, superclass, methods, line)

    def method_definition(self, cls: N.ClassInfo) -> N.MethodDef:
        if self.match("foreign"):
            raise self.error("Foreign methods are not supported by this implementation.")
        is_static = self.match("static")
        is_ctor = False
        if self.match("construct"):
            if is_static:
                raise self.error("Expect method definition.")
            is_ctor = True
        tok = self.advance()
        line = tok.line
        params: list[Token] = []
        t = tok.type
        if is_ctor:
            if t != "name":
                raise ParseError(tok, "Expect constructor name after 'construct'.")
            if not self.check("("):
                raise ParseError(self.cur, "A constructor cannot be a getter.")
            params = self.param_list()
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
            params = self.params_until("]")
            if not params:
                raise ParseError(self.prev, "Expect variable name.")
            if self.match("="):
                self.consume("(", "Expect '(' after '='.")
                params.append(self.consume("name", "Expect variable name."))
                self.consume(")", "Expect ')' after parameter name.")
                mname = names.subscript_setter(len(params) - 1)
            else:
                mname = names.subscript(len(params))
        elif t in names.OPERATOR_NAMES:
            kind = "static" if is_static else "method"
            if self.check("("):
                if t in ("!", "~"):
                    raise ParseError(self.cur, "Expect '{' to begin method body.")
                params = self.param_list()
                if len(params) != 1:
                    raise ParseError(self.prev, "Expect one parameter for an operator.")
                mname = names.binary(t)
            elif t in ("-", "!", "~"):
                mname = names.unary(t)
            else:
                raise ParseError(self.cur, "Expect '(' after operator.")
        else:
            raise ParseError(tok, "Expect method definition.")
        sig = names.signature_of(mname) or mname
        # The reference names a method's frame by its signature alone.
        debug = sig
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
        return N.MethodDef(mname, sig, kind, func, line)

    def param_list(self) -> list[Token]:
        self.consume("(", "Expect '(' after method name.")
        return self.params_until(")")

    def params_until(self, close: str) -> list[Token]:
        params: list[Token] = []
        self.skip_lines()
        if self.match(close):
            return params
        while True:
            self.skip_lines()
            params.append(self.consume("name", "Expect parameter name."))
            if len(params) > MAX_PARAMS:
                raise ParseError(self.prev, "Methods cannot have more than 16 parameters.")
            self.skip_lines()
            if not self.match(","):
                break
        self.skip_lines()
        self.consume(close, f"Expect '{close}' after parameters.")
        seen: set[str] = set()
        for p in params:
            if p.text in seen:
                raise ParseError(p, "Variable is already declared in this scope.")
            seen.add(p.text)
        return params

    # -- expressions ------------------------------------------------------------------

    def expression(self) -> N.Node:
        return self.parse_precedence(PREC_LOWEST)

    def parse_precedence(self, prec: int) -> N.Node:
        tok = self.advance()
        prefix = PREFIX.get(tok.type)
        if prefix is None:
            raise ParseError(tok, "Expected expression.")
        can_assign = prec <= PREC_TERNARY
        left = prefix(self, tok, can_assign)
        while True:
            t = self.cur.type
            if t == "line" and self.tokens[self.i + 1].type == ".":
                # Allow a method chain to continue on the next line.
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
        if can_assign and self.check("="):
            raise ParseError(self.cur, "Invalid assignment target.")
        return left

    def infix(self, op: Token, left: N.Node, can_assign: bool) -> N.Node:
        t = op.type
        line = op.line
        if t == ".":
            self.skip_lines()
            name = self.consume("name", "Expect method name after '.'.")
            return self.named_call(left, name, can_assign)
        if t == "[":
            args = self.arguments("]", "Expect ']' after arguments.")
            if can_assign and self.match("="):
                self.skip_lines()
                value = self.expression()
                return N.Call(left, names.subscript_setter(len(args)), [*args, value], line)
            return N.Call(left, names.subscript(len(args)), args, line)
        if t == "?":
            self.skip_lines()
            then = self.parse_precedence(PREC_TERNARY)
            self.skip_lines()
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
            return N.Is(left, right, line)
        right = self.parse_precedence(BINARY_PREC[t] + 1)
        return N.Binary(t, left, right, line)

    def arguments(self, close: str, message: str) -> list[N.Node]:
        args: list[N.Node] = []
        self.skip_lines()
        if self.match(close):
            return args
        while True:
            self.skip_lines()
            args.append(self.expression())
            if len(args) > MAX_PARAMS:
                raise ParseError(self.prev, "Methods cannot have more than 16 arguments.")
            self.skip_lines()
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
            return N.Call(recv, names.setter(name.text), [value], line)
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
            return N.Call(recv, names.getter(name.text), None, line)
        return N.Call(recv, names.method(name.text, len(args)), args, line)

    def fn_body(self, debug: str, line: int) -> N.Node:
        func = N.FuncInfo("fn", debug, f"fn_{self.uid()}", self.fn, cls=self.cls, line=line)
        self.functions.append(func)
        outer = self.fn
        self.fn = func
        self.push_scope()
        if self.match("|"):
            params: list[Token] = []
            while True:
                params.append(self.consume("name", "Expect parameter name."))
                if len(params) > MAX_PARAMS:
                    raise ParseError(self.prev, "Methods cannot have more than 16 parameters.")
                if not self.match(","):
                    break
            self.consume("|", "Expect '|' after function parameters.")
            seen: set[str] = set()
            for p in params:
                if p.text in seen:
                    raise ParseError(p, "Variable is already declared in this scope.")
                seen.add(p.text)
                func.params.append(self.declare(p))
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
            return N.Interp(parts, tok.line)

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
            self.skip_lines()
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
            self.skip_lines()
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
        return N.Unary(tok.type, operand, tok.line)

    def p_this(self, tok: Token, can_assign: bool) -> N.Node:
        if self.cls is None:
            raise ParseError(tok, "Cannot use 'this' outside of a method.")
        return N.This(tok.line)

    def p_field(self, tok: Token, can_assign: bool) -> N.Node:
        cls = self.cls
        static = tok.type == "sfield"
        if cls is None:
            raise ParseError(tok, "Cannot reference a field outside of a class definition.")
        if not static and self.in_static:
            raise ParseError(tok, "Cannot use an instance field in a static method.")
        table = cls.static_fields if static else cls.fields
        pyname = table.setdefault(tok.text, f"{'S' if static else 'f'}{cls.cid}{tok.text}")
        node = N.Field(pyname, static, tok.line)
        if can_assign and self.match("="):
            if static:
                self.fn.globals_.add(pyname)
            self.skip_lines()
            return N.Assign(node, self.expression(), tok.line)
        return node

    def p_name(self, tok: Token, can_assign: bool) -> N.Node:
        info = self.resolve_local(tok.text)
        if info is None and self.cls is not None and tok.text[0].islower():
            return self.named_call(N.This(tok.line), tok, can_assign)
        if info is None:
            info = self.module_vars.get(tok.text) or self.module_var(tok)
        node = N.Var(info, tok.line)
        if can_assign and self.match("="):
            self.skip_lines()
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
            raise ParseError(tok, "Cannot use 'super' outside of a method.")
        method_fn = self.fn
        while method_fn.kind == "fn" and method_fn.parent is not None:
            method_fn = method_fn.parent
        if self.match("."):
            name = self.consume("name", "Expect method name after 'super.'.")
            call = self.named_call(N.This(tok.line), name, can_assign)
            assert isinstance(call, N.Call)
            return N.SuperCall(call.mname, call.args, tok.line)
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
        if kind == "i":
            mname = names.initializer(base, n)
        elif args is None and kind == "g":
            mname = names.getter(base)
        elif kind == "s":
            mname = names.setter(base)
        elif kind in ("m", "g"):
            mname = names.method(base, n)
        else:
            mname = enclosing
        return N.SuperCall(mname, args, tok.line)


PREFIX: dict[str, Callable[[Parser, Token, bool], N.Node]] = {
    "num": Parser.p_literal,
    "str": Parser.p_literal,
    "true": Parser.p_literal,
    "false": Parser.p_literal,
    "null": Parser.p_literal,
    "interp": Parser.p_interp,
    "(": Parser.p_group,
    "[": Parser.p_list,
    "{": Parser.p_map,
    "-": Parser.p_unary,
    "!": Parser.p_unary,
    "~": Parser.p_unary,
    "this": Parser.p_this,
    "field": Parser.p_field,
    "sfield": Parser.p_field,
    "name": Parser.p_name,
    "super": Parser.p_super,
}


def _makes_object(init: N.Node | None) -> bool:
    """Whether an initializer surely yields a Wren object (not a Num/String/Bool/null)."""
    if isinstance(init, (N.ListLit, N.MapLit, N.FnExpr)):
        return True
    if isinstance(init, N.Call) and isinstance(init.recv, N.Var) and init.recv.info.is_class:
        return init.mname.startswith("m_new_") and init.recv.info.name not in ("Num", "String")
    return False


def format_parse_error(err: ParseError) -> tuple[int, str]:
    tok = err.token
    if tok.type == "line":
        where = "Error at newline"
    elif tok.type == "eof":
        where = "Error at end of file"
    elif tok.type == "error":
        where = "Error"
    else:
        text = tok.text if tok.type not in ("str", "interp") else _token_source(tok)
        if len(text) > 64:
            text = text[:64] + "..."
        where = f"Error at '{text}'"
    return tok.line, f"{where}: {err.message}"


def _token_source(tok: Token) -> str:
    return '"' + str(tok.value) + '"'


def parse(
    source: str, *, prelude: bool = False, builtins: tuple[str, ...] = (), uid_start: int = 0
) -> tuple[N.FuncInfo | None, list[tuple[int, str]], Parser]:
    """Parse a module; returns (module function, errors as (line, text), parser)."""
    parser = Parser(source, prelude=prelude, builtins=builtins)
    parser.counter = uid_start
    errors: list[tuple[int, str]] = [(line, f"Error: {msg}") for line, msg in parser.lex_errors]
    module: N.FuncInfo | None = None
    try:
        module = parser.parse_module()
    except ParseError as err:
        if err.token.type != "error":
            errors.append(format_parse_error(err))
    errors.extend(parser.errors)
    errors.sort(key=lambda e: e[0])
    return (module if not errors else None), errors, parser

"""The compiler: Lisp forms to Python AST, then to code objects.

Every top-level form becomes a Python function ``<toplevel>`` that the
namespace runs once; ``defn`` becomes a Python ``def`` whose code object is
named after the Lisp function and whose line numbers are the Lisp source
lines, so tracebacks and breakpoints map straight back to the script.
``loop``/``recur`` (and ``recur`` to a function head) become ``while``
loops, checked for tail position here.  Special forms live in
:mod:`kryon_lisp.special`, macros in :mod:`kryon_lisp.macros`.
"""

from __future__ import annotations

import ast
import warnings
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from pyrsistent import pvector

from kryon_core import CompileError, LimitError, ScriptExit
from kryon_lisp import patterns
from kryon_lisp.compile_budget import COMPILE_BYTES_PER_NODE
from kryon_lisp.inline import BOOL_RESULT, INLINE
from kryon_lisp.interop import is_host_class
from kryon_lisp.loop_types import ExpansionMemo
from kryon_lisp.scope import (
    EXPR,
    STMT,
    Ctx,
    Env,
    FnScope,
    Local,
    Result,
    Stmts,
    assign,
    call,
    const,
    copy_marks,
    is_bool,
    is_simple,
    mark_bool,
    mark_long,
    name,
    truthy_test,
)
from kryon_lisp.types import Char, Keyword, LMap, LSet, PList, PVector, Seq, Symbol, plist

if TYPE_CHECKING:
    from kryon_lisp.namespace import Namespace

MAX_COMPILE_DEPTH = 400
INFIX_OPS = frozenset(
    ["+", "-", "*", "/", "<", ">", "<=", ">=", "=", "not=", "mod", "quot", "rem", "and", "or"]
)
MAX_EXPANSIONS = 10_000

_PRIMITIVE = (bool, int, float, str, type(None))
_LEAVES = frozenset([ast.Name, ast.Constant])


class SkipForm(Exception):
    """Checking cannot expand a macro that needs the running script."""


class Compiler:
    """Compiles forms of one namespace."""

    def __init__(self, ns: Namespace, checking: bool = False) -> None:
        self.ns = ns
        self.checking = checking
        self.runtime = ns.runtime
        self.limited = ns.runtime.limited
        self.budget = ns.runtime.compile_budget
        self.nodes = 0  # syntax nodes made (CPython's compile() memory grows with them)
        self.depth = 0
        self.expansions = 0
        # loops compile their bodies again when an assumption fails (loop_types):
        # meanwhile each macro call expands once, and inner loops assume nothing
        self.expansion_memo: ExpansionMemo | None = None
        self.speculate = True
        # innermost loops counting steps in a try block (see counted)
        self.granted: dict[int, tuple[ast.Try, ast.While | ast.For]] = {}
        self.line: int | None = None
        self.column: int | None = None
        self.scope = FnScope(None, "<toplevel>")
        from kryon_lisp import special

        self.special = special.SPECIAL_FORMS

    # -- errors ---------------------------------------------------------------

    def error(self, message: str, form: Any = None) -> CompileError:
        line = getattr(form, "line", None) or self.line
        column = getattr(form, "column", None) if getattr(form, "line", None) else self.column
        return CompileError(message, script=self.ns.script, line=line, column=column)

    # -- entry points -----------------------------------------------------------

    def compile_toplevel(self, form: Any) -> Any:
        """A code object defining ``@top``: a function running ``form``."""
        self.line = getattr(form, "line", None) or 1
        self.column = getattr(form, "column", None) or 1
        scope = FnScope(None, "<toplevel>")
        try:
            body = self.fn_body(form_list=[form], env=Env(), scope=scope, recur=None)
        except SkipForm:
            return None
        fn = ast.FunctionDef(
            name="<toplevel>",
            args=ast.arguments(
                posonlyargs=[],
                args=[],
                vararg=None,
                kwonlyargs=[],
                kw_defaults=[],
                kwarg=None,
                defaults=[],
            ),
            body=body,
            decorator_list=[],
            returns=None,
        )
        top = ast.Assign(targets=[ast.Name(id="@top", ctx=ast.Store())], value=name("<toplevel>"))
        module = ast.Module(body=[fn, top], type_ignores=[])
        nodes = self.finish_locations(module, self.line, self.column)
        if self.budget is not None:
            self.budget.check(nodes * COMPILE_BYTES_PER_NODE)
        try:
            try:
                return self._compile(module)
            except SyntaxError as exc:
                if not self.granted or "too many statically nested blocks" not in str(exc):
                    raise
                # the try blocks of counted loops were one too many: count on the budget
                return self._compile(_Ungrant(self).visit(module))
        except (SyntaxError, ValueError) as exc:
            raise self.error(f"cannot compile form: {exc}", form) from None
        finally:
            self.granted = {}

    def _compile(self, module: ast.Module) -> Any:
        with warnings.catch_warnings():
            # `1 is not None` and friends are correct for Lisp literals
            warnings.simplefilter("ignore", SyntaxWarning)
            return compile(module, self.ns.filename, "exec")

    def finish_locations(self, root: ast.AST, line: int, column: int) -> int:
        """Locate what no form located (the wrapper around the top-level form);
        return the number of nodes located for this form."""
        self.locate(root, line, column)
        return self.nodes

    def locate(self, root: ast.AST, line: int, column: int) -> None:
        """Give ``root`` and the nodes under it that have none the location
        ``line``:``column``, and each its end (the same place).  A node with an
        end is complete, as everything under it is: the walk stops there, so
        each node is visited once however deeply its forms nest."""
        stack = [root]
        count = 0
        while stack:
            node = stack.pop()
            if "lineno" in node._attributes:
                if getattr(node, "end_lineno", None) is not None:
                    continue
                if getattr(node, "lineno", None) is None:
                    node.lineno = line  # type: ignore[attr-defined]
                    node.col_offset = column  # type: ignore[attr-defined]
                node.end_lineno = node.lineno  # type: ignore[attr-defined]
                node.end_col_offset = node.col_offset  # type: ignore[attr-defined]
            count += 1
            if type(node) in _LEAVES:
                continue
            # ast.iter_child_nodes, without a generator per node
            for field in node._fields:
                child = getattr(node, field, None)
                if type(child) is list:
                    stack.extend(item for item in child if isinstance(item, ast.AST))
                elif isinstance(child, ast.AST) and not isinstance(child, ast.expr_context):
                    stack.append(child)
        self.nodes += count

    # -- function bodies ------------------------------------------------------

    def fn_body(self, form_list: list[Any], env: Env, scope: FnScope, recur: Any) -> Stmts:
        """Statements of a function body that returns its last form."""
        prev = self.scope
        self.scope = scope
        try:
            stmts: Stmts = []
            if self.limited:
                stmts += self.budget_prologue()
            since = scope.loops
            body, expr = self.body(form_list, env, Ctx("tail", recur))
            if expr is not None:
                body.append(ast.Return(value=expr))
            if recur is not None and recur.used:
                body = self.counted(ast.While(test=const(True), body=body, orelse=[]), since)
            if self.limited and scope.parent is not None and not scope.generator:
                stmts.append(
                    ast.Try(
                        body=self.depth_check() + body,
                        handlers=[],
                        orelse=[],
                        finalbody=[self.depth_exit()],
                    )
                )
            else:
                stmts += body
            if not stmts:
                stmts.append(ast.Return(value=const(None)))
            return stmts
        finally:
            self.scope = prev

    def budget_prologue(self) -> Stmts:
        """Nothing: compiled code reaches the runtime's budget as the global ``@B``."""
        return []

    def budget_tick(self) -> Stmts:
        """``steps -= 1; if steps < 0: tick()`` on the budget in ``@b``."""
        steps = ast.Attribute(value=name("@B"), attr="steps", ctx=ast.Load())
        return [
            ast.AugAssign(
                target=ast.Attribute(value=name("@B"), attr="steps", ctx=ast.Store()),
                op=ast.Sub(),
                value=const(1),
            ),
            ast.If(
                test=ast.Compare(left=steps, ops=[ast.Lt()], comparators=[const(0)]),
                body=[
                    ast.Expr(
                        value=call(ast.Attribute(value=name("@B"), attr="tick", ctx=ast.Load()))
                    )
                ],
                orelse=[],
            ),
        ]

    def counted(self, loop: ast.While | ast.For, since: int) -> Stmts:
        """``loop`` counting a step per pass (when limited); ``since`` is
        ``scope.loops`` before its body compiled.

        An innermost loop outside generators takes its steps from a local
        count that ``Budget.grant`` hands out ahead, up to the budget's next
        check, and gives back what is left of it however the loop is left:
        the budget checks at the same steps as with a ``budget_tick`` per
        pass, for a third of the cost. The ``try`` that gives back is a block
        of its own (Python allows 20 nested ones), so only innermost loops
        take one; a generator may be left suspended past its call, so it
        counts on the budget directly."""
        innermost = self.scope.loops == since
        self.scope.loops += 1
        if not self.limited:
            return [loop]
        if self.scope.generator or not innermost:
            loop.body = self.budget_tick() + loop.body
            return [loop]
        k = self.scope.temp("k")
        grant = call(ast.Attribute(value=name("@B"), attr="grant", ctx=ast.Load()))
        loop.body = [
            ast.AugAssign(target=ast.Name(id=k, ctx=ast.Store()), op=ast.Sub(), value=const(1)),
            ast.If(
                test=ast.Compare(left=name(k), ops=[ast.Lt()], comparators=[const(0)]),
                body=[assign(k, grant)],
                orelse=[],
            ),
            *loop.body,
        ]
        refund = ast.AugAssign(
            target=ast.Attribute(value=name("@B"), attr="steps", ctx=ast.Store()),
            op=ast.Add(),
            value=name(k),
        )
        block = ast.Try(body=[loop], handlers=[], orelse=[], finalbody=[refund])
        self.granted[id(block)] = (block, loop)
        return [assign(k, const(0)), block]

    def depth_check(self) -> Stmts:
        """``room -= 1; if room < 0: enter()`` (see ``limits.Budget``)."""
        room = ast.Attribute(value=name("@B"), attr="room", ctx=ast.Load())
        return [
            ast.AugAssign(
                target=ast.Attribute(value=name("@B"), attr="room", ctx=ast.Store()),
                op=ast.Sub(),
                value=const(1),
            ),
            ast.If(
                test=ast.Compare(left=room, ops=[ast.Lt()], comparators=[const(0)]),
                body=[
                    ast.Expr(
                        value=call(ast.Attribute(value=name("@B"), attr="enter", ctx=ast.Load()))
                    )
                ],
                orelse=[],
            ),
        ]

    def depth_exit(self) -> ast.stmt:
        """``out += 1``: an exit, whichever way the function is left."""
        return ast.AugAssign(
            target=ast.Attribute(value=name("@B"), attr="out", ctx=ast.Store()),
            op=ast.Add(),
            value=const(1),
        )

    # -- forms ------------------------------------------------------------------

    def body(self, forms: list[Any], env: Env, ctx: Ctx) -> Result:
        """``do``: all but the last form for effect."""
        if not forms:
            return self.finish([], const(None), ctx)
        stmts: Stmts = []
        for form in forms[:-1]:
            s, e = self.form(form, env, STMT)
            stmts += s
            if e is not None and not is_simple(e):
                stmts.append(ast.Expr(value=e))
        s, e = self.form(forms[-1], env, ctx)
        return stmts + s, e

    def finish(self, stmts: Stmts, expr: ast.expr | None, ctx: Ctx) -> Result:
        """Deliver ``expr`` as ``ctx`` wants it."""
        if expr is None or ctx.kind != "tail":
            return stmts, expr
        if ctx.result is None:
            return [*stmts, ast.Return(value=expr)], None
        return [*stmts, assign(ctx.result, expr), ast.Break()], None

    def expr(self, form: Any, env: Env) -> tuple[Stmts, ast.expr]:
        stmts, e = self.form(form, env, EXPR)
        return stmts, const(None) if e is None else e

    def exprs(self, forms: list[Any], env: Env) -> tuple[Stmts, list[ast.expr]]:
        """Compile several forms, preserving left-to-right evaluation order."""
        compiled = [self.expr(f, env) for f in forms]
        # last index whose form needs statements: earlier values must be saved
        last_with_stmts = max((i for i, (s, _) in enumerate(compiled) if s), default=-1)
        stmts: Stmts = []
        out: list[ast.expr] = []
        for i, (s, e) in enumerate(compiled):
            stmts += s
            if i < last_with_stmts and not isinstance(e, ast.Constant):
                tmp = self.scope.temp()
                stmts.append(assign(tmp, e))
                out.append(copy_marks(e, name(tmp)))
            else:
                out.append(e)
        return stmts, out

    def test(self, form: Any, env: Env) -> tuple[Stmts, ast.expr]:
        stmts, e = self.expr(form, env)
        s2, t = truthy_test(e, self.scope, is_bool(e))
        return stmts + s2, t

    def form(self, form: Any, env: Env, ctx: Ctx) -> Result:
        if self.budget is not None:
            self.budget.tick()
        self.depth += 1
        if self.depth > MAX_COMPILE_DEPTH:
            self.depth = 0
            raise self.error(f"forms nested deeper than {MAX_COMPILE_DEPTH} levels", form)
        saved = self.line, self.column
        line = getattr(form, "line", None)
        if line is not None:
            self.line, self.column = line, getattr(form, "column", None) or 1
        try:
            stmts, expr = self._form(form, env, ctx)
            if line is not None:
                for node in stmts:
                    self._locate(node)
                if expr is not None:
                    self._locate(expr)
            return stmts, expr
        finally:
            self.depth -= 1
            self.line, self.column = saved

    def _locate(self, node: ast.AST) -> None:
        self.locate(node, self.line or 1, max(0, (self.column or 1) - 1))

    def _form(self, form: Any, env: Env, ctx: Ctx) -> Result:
        if isinstance(form, Seq) and not isinstance(form, PList):
            form = plist(form)  # code built by macros from seq functions
        if isinstance(form, Symbol):
            return self.finish([], self.symbol(form, env), ctx)
        if isinstance(form, PList):
            if form.count == 0:
                return self.finish([], self.constant(form), ctx)
            return self.seq_form(form, env, ctx)
        if type(form) is PVector:
            return self.collection("@vector", list(form), env, ctx, form)
        if isinstance(form, LMap):
            flat = [x for kv in form.items() for x in kv]
            return self.collection("@array_map", flat, env, ctx, form)
        if isinstance(form, LSet):
            return self.collection("@hash_set", list(form), env, ctx, form)
        return self.finish([], self.constant(form), ctx)

    def collection(self, ctor: str, items: list[Any], env: Env, ctx: Ctx, form: Any) -> Result:
        if all(_is_literal(x) for x in items):
            return self.finish([], self.constant(form), ctx)
        stmts, exprs = self.exprs(items, env)
        return self.finish(stmts, call(name(ctor), *exprs), ctx)

    def constant(self, value: Any) -> ast.expr:
        if type(value) in _PRIMITIVE:
            return mark_bool(const(value), type(value) is bool)
        return name(self.ns.constant(value))

    # -- symbols --------------------------------------------------------------------

    def symbol(self, sym: Symbol, env: Env) -> ast.expr:
        if sym.ns is None:
            local = env.get(sym.name)
            if local is not None:
                self._note_free(local)
                return mark_long(name(local.py), local.long)
            if sym.name.startswith("__") and sym.name.endswith("__"):
                # the namespace's Python-level entries (__builtins__) stay out of reach
                raise self.error(f"Unable to resolve symbol: {sym.name} in this context", sym)
            if sym.name in self.ns.defs or sym.name in self.ns.globals:
                return name(sym.name)
            if sym.name in self.runtime.core:
                return name(sym.name)
            if "." in sym.name and not sym.name.startswith(".") and len(sym.name) > 1:
                accessor = self.accessor(sym, env)
                if accessor is not None:
                    return accessor
                head, _, tail = sym.name.rpartition(".")
                return self.qualified(Symbol(tail, head), sym)
            raise self.error(f"Unable to resolve symbol: {sym.name} in this context", sym)
        return self.qualified(sym, sym)

    def accessor(self, sym: Symbol, env: Env) -> ast.expr | None:
        """The spec's accessors: ``data.key`` and ``data.:key`` read ``(:key data)``,
        ``user.profile.name`` nests; only when ``data`` is a local or a global."""
        root, *path = sym.name.split(".")
        if not path or not all(path) or not root:
            return None
        if env.get(root) is None and root not in self.ns.defs and root not in self.ns.globals:
            return None
        expr = self.symbol(Symbol(root), env)
        for part in path:
            key = Keyword.parse(part[1:]) if part.startswith(":") else Keyword(part)
            expr = call(name("@get"), expr, self.constant(key))
        return expr

    def qualified(self, sym: Symbol, where: Any) -> ast.expr:
        if sym.name.startswith("__"):
            raise self.error(f"No such var: {sym}", where)
        ns_name = self.ns.aliases.get(sym.ns or "", sym.ns)
        if ns_name == self.ns.name:
            return self.symbol(Symbol(sym.name), Env())
        if ns_name in ("clojure.core", "cljs.core"):
            if sym.name in self.runtime.core:
                # core's own value, even where this namespace defines the same name
                return name(self.ns.constant(self.runtime.core[sym.name]))
            own = self.ns.core_functions.get(sym.name)
            if own is not None:
                return name(self.ns.constant(own))
            if sym.name in self.runtime.core_macros:
                raise self.error(f"Can't take value of a macro: {sym}", where)
            raise self.error(f"No such var: {sym}", where)
        target = self.runtime.namespace_for(ns_name)
        if target is None:
            if is_host_class(str(sym.ns)):
                return call(name("@no_host_member"), const(str(sym)))
            raise self.error(f"No such namespace: {sym.ns}", where)
        if target.builtin:
            if sym.name not in target.globals:
                if target.name == "clojure.test" and sym.name in self.runtime.core:
                    return name(sym.name)
                if is_host_class(str(sym.ns)):  # System/getenv: a member not provided
                    return call(name("@no_host_member"), const(str(sym)))
                raise self.error(f"No such var: {sym}", where)
            return name(self.ns.constant(target.globals[sym.name]))
        if sym.name not in target.defs and sym.name not in target.globals:
            raise self.error(f"No such var: {sym}", where)
        return call(name("@ns_get"), const(target.name), const(sym.name))

    def _note_free(self, local: Local) -> None:
        scope: FnScope | None = self.scope
        while scope is not None and scope is not local.fn:
            scope.free.add(local)
            scope = scope.parent

    # -- lists: special forms, macros, calls -----------------------------------

    def resolve_macro(self, head: Any, env: Env) -> Any:
        if not isinstance(head, Symbol):
            return None
        if head.ns is None:
            if env.get(head.name) is not None:
                return None
            found = self.ns.macros.get(head.name)
            if found is not None:
                return found
            if head.name in self.ns.defs:
                return None
            return self.runtime.core_macros.get(head.name)
        ns_name = self.ns.aliases.get(head.ns, head.ns)
        if ns_name in ("clojure.core", "cljs.core"):
            return self.runtime.core_macros.get(head.name)
        if ns_name == self.ns.name:
            return self.ns.macros.get(head.name)
        target = self.runtime.namespace_for(ns_name)
        if target is None:
            return None
        found = target.macros.get(head.name)
        if found is None and target.builtin:
            found = self.runtime.core_macros.get(head.name)
        return found

    def macroexpand_1(self, form: Any, env: Env) -> Any:
        if not isinstance(form, PList) or form.count == 0:
            return form
        head = form.first()
        if (
            isinstance(head, Symbol)
            and head.ns is None
            and head.name in self.special
            and (env.get(head.name) is None)
        ):
            return form
        macro = self.resolve_macro(head, env)
        if macro is None:
            return form
        if self.expansion_memo is not None:
            return self.expansion_memo.expand(form, lambda: self._expand(macro, head, form))
        return self._expand(macro, head, form)

    def _expand(self, macro: Any, head: Any, form: PList) -> Any:
        self.expansions += 1
        if self.expansions > MAX_EXPANSIONS:
            raise self.error("macro expansion does not terminate", form)
        try:
            expanded = macro(form, *list(form.more()))
        except LimitError as exc:
            self._locate_limit(exc, form)
            raise  # the policy's limit, not the macro's failure
        except ScriptExit:
            if self.checking:  # the program ends when the form is loaded, after earlier output
                raise SkipForm from None
            raise
        except CompileError as exc:
            if exc.script is None or exc.line is None:
                located = self.error(exc.message, form)
                raise located from None
            raise
        except Exception as exc:  # a macro's own failure is the script's compile error
            if self.checking:
                raise SkipForm from None
            from kryon_lisp.errors import describe

            raise self.error(f"Error in macro {head}: {describe(exc)}", form) from None
        if expanded is form:
            # expanding again gives the same form again, forever (Clojure's stack overflows)
            raise self.error("macro expansion does not terminate", form)
        if not str(getattr(macro, "__module__", None)).startswith("kryon_lisp."):
            try:
                expanded = as_code(expanded)  # the core's Python macros build lists themselves
            except LimitError as exc:  # an endless expansion, realised
                self._locate_limit(exc, form)
                raise
        if isinstance(expanded, PList) and expanded.line is None:
            expanded.line, expanded.column = form.line, form.column
        return expanded

    def _locate_limit(self, exc: LimitError, form: Any) -> None:
        """A limit met while a macro expands is the error of the form it expands
        (or, for a form a macro made without a line, of the top-level form)."""
        if exc.line is None:
            exc.line = getattr(form, "line", None) or self.line
            exc.args = (exc._headline(),)

    def seq_form(self, form: PList, env: Env, ctx: Ctx) -> Result:
        head = form.first()
        if isinstance(head, Symbol) and head.ns is None and env.get(head.name) is None:
            special = self.special.get(head.name)
            if special is not None:
                return special(self, form, env, ctx)
        elif (
            isinstance(head, Symbol)
            and self.ns.aliases.get(head.ns or "", head.ns) in ("clojure.core", "cljs.core")
            and head.name in self.special
        ):
            # what syntax-quote writes for the core macros compiled as special
            # forms here: `(and ~a ~b) reads as (clojure.core/and ...)
            plain = plist([Symbol(head.name), *form.more()]).at(form.line, form.column)
            return self.special[head.name](self, plain, env, ctx)
        expanded = self.macroexpand_1(form, env)
        if expanded is not form:
            return self.form(expanded, env, ctx)
        return self.call_form(form, env, ctx)

    def call_form(self, form: PList, env: Env, ctx: Ctx) -> Result:
        head = form.first()
        args = list(form.more())
        if (
            isinstance(head, Symbol)
            and head.ns is None
            and head.name.startswith(".")
            and len(head.name) > 1
            and head.name != ".."
            and env.get(head.name) is None
        ):
            return self.method_call(head, args, env, ctx, form)
        if (
            isinstance(head, Symbol)
            and head.ns is not None
            and not args
            and not head.name.startswith(("__", "@"))  # Python's entries (__builtins__)
        ):
            target = self.runtime.namespace_for(self.ns.aliases.get(head.ns, head.ns))
            if target is not None and target.builtin:
                value = target.globals.get(head.name)
                if value is not None and not callable(value):
                    return self.finish([], self.constant(value), ctx)  # (Math/PI)
        if isinstance(head, Symbol) and head.ns is None and not args and "." in head.name:
            accessor = self.accessor(head, env)
            if accessor is not None:  # (data.key) reads like a call in the spec
                return self.finish([], accessor, ctx)
        if (
            len(args) == 2
            and isinstance(args[0], Symbol)
            and args[0].name in INFIX_OPS
            and (
                args[0].ns is None and env.get(args[0].name) is None and self._infix_head(head, env)
            )
        ):
            # the spec's optional infix notation: (y + 5), (a < b)
            return self.form(plist([args[0], head, args[1]]).at(form.line, form.column), env, ctx)
        if (
            len(args) == 2
            and isinstance(head, Symbol)
            and head.ns is None
            and env.get(head.name) is not None
            and isinstance(args[0], Symbol)
            and args[0].name in INFIX_OPS
            and args[0].name not in ("and", "or")
            and args[0].ns is None
            and env.get(args[0].name) is None
        ):
            # (y + 5) with y a local: infix unless y turns out to be a function
            stmts, exprs = self.exprs([head, *args], env)
            return self.finish(stmts, call(name("@infix"), *exprs), ctx)
        if (
            isinstance(head, Symbol)
            and head.name.endswith(".")
            and len(head.name) > 1
            and head.name != ".."
            and env.get(head.name) is None
        ):
            class_name = str(Symbol(head.name[:-1], head.ns))
            stmts, exprs = self.exprs(args, env)
            return self.finish(stmts, call(name("@new"), const(class_name), *exprs), ctx)
        if isinstance(head, Symbol) and self._is_core_ref(head, env):
            emitter = INLINE.get(head.name)
            stmts, exprs = self.exprs(args, env)
            if emitter is not None:
                emitted = emitter(self.scope, exprs)
                if emitted is not None:
                    inline_expr, is_bool = emitted
                    mark_bool(inline_expr, is_bool)
                    return self.finish(stmts, inline_expr, ctx)
            core_fn: ast.expr = name(head.name)
            if head.ns is not None and (head.name in self.ns.defs or head.name in self.ns.globals):
                # clojure.core/update where this namespace defines its own update
                core_fn = name(self.ns.constant(self.runtime.core[head.name]))
            core_call = call(core_fn, *exprs)
            core_call.kcore = head.name  # type: ignore[attr-defined]
            mark_bool(core_call, head.name in BOOL_RESULT)
            return self.finish(stmts, core_call, ctx)
        if isinstance(head, Keyword) and 1 <= len(args) <= 2:
            stmts, exprs = self.exprs(args, env)
            key = self.constant(head)
            lookup = INLINE["get"](self.scope, [exprs[0], key, *exprs[1:]])
            getter = lookup[0] if lookup else call(name("@get"), exprs[0], key, *exprs[1:])
            return self.finish(stmts, getter, ctx)
        stmts, exprs = self.exprs([head, *args], env)
        fn, *rest = exprs
        if isinstance(head, Symbol) and not (
            (head.ns is None and env.get(head.name) is not None) or self._may_be_vector(head)
        ):
            expr: ast.expr = call(fn, *rest)
        else:
            # a local, a def or a computed head ((fn ...) x), ((partial f a) x)
            # may be a vector, which Python cannot call directly; the head is
            # evaluated (once) before the arguments either way
            first, use = fn, fn
            if not is_simple(fn):
                tmp = self.scope.temp()
                first = ast.NamedExpr(target=ast.Name(id=tmp, ctx=ast.Store()), value=fn)
                use = name(tmp)
            expr = ast.IfExp(
                test=ast.Compare(
                    left=call(name("@type"), first),
                    ops=[ast.IsNot()],
                    comparators=[name("@PVector")],
                ),
                body=call(use, *rest),
                orelse=call(name("@invoke"), use, *rest),
            )
        return self.finish(stmts, expr, ctx)

    def _may_be_vector(self, head: Symbol) -> bool:
        """Whether a global named in head position may hold a vector: anything
        but a name this namespace defined with a function (``defn``)."""
        if head.ns is not None and head.ns != self.ns.name:
            return False  # another namespace's function: ns/name
        info = self.ns.defs.get(head.name)
        return info is None or info.get("kind") != "fn"

    def method_call(self, head: Symbol, args: list[Any], env: Env, ctx: Ctx, form: Any) -> Result:
        if not args:
            raise self.error(f"Malformed member expression: {head}", form)
        stmts, exprs = self.exprs(args, env)
        if head.name.startswith(".-"):
            field = self.constant(Keyword(head.name[2:]))
            return self.finish(stmts, call(name("@field"), exprs[0], field), ctx)
        method = const(head.name[1:])
        return self.finish(stmts, call(name("@method_call"), exprs[0], method, *exprs[1:]), ctx)

    def _infix_head(self, head: Any, env: Env) -> bool:
        """Whether ``head`` is certainly not a function (so ``(head op x)`` is infix)."""
        if isinstance(head, (int, float, Fraction)) and not isinstance(head, bool):
            return True
        if isinstance(head, PList) and head.count == 3:
            op = head.more().first()
            return isinstance(op, Symbol) and op.name in INFIX_OPS
        return False

    def _is_core_ref(self, head: Symbol, env: Env) -> bool:
        if head.ns is not None:
            return head.ns in ("clojure.core", "cljs.core") and head.name in self.runtime.core
        return (
            env.get(head.name) is None
            and head.name not in self.ns.defs
            and head.name not in self.ns.globals
            and head.name in self.runtime.core
        )

    # -- helpers used by special forms ------------------------------------------

    def bind_local(self, sym: Symbol, env: Env) -> tuple[Env, str]:
        if not isinstance(sym, Symbol):
            raise self.error(f"Bad binding form, expected symbol, got: {sym!r}", sym)
        if sym.ns is not None:
            raise self.error(f"Can't let qualified name: {sym}", sym)
        py = self.scope.local_name(_py_safe(sym.name))
        return env.bind(sym.name, Local(sym.name, py, self.scope)), py


class _Ungrant(ast.NodeTransformer):
    """Counted loops back to a ``budget_tick`` per pass, without their try block."""

    def __init__(self, compiler: Compiler) -> None:
        self.compiler = compiler

    def visit_Try(self, node: ast.Try) -> Any:
        self.generic_visit(node)
        found = self.compiler.granted.get(id(node))
        if found is None or found[0] is not node:
            return node
        loop = found[1]
        tick = self.compiler.budget_tick()
        for stmt in tick:
            self.compiler.locate(stmt, loop.lineno, loop.col_offset)
        loop.body[:2] = tick
        return loop


def as_code(x: Any, depth: int = 0) -> Any:
    """A macro's expansion with the sequences seq functions built (what a
    syntax-quote's ``(catch ...)`` or ``([x] ...)`` arity becomes) as lists, so
    the special forms that look inside their arguments find their clauses; a
    list or vector is rebuilt only when something in it changed."""
    if depth > MAX_COMPILE_DEPTH:
        return x  # the compiler reports the nesting
    if isinstance(x, Seq) and not isinstance(x, PList):
        return plist([as_code(item, depth + 1) for item in x])
    if isinstance(x, PList) and x.count:
        items = list(x)
        converted = [as_code(item, depth + 1) for item in items]
        if any(a is not b for a, b in zip(converted, items, strict=True)):
            rebuilt = plist(converted)
            rebuilt.line, rebuilt.column = x.line, x.column
            return rebuilt
    elif type(x) is PVector and len(x):
        converted = [as_code(item, depth + 1) for item in x]
        if any(a is not b for a, b in zip(converted, x, strict=True)):
            return pvector(converted)
    return x


def _is_literal(x: Any) -> bool:
    if isinstance(x, (Symbol, PList)):
        return False
    if type(x) is PVector:
        return all(_is_literal(i) for i in x)
    if isinstance(x, LMap):
        return all(_is_literal(k) and _is_literal(v) for k, v in x.items())
    if isinstance(x, LSet):
        return all(_is_literal(i) for i in x)
    return x is None or isinstance(
        x, (bool, int, float, str, Keyword, Char, Fraction, patterns.Pattern)
    )


def _py_safe(name_: str) -> str:
    return name_.replace(" ", "_")

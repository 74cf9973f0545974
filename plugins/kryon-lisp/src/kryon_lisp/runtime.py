"""The Lisp runtime of one engine: the core table, namespaces, output and eval."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from kryon_core import CompileError
from kryon_lisp import (
    classes,
    concurrency,
    deftypes,
    extra,
    hierarchy,
    interop,
    limits,
    pprint_ns,
    reactive,
    records,
    testing_ns,
    transients,
)
from kryon_lisp.arrays_core import JAVA_ARRAYS
from kryon_lisp.classes import EXCEPTIONS as JAVA_EXCEPTIONS
from kryon_lisp.compile_budget import CompileBudget
from kryon_lisp.compiler import Compiler
from kryon_lisp.core import CATCH_CLASSES, CORE, timed
from kryon_lisp.core_str import CLOJURE_STRING, format_
from kryon_lisp.fn_names import name_core_functions
from kryon_lisp.macros import CORE_MACROS
from kryon_lisp.namespace import Namespace, Var, ensure_recursion_headroom
from kryon_lisp.pqueue import EMPTY_QUEUE
from kryon_lisp.print_method import PrintMethod
from kryon_lisp.printer import pr_into, str_of
from kryon_lisp.reader import Reader
from kryon_lisp.types import Keyword, LMap, PList, Symbol
from kryon_lisp.writers import PrintStream, PrintWriter

COMPILE_FRAMES = 4_000
"""Python frames the compiler may need for the deepest form the reader accepts.

Python's recursion limit is also what stops recursion that runs through C
(hashing nested sets, builtins calling back into Lisp) before it overflows the
C stack, so the engine raises it only as far as it needs (about 9000 frames is
where such recursion starts to crash a default 8 MiB stack)."""

Writer = Callable[[str, str, str], None]
Logger = Callable[[str, str, str], None]


def _default_write(text: str, stream: str, script: str) -> None:
    import sys

    (sys.stdout if stream == "stdout" else sys.stderr).write(text)


class Runtime:
    """Everything the scripts of one engine share."""

    def __init__(
        self,
        *,
        limited: bool,
        write: Writer | None = None,
        log: Logger | None = None,
        budget: limits.Budget | None = None,
    ) -> None:
        self.limited = limited
        self.budget = budget or limits.Budget()
        self.core: dict[str, Any] = dict(CORE)
        self.core.update(extra.EXTRA)
        self.core.update(transients.TRANSIENTS)
        self.core.update(reactive.REACTIVE)
        self.core.update(records.RECORDS)
        self.core.update(deftypes.DEFTYPES)
        self.core.update(concurrency.Transactions().bindings())
        self.hierarchy = hierarchy.GlobalHierarchy()
        self.core.update(hierarchy.MULTIMETHODS)
        self.core.update(self.hierarchy.bindings())
        self.core["print-method"] = PrintMethod(self.hierarchy)
        name_core_functions(self.core)
        self.records: dict[str, Any] = {}
        self.core["@new"] = self.construct
        self.core["@B"] = self.budget
        # bounds the compiling a script's load does (see compile_budget)
        self.compile_budget: CompileBudget | None = None
        self.core_macros = CORE_MACROS
        self.namespaces: dict[str, Namespace] = {}
        self.files: dict[str, str] = {}
        self.write: Writer = write or _default_write
        self.log: Logger = log or (lambda level, text, script: None)
        self.captures: list[list[str]] = []
        self.captured: list[int] = []  # the characters in each capture
        self.printing: list[list[str]] = []
        self.core["@with-out-str"] = self.with_out_str
        self._builtin_ns("clojure.string", CLOJURE_STRING)
        interop_system = {
            "out": PrintStream("stdout", lambda text: self.emit(text, "<System/out>")),
            "err": PrintStream("stderr", lambda text: self.write(text, "stderr", "<System/err>")),
        }
        self._builtin_ns("kryon", {})
        for ns_name, functions in interop.NAMESPACES.items():
            # java.lang.Math/abs is Math/abs: the same namespace under its full name
            self.namespaces[f"java.lang.{ns_name}"] = self._builtin_ns(ns_name, functions)
        self.namespaces["System"].globals.update(interop_system)
        for ns_name in ("java.util.Arrays", "Arrays"):
            self._builtin_ns(ns_name, JAVA_ARRAYS)
        for ns_name in ("clojure.lang.PersistentQueue", "PersistentQueue"):
            self._builtin_ns(ns_name, {"EMPTY": EMPTY_QUEUE})
        self.tests = testing_ns.install(self)
        self._builtin_ns("clojure.set", extra.CLOJURE_SET)
        self._builtin_ns("clojure.walk", extra.CLOJURE_WALK)
        self._builtin_ns("clojure.pprint", pprint_ns.CLOJURE_PPRINT)
        for ns_name in ("clojure.test", "clojure.core"):
            self._builtin_ns(ns_name, {})

    # -- namespaces -------------------------------------------------------------

    def _builtin_ns(self, name: str, functions: dict[str, Any]) -> Namespace:
        ns = Namespace(self, name, f"<{name}>", builtin=True)
        ns.globals.update(functions)
        self.namespaces[name] = ns
        return ns

    def new_namespace(self, script: str, name: str = "user") -> Namespace:
        ns = Namespace(self, name, script)
        self.files[ns.filename] = script
        return ns

    def drop_namespace(self, ns: Namespace) -> None:
        if self.namespaces.get(ns.name) is ns:
            del self.namespaces[ns.name]
        self.files.pop(ns.filename, None)

    def rename_namespace(self, ns: Namespace, name: str) -> None:
        existing = self.namespaces.get(name)
        if existing is not None and existing.builtin and existing is not ns:
            raise ValueError(f"Can't define namespace {name}: it is built in")
        if self.namespaces.get(ns.name) is ns:
            del self.namespaces[ns.name]
        ns.name = name
        ns.globals["*ns*"] = Symbol(name)
        self.namespaces[name] = ns

    def namespace_for(self, name: str | None) -> Namespace | None:
        if name is None:
            return None
        return self.namespaces.get(name)

    def ns_get(self, ns_name: str, name: str) -> Any:
        ns = self.namespaces.get(ns_name)
        if ns is None:
            raise NameError(f"No such namespace: {ns_name}")
        try:
            if name.startswith(("__", "@")):  # the namespace's Python-level entries
                raise KeyError(name)
            return ns.globals[name]
        except KeyError:
            raise NameError(f"Unable to resolve symbol: {ns_name}/{name}") from None

    def resolve_in(self, ns: Namespace, sym: Symbol) -> Var | None:
        """``(ns-resolve ns sym)``: the var ``sym`` names in ``ns``, or nil."""
        name = sym.name
        if name.startswith(("__", "@")):
            return None
        if sym.ns is not None:
            target = self.namespace_for(ns.aliases.get(sym.ns, sym.ns))
            if target is None:
                return None
            if target.name == "clojure.core":
                return ns.var("clojure.core", name) if name in self.core else None
            return target.var(target.name, name) if name in target.globals else None
        if name in ns.globals:
            return ns.var(ns.name, name)
        if name in self.core:
            return ns.var("clojure.core", name)
        return None

    def interns(self, ns: Namespace, *, public_only: bool) -> LMap:
        """``ns-publics``/``ns-interns``: symbol to var for what ``ns`` defines."""
        if ns.builtin:
            names = [
                n
                for n in (self.core if ns.name == "clojure.core" else ns.globals)
                if not n.startswith(("__", "@")) and n != "*ns*"
            ]
            if ns.name != "clojure.core":
                names = [n for n in names if n not in ns.core_functions]
        else:
            names = [
                n
                for n, info in ns.defs.items()
                if not info.get("referred") and not (public_only and info.get("private"))
            ]
        entries = LMap.of((Symbol(n), Var(ns, n)) for n in names)
        # Clojure builds it from the namespace's hash map of mappings: hash order
        return LMap(entries._d, entries._m, None, hashed=True)

    def construct(self, class_name: str, *args: Any) -> Any:
        """``(Name. args)``: a record of this runtime, or a known exception class."""
        record_type = self.records.get(class_name)
        if record_type is not None:
            return record_type.create(*args)
        return classes.construct(class_name, *args)

    def catch_class(self, sym: Any) -> Any:
        key = str(sym)
        if key not in CATCH_CLASSES and key.startswith("java.lang."):
            key = key[len("java.lang.") :]  # what a syntax-quote made of Error, Throwable ...
        if key not in CATCH_CLASSES:
            return None
        found = CATCH_CLASSES[key]
        return () if found is None else found

    # -- evaluation -----------------------------------------------------------------

    def compile_form(self, ns: Namespace, form: Any, checking: bool = False) -> Any:
        """The code object of ``form`` (None when ``checking`` meets a macro
        that needs the running script)."""
        ensure_recursion_headroom(COMPILE_FRAMES)
        started = time.monotonic()
        try:
            return Compiler(ns, checking).compile_toplevel(form)
        except RecursionError:
            line, column = getattr(form, "line", None), getattr(form, "column", None)
            raise CompileError(
                "forms nested too deeply to compile", script=ns.script, line=line, column=column
            ) from None
        finally:
            # compiling is not running: the call's deadline moves by the time it took
            budget = limits.current.budget
            if budget is not None and budget.deadline is not None:
                budget.deadline += time.monotonic() - started

    def run_form(self, ns: Namespace, form: Any) -> Any:
        code = self.compile_form(ns, form)
        exec(code, ns.globals)
        top = ns.globals.pop("@top")
        compiling = self.compile_budget
        if compiling is None:
            return top()
        started = time.monotonic()
        try:
            return top()
        finally:
            # running is not compiling: the compile deadline moves by the run
            compiling.pause(time.monotonic() - started)

    def eval_source(self, ns: Namespace, source: str) -> Any:
        reader = Reader(source, ns.script, ns.name)
        result = None
        for form in reader.read_all():
            result = self.run_form(ns, form)
        return result

    # -- output -------------------------------------------------------------------------

    def emit(self, text: str, script: str) -> None:
        # output made while a print realises a lazy sequence comes after what
        # that print has written so far, as with Clojure's streaming printer
        for pending in self.printing:
            if pending:
                head = "".join(pending)
                pending.clear()
                self._emit(head, script)
        self._emit(text, script)

    def _emit(self, text: str, script: str) -> None:
        if self.captures:
            self.captures[-1].append(text)
            size = self.captured[-1] = self.captured[-1] + len(text)
            budget = limits.current.budget
            limit = budget.memory_limit if budget is not None else None
            if limit is not None and size > limit:  # all of it becomes one string
                limits.check_text(size)
        else:
            self.write(text, "stdout", script)

    def with_out_str(self, thunk: Callable[[], Any]) -> str:
        self.captures.append([])
        self.captured.append(0)
        try:
            thunk()
        finally:
            captured = self.captures.pop()
            self.captured.pop()
        return "".join(captured)

    def namespace_functions(self, ns: Namespace) -> dict[str, Any]:
        """The functions that need to know their namespace (output, eval)."""
        runtime = self

        def to_stdout(text: str) -> None:
            runtime.emit(text, ns.script)

        def to_stderr(text: str) -> None:
            runtime.write(text, "stderr", ns.script)

        stdout = PrintWriter("stdout", to_stdout)
        globals_ = ns.globals

        def out(text: str) -> None:
            # where *out* points now: binding may have made it *err*
            writer = globals_.get("*out*", stdout)
            if writer is stdout or type(writer) not in (PrintWriter, PrintStream):
                runtime.emit(text, ns.script)
            else:
                writer.emit(text)

        def stream(xs: tuple[Any, ...], readably: bool, end: str) -> None:
            buffer: list[str] = []
            limits_of_print = (globals_.get("*print-length*"), globals_.get("*print-level*"))
            runtime.printing.append(buffer)
            try:
                for i, x in enumerate(xs):
                    if i:
                        buffer.append(" ")
                    pr_into(x, readably, buffer, *limits_of_print)
            finally:
                runtime.printing.pop()
            out("".join(buffer) + end)

        def print_(*xs: Any) -> None:
            stream(xs, False, "")

        def println(*xs: Any) -> None:
            stream(xs, False, "\n")

        def pr(*xs: Any) -> None:
            stream(xs, True, "")

        def prn(*xs: Any) -> None:
            stream(xs, True, "\n")

        def newline() -> None:
            out("\n")

        def printf(fmt: str, *args: Any) -> None:
            out(format_(fmt, *args))

        def logger(level: str) -> Callable[..., None]:
            def log(*xs: Any) -> None:
                runtime.log(level, " ".join(str_of(x) for x in xs), ns.script)

            return log

        def eval_(form: Any) -> Any:
            try:
                return runtime.run_form(ns, form)
            except CompileError as exc:
                raise _at_runtime(exc) from None

        def macroexpand_1(form: Any) -> Any:
            return Compiler(ns).macroexpand_1(form, _empty_env())

        def macroexpand(form: Any) -> Any:
            compiler = Compiler(ns)
            while True:
                expanded = compiler.macroexpand_1(form, _empty_env())
                if expanded is form:
                    return form
                form = expanded

        def read_string(text: str) -> Any:
            try:
                forms = Reader(text, ns.script, ns.name).read_all()
            except CompileError as exc:
                raise _at_runtime(exc) from None
            return forms[0] if forms else None

        def the_ns(x: Any) -> Namespace:
            if isinstance(x, Namespace):
                return x
            found = ns if str(x) == ns.name else runtime.namespace_for(str(x))
            if found is None:
                raise JAVA_EXCEPTIONS["java.lang.Exception"](f"No namespace: {x} found")
            return found

        def ns_resolve(target: Any, *args: Any) -> Any:
            # (ns-resolve ns sym) or (ns-resolve ns env sym): env names locals
            return runtime.resolve_in(the_ns(target), args[-1])

        def resolve(*args: Any) -> Any:
            return runtime.resolve_in(ns, args[-1])

        def ns_name(x: Any) -> Symbol:
            return Symbol(the_ns(x).name)

        return {
            "@out": out,  # where clojure.pprint writes for this namespace
            "print": print_,
            "println": println,
            "pr": pr,
            "prn": prn,
            "newline": newline,
            "printf": printf,
            "flush": lambda: None,
            "log": logger("info"),
            "warn": logger("warn"),
            "error": logger("error"),
            "eval": eval_,
            "macroexpand-1": macroexpand_1,
            "macroexpand": macroexpand,
            "read-string": read_string,
            "resolve": resolve,
            "*ns*": Symbol(ns.name),
            "*print-length*": None,
            "*print-level*": None,
            "*read-eval*": False,  # #= never evaluates (the reader refuses it)
            "*out*": stdout,
            "*err*": PrintWriter("stderr", to_stderr),
            "*command-line-args*": None,  # a program's: set by the engine (kryon run FILE ARG...)
            "*file*": ns.script,
            "ns-name": ns_name,
            "the-ns": the_ns,
            "ns-resolve": ns_resolve,
            "ns-publics": lambda x: runtime.interns(the_ns(x), public_only=True),
            "ns-interns": lambda x: runtime.interns(the_ns(x), public_only=False),
            "require": lambda *specs: None,
            "var-get": lambda v: v.deref(),
            "@time": lambda thunk: timed(thunk, prn),
            "in-ns": lambda sym: None,
            "find-ns": lambda sym: runtime.namespace_for(str(sym)),
        }

    def install_host(self, functions: dict[str, Any], seeds: dict[str, Any]) -> None:
        """The bridge's functions: all in ``kryon``, the seed names everywhere."""
        kryon = self.namespaces["kryon"]
        kryon.globals.update(functions)
        self.core.update(seeds)


def _empty_env() -> Any:
    from kryon_lisp.scope import Env

    return Env()


def _at_runtime(exc: CompileError) -> Exception:
    """A compile error of code the script reads or evaluates while it runs is
    that script's runtime error (Clojure's CompilerException and reader errors
    are RuntimeExceptions): catchable, and an exit with status 70, not 65."""
    return JAVA_EXCEPTIONS["java.lang.RuntimeException"](exc.message)


__all__ = ["Keyword", "PList", "Runtime", "limits"]

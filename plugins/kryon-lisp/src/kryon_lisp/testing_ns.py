"""A minimal ``clojure.test``: deftest, is (incl. thrown?), testing, are, run-tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kryon_lisp.macros import CORE_MACROS, L, S, macro
from kryon_lisp.printer import pr_str, str_of
from kryon_lisp.types import Keyword, LMap, PList, PVector, Symbol, plist

if TYPE_CHECKING:
    from kryon_lisp.runtime import Runtime

_QUOTE = S("quote")


@macro("deftest")
def _deftest(form: PList, name: Any = None, *body: Any) -> Any:
    fn = plist([S("fn"), name, PVector_empty(), *body])
    return L(S("def"), name, L(S("@register-test"), L(_QUOTE, name), fn, S("*ns*")))


def PVector_empty() -> Any:
    from pyrsistent import pvector

    return pvector()


@macro("is")
def _is(form: PList, expr: Any = None, message: Any = None) -> Any:
    line = getattr(form, "line", None)
    if (
        isinstance(expr, PList)
        and expr.count
        and expr.first() in (S("thrown?"), S("thrown-with-msg?"))
    ):
        items = list(expr)
        cls = items[1]
        pattern = items[2] if items[0] == S("thrown-with-msg?") else None
        body = items[3:] if pattern is not None else items[2:]
        return L(
            S("@is-thrown"),
            L(_QUOTE, cls),
            pattern,
            plist([S("fn"), PVector_empty(), *body]),
            L(_QUOTE, expr),
            message,
            line,
        )
    if _is_core_call(expr):
        # Clojure's assert-predicate: the arguments are evaluated once, and a
        # failure shows them evaluated, (not (= 5 4))
        values = L(S("vector"), *list(expr)[1:])
        thunk = L(S("fn"), PVector_empty(), values)
        return L(S("@is-pred"), expr.first(), thunk, L(_QUOTE, expr), message, line)
    return L(S("@is"), L(S("fn"), PVector_empty(), expr), L(_QUOTE, expr), message, line)


def _is_core_call(expr: Any) -> bool:
    """Whether ``expr`` calls a core function (not a macro or special form)."""
    from kryon_lisp.core import CORE_NAMES
    from kryon_lisp.special import SPECIAL_FORMS

    if not isinstance(expr, PList) or not expr.count:
        return False
    head = expr.first()
    return (
        isinstance(head, Symbol)
        and head.ns is None
        and head.name in CORE_NAMES
        and head.name not in CORE_MACROS
        and head.name not in SPECIAL_FORMS
    )


@macro("testing")
def _testing(form: PList, description: Any = None, *body: Any) -> Any:
    return L(S("@testing"), description, plist([S("fn"), PVector_empty(), *body]))


@macro("are")
def _are(form: PList, argv: Any = None, expr: Any = None, *args: Any) -> Any:
    names = list(argv)
    checks = []
    for i in range(0, len(args) - len(names) + 1, max(1, len(names))):
        mapping = dict(zip(names, args[i : i + len(names)], strict=False))
        checks.append(L(S("is"), _substitute(expr, mapping)).at(form.line, form.column))
    return plist([S("do"), *checks])


def _substitute(form: Any, mapping: dict[Any, Any]) -> Any:
    if isinstance(form, Symbol) and form in mapping:
        return mapping[form]
    if isinstance(form, PList):
        return plist([_substitute(x, mapping) for x in form]).at(form.line, form.column)
    if type(form) is PVector:
        from pyrsistent import pvector

        return pvector([_substitute(x, mapping) for x in form])
    if isinstance(form, LMap):
        return LMap.of((_substitute(k, mapping), _substitute(v, mapping)) for k, v in form.items())
    return form


class TestReport:
    """Counters and registered tests of one runtime."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.tests: list[tuple[str, Callable[[], Any]]] = []
        self.namespaces: dict[str, str] = {}
        self.counts = {"test": 0, "pass": 0, "fail": 0, "error": 0}
        self.current = "?"
        self.contexts: list[str] = []

    def testing(self, description: Any, body: Callable[[], Any]) -> Any:
        """``(testing "what" ...)``: the description heads the reports inside."""
        self.contexts.append(str_of(description))
        try:
            return body()
        finally:
            self.contexts.pop()

    def out(self, text: str) -> None:
        self.runtime.emit(text, "clojure.test")

    def register(self, name: Symbol, fn: Callable[[], Any], ns: Any = None) -> Callable[[], Any]:
        self.namespaces[name.name] = str(ns) if ns is not None else "user"
        self.tests = [(n, f) for n, f in self.tests if n != name.name]
        self.tests.append((name.name, fn))

        def run_one() -> Any:
            self.current = name.name
            return fn()

        run_one.__name__ = name.name
        return run_one

    def check(self, thunk: Callable[[], Any], form: Any, message: Any, line: Any) -> Any:
        # assert-any: a failure shows the value the form gave
        return self._check(thunk, form, message, line, pr_str)

    def check_predicate(
        self, pred: Any, values: Callable[[], Any], form: Any, message: Any, line: Any
    ) -> Any:
        args: list[Any] = []

        def call() -> Any:
            args.extend(values())
            return pred(*args)

        def shown(_value: Any) -> str:
            return pr_str(L(S("not"), plist([form.first(), *args])))

        return self._check(call, form, message, line, shown)

    def _check(
        self,
        thunk: Callable[[], Any],
        form: Any,
        message: Any,
        line: Any,
        shown: Callable[[Any], str],
    ) -> Any:
        """One ``is``: a pass, a failure (its value as ``shown`` writes it)
        or an error (the exception's Throwable.toString)."""
        try:
            value = thunk()
        except Exception as exc:
            from kryon_lisp.core import uncatchable

            if uncatchable(exc):
                raise
            self._report("ERROR", form, message, line, str_of(exc))
            return None
        if value is None or value is False:
            self._report("FAIL", form, message, line, shown(value))
        else:
            self.counts["pass"] += 1
        return value

    def check_thrown(
        self, cls: Any, pattern: Any, thunk: Callable[[], Any], form: Any, message: Any, line: Any
    ) -> Any:
        from kryon_lisp.core import catches, ex_message, uncatchable

        classes = self.runtime.catch_class(cls)
        try:
            thunk()
        except Exception as exc:
            if uncatchable(exc) or not catches(exc, classes or None):
                raise
            text = ex_message(exc) or ""
            if pattern is not None and pattern.search(str(text)) is None:
                self._report("FAIL", form, message, line, pr_str(exc))
                return None
            self.counts["pass"] += 1
            return exc
        self._report("FAIL", form, message, line, "nil")
        return None

    def _report(self, kind: str, form: Any, message: Any, line: Any, actual: str) -> None:
        """Print a FAIL or ERROR report and count it."""
        self.counts[kind.lower()] += 1
        where = f" (line {line})" if line else ""
        text = f"\n{kind} in ({self.current}){where}\n"
        if self.contexts:
            text += " ".join(self.contexts) + "\n"
        if message is not None:
            text += f"{message}\n"
        text += f"expected: {pr_str(form)}\n  actual: {actual}\n"
        self.out(text)

    def run_tests(self, *namespaces: Any) -> Any:
        self.counts = {"test": 0, "pass": 0, "fail": 0, "error": 0}
        announced: set[str] = set()
        for name, fn in self._in_clojure_order():
            ns = self.namespaces.get(name, "user")
            if ns not in announced:
                announced.add(ns)
                self.out(f"\nTesting {ns}\n")
            self.current = name
            self.counts["test"] += 1
            try:
                fn()
            except Exception as exc:
                from kryon_lisp.core import uncatchable

                if uncatchable(exc):
                    raise
                self._report("ERROR", Symbol(name), None, None, str_of(exc))
        if not announced:
            self.out("\nTesting user\n")
        c = self.counts
        assertions = c["pass"] + c["fail"] + c["error"]
        self.out(
            f"\nRan {c['test']} tests containing {assertions} assertions.\n"
            f"{c['fail']} failures, {c['error']} errors.\n"
        )
        return LMap.of(
            [(Keyword(k), v) for k, v in c.items()] + [(Keyword("type"), Keyword("summary"))]
        )

    def _in_clojure_order(self) -> list[tuple[str, Callable[[], Any]]]:
        """The tests as run-tests finds them: ns-interns is a hash map, so
        in the hash order of their names, not the order they were defined."""
        from kryon_lisp.collections import hash_map

        by_name = dict(self.tests)
        names = hash_map(*[x for name in by_name for x in (Symbol(name), name)])
        return [(name, by_name[name]) for name in names.values()]


def install(runtime: Runtime) -> TestReport:
    report = TestReport(runtime)
    runtime.core["@register-test"] = report.register
    runtime.core["@is"] = report.check
    runtime.core["@is-thrown"] = report.check_thrown
    runtime.core["@is-pred"] = report.check_predicate
    runtime.core["@testing"] = report.testing
    runtime.core["run-tests"] = report.run_tests
    runtime.core["run-all-tests"] = report.run_tests
    return report


__all__ = ["CORE_MACROS", "TestReport", "install"]

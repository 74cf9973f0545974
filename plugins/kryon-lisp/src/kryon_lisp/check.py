"""Compile without running: read every form and compile it in a scratch namespace.

Only ``defmacro`` forms are executed (later forms may use the macros); nothing
else runs, so checking a script has no side effects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kryon_core import CompileError, LimitError
from kryon_lisp.compile_budget import CompileBudget
from kryon_lisp.namespace import Namespace
from kryon_lisp.reader import Reader
from kryon_lisp.types import PList, Symbol

if TYPE_CHECKING:
    from kryon_lisp.runtime import Runtime

_DEFMACRO = Symbol("defmacro")


class ScratchNamespace(Namespace):
    """A namespace that is never registered with the runtime."""

    def rename(self, name: str) -> None:
        self.name = name


def check_source(
    runtime: Runtime, source: str, script: str, budget: CompileBudget | None = None
) -> Namespace:
    """Raise CompileError for the first problem, or the limit error of
    ``budget``; return the checked namespace."""
    outer = runtime.compile_budget
    runtime.compile_budget = budget
    try:
        return _check(runtime, source, script, budget)
    finally:
        runtime.compile_budget = outer


def _check(runtime: Runtime, source: str, script: str, budget: CompileBudget | None) -> Namespace:
    ns = ScratchNamespace(runtime, "user", script)
    forms = Reader(source, script, ns.name, budget).read_all()
    for form in forms:
        code = runtime.compile_form(ns, form, checking=True)
        if code is None:
            continue
        if isinstance(form, PList) and form.count and form.first() == _DEFMACRO:
            try:
                exec(code, ns.globals)
                ns.globals.pop("@top")()
            except (CompileError, LimitError):
                raise
            except Exception:
                continue
    return ns

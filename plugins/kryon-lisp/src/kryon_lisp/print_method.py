"""``print-method``: the multimethod Clojure programs extend to print their own
types (``(defmethod print-method Point [p w] (.write w ...))``).

Printing dispatches to it for records and deftype instances, the values whose
type a script defines; a method for such a type is also kept on the type, so
the printer (which knows no runtime) finds it in one attribute read. Any other
value prints as always, which is what ``print-method``'s own default does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kryon_lisp.hierarchy import GlobalHierarchy, MultiFn
from kryon_lisp.types import Keyword
from kryon_lisp.writers import PrintWriter


class PrintMethod(MultiFn):
    """The runtime's ``print-method``, dispatching on ``type``."""

    def __init__(self, hierarchy: GlobalHierarchy) -> None:
        from kryon_lisp.core import type_of

        super().__init__("print-method", lambda x, writer: type_of(x), hierarchy, _DEFAULT)
        self.methods[_DEFAULT] = _print_plainly

    def method_changed(self, value: Any, fn: Callable[..., Any] | None) -> None:
        if getattr(value, "is_user_type", False):
            value.print_method = fn


_DEFAULT = Keyword("default")


def _print_plainly(x: Any, writer: Any) -> None:
    from kryon_lisp.printer import pr_str

    writer.call("write", (pr_str(x),))


def printed_by_method(x: Any, method: Callable[..., Any]) -> str:
    """What ``method`` writes for ``x``, collected from the writer it is given."""
    parts: list[str] = []
    method(x, PrintWriter("string", parts.append))
    return "".join(parts)

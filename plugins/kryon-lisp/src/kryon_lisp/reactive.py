"""The specification's UI and reactive forms: ``defui``, ``def-style``,
``def-event``, ``def-reaction``, ``def-effect`` and element constructors.

Elements are data (``{:tag :div, :props {...}, :children [...]}``): a host
with a DOM bridge renders them; scripts can also build and inspect them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyrsistent import pvector

from kryon_lisp.macros import L, S, macro
from kryon_lisp.seqs import iter_of
from kryon_lisp.types import Atom, Keyword, LMap, PList, PVector, Seq, plist


@macro("defui", "def-event")
def _defui(form: PList, name: Any = None, *body: Any) -> Any:
    return plist([S("defn"), name, *body]).at(form.line, form.column)


@macro("def-style")
def _def_style(form: PList, name: Any = None, value: Any = None) -> Any:
    return L(S("def"), name, value).at(form.line, form.column)


@macro("def-reaction")
def _def_reaction(form: PList, name: Any = None, *body: Any) -> Any:
    thunk = plist([S("fn"), pvector(), *body])
    return L(S("def"), name, L(S("@reaction"), thunk)).at(form.line, form.column)


@macro("def-effect")
def _def_effect(form: PList, name: Any = None, deps: Any = None, *body: Any) -> Any:
    thunk = plist([S("fn"), pvector(), *body])
    return L(S("def"), name, L(S("@effect"), deps, thunk)).at(form.line, form.column)


class Reaction:
    """``def-reaction``: a derived value recomputed from its atoms on deref."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn

    def deref(self) -> Any:
        return self.fn()

    def lisp_repr(self) -> str:
        return "#object[kryon.Reaction]"


class Effect:
    """``def-effect``: runs now and again whenever one of its atoms changes;
    a function it returns is called as cleanup before the next run."""

    def __init__(self, deps: Any, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.cleanup: Any = None
        for dep in iter_of(deps):
            if isinstance(dep, Atom):
                dep.watches[("effect", id(self))] = self._changed
        self.run()

    def _changed(self, key: Any, ref: Any, old: Any, new: Any) -> None:
        if old is not new:
            self.run()

    def run(self) -> Any:
        if callable(self.cleanup):
            self.cleanup()
        self.cleanup = self.fn()
        return self.cleanup

    def __call__(self) -> Any:
        return self.run()

    def lisp_repr(self) -> str:
        return "#object[kryon.Effect]"


ELEMENT_TAGS = [
    "container",
    "row",
    "column",
    "div",
    "span",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "text",
    "button",
    "input",
    "img",
    "label",
    "form",
    "ul",
    "ol",
    "li",
    "section",
    "header",
    "footer",
    "nav",
    "a",
    "textarea",
    "select",
    "option",
]


def element(tag: str) -> Callable[..., Any]:
    """``(div {:class "x"} child ...)``: an element as data."""
    tag_kw = Keyword(tag)

    def make(*args: Any) -> Any:
        props: Any = LMap.of([])
        children = list(args)
        if children and isinstance(children[0], LMap):
            props = children.pop(0)
        flat: list[Any] = []
        for child in children:
            if isinstance(child, Seq):
                flat.extend(iter_of(child))
            elif child is not None:
                flat.append(child)
        return LMap.of(
            [
                (Keyword("tag"), tag_kw),
                (Keyword("props"), props),
                (Keyword("children"), pvector(flat)),
            ]
        )

    make.__name__ = tag
    return make


REACTIVE: dict[str, Any] = {
    "@reaction": Reaction,
    "@effect": Effect,
    **{tag: element(tag) for tag in ELEMENT_TAGS},
    "ui-element": lambda *children: pvector(children),
}

__all__ = ["REACTIVE", "PVector"]

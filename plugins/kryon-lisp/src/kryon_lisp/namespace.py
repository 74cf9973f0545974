"""Namespaces: one per script, holding its globals as a Python dict.

The dict is the ``globals`` of every code object compiled for the namespace;
its ``__builtins__`` is the runtime's core table, so an unshadowed core name
is a plain ``LOAD_GLOBAL`` away.
"""

from __future__ import annotations

import itertools
import sys
from typing import TYPE_CHECKING, Any

from kryon_core.pystack import reserve_python_frames
from kryon_lisp.fn_names import name_core_functions
from kryon_lisp.types import Keyword, Symbol

if TYPE_CHECKING:
    from kryon_lisp.runtime import Runtime


_instances = itertools.count(1)


class Var:
    """``(var x)`` / ``#'x``: a reference to a namespace global."""

    __slots__ = ("name", "ns", "ns_name")

    def __init__(self, ns: Namespace, name: str, ns_name: str | None = None) -> None:
        self.ns = ns
        self.name = name
        # the namespace the var belongs to: clojure.core for a core function a
        # namespace looks up through its own globals (println knows its script)
        self.ns_name = ns.name if ns_name is None else ns_name

    def deref(self) -> Any:
        g = self.ns.globals
        # a namespace's globals fall back on the core, as compiled lookups do
        return g[self.name] if self.name in g else self.ns.runtime.core.get(self.name)

    def __call__(self, *args: Any) -> Any:
        return self.deref()(*args)

    @property
    def meta(self) -> Any:
        """``(meta #'f)``: name, namespace, and what ``def`` recorded (doc, line, private)."""
        from kryon_lisp.types import LMap

        entries: list[tuple[Any, Any]] = [
            (Keyword("name"), Symbol(self.name)),
            (Keyword("ns"), Symbol(self.ns_name)),
        ]
        info = self.ns.defs.get(self.name) or {}
        for key in ("doc", "line", "private"):
            if info.get(key):
                entries.append((Keyword(key), info[key]))
        return LMap.of(entries)

    def lisp_repr(self) -> str:
        return f"#'{self.ns_name}/{self.name}"

    __repr__ = lisp_repr


class Namespace:
    """The globals, definitions, macros and aliases of one namespace."""

    java_class = "clojure.lang.Namespace"

    def __init__(self, runtime: Runtime, name: str, script: str, builtin: bool = False) -> None:
        self.runtime = runtime
        self.name = name
        self.script = script
        self.builtin = builtin
        # unique per namespace instance: a hot reload's old and new versions
        # coexist for a moment and must not share traceback bookkeeping
        self.filename = f"{script}\u2009#{next(_instances)}"
        self.globals: dict[str, Any] = {"__builtins__": runtime.core}
        self.defs: dict[str, dict[str, Any]] = {}
        self.macros: dict[str, Any] = {}
        self.aliases: dict[str, str] = {
            "str": "clojure.string",
            "string": "clojure.string",
            "set": "clojure.set",
            "walk": "clojure.walk",
        }
        self._constants: dict[Any, str] = {}
        self._reify_types: dict[str, Any] = {}
        self._install()

    def _install(self) -> None:
        g = self.globals
        g["@g"] = g
        g["@var"] = self.var
        g["@ns_get"] = self.runtime.ns_get
        g["@defmacro"] = self.define_macro
        g["@declare"] = self.declare_runtime
        g["@defined?"] = lambda sym: sym.name in g
        g["@record-type"] = self.define_record_type
        g["@deftype-type"] = self.define_deftype
        g["@protocol"] = self.define_protocol
        g["@reify-type"] = self.reify_type
        # the core functions that know their namespace (println, eval, ...), kept so
        # that clojure.core/println (what syntax-quote writes) finds them
        self.core_functions = self.runtime.namespace_functions(self)
        name_core_functions(self.core_functions)
        g.update(self.core_functions)

    # -- compile-time bookkeeping -------------------------------------------------

    def declare(
        self, name: str, *, private: bool, line: int | None, doc: str | None, referred: bool = False
    ) -> dict[str, Any]:
        info = self.defs.get(name)
        if info is None or info.get("referred"):
            info = {
                "kind": "var",
                "private": private,
                "line": line,
                "doc": doc,
                "referred": referred,
            }
            self.defs[name] = info
        else:
            info.update(
                private=private or info["private"],
                line=line or info["line"],
                doc=doc or info.get("doc"),
            )
        self.macros.pop(name, None)
        return info

    def declare_macro(self, name: str) -> None:
        info = self.declare(name, private=False, line=None, doc=None)
        info["kind"] = "macro"

    def define_macro(self, name: str, fn: Any) -> None:
        self.macros[name] = fn
        self.defs.setdefault(name, {"kind": "macro", "private": False, "line": None})
        self.defs[name]["kind"] = "macro"

    def declare_runtime(self, name: str) -> None:
        self.globals.setdefault(name, None)

    def define_record_type(self, name: str, fields: Any) -> Any:
        from kryon_lisp.records import RecordType

        return self._register_type(name, RecordType(self.name, name, list(fields)))

    def define_protocol(self, name: str, methods: Any) -> Any:
        from kryon_lisp.records import Protocol

        return Protocol(name, methods, self.name)

    def define_deftype(self, name: str, fields: Any, mutable: Any) -> Any:
        from kryon_lisp.deftypes import DeftypeType

        dt = DeftypeType(f"{self.name}.{name}", list(fields), list(mutable))
        return self._register_type(name, dt)

    def _register_type(self, name: str, user_type: Any) -> Any:
        """A defrecord's or deftype's type, found by its name and its full one."""
        self.runtime.records[name] = user_type
        self.runtime.records[user_type.full_name] = user_type
        return user_type

    def reify_type(self, key: str) -> Any:
        """One type per reify form, named in the order the forms first run."""
        found = self._reify_types.get(key)
        if found is None:
            from kryon_lisp.deftypes import DeftypeType

            name = f"{self.name}$reify__{len(self._reify_types) + 1}"
            found = self._reify_types[key] = DeftypeType(name, [], [])
        return found

    def rename(self, name: str) -> None:
        self.runtime.rename_namespace(self, name)

    def constant(self, value: Any) -> str:
        """The global name holding ``value`` for compiled code."""
        try:
            key: Any = (type(value), value)
            hash(key)
        except TypeError:
            key = ("id", id(value))
        if type(value) not in (Keyword, Symbol) and not isinstance(value, str):
            key = ("id", id(value))
        found = self._constants.get(key)
        if found is None:
            found = f"@c{len(self._constants)}"
            self._constants[key] = found
            self.globals[found] = value
        return found

    def var(self, ns_name: str, name: str) -> Var:
        if ns_name == self.name and name not in self.defs and name in self.core_functions:
            return Var(self, name, "clojure.core")  # #'println: this namespace's println
        target = self.runtime.namespace_for(ns_name) or self
        return Var(target, name)

    def lisp_repr(self) -> str:
        return f'#object[clojure.lang.Namespace "{self.name}"]'

    def java_to_string(self) -> str:
        """``(str ns)``: Namespace.toString is the name."""
        return self.name

    # -- queries -------------------------------------------------------------------------

    def public_functions(self) -> dict[str, dict[str, Any]]:
        """Public ``defn``s, and public ``def``s whose value is a function
        (``(def inc2 (partial + 2))``) once the script has run."""
        out: dict[str, dict[str, Any]] = {}
        for name, info in self.defs.items():
            if info.get("private") or info.get("referred") or info.get("kind") == "macro":
                continue
            if info.get("kind") == "fn":
                out[name] = info
            elif callable(self.globals.get(name)) and not isinstance(
                self.globals.get(name), (Keyword, Symbol)
            ):
                out[name] = {**info, "kind": "fn", "params": [], "variadic": True}
        return out


def ensure_recursion_headroom(frames: int) -> None:
    """Raise Python's recursion limit so ``frames`` more frames fit (never lower
    it, never past core's ceiling)."""
    depth = 0
    frame = sys._getframe()
    while frame is not None and depth < 100_000:
        frame = frame.f_back  # type: ignore[assignment]
        depth += 1
    needed = depth + frames
    if sys.getrecursionlimit() < needed:
        # with slack, so that stacks a few frames deeper do not raise it again;
        # core caps it (past the cap, Python's RecursionError is the limit)
        reserve_python_frames(needed + 1000)

"""``deftype`` and ``reify``: objects with fields and methods that are not maps.

A deftype instance holds its fields (read with ``(.-f x)`` or ``(.f x)``,
never with ``get`` or a keyword) and the methods of the protocols and
interfaces it implements. Of the interfaces, the methods the core library
calls are wired to it: ``toString`` (``str``), ``equals`` and ``hashCode``
(``=`` and ``hash``), ``invoke`` (calling it), ``count``, ``valAt`` (``get``),
``compareTo`` (``compare``, ``sort``) and ``deref`` (``@``); any other method
is reachable as ``(.method x args)``.

Java prints such an object as ``#object[user.T 0x1b6d3586 "user.T@1b6d3586"]``
with ``System.identityHashCode``, a number the JVM draws at random. Here it is
the same shape with a deterministic identity hash: the type's name hashed with
the instance's serial number (the n-th instance made of that type), so a
script prints the same text at every run. A ``reify`` is named
``<ns>$reify__<n>``, n counting the reify forms of the namespace in the order
they first run (Clojure's ``user$eval140$reify__141`` numbers its compiler's
classes, which nothing here could reproduce).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyrsistent import pvector

from kryon_lisp.clojure_hash import M32, java_string_hash
from kryon_lisp.macros import L, S, gensym, macro
from kryon_lisp.records import impl_groups, is_interface, method_map, method_table
from kryon_lisp.types import Keyword, LMap, PList, PVector, Symbol, plist, truthy

_MUTABLE = (Keyword("volatile-mutable"), Keyword("unsynchronized-mutable"))


class TypeInstance:
    """An instance of a deftype or a reify."""

    __slots__ = ("methods", "record_type", "reified", "serial", "vals")
    deftype_instance = True

    def __init__(
        self,
        record_type: Any,
        vals: dict[str, Any],
        methods: dict[str, Callable[..., Any]],
        reified: dict[Any, dict[str, Callable[..., Any]]] | None,
    ) -> None:
        self.record_type = record_type
        self.vals = vals
        self.methods = methods
        self.reified = reified
        self.serial = record_type.made
        record_type.made += 1

    def field(self, name: str) -> Any:
        try:
            return self.vals[name]
        except KeyError:
            raise ValueError(
                f"No matching field found: {name} for class {self.record_type.full_name}"
            ) from None

    def set_field(self, name: str, value: Any) -> Any:
        if name not in self.record_type.mutable:
            raise ValueError(f"Cannot assign to non-mutable: {name}")
        self.vals[name] = value
        return value

    def identity_hash(self) -> int:
        """A stand-in for ``System.identityHashCode``: 31 bits, the same at every run."""
        h: int = (java_string_hash(self.record_type.full_name) ^ (self.serial * 0x9E3779B9)) & M32
        h ^= h >> 16
        h = (h * 0x85EBCA6B) & M32
        h ^= h >> 13
        h = (h * 0xC2B2AE35) & M32
        h ^= h >> 16
        return h & 0x7FFFFFFF

    def hash_code(self) -> int:
        fn = self.methods.get("hashCode")
        if fn is None:
            return self.identity_hash()
        return int(fn(self)) & M32

    def java_to_string(self) -> str:
        fn = self.methods.get("toString")
        if fn is not None:
            from kryon_lisp.printer import str_of

            return str_of(fn(self))
        return f"{self.record_type.full_name}@{self.hash_code():x}"

    def printed(self, readably: bool) -> str:
        text = self.java_to_string()
        if readably:
            from kryon_lisp.printer import pr_str

            text = pr_str(text)
        return f"#object[{self.record_type.full_name} 0x{self.identity_hash():x} {text}]"

    def __eq__(self, other: object) -> bool:
        fn = self.methods.get("equals")
        if fn is None:
            return self is other
        return truthy(fn(self, other))

    def __hash__(self) -> int:
        return self.hash_code()

    def __repr__(self) -> str:
        return self.printed(True)


def _call(self: TypeInstance, *args: Any) -> Any:
    return self.methods["invoke"](self, *args)


def _len(self: TypeInstance) -> int:
    return int(self.methods["count"](self))


def _lisp_get(self: TypeInstance, key: Any, default: Any = None) -> Any:
    fn = self.methods["valAt"]
    return fn(self, key) if default is None else fn(self, key, default)


def _lisp_compare(self: TypeInstance, other: Any) -> int:
    return int(self.methods["compareTo"](self, other))


def _deref(self: TypeInstance) -> Any:
    return self.methods["deref"](self)


_HOOKS: dict[str, tuple[str, Callable[..., Any]]] = {
    "invoke": ("__call__", _call),
    "count": ("__len__", _len),
    "valAt": ("lisp_get", _lisp_get),
    "compareTo": ("lisp_compare", _lisp_compare),
    "deref": ("deref", _deref),
}
"""Interface methods the core library reaches through a Python method."""


def _instance_class(name: str, methods: Any) -> type[TypeInstance]:
    """The Python class of a type's instances: only the hooks it implements,
    so that (count x) of a type without ``count`` still fails as in Clojure."""
    hooks = {attr: fn for m, (attr, fn) in _HOOKS.items() if m in methods}
    if not hooks:
        return TypeInstance
    return type(name, (TypeInstance,), {"__slots__": (), **hooks})


class DeftypeType:
    """What ``(deftype Name [fields] ...)`` or one ``reify`` form defines."""

    is_user_type = True

    def __init__(self, full_name: str, fields: list[str], mutable: list[str]) -> None:
        self.name = full_name.rpartition(".")[2]
        self.full_name = full_name
        self.fields = fields
        self.mutable = frozenset(mutable)
        self.methods: dict[str, Callable[..., Any]] = {}
        self.instance_class: type[TypeInstance] = TypeInstance
        self.made = 0

    def implement(self, impls: Any) -> None:
        """The methods written in the deftype (protocols' and interfaces')."""
        self.methods.update(method_table(impls))
        self.instance_class = _instance_class(self.name, self.methods)

    def create(self, *values: Any) -> TypeInstance:
        if len(values) != len(self.fields):
            raise TypeError(f"Wrong number of args ({len(values)}) passed to: ->{self.name}")
        vals = dict(zip(self.fields, values, strict=True))
        return self.instance_class(self, vals, self.methods, None)

    def reify(self, protocols: Any, methods: Any) -> TypeInstance:
        table = method_table(methods)
        reified: dict[Any, dict[str, Callable[..., Any]]] = {}
        for proto, impls in protocols:
            own = method_table(impls)
            reified.setdefault(proto, {}).update(own)
            table.update(own)
        if self.made == 0:
            self.instance_class = _instance_class("reify", table)
        return self.instance_class(self, {}, table, reified)

    def lisp_repr(self) -> str:
        return self.full_name

    def java_to_string(self) -> str:
        return f"class {self.full_name}"

    def is_instance(self, x: Any) -> bool:
        return isinstance(x, TypeInstance) and x.record_type is self


def field_get(obj: Any, key: Keyword) -> Any:
    """``(.-f x)``: a deftype's field, or a map's entry (records, plain maps)."""
    if isinstance(obj, TypeInstance):
        return obj.field(key.name)
    from kryon_lisp.collections import get

    return get(obj, key)


def _symbols_in(form: Any, found: set[str]) -> None:
    if isinstance(form, Symbol):
        if form.ns is None:
            found.add(form.name)
    elif isinstance(form, (PList, PVector)):
        for x in form:
            _symbols_in(x, found)
    elif isinstance(form, LMap):
        for k, v in form.items():
            _symbols_in(k, found)
            _symbols_in(v, found)


def _rewrite_mutable(form: Any, this: Symbol, mutable: set[str], fixed: set[str]) -> Any:
    """Reads and ``set!`` of a mutable field go to the instance itself, so a
    method sees its own assignments; ``fixed`` fields cannot be assigned."""
    if isinstance(form, Symbol) and form.ns is None and form.name in mutable:
        return L(S("@field"), this, Keyword(form.name))
    if isinstance(form, PList) and form.count:
        head = form.first()
        if head == S("quote"):
            return form
        items = list(form)
        if head == S("set!") and len(items) == 3:
            target = items[1]
            if isinstance(target, Symbol) and target.ns is None and target.name in fixed:
                raise ValueError(f"Cannot assign to non-mutable: {target.name}")
            if isinstance(target, Symbol) and target.ns is None and target.name in mutable:
                value = _rewrite_mutable(items[2], this, mutable, fixed)
                return L(S("@set-field!"), this, target.name, value)
        out = plist([_rewrite_mutable(x, this, mutable, fixed) for x in items])
        out.line, out.column = form.line, form.column
        return out
    if isinstance(form, PVector):
        return pvector([_rewrite_mutable(x, this, mutable, fixed) for x in form])
    if isinstance(form, LMap):
        return LMap.of(
            (_rewrite_mutable(k, this, mutable, fixed), _rewrite_mutable(v, this, mutable, fixed))
            for k, v in form.items()
        )
    return form


def _arity(arity_params: Any, arity_body: list[Any], fields: list[str], mutable: set[str]) -> PList:
    """One ``([this args] body)`` with the fields the body uses in scope."""
    if not len(arity_params):
        raise ValueError("Must supply at least one argument for 'this' in: method")
    written_this = arity_params[0]
    this = gensym("this")
    shadowed: set[str] = set()
    _symbols_in(pvector(list(arity_params)[1:]), shadowed)
    used: set[str] = set()
    _symbols_in(plist(arity_body), used)
    binds: list[Any] = [written_this, this]
    for f in fields:
        if f in used and f not in shadowed and f not in mutable:
            binds += [Symbol(f), L(S("@field"), this, Keyword(f))]
    live = mutable - shadowed
    fixed = set(fields) - mutable - shadowed
    new_body = [_rewrite_mutable(x, this, live, fixed) for x in arity_body]
    new_params = pvector([this, *list(arity_params)[1:]])
    return L(new_params, plist([S("let"), pvector(binds), *new_body]))


def _method_map(methods: list[PList], fields: list[str], mutable: set[str]) -> Any:
    """``{:name (fn ...)}`` with the fields each arity uses in scope."""
    return method_map(methods, lambda params, body: _arity(params, body, fields, mutable))


@macro("deftype")
def _deftype(form: PList, name: Any = None, fields: Any = None, *impls: Any) -> Any:
    if not isinstance(name, Symbol) or type(fields) is not PVector:
        raise ValueError("deftype needs a name and a vector of fields")
    names = [f.name for f in fields]
    mutable = {
        f.name
        for f in fields
        if f.meta is not None and any(truthy(f.meta.get(k)) for k in _MUTABLE)
    }
    type_ref = L(S("@deftype-type"), name.name, pvector(names), pvector(sorted(mutable)))
    out: list[Any] = [S("do"), L(S("def"), name, type_ref)]
    all_methods: list[PList] = []
    for group, methods in impl_groups(list(impls)):
        all_methods += methods
        if not is_interface(group):
            out.append(L(S("@extend"), group, name, _method_map(methods, names, mutable)))
    out.append(L(S("@deftype-methods"), name, _method_map(all_methods, names, mutable)))
    out.append(L(S("def"), Symbol(f"->{name.name}"), L(S("@record-ctor"), name)))
    out.append(name)
    return plist(out)


@macro("reify")
def _reify(form: PList, *impls: Any) -> Any:
    protocols: list[Any] = []
    interface_methods: list[PList] = []
    for group, methods in impl_groups(list(impls)):
        if is_interface(group):
            interface_methods += methods
        else:
            protocols.append(L(S("vector"), group, _method_map(methods, [], set())))
    key = f"{getattr(form, 'line', 0)}:{getattr(form, 'column', 0)}"
    return L(
        S("@reify"),
        L(S("@reify-type"), key),
        L(S("vector"), *protocols),
        _method_map(interface_methods, [], set()),
    )


def _set_field(obj: Any, name: str, value: Any) -> Any:
    return obj.set_field(name, value)


DEFTYPES: dict[str, Any] = {
    "@field": field_get,
    "@set-field!": _set_field,
    "@deftype-methods": lambda t, impls: t.implement(impls),
    "@reify": lambda t, protocols, methods: t.reify(protocols, methods),
}

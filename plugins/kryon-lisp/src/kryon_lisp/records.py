"""``defprotocol``, ``defrecord``, ``extend-type``, ``extend-protocol``.

Records are maps that know their type (``#user.Point{:x 1, :y 2}``);
protocols dispatch on the type of their first argument: a record type, or one
of the host type names (``String``, ``Number``, ``nil``, ``Object``, ...).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyrsistent import pvector

from kryon_lisp.classes import CLASSES
from kryon_lisp.macros import L, S, macro
from kryon_lisp.types import (
    BigInt,
    Keyword,
    LMap,
    LSet,
    PList,
    PVector,
    Seq,
    Symbol,
    plist,
)


class Record(LMap):
    """A record instance: a map whose ``record_type`` names its defrecord."""

    __slots__ = ("record_type",)

    def __init__(
        self, d: Any = None, m: Any = None, meta: Any = None, record_type: RecordType | None = None
    ) -> None:
        super().__init__(d, m, meta)
        self.record_type = record_type

    def _wrap(self, m: LMap) -> Record:
        return Record(m._d, m._m, m.meta, self.record_type)

    def assoc(self, k: Any, v: Any) -> Record:
        return self._wrap(LMap.assoc(self, k, v))

    def dissoc(self, k: Any) -> Any:
        plain = LMap.dissoc(self, k)
        if self.record_type is not None and k in self.record_type.keys:
            return plain if type(plain) is LMap else LMap(plain._d, plain._m)
        return self._wrap(plain)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Record)
            and other.record_type is self.record_type
            and LMap.__eq__(self, other)
        )

    def __hash__(self) -> int:
        return LMap.__hash__(self)

    def lisp_tag(self) -> str:
        return self.record_type.full_name if self.record_type else "record"

    def __call__(self, *args: Any) -> Any:
        invoke = self.record_type.methods.get("invoke") if self.record_type else None
        if invoke is not None:  # clojure.lang.IFn implemented in the defrecord
            return invoke(self, *args)
        return LMap.__call__(self, *args)

    @property
    def lisp_compare(self) -> Callable[[Any], Any] | None:
        """``Comparable``'s ``compareTo`` when the defrecord implements it (what
        ``compare`` and ``sort`` call)."""
        fn = self.record_type.methods.get("compareTo") if self.record_type else None
        return None if fn is None else (lambda other: fn(self, other))


class RecordType:
    """What ``(defrecord Name [fields])`` defines."""

    is_user_type = True

    def __init__(self, ns: str, name: str, fields: list[str]) -> None:
        self.name = name
        self.full_name = f"{ns}.{name}"
        self.fields = fields
        self.keys = [Keyword(f) for f in fields]
        self.to_string: Callable[[Any], Any] | None = None
        self.methods: dict[str, Callable[..., Any]] = {}  # interfaces' methods by name

    def create(self, *values: Any) -> Record:
        if len(values) != len(self.fields):
            raise TypeError(f"Wrong number of args ({len(values)}) passed to: ->{self.name}")
        m = LMap.of(zip(self.keys, values, strict=True))
        return Record(m._d, m._m, None, self)

    def from_map(self, m: Any) -> Record:
        base = LMap.of([(k, None) for k in self.keys])
        for k, v in m.items():
            base = base.assoc(k, v)
        return Record(base._d, base._m, None, self)

    def lisp_repr(self) -> str:
        return self.full_name

    def is_instance(self, x: Any) -> bool:
        return isinstance(x, Record) and x.record_type is self


_AS_INSTANCE = (
    "String",
    "java.lang.String",
    "Number",
    "java.lang.Number",
    "Long",
    "java.lang.Long",
    "Integer",
    "java.lang.Integer",
    "Double",
    "java.lang.Double",
    "Boolean",
    "java.lang.Boolean",
    "Character",
    "java.lang.Character",
    "clojure.lang.Ratio",
    "clojure.lang.Keyword",
    "clojure.lang.Symbol",
    "clojure.lang.IPersistentVector",
    "clojure.lang.PersistentVector",
    "clojure.lang.IPersistentMap",
    "clojure.lang.PersistentHashMap",
    "clojure.lang.PersistentArrayMap",
    "java.util.Map",
    "clojure.lang.IPersistentSet",
    "clojure.lang.PersistentHashSet",
    "java.util.Set",
    "clojure.lang.ISeq",
    "clojure.lang.IFn",
    "clojure.lang.Fn",
    "Object",
    "java.lang.Object",
)
"""Host types a protocol is extended to that match what ``instance?`` matches."""

_HOST_TYPES: dict[str, Callable[[Any], bool]] = {
    **{name: CLASSES[name].check for name in _AS_INSTANCE},
    "nil": lambda x: x is None,
    "clojure.lang.BigInt": lambda x: type(x) is BigInt,  # (a Python int is a Long here)
    "clojure.lang.APersistentMap": lambda x: isinstance(x, LMap),
    "clojure.lang.IPersistentList": lambda x: isinstance(x, PList),
    "clojure.lang.PersistentList": lambda x: isinstance(x, PList),
    "clojure.lang.LazySeq": lambda x: type(x).__name__ == "LazySeq",
    "clojure.lang.Sequential": lambda x: type(x) is PVector or isinstance(x, Seq),
    "java.util.List": lambda x: type(x) is PVector or isinstance(x, Seq),
    "clojure.lang.IPersistentCollection": lambda x: (
        type(x) is PVector or isinstance(x, (LMap, LSet, Seq))
    ),
    "java.util.Collection": lambda x: type(x) is PVector or isinstance(x, (LSet, Seq)),
    "default": lambda x: True,
}
"""Every host type a protocol may be extended to, and how a value is one."""


class Protocol:
    """A protocol: method names and their implementations per type."""

    def __init__(self, name: str, methods: list[str], ns: str | None = None) -> None:
        self.name = name
        self.var_name = f"{ns}/{name}" if ns else name  # #'user/Shape in messages
        self.methods = methods
        self.records: dict[RecordType, dict[str, Callable[..., Any]]] = {}
        self.hosts: list[tuple[str, dict[str, Callable[..., Any]]]] = []

    def extend(self, target: Any, impls: Any) -> None:
        table = method_table(impls)
        if getattr(target, "is_user_type", False):  # a defrecord's or deftype's type
            self.records.setdefault(target, {}).update(table)
            return
        name = str(target) if target is not None else "nil"
        if name not in _HOST_TYPES:
            raise TypeError(f"Unable to resolve type: {name}")
        for host, existing in self.hosts:
            if host == name:
                existing.update(table)
                return
        self.hosts.append((name, table))
        # specific host types win over Object/default
        self.hosts.sort(key=lambda entry: entry[0] in ("Object", "java.lang.Object", "default"))

    def _own_table(self, x: Any) -> dict[str, Callable[..., Any]] | None:
        """The methods a record, deftype or reify instance has for this protocol."""
        user_type = getattr(x, "record_type", None)
        if user_type is None:
            return None
        table = self.records.get(user_type)
        if table is None:
            reified = getattr(x, "reified", None)
            table = reified.get(self) if reified else None
        return table

    def find(self, method: str, x: Any) -> Callable[..., Any]:
        table = self._own_table(x)
        if table is not None:
            fn = table.get(method)
            if fn is not None:
                return fn
        for host, table in self.hosts:
            if method in table and _HOST_TYPES[host](x):
                return table[method]
        from kryon_lisp.printer import type_name

        kind = x.lisp_tag() if isinstance(x, Record) else type_name(x)
        raise ValueError(
            f"No implementation of method: :{method} of protocol: #'{self.var_name} "
            f"found for class: {kind}"
        )

    def method(self, name: str) -> Callable[..., Any]:
        def dispatch(this: Any, *args: Any) -> Any:
            return self.find(name, this)(this, *args)

        dispatch.__name__ = name
        return dispatch

    def satisfied_by(self, x: Any) -> bool:
        if self._own_table(x) is not None:
            return True
        return any(_HOST_TYPES[h](x) for h, _ in self.hosts)

    def extended_by(self, t: Any) -> bool:
        """``(extends? P T)``: a record type or host class given an implementation."""
        if getattr(t, "is_user_type", False):
            return t in self.records
        name = "nil" if t is None else str(getattr(t, "name", t))
        return any(name in (h, f"java.lang.{h}") for h, _ in self.hosts)

    def lisp_repr(self) -> str:
        return self.name


_INTERFACES = frozenset(
    {
        "Object",
        "Comparable",
        "IFn",
        "ILookup",
        "Counted",
        "Seqable",
        "IDeref",
        "Iterable",
        "Runnable",
        "Callable",
        "IHashEq",
        "IMeta",
        "IObj",
        "ISeq",
        "Indexed",
        "Associative",
        "IPersistentCollection",
        "Sequential",
    }
)
"""Bare names read as Java interfaces (a dotted name always is one); any other
name in a defrecord's, deftype's or reify's body is a protocol."""


def is_interface(sym: Any) -> bool:
    return (
        isinstance(sym, Symbol) and sym.ns is None and ("." in sym.name or sym.name in _INTERFACES)
    )


def method_table(impls: Any) -> dict[str, Callable[..., Any]]:
    """A ``{:m (fn ...)}`` map's functions by method name."""
    return {str(k.name if isinstance(k, Keyword) else k): v for k, v in impls.items()}


def impl_groups(forms: list[Any]) -> list[tuple[Any, list[PList]]]:
    """``Proto (m [..] ..) Proto2 (..)`` -> [(Proto, [methods])]."""
    groups: list[tuple[Any, list[PList]]] = []
    for form in forms:
        if isinstance(form, PList):
            if not groups:
                raise ValueError("method implementation before a protocol name")
            groups[-1][1].append(form)
        else:
            groups.append((form, []))
    return groups


def method_map(methods: list[PList], arity: Callable[[Any, list[Any]], PList]) -> Any:
    """``{:m (fn ...)}`` for the method forms, each ``(params, body)`` arity made
    by ``arity``. The arities of a method may be written as one form
    (``(m ([this] ..) ([this x] ..))``) or as forms of their own
    (``(m [this] ..) (m [this x] ..)``): all of them count."""
    by_name: dict[str, list[PList]] = {}
    for method in methods:
        name, params, *body = list(method)
        if type(params) is PVector:
            arities = [(params, body)]
        else:
            arities = [(a.first(), list(a.more())) for a in [params, *body]]
        by_name.setdefault(name.name, []).extend(arity(p, b) for p, b in arities)
    return LMap.of((Keyword(n), plist([S("fn"), *a])) for n, a in by_name.items())


def _impl_map(methods: list[PList], fields: list[Any] | None) -> Any:
    """``{:m (fn ...)}`` for the method forms; record fields bound from ``this``."""

    def arity(params: Any, body: list[Any]) -> PList:
        if fields:
            this = params[0] if len(params) else Symbol("this")
            binds: list[Any] = []
            for f in fields:
                binds += [f, L(S("get"), this, Keyword(f.name))]
            body = [plist([S("let"), pvector(binds), *body])]
        return plist([params, *body])

    return method_map(methods, arity)


@macro("defprotocol")
def _defprotocol(form: PList, name: Any = None, *specs: Any) -> Any:
    methods = [s.first() for s in specs if isinstance(s, PList)]
    out: list[Any] = [
        S("do"),
        L(S("def"), name, L(S("@protocol"), str(name), pvector([m.name for m in methods]))),
    ]
    for m in methods:
        out.append(L(S("def"), m, L(S("@protocol-method"), name, m.name)))
    return plist(out)


@macro("defrecord")
def _defrecord(form: PList, name: Any = None, fields: Any = None, *impls: Any) -> Any:
    field_list = list(fields)
    out: list[Any] = [
        S("do"),
        L(S("def"), name, L(S("@record-type"), str(name), pvector([f.name for f in field_list]))),
        L(S("def"), Symbol(f"->{name.name}"), L(S("@record-ctor"), name)),
        L(S("def"), Symbol(f"map->{name.name}"), L(S("@record-map-ctor"), name)),
    ]
    for proto, methods in impl_groups(list(impls)):
        if isinstance(proto, Symbol) and str(proto) in ("Object", "java.lang.Object"):
            out.append(L(S("@record-object"), name, _object_methods(methods, field_list)))
        elif is_interface(proto):  # Comparable, clojure.lang.IFn ...: methods of the type
            out.append(L(S("@record-methods"), name, _impl_map(methods, field_list)))
        else:
            out.append(L(S("@extend"), proto, name, _impl_map(methods, field_list)))
    out.append(name)
    return plist(out)


def _object_methods(methods: list[PList], fields: list[Any]) -> Any:
    """``Object (toString [this] ...)`` in a defrecord: the one Object method ``str`` uses."""
    for method in methods:
        head = method.first()
        if not isinstance(head, Symbol) or head.name != "toString":
            raise ValueError(f"defrecord can implement only toString of Object, not {head}")
    return _impl_map(methods, fields)


def _set_object_methods(record_type: RecordType, impls: Any) -> None:
    record_type.to_string = impls.get(Keyword("toString"))


@macro("extend-type")
def _extend_type(form: PList, target: Any = None, *impls: Any) -> Any:
    target_form = target if not isinstance(target, Symbol) or target.name != "nil" else None
    quoted = _type_ref(target_form)
    return plist(
        [
            S("do"),
            *[
                L(S("@extend"), proto, quoted, _impl_map(methods, None))
                for proto, methods in impl_groups(list(impls))
            ],
        ]
    )


@macro("extend-protocol")
def _extend_protocol(form: PList, proto: Any = None, *impls: Any) -> Any:
    return plist(
        [
            S("do"),
            *[
                L(S("@extend"), proto, _type_ref(t), _impl_map(m, None))
                for t, m in impl_groups(list(impls))
            ],
        ]
    )


def _type_ref(target: Any) -> Any:
    """Record types are values; host type names are quoted symbols."""
    if target is None or (isinstance(target, Symbol) and target.name == "nil"):
        return None
    if isinstance(target, Symbol) and str(target) in _HOST_TYPES:
        return L(S("quote"), target)
    return target


def _extend(proto: Protocol, target: Any, impls: Any) -> None:
    proto.extend(target, impls)


def extend(target: Any, *protos_and_impls: Any) -> None:
    """``(extend Type Proto {:m (fn ...)} ...)``: a type (a record's, or a
    class value such as ``String``) takes each protocol's method map."""
    if len(protos_and_impls) % 2:
        raise ValueError("extend takes a type and pairs of protocol and method map")
    host_name = getattr(target, "name", None)
    if not getattr(target, "is_user_type", False) and isinstance(host_name, str):
        target = host_name  # a class value: String is java.lang.String
    for proto, impls in zip(protos_and_impls[::2], protos_and_impls[1::2], strict=True):
        proto.extend(target, impls)


RECORDS: dict[str, Any] = {
    "@protocol": Protocol,
    "@protocol-method": lambda proto, name: proto.method(name),
    "@record-ctor": lambda rt: rt.create,
    "@record-map-ctor": lambda rt: rt.from_map,
    "@extend": _extend,
    "extend": extend,
    "@record-object": _set_object_methods,
    "@record-methods": lambda rt, impls: rt.methods.update(method_table(impls)),
    "satisfies?": lambda proto, x: proto.satisfied_by(x),
    "extends?": lambda proto, t: proto.extended_by(t),
    "record?": lambda x: isinstance(x, Record),
}

"""Clojure's concurrency forms, run on the script's one thread.

Scripts have no threads (the sandbox allows none), yet programs written for
Clojure use refs, agents, futures and promises to hold state.  Here a ``dosync``
transaction simply runs (nothing else can interleave), a future runs its body
when it is made, ``send`` applies its function at once and ``pmap`` is ``map``:
every result is the one Clojure gives when no other thread is involved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kryon_lisp.classes import EXCEPTIONS
from kryon_lisp.types import Atom, identity_hash


class Ref(Atom):
    """``ref``: an identity changed by ``alter``, ``commute`` and ``ref-set``."""

    __slots__ = ()
    java_class = "clojure.lang.Ref"

    def lisp_repr(self) -> str:
        from kryon_lisp.printer import pr_str

        return (
            f"#object[{self.java_class} 0x{identity_hash(self):x} "
            f"{{:status :ready, :val {pr_str(self.value)}}}]"
        )


class Agent(Ref):
    """``agent``: its actions run at once, in the order they are sent."""

    __slots__ = ()
    java_class = "clojure.lang.Agent"


class Future:
    """``future``: the body ran when the future was made; deref gives its value
    or throws what it threw."""

    __slots__ = ("error", "value")
    java_class = "clojure.core$future_call"

    def __init__(self, thunk: Callable[[], Any]) -> None:
        self.value: Any = None
        self.error: BaseException | None = None
        try:
            self.value = thunk()
        except Exception as exc:
            from kryon_lisp.core import uncatchable

            if uncatchable(exc):  # a limit or an exit ends the call, future or not
                raise
            self.error = exc

    def deref(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.value

    def realized(self) -> bool:
        return True

    def lisp_repr(self) -> str:
        from kryon_lisp.printer import pr_str

        return (
            f"#object[{self.java_class} 0x{identity_hash(self):x} "
            f"{{:status :ready, :val {pr_str(self.value)}}}]"
        )


class Promise:
    """``promise``: delivered once; a deref before delivery would wait forever
    for a thread that does not exist, so it throws instead."""

    __slots__ = ("delivered", "value")
    java_class = "clojure.core$promise"

    def __init__(self) -> None:
        self.value: Any = None
        self.delivered = False

    def deliver(self, value: Any) -> Promise | None:
        if self.delivered:
            return None
        self.value, self.delivered = value, True
        return self

    def deref(self) -> Any:
        if self.delivered:
            return self.value
        raise EXCEPTIONS["java.lang.IllegalStateException"](
            "deref of a promise never delivered: with no other thread it would block forever"
        )

    def realized(self) -> bool:
        return self.delivered

    def lisp_repr(self) -> str:
        from kryon_lisp.printer import pr_str

        state = f":ready, :val {pr_str(self.value)}" if self.delivered else ":pending, :val nil"
        return f"#object[{self.java_class} 0x{identity_hash(self):x} {{:status {state}}}]"


def _ref(cls: type[Ref]) -> Callable[..., Ref]:
    def make(value: Any, *options: Any) -> Ref:
        settings = dict(zip(options[::2], options[1::2], strict=False))
        validator = next(
            (v for k, v in settings.items() if getattr(k, "name", None) == "validator"), None
        )
        ref = cls(value, validator=validator)
        if validator is not None and not validator(value):
            from kryon_lisp.classes import EXCEPTIONS

            raise EXCEPTIONS["IllegalStateException"]("Invalid reference state")
        return ref

    return make


def _cell(x: Any, kind: type[Ref], name: str) -> Ref:
    if not isinstance(x, kind):
        from kryon_lisp.printer import type_name

        raise TypeError(f"{type_name(x)} cannot be cast to {name}")
    return x


def alter(ref: Any, f: Callable[..., Any], *args: Any) -> Any:
    cell = _cell(ref, Ref, "clojure.lang.Ref")
    return cell.reset(f(cell.value, *args))


def ref_set(ref: Any, value: Any) -> Any:
    return _cell(ref, Ref, "clojure.lang.Ref").reset(value)


class Transactions:
    """The ``dosync`` blocks running in one runtime: as in Clojure, a ref
    changes (``alter``, ``commute``, ``ref-set``, ``ensure``) only inside one,
    and anywhere else it is ``IllegalStateException: No transaction running``."""

    def __init__(self) -> None:
        self.depth = 0

    def run(self, body: Callable[[], Any]) -> Any:
        self.depth += 1
        try:
            return body()
        finally:
            self.depth -= 1

    def _running(self) -> None:
        if not self.depth:
            raise EXCEPTIONS["IllegalStateException"]("No transaction running")

    def alter(self, ref: Any, f: Callable[..., Any], *args: Any) -> Any:
        self._running()
        return alter(ref, f, *args)

    def ref_set(self, ref: Any, value: Any) -> Any:
        self._running()
        return ref_set(ref, value)

    def ensure(self, ref: Any) -> Any:
        self._running()
        return _cell(ref, Ref, "clojure.lang.Ref").value

    def bindings(self) -> dict[str, Any]:
        return {
            "@dosync": self.run,
            "alter": self.alter,
            "commute": self.alter,
            "ref-set": self.ref_set,
            "ensure": self.ensure,
        }


def send(agent: Any, f: Callable[..., Any], *args: Any) -> Agent:
    cell = _cell(agent, Agent, "clojure.lang.Agent")
    cell.reset(f(cell.value, *args))
    return cell  # type: ignore[return-value]


def _deliver(p: Any, value: Any) -> Any:
    if not isinstance(p, Promise):
        from kryon_lisp.printer import type_name

        raise TypeError(f"{type_name(p)} cannot be cast to clojure.lang.IFn")
    return p.deliver(value)


def _pmap(f: Callable[..., Any], *colls: Any) -> Any:
    from kryon_lisp.core_seq import map_

    return map_(f, *colls)


CONCURRENCY: dict[str, Any] = {
    "ref": _ref(Ref),
    "agent": _ref(Agent),
    "send": send,
    "send-off": send,
    "send-via": lambda executor, agent, f, *args: send(agent, f, *args),
    "await": lambda *agents: None,
    "await-for": lambda ms, *agents: True,
    "agent-error": lambda agent: None,
    "shutdown-agents": lambda: None,
    "future-call": Future,
    "future?": lambda x: type(x) is Future,
    "future-done?": lambda f: True,
    "future-cancel": lambda f: False,
    "future-cancelled?": lambda f: False,
    "promise": Promise,
    "deliver": _deliver,
    "pmap": _pmap,
    "pcalls": lambda *fns: _pmap(lambda f: f(), list(fns)),
    "bigdec": float,  # no BigDecimal: 1.5M reads as a double too
}

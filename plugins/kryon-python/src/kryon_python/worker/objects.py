"""What isolated scripts see of host things (standard library only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = [
    "Element",
    "HostError",
    "HostExit",
    "HostFunction",
    "HostObject",
    "TimeLimitExceeded",
]


class TimeLimitExceeded(BaseException):
    """The call ran past its time limit (a BaseException: ``except Exception``
    in a script does not swallow it, and it is raised again every 20 ms)."""


class HostError(Exception):
    """A ``kryon`` host function failed; scripts catch it as ``kryon.HostError``.

    ``kind`` names the host's error class (``"AccessDeniedError"``...).
    """

    def __init__(self, message: str, kind: str = "ScriptError", token: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.token = token


class HostExit(SystemExit):
    """A ``kryon`` host function ended with a program exit (a script it called
    exited): a ``SystemExit``, as the exit would be in Python.  ``token``
    lets the host answer an uncaught one with its original ``ScriptExit``."""

    def __init__(self, code: object, token: int = 0) -> None:
        super().__init__(code)
        self.token = token


class HostObject:
    """An opaque host value (``UserData``): it can be stored and passed back, nothing else."""

    __slots__ = ("_id",)

    def __init__(self, ident: int) -> None:
        self._id = ident

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HostObject) and other._id == self._id

    def __hash__(self) -> int:
        return hash(("HostObject", self._id))

    def __repr__(self) -> str:
        return f"<host object #{self._id}>"


class Element:
    """A DOM element handle."""

    __slots__ = ("id",)

    def __init__(self, ident: int) -> None:
        self.id = ident

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Element) and other.id == self.id

    def __hash__(self) -> int:
        return hash(("Element", self.id))

    def __repr__(self) -> str:
        return f"Element({self.id})"


class HostFunction:
    """A function living in the host (or another engine) that a script may call."""

    __slots__ = ("_call", "_id")

    def __init__(self, ident: int, call: Callable[[int, list[Any]], Any]) -> None:
        self._id = ident
        self._call = call

    def __call__(self, *args: Any) -> Any:
        return self._call(self._id, list(args))

    def __repr__(self) -> str:
        return f"<host function #{self._id}>"

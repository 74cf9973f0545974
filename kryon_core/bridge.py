"""The host side of the ``kryon`` API that every engine exposes to scripts.

The manager gives each engine one :class:`ScriptBridge` (through
``ScriptEngine.setup_bridge``).  It carries:

* ``host_functions``: the ``kryon`` API as plain Python callables taking and
  returning canonical values, already filtered by the engine's policy.  Each
  takes the calling script's name first (``fn(caller, *args)``).  Engines
  expose them idiomatically, naming them with :func:`api_name`
  (``getElementById`` in Lua/JS/Wren, ``get-element-by-id`` in Lisp,
  ``get_element_by_id`` in Python);
* ``write``: where script output (``print``, ``console.log``) goes;
* ``log``: the host's logging for ``kryon.log``;
* ``convert``: the registered type converters for host objects outside the
  value model.

New host functions (the DOM, timers, ...) are added to the bridge by core and
plugins; engines pick them up without changes.
"""

from __future__ import annotations

import codecs
import dataclasses
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from kryon_core.errors import AccessDeniedError, ConversionError
from kryon_core.policy import Capability, SecurityPolicy
from kryon_core.values import Value

__all__ = ["HostFunction", "OutputSink", "ScriptBridge", "api_name", "encode_output"]

Stream = Literal["stdout", "stderr"]
NamingStyle = Literal["snake", "camel", "kebab"]


class OutputSink(Protocol):
    """Receives what scripts print: ``sink(text, stream, script)``.

    Bytes a script printed that are not UTF-8 (Lua strings are bytes) arrive
    as lone surrogates, decoded with ``surrogateescape`` (PEP 383);
    :func:`encode_output` writes them back unchanged.
    """

    def __call__(self, text: str, stream: Stream, script: str) -> None: ...


@dataclass(frozen=True)
class HostFunction:
    """One function of the ``kryon`` API.

    ``fn(caller, *args)`` receives the calling script's name and canonical
    arguments, and returns a canonical value.  ``mutates`` marks functions that
    change host state (Lisp spells them with a trailing ``!``).
    """

    name: str
    fn: Callable[..., Value]
    capability: Capability | None = None
    doc: str = ""
    mutates: bool = False


def api_name(function: HostFunction, style: NamingStyle) -> str:
    """The name of a host function in a language's naming style.

    ``snake`` is the canonical name; ``camel`` gives ``getElementById``;
    ``kebab`` gives ``get-element-by-id`` (plus ``!`` for mutating functions).
    """
    if style == "snake":
        return function.name
    if style == "camel":
        head, *rest = function.name.split("_")
        return head + "".join(part[:1].upper() + part[1:] for part in rest)
    return function.name.replace("_", "-") + ("!" if function.mutates else "")


_LOG_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warn": logging.WARNING,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}


_FFFD = "\ufffd".encode()


def _output_errors(exc: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = bytearray()
    for char in exc.object[exc.start : exc.end]:
        code = ord(char)
        out += bytes((code - 0xDC00,)) if 0xDC80 <= code <= 0xDCFF else _FFFD
    return bytes(out), exc.end


codecs.register_error("kryon-output", _output_errors)


def encode_output(text: str) -> bytes:
    """Script output as the bytes to write: UTF-8, each byte that reached the
    sink ``surrogateescape``-decoded as it was printed, and any other lone
    surrogate (a JavaScript string may hold one) as U+FFFD, as node prints it."""
    return text.encode("utf-8", "kryon-output")


def _log_sink(text: str, stream: Stream, script: str) -> None:
    level = logging.INFO if stream == "stdout" else logging.WARNING
    logging.getLogger(f"kryon.script.{script}").log(level, "%s", text.rstrip("\n"))


class ScriptBridge:
    """What an engine needs from the host; one per engine instance."""

    def __init__(
        self,
        policy: SecurityPolicy,
        functions: Mapping[str, HostFunction],
        *,
        output: OutputSink | None = None,
        convert: Callable[[object], Value] | None = None,
    ) -> None:
        self.policy = policy
        self._all = dict(functions)
        self.host_functions: dict[str, HostFunction] = {
            name: f
            for name, f in self._all.items()
            if f.capability is None or policy.allows(f.capability)
        }
        self._output: OutputSink = output or _log_sink
        self._convert = convert

    def write(self, text: str, *, stream: Stream = "stdout", script: str) -> None:
        """Route script output: stdout/stderr under ``kryon run``, the host's
        log (logger ``kryon.script.<name>``) when embedded.

        ``text`` is written exactly as given: a ``print`` passes its own
        trailing newline, a ``write`` does not.
        """
        self._output(text, stream, script)

    def log(self, level: str, message: str, *, script: str) -> None:
        """``kryon.log``: the host's logging, logger ``kryon.script.<name>``."""
        self.require(Capability.LOG, script=script)
        logging.getLogger(f"kryon.script.{script}").log(
            _LOG_LEVELS.get(level.lower(), logging.INFO), "%s", message
        )

    def require(self, capability: Capability, *, script: str) -> None:
        """Raise AccessDeniedError unless the policy grants ``capability``."""
        if not self.policy.allows(capability):
            raise AccessDeniedError(
                f"policy {self.policy.name!r} does not grant {capability.value!r}", script=script
            )

    @property
    def nameable_functions(self) -> dict[str, HostFunction]:
        """Every host function a script may name: the offered ones, and for
        each the policy withholds a stand-in whose ``fn`` raises
        AccessDeniedError.  Engines that resolve names before a script runs
        (Lisp, Wren) define all of these, so that a script naming a withheld
        one loads and fails only when it calls it, as in the other languages."""
        return {
            name: f if name in self.host_functions else dataclasses.replace(f, fn=self._refusal(f))
            for name, f in self._all.items()
        }

    def refusal_message(self, function: HostFunction, name: str | None = None) -> str:
        """Why calling the withheld ``function`` (``kryon.<name>`` in the
        script's spelling; its host name by default) is refused."""
        capability = function.capability.value if function.capability else "access"
        return (
            f"policy {self.policy.name!r} does not grant {capability!r} "
            f"(kryon.{name or function.name})"
        )

    def _refusal(self, function: HostFunction) -> Callable[..., Value]:
        message = self.refusal_message(function)

        def refuse(caller: str, *args: Value) -> Value:
            raise AccessDeniedError(message, script=caller)

        return refuse

    def denied(self, name: str) -> HostFunction | None:
        """The host function ``name`` if it exists but the policy withholds it
        (engines use it to report AccessDeniedError instead of 'not found')."""
        function = self._all.get(name)
        return None if function is None or name in self.host_functions else function

    def convert(self, obj: object) -> Value:
        """Convert a host object outside the value model with the registered
        type converters; ConversionError when none claims it."""
        if self._convert is not None:
            converted = self._convert(obj)
            if converted is not obj:
                return converted
        raise ConversionError(f"{type(obj).__name__} is not a script value")


_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def snake_from_camel(name: str) -> str:
    """``getElementById`` -> ``get_element_by_id`` (for engines mapping back)."""
    return _CAMEL.sub("_", name).lower()

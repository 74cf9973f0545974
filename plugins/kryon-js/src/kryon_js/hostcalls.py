"""Host callbacks: the VM's only way into Python.

Every ``kryon.*`` function, ``console`` method and host ``FunctionRef`` seen by a
script is a JavaScript function of the prelude that calls one Python callable,
:class:`HostGateway`, with an operation number.  The gateway never raises into
the binding (a Python exception inside a callback leaves the binding in an
error state): failures go back as an error marker that the prelude throws as a
JavaScript ``Error``, and the original exception is kept to be re-raised as
itself if the script does not catch it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from time import monotonic as _monotonic
from typing import TYPE_CHECKING, Any

from kryon_core import (
    AccessDeniedError,
    HostFunction,
    ScriptBridge,
    ScriptError,
    ScriptExit,
    ScriptRuntimeError,
    TimeLimitError,
    Value,
)
from kryon_js.wire import number_from_js

if TYPE_CHECKING:
    from kryon_core.bridge import Stream
    from kryon_js.runtime import JsRuntime

__all__ = [
    "EXIT_MARK",
    "FIRST_HOST_OP",
    "OP_DENIED",
    "OP_EXIT",
    "OP_FLUSH",
    "OP_PROMISE",
    "OP_WRITE",
    "REF_BASE",
    "HostGateway",
]

OP_WRITE, OP_DENIED, OP_PROMISE, OP_EXIT, OP_FLUSH, FIRST_HOST_OP = 1, 2, 3, 4, 5, 16
EXIT_MARK = "\x05"
"""The result that makes the prelude wait for the exit's interrupt (``exits.py``)."""
REF_BASE = 1 << 24


_ABSENT: Any = object()
"""A parameter of :meth:`HostGateway.__call__` the script did not pass."""


def _given(a: Any, b: Any, c: Any, more: tuple[Any, ...]) -> tuple[Any, ...]:
    """The arguments the prelude passed (the absent ones are only ever the last)."""
    if c is not _ABSENT:
        return (a, b, c, *more)
    if b is not _ABSENT:
        return (a, b)
    return (a,) if a is not _ABSENT else ()


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


class HostGateway:
    """The one Python callable registered in the VM (see module docs)."""

    def __init__(self, rt: JsRuntime) -> None:
        self.rt = rt
        self.bridge: ScriptBridge | None = None
        self.ops: dict[int, HostFunction] = {}
        self.errors: dict[int, BaseException] = {}

    def __call__(
        self, op: Any, a: Any = _ABSENT, b: Any = _ABSENT, c: Any = _ABSENT, *more: Any
    ) -> Any:
        """The VM's only way into Python (see module docs); never raises.

        The common case (a ``kryon`` function with up to three arguments the
        binding passed as they are) is kept to a few checks and builds no
        argument tuple: it runs once per callback.  The prelude passes exactly
        the script's arguments, so a parameter left at ``_ABSENT`` was not
        passed (``undefined`` arrives as None).
        """
        rt = self.rt
        rt.hosted = True
        limit = rt.limit
        if rt.exits.pending is not None:  # ending (exits.py): no more effects, and no
            return self._exit(rt.exits.pending)  # output (the exit's call flushed what came before)
        try:
            if limit.enabled and limit.deadline == 0.0:
                limit.started()
            function = self.ops.get(op)
            if function is None or more:
                result = self._slow(op, _given(a, b, c, more))
            elif c is not _ABSENT:
                result = function.fn(
                    rt.callers[-1],
                    number_from_js(a) if type(a) is float else a,
                    number_from_js(b) if type(b) is float else b,
                    number_from_js(c) if type(c) is float else c,
                )
            elif b is not _ABSENT:
                result = function.fn(
                    rt.callers[-1],
                    number_from_js(a) if type(a) is float else a,
                    number_from_js(b) if type(b) is float else b,
                )
            elif a is not _ABSENT:
                result = function.fn(rt.callers[-1], number_from_js(a) if type(a) is float else a)
            else:
                result = function.fn(rt.callers[-1])
            if limit.enabled and _monotonic() > limit.deadline:
                limit.timed_out = True
                return self.failure(
                    TimeLimitError(
                        f"the call ran longer than the time limit ({limit.limit_ms} ms)",
                        script=rt.callers[-1],
                    )
                )
            kind = type(result)
            if result is None or kind is bool or kind is float:
                return result
            if kind is int and -2147483648 <= result <= 2147483647:
                return result
            if (  # plain text (wire._plain), checked here: a first character past the markers
                kind is str
                and (result >= "\x06" or not result)
                and result.isascii()
                and "\x00" not in result
            ):
                return result
            return rt.codec.result_for_js(result)
        except ScriptExit as exc:  # process.exit, or a script of another engine exited
            return self._exit(exc)
        except BaseException as exc:  # delivered to the script as a JS error, never lost
            return self.failure(exc)

    def _exit(self, exc: ScriptExit) -> str:
        try:
            self.rt.begin_exit(exc)
        except ScriptError as failed:
            return self.failure(failed)
        return EXIT_MARK

    def _slow(self, op: Any, args: tuple[Any, ...]) -> Value:
        """Encoded arguments (a negative op), host FunctionRefs, console, stacks, probes,
        and ``kryon`` functions given more than three arguments."""
        op = int(op)
        if op < 0:
            text = args[0]
            values: Sequence[Value] = (
                self.rt.codec.decode(text[1:]) if isinstance(text, str) else []
            )
            function = self.ops.get(-op)
            if function is not None:
                return function.fn(self.rt.callers[-1], *values)
            return self._run(-op, values)
        return self._run(op, [number_from_js(a) if type(a) is float else a for a in args])

    def _run(self, op: int, values: Sequence[Value]) -> Value:
        caller = self.rt.callers[-1]
        if op >= REF_BASE:
            ref = self.rt.codec.host_refs.get(op - REF_BASE)
            if ref is None:
                raise ScriptRuntimeError("the host function was released", script=caller)
            return ref.call(values)
        if op == OP_FLUSH:
            self.write_queued(str(values[0]), caller)
            return None
        if op == OP_WRITE:  # one long piece, as it is
            if self.bridge is not None:
                self.bridge.write(
                    str(values[1]),
                    stream="stderr" if values[0] == "stderr" else "stdout",
                    script=caller,
                )
            return None
        if op == OP_EXIT:
            raise self.rt.exit_error(int(values[0]), str(values[1]), caller)
        if op == OP_PROMISE:
            return self.rt.rejections.promise_state()
        if op == OP_DENIED:
            bridge = self.bridge
            denied = bridge.denied(_snake(str(values[0]))) if bridge is not None else None
            if denied is None:
                return False
            if len(values) > 1:
                assert bridge is not None
                raise AccessDeniedError(
                    bridge.refusal_message(denied, str(values[0])), script=caller
                )
            return True
        function = self.ops[op]
        return function.fn(caller, *values)

    def write_queued(self, text: str, script: str) -> None:
        """Write the prelude's queued output in order: each piece is ``\x01``, a
        letter (``o``/``e``: stdout/stderr, ``O``/``E``: the same with the text as
        JSON) and the text (prelude.py, "output").  Pieces in a row on one stream
        go in one write: the bytes are the same, and a sink that flushes each
        write (``kryon run``'s) is the larger part of a line's cost otherwise."""
        bridge = self.bridge
        if not text or bridge is None:
            return
        write = bridge.write
        run: list[str] = []
        stream: Stream = "stdout"
        for piece in text.split("\x01")[1:]:
            kind, body = piece[:1], piece[1:]
            if kind in {"O", "E"}:
                body = json.loads(body)
                if type(body) is not str:
                    continue
            elif kind not in {"o", "e"}:
                continue
            now: Stream = "stderr" if kind in {"e", "E"} else "stdout"
            if now != stream and run:
                write("".join(run), stream=stream, script=script)
                run = []
            stream = now
            run.append(body)
        if run:
            write("".join(run), stream=stream, script=script)

    def failure(self, exc: BaseException) -> str:
        """``exc`` as the error marker the prelude throws; kept to re-raise as itself."""
        key = len(self.errors) + 1
        self.errors[key] = exc
        if isinstance(exc, ScriptError):
            name, message = type(exc).__name__, exc.message
        else:
            name, message = "HostError", f"{type(exc).__name__}: {exc}"
        return "\x02" + json.dumps({"name": name, "message": message, "id": key})

    def install(self, functions: dict[int, tuple[HostFunction, str]]) -> None:
        """Give the scripts' ``kryon`` object these host functions (op -> function, name)."""
        self.ops = {op: f for op, (f, _) in functions.items()}
        spec = json.dumps([[op, name] for op, (_, name) in functions.items()])
        rt = self.rt
        rt.raw(rt.api["installHost"], (spec,), "<host>")

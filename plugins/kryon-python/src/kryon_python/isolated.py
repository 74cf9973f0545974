"""Isolated mode: scripts run in a worker process (see ``worker/guard.py``).

The host keeps everything needed to rebuild the worker (compiled code of each
loaded script, globals set from the host), so a worker that dies, hangs or
runs out of memory is killed, the call fails with the matching error, and the
next request starts a fresh worker with the same scripts reloaded.  Everything
the worker sends is treated as untrusted input.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kryon_core import (
    AccessDeniedError,
    CompiledScript,
    ConversionError,
    ElementHandle,
    FunctionInfo,
    FunctionNotFoundError,
    FunctionRef,
    GCStats,
    MemoryLimitError,
    MemoryUsage,
    ScriptBridge,
    ScriptError,
    ScriptExit,
    ScriptId,
    ScriptNotFoundError,
    ScriptRuntimeError,
    SecurityPolicy,
    StackFrame,
    TimeLimitError,
    UserData,
    Value,
    check_value,
)
from kryon_python.compiler import load_code
from kryon_python.config import PythonConfig
from kryon_python.errors import (
    error_from_report,
    frames_from_report,
    locate_host_error,
)
from kryon_python.process import WorkerProcess, WorkerStartError
from kryon_python.wire import Op, WireError, WorkerGone, decode, encode

__all__ = ["IsolatedRuntime"]

Dispatch = Callable[..., Any]


class IsolatedRuntime:
    """The out-of-process backend of :class:`~kryon_python.engine.PythonEngine`."""

    def __init__(
        self,
        language: str,
        config: PythonConfig,
        policy: SecurityPolicy,
        bridge: ScriptBridge,
        dispatch: Dispatch,
    ) -> None:
        self._language = language
        self._config = config
        self._policy = policy
        self._bridge = bridge
        self._dispatch = dispatch
        self._worker: WorkerProcess | None = None
        self._generation = 0
        self._scripts: dict[ScriptId, CompiledScript] = {}
        self._functions: dict[ScriptId, dict[str, FunctionInfo]] = {}
        self._broken: dict[ScriptId, ScriptError] = {}
        self._shared: dict[str, Value] = {}
        self._script_globals: dict[ScriptId, dict[str, Value]] = {}
        self._host_refs: dict[int, FunctionRef] = {}
        self._userdata: dict[int, UserData] = {}
        self._worker_refs: dict[int, tuple[int, int]] = {}  # FunctionRef.id -> (gen, rid)
        self._errors: dict[int, ScriptError] = {}
        self._depth = 0
        self._ended = False  # the program's end (atexit, finalizers) has run
        self._replaying = False
        self.tracer: None = None  # no breakpoints out of process
        memory = policy.memory_limit_mb
        # nothing legitimate from the worker outgrows its own memory limit
        self._max_frame = (2 * memory + 1) * 1024 * 1024 if memory else 256 * 1024 * 1024
        self._deadline: float | None = None
        self._output_left: int | None = None
        limit = policy.time_limit_ms
        self._hard_timeout = limit / 1000 * 1.5 + 0.25 if limit else None

    # -- the worker -------------------------------------------------------------------

    def _init_message(self) -> dict[str, Any]:
        return {
            "allowed_modules": list(self._config.allowed_modules),
            "host_functions": sorted(self._bridge.host_functions),
            "time_limit_ms": self._policy.time_limit_ms,
            "memory_limit_mb": self._policy.memory_limit_mb,
            "recursion_limit": self._policy.recursion_limit,
            "cpu_seconds": self._config.worker_cpu_seconds,
            "drop_privileges": self._config.drop_privileges,
        }

    def _ensure_worker(self) -> WorkerProcess:
        worker = self._worker
        while worker is None or worker.closed:
            if self._replaying:
                raise ScriptRuntimeError("the worker stopped while reloading scripts")
            try:
                worker = WorkerProcess(
                    self._init_message(), self._config.worker_start_timeout_s, self._max_frame
                )
            except WorkerStartError as exc:
                raise ScriptRuntimeError(f"cannot start the Python worker: {exc}") from None
            self._worker = worker
            weakref.finalize(self, worker.kill)  # no orphan workers, even without close()
            self._generation += 1
            self._host_refs.clear()  # the old worker's handles died with it
            self._userdata.clear()
            self._worker_refs.clear()
            self._replaying = True
            try:
                self._replay(worker)
            finally:
                self._replaying = False
        return worker

    def _replay(self, worker: WorkerProcess) -> None:
        """Reload the scripts into a new worker; a script that fails is marked broken."""
        for name, value in self._shared.items():
            self._request([Op.SET_GLOBAL, None, name, value])
        for sid, compiled in list(self._scripts.items()):
            if sid in self._broken:
                continue
            try:
                self._request(
                    _load_message(sid, compiled),
                    compiled.script,
                )
                for name, value in self._script_globals.get(sid, {}).items():
                    self._request([Op.SET_GLOBAL, sid, name, value], compiled.script)
            except ScriptError as exc:
                self._broken[sid] = ScriptRuntimeError(
                    f"the script could not be reloaded after the worker restarted: {exc}",
                    script=compiled.script,
                )
                if worker.closed:
                    return

    def end_program(self) -> None:
        """The program ends: its ``atexit`` callbacks and finalizers run and
        print as at the end of ``python FILE``.  Their own errors are reported
        as Python reports them, not raised; a limit that stopped them (a
        ``__del__`` or a generator's ``finally`` that never ends) is raised."""
        worker = self._worker
        if worker is None or worker.closed or self._depth or self._ended:
            return
        self._ended = True
        try:
            self._request([Op.SHUTDOWN])
        except (TimeLimitError, MemoryLimitError) as exc:
            raise self._at_exit(exc) from None
        except ScriptError:
            pass

    def close(self) -> None:
        try:
            self.end_program()  # embedded, the program ends when its engine closes
        except ScriptError as exc:  # closing cannot fail: told on stderr, not dropped
            if exc.script is not None:
                self._bridge.write(exc.render() + "\n", stream="stderr", script=exc.script)
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.kill("closed")
        self._scripts.clear()

    def _at_exit(self, error: ScriptError) -> ScriptError:
        """``error`` told as having ended the program's finalizers."""
        script = error.script or next(
            (compiled.script for compiled in self._scripts.values() if compiled.entry_point),
            None,
        )
        message = f"{error.message} (while the program's finalizers ran)"
        return error.amend(message=message, script=script)

    # -- requests ----------------------------------------------------------------------

    def _request(self, message: list[Any], script: str | None = None) -> Any:
        worker = self._ensure_worker()
        generation = self._generation
        try:
            payload = encode(message, self._opaque)
        except WireError:
            # objects outside the value model: try the registered type converters
            try:
                payload = encode(check_value(message, convert=self._bridge.convert), self._opaque)
            except WireError as exc:
                raise ConversionError(str(exc), script=script) from None
        outer = self._depth == 0
        if outer:
            self._deadline = (
                time.monotonic() + self._hard_timeout if self._hard_timeout is not None else None
            )
            limit = self._config.output_limit_kb
            self._output_left = limit * 1024 if limit is not None else None
            self._errors.clear()
        self._depth += 1
        try:
            worker.send(payload)
            while True:
                frame = worker.reader.read(self._deadline)
                if frame is None:
                    worker.kill("time")
                    raise TimeLimitError(
                        "the call ran past the policy's time limit (the worker was stopped)",
                        script=script,
                    )
                reply = decode(frame, self._make)
                if not isinstance(reply, list) or not reply or type(reply[0]) is not int:
                    raise WireError("malformed message")
                op = reply[0]
                if op == Op.OK:
                    return reply[1] if len(reply) > 1 else None
                if op == Op.ERR:
                    raise self._reported_error(reply[1] if len(reply) > 1 else None, script)
                self._serve(worker, reply, script)
                if self._generation != generation or worker.closed:
                    raise ScriptRuntimeError(
                        "the worker stopped while serving the script", script=script
                    )
        except (WorkerGone, OSError) as exc:
            raise self._died(worker, script, exc) from None
        except ScriptError:
            raise
        except WireError as exc:
            worker.kill("crash")
            raise ScriptRuntimeError(
                f"the worker sent malformed data ({exc}); it was stopped", script=script
            ) from None
        except BaseException:
            worker.kill("crash")  # interrupted mid-conversation: the pipe is out of step
            raise
        finally:
            self._depth -= 1

    def _died(self, worker: WorkerProcess, script: str | None, exc: BaseException) -> ScriptError:
        if worker.killed_for == "time":
            return TimeLimitError("the call ran past the policy's time limit", script=script)
        description = worker.describe_exit()
        reason = worker.death()
        worker.kill()
        if reason == "time":
            return TimeLimitError(f"the worker used up its CPU time ({description})", script=script)
        if reason == "memory":
            return MemoryLimitError(f"the worker ran out of memory ({description})", script=script)
        if reason == "closed":
            return ScriptRuntimeError("the engine was closed", script=script)
        return ScriptRuntimeError(
            f"the script crashed the worker ({description}); it is restarted for the next call",
            script=script,
        )

    def _reported_error(self, report: object, script: str | None) -> ScriptError:
        if isinstance(report, dict):
            if report.get("kind") in ("host", "exit"):
                raw = report.get("frames")
                frames = frames_from_report(raw[-200:]) if isinstance(raw, list) else []
                token = report.get("token")
                original = self._errors.get(token) if isinstance(token, int) else None
                if original is not None:
                    return locate_host_error(original, frames, script)
            if report.get("kind") == "notfound":
                message = report.get("message")
                return FunctionNotFoundError(str(message)[:400], script=script)
        return error_from_report(report, script)

    def _serve(self, worker: WorkerProcess, request: list[Any], script: str | None) -> None:
        op = request[0]
        if op == Op.WRITE:
            self._write(request)
            return
        try:
            try:
                result = self._serve_request(op, request)
            except ScriptError:
                raise
            except Exception as exc:  # a bug in a host function: report it, stay in sync
                error = ScriptRuntimeError(
                    f"host function failed: {type(exc).__name__}: {exc}", script=script
                )
                error.__cause__ = exc
                raise error from exc
            try:
                payload = encode([Op.OK, result], self._opaque)
            except WireError:
                converted = check_value(result, convert=self._bridge.convert)
                payload = encode([Op.OK, converted], self._opaque)
        except ScriptError as exc:
            if worker.closed:
                raise
            payload = self._host_error(exc)
        except WireError as exc:
            payload = self._host_error(ConversionError(str(exc), script=script))
        if not worker.closed:
            worker.send(payload)

    def _host_error(self, error: ScriptError) -> bytes:
        """The ERR reply for a failed host request: the script gets a
        ``kryon.HostError``; the host keeps the error itself, which the call
        fails with if the script does not catch it."""
        token = len(self._errors) + 1
        self._errors[token] = error
        info: dict[str, Value] = {
            "kind": type(error).__name__,
            "message": error.message,
            "token": token,
        }
        if isinstance(error, ScriptExit):  # a SystemExit in the script, with its code
            info["kind"] = "ScriptExit"
            info["code"] = error.exit_message or error.status
        return encode([Op.ERR, info])

    def _serve_request(self, op: int, request: list[Any]) -> Value:
        if op == Op.HOST_CALL and len(request) == 4:
            _, caller, name, args = request
            if not (isinstance(caller, str) and isinstance(name, str) and isinstance(args, list)):
                raise ScriptRuntimeError("malformed host call")
            function = self._bridge.host_functions.get(name)
            if function is None:
                denied = self._bridge.denied(name)
                if denied is not None:
                    raise AccessDeniedError(self._bridge.refusal_message(denied), script=caller)
                raise FunctionNotFoundError(
                    f"the kryon API has no function {name!r}", script=caller
                )
            return function.fn(caller, *args)
        if op == Op.CALL_HOST_REF and len(request) == 3 and isinstance(request[2], list):
            ref = self._host_refs.get(request[1]) if isinstance(request[1], int) else None
            if ref is None:
                raise ScriptRuntimeError("unknown host function reference")
            return ref.call(request[2])
        if op == Op.LOG and len(request) == 4:
            _, caller, level, message = request
            self._bridge.log(str(level), str(message), script=str(caller))
            return None
        if op == Op.LOOKUP and len(request) == 2 and isinstance(request[1], str):
            return self._bridge.denied(request[1]) is not None
        raise ScriptRuntimeError(f"the worker sent an unknown request ({op})")

    def _write(self, request: list[Any]) -> None:
        if len(request) != 4 or not all(isinstance(x, str) for x in request[1:]):
            return
        _, script, stream, text = request
        left = self._output_left
        if left is not None:
            if left < 0:  # the notice is out: drop the rest
                return
            if len(text) > left:  # also after a write that filled the limit exactly
                text = text[:left] + "\n[output truncated: limit reached]\n"
                self._output_left = -1
            else:
                self._output_left = left - len(text)
        self._bridge.write(text, stream="stderr" if stream == "stderr" else "stdout", script=script)

    # -- values -------------------------------------------------------------------------

    def _opaque(self, value: Any) -> tuple[bytes, int] | None:
        if isinstance(value, FunctionRef):
            owned = self._worker_refs.get(value.id)
            if owned is not None and owned[0] == self._generation:
                return b"R", owned[1]
            self._host_refs[value.id] = value
            return b"H", value.id
        if isinstance(value, UserData):
            self._userdata[value.id] = value
            return b"U", value.id
        if isinstance(value, ElementHandle):
            return b"E", value.id
        return None

    def _make(self, tag: str, ident: int) -> Any:
        if tag == "E":
            return ElementHandle(ident)
        if tag == "U":
            userdata = self._userdata.get(ident)
            if userdata is None:
                raise WireError("unknown user data id")
            return userdata
        if tag == "H":
            ref = self._host_refs.get(ident)
            if ref is None:
                raise WireError("unknown host function id")
            return ref
        return self._worker_ref(ident)

    def _worker_ref(self, rid: int) -> FunctionRef:
        generation = self._generation

        def run(args: Sequence[Value]) -> Value:
            if generation != self._generation:
                raise ScriptRuntimeError(
                    "the function's worker was restarted; get a new reference from the script"
                )
            return self._request([Op.CALL_REF, rid, list(args)])

        def invoke(args: Sequence[Value]) -> Value:
            result: Value = self._dispatch(run, args)
            return result

        def release() -> None:
            self._worker_refs.pop(ref.id, None)
            if generation == self._generation and self._worker is not None and self._depth == 0:
                self._request([Op.RELEASE, rid])

        ref = FunctionRef(self._language, f"function#{rid}", invoke, release)
        self._worker_refs[ref.id] = (generation, rid)
        return ref

    # -- the engine API ------------------------------------------------------------------

    def load(self, sid: ScriptId, compiled: CompiledScript) -> None:
        load_code(compiled)  # the same version check as in process; cheap
        infos = self._request(
            _load_message(sid, compiled),
            compiled.script,
        )
        self._scripts[sid] = compiled
        self._functions[sid] = _function_infos(infos)

    def unload(self, sid: ScriptId) -> None:
        if (
            self._scripts.pop(sid, None) is not None
            and self._worker is not None
            and not self._worker.closed
        ):
            self._request([Op.UNLOAD, sid])
        self._functions.pop(sid, None)
        self._script_globals.pop(sid, None)
        self._broken.pop(sid, None)

    def functions(self, sid: ScriptId) -> Mapping[str, FunctionInfo]:
        self._compiled(sid)
        return self._functions.get(sid, {})

    def call(self, sid: ScriptId, name: str, args: Sequence[Value]) -> Value:
        compiled = self._compiled(sid)
        return self._request([Op.CALL, sid, name, list(args)], compiled.script)

    def bind(self, sid: ScriptId, name: str) -> Callable[[Sequence[Value]], Value]:
        script = self._compiled(sid).script
        request = self._request

        def call(args: Sequence[Value]) -> Value:
            if sid not in self._scripts:
                raise ScriptNotFoundError("the script was unloaded", script=script)
            return request([Op.CALL, sid, name, list(args)], script)

        return call

    async def call_async(self, sid: ScriptId, name: str, args: Sequence[Value]) -> Value:
        compiled = self._compiled(sid)
        return self._request([Op.CALL_ASYNC, sid, name, list(args)], compiled.script)

    def set_global(self, name: str, value: Value, sid: ScriptId | None) -> None:
        value = check_value(value, convert=self._bridge.convert)
        if sid is not None:
            compiled = self._compiled(sid)
            self._request([Op.SET_GLOBAL, sid, name, value], compiled.script)
            self._script_globals.setdefault(sid, {})[name] = value
        else:
            self._request([Op.SET_GLOBAL, None, name, value])
            self._shared[name] = value

    def get_global(self, name: str, sid: ScriptId | None) -> Value:
        script = self._compiled(sid).script if sid is not None else None
        return self._request([Op.GET_GLOBAL, sid, name], script)

    def collect_garbage(self) -> GCStats:
        before, after, duration = self._request([Op.GC])
        return GCStats(int(before), int(after), float(duration))

    def memory_usage(self) -> MemoryUsage:
        used = self._request([Op.MEMORY])
        limit = self._policy.memory_limit_mb
        return MemoryUsage(
            used_bytes=int(used), limit_bytes=limit * 1024 * 1024 if limit is not None else None
        )

    def stack(self) -> list[StackFrame]:
        """The script stack while the host serves a call from the worker."""
        if self._depth == 0 or self._worker is None:
            return []
        frames = self._request([Op.STACK])
        return frames_from_report(frames) if isinstance(frames, list) else []

    def script_name(self, sid: ScriptId) -> str:
        return self._compiled(sid).script

    def evaluate(self, sid: ScriptId, statements: bytes, expression: bytes | None) -> Value:
        script = self._compiled(sid).script
        reply = self._request([Op.EVAL, sid, statements, expression], script)
        if not (isinstance(reply, list) and len(reply) == 2):
            raise ScriptRuntimeError("the worker sent a malformed reply", script=script)
        self._functions[sid] = _function_infos(reply[1])
        return reply[0]

    def _compiled(self, sid: ScriptId) -> CompiledScript:
        compiled = self._scripts.get(sid)
        if compiled is None:
            raise ScriptNotFoundError(f"no script with id {sid} is loaded")
        broken = self._broken.get(sid)
        if broken is not None and self._worker is not None and not self._worker.closed:
            raise broken
        return compiled


def _function_infos(raw: object) -> dict[str, FunctionInfo]:
    infos: dict[str, FunctionInfo] = {}
    if not isinstance(raw, list):
        return infos
    for item in raw:
        if not (isinstance(item, list) and len(item) == 8 and isinstance(item[0], str)):
            continue
        name, count, names, is_async, is_gen, variadic, line, doc = item
        infos[name] = FunctionInfo(
            name=name,
            parameter_count=count if isinstance(count, int) else 0,
            parameter_names=tuple(n for n in names if isinstance(n, str))
            if isinstance(names, list)
            else (),
            is_async=is_async is True,
            is_generator=is_gen is True,
            is_variadic=variadic is True,
            line=line if isinstance(line, int) else None,
            doc=doc if isinstance(doc, str) else None,
        )
    return infos


def _load_message(sid: ScriptId, compiled: CompiledScript) -> list[Any]:
    """The worker's LOAD request; the source, when the compiled script has
    it (not in a cache entry of an older version), is for tracebacks."""
    source = compiled.metadata.get("source")
    return [
        Op.LOAD,
        sid,
        compiled.script,
        compiled.bytecode,
        compiled.entry_point,
        source if isinstance(source, str) else None,
        list(compiled.arguments),
    ]

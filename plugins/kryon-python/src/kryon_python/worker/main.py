"""The worker's request loop: load scripts, call them, call back to the host.

Both ends speak :mod:`kryon_python.wire`.  A request is answered by exactly
one ``OK``/``ERR`` reply; while waiting for a reply either side serves the
other's requests, so script -> host -> script -> host nests to any depth.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import linecache
import marshal
import os
import signal
import sys
import time
import traceback
import types
from collections.abc import Callable, Sequence
from typing import Any

from kryon_python.pytraceback import python_report
from kryon_python.toplevel import describe_exception, exit_status, run_module, script_module
from kryon_python.wire import FrameReader, Op, WireError, WorkerGone, decode, encode, write_frame
from kryon_python.worker import guard, stack, syscalls
from kryon_python.worker.clock import VirtualClock
from kryon_python.worker.environment import Environment
from kryon_python.worker.objects import (
    Element,
    HostError,
    HostExit,
    HostFunction,
    HostObject,
    TimeLimitExceeded,
)
from kryon_python.worker.output import OutputQueue
from kryon_python.worker.sysview import ScriptSettings, ScriptStream

__all__ = ["Worker", "main"]

_CO_VARARGS = 0x04
_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_ASYNC_GENERATOR = 0x200
_REPEAT_S = 0.02
_RESERVE_BYTES = 4 << 20
"""Memory held back from scripts to report that one used up the rest."""


class ConversionFailure(ValueError):
    """A script value cannot cross to the host."""


class NotFound(LookupError):
    """No such script or function."""


class Worker:
    def __init__(
        self,
        read_fd: int,
        write_fd: int,
        statm_fd: int,
        config: dict[str, Any],
        modules: dict[str, types.ModuleType],
    ) -> None:
        self.reader = FrameReader(read_fd)
        self.write_fd = write_fd
        self.statm_fd = statm_fd
        self.modules = modules
        self.allowed = frozenset(
            name.partition(".")[0] for name in (*config["allowed_modules"], *guard.IMPLICIT_MODULES)
        )
        self.host_functions: list[str] = list(config["host_functions"])
        limit = config.get("time_limit_ms")
        self.time_limit = limit / 1000 if isinstance(limit, int) else None
        self.scripts: dict[int, tuple[str, dict[str, Any], dict[str, Any]]] = {}
        self.names: set[str] = set()
        self.failed: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        """Programs (entry points) whose top-level code raised: ended with the others."""
        self.worker_main: types.ModuleType | None = None  # sys.modules' own __main__
        self.main_module: types.ModuleType | None = None  # the program's, in its place
        self.loading: str | None = None
        self.shared: dict[str, Any] = {}
        self.refs: dict[int, Any] = {}
        self.ref_ids: dict[int, int] = {}
        self.next_ref = 1
        self.output = OutputQueue(lambda message: write_frame(write_fd, encode(message)))
        self.speaker = ""
        """The script whose code runs now: output of library code (``pprint``) is its."""
        self.stdout = ScriptStream(lambda text: self.send([Op.WRITE, self.speaker, "stdout", text]))
        self.stderr = ScriptStream(
            lambda text: self.send([Op.WRITE, self.speaker, "stderr", text]), "<stderr>"
        )
        recursion = config.get("recursion_limit")
        self.settings = ScriptSettings(recursion if isinstance(recursion, int) else None)
        self.environment = Environment(
            modules,
            self.allowed,
            self.host_functions,
            self.shared,
            self.send,
            self.host_request,
            (self.stdout, self.stderr),
            self.settings,
            self.flush_output,
            self.is_script,
            VirtualClock() if self.time_limit is not None else None,
        )
        # allocated before the memory limit is set (so it is counted in what
        # the interpreter uses, not in the script's share) and let go when a
        # script ran out of memory: objects it still holds (its globals) may
        # leave nothing to build the report with
        self.reserve: bytes | None = bytes(_RESERVE_BYTES)  # (calloc: no page touched)
        self.recursion_units = sys.getrecursionlimit()
        """CPython's recursion limit in the worker, as :func:`main` set it for
        the C stack (see :mod:`.stack`)."""
        self.depth = 0
        self.in_io = False
        self.expired = False
        # the limit as it stopped a finalizer (which Python reports, not
        # raises): the call fails with it, at the finalizer's line
        self.late_limit: TimeLimitExceeded | None = None

    # -- transport ------------------------------------------------------------------

    def send(self, message: list[Any]) -> None:
        saved, self.in_io = self.in_io, True  # the time limit waits until it is out
        try:
            if message[0] == Op.WRITE:  # [WRITE, script, stream, text]
                self.output.put(message[1], message[2], message[3])
                return
            self.output.flush()
            write_frame(self.write_fd, encode(message, self.opaque))
        finally:
            self.in_io = saved

    def flush_output(self) -> None:
        saved, self.in_io = self.in_io, True
        try:
            self.output.flush()
        finally:
            self.in_io = saved

    def recv(self) -> list[Any]:
        self.in_io = True
        try:
            payload = self.reader.read()
        finally:
            self.in_io = False
        assert payload is not None
        message = decode(payload, self.make)
        if not isinstance(message, list) or not message or type(message[0]) is not int:
            raise WireError("malformed message")
        return message

    def on_alarm(self, signum: int, frame: Any) -> None:
        self.expired = True
        if self.depth > 0 and not self.in_io:
            raise TimeLimitExceeded("the call ran past the policy's time limit")

    def serve(self) -> None:
        while True:
            self.handle(self.recv())

    def handle(self, message: list[Any]) -> None:
        depth = self.depth
        try:
            handler = _HANDLERS.get(message[0])
            if handler is None:
                raise WireError(f"unknown request {message[0]}")
            reply: list[Any] = [Op.OK, handler(self, *message[1:])]
            try:
                data = encode(reply, self.opaque)
            except WireError as exc:
                data = encode([Op.ERR, {"kind": "conversion", "message": str(exc)}])
        except BaseException as exc:  # everything a script does must come back as a reply
            if isinstance(exc, MemoryError):
                self.reserve = None
            if depth == 0:
                self.disarm()
            self.depth = depth
            data = encode([Op.ERR, self.report(exc)])
            self.loading = None
        self.in_io = True
        try:
            self.output.flush()
            write_frame(self.write_fd, data)
        finally:
            self.in_io = False
        if self.reserve is None:
            with contextlib.suppress(MemoryError):  # (the script may still hold it all)
                self.reserve = bytes(_RESERVE_BYTES)

    def host_request(self, message: list[Any]) -> Any:
        """Send a request to the host and serve its requests until it answers."""
        try:
            self.send(message)
        except WireError as exc:
            raise ConversionFailure(str(exc)) from None
        while True:
            reply = self.recv()
            if reply[0] == Op.OK:
                self.check_time()
                return reply[1] if len(reply) > 1 else None
            if reply[0] == Op.ERR:
                self.check_time()
                info = reply[1] if len(reply) > 1 and isinstance(reply[1], dict) else {}
                if info.get("kind") == "ScriptExit":  # a script the host ran exited
                    raise HostExit(info.get("code"), int(info.get("token", 0)))
                raise HostError(
                    str(info.get("message", "host error")),
                    str(info.get("kind", "ScriptError")),
                    int(info.get("token", 0)),
                )
            self.handle(reply)

    def check_time(self) -> None:
        if self.expired and self.depth > 0:
            raise TimeLimitExceeded("the call ran past the policy's time limit")

    # -- running script code -----------------------------------------------------------

    def run(self, fn: Callable[..., Any], *args: Any, speaker: str | None = None) -> Any:
        outer = self.depth == 0
        if outer:
            # the counter the C stack was sized for, whatever an earlier call
            # did to it (a script that reached the real ``sys`` and raised it
            # crashed the worker at a later script's deep recursion)
            sys.setrecursionlimit(self.recursion_units)
        if outer and self.time_limit is not None:
            self.expired = False
            signal.setitimer(signal.ITIMER_PROF, self.time_limit, _REPEAT_S)
        self.depth += 1
        previous = self.speaker
        self.speaker = previous if speaker is None else speaker
        switched = self.speaker != previous
        if switched:  # the script's own settings (sys.set_int_max_str_digits)
            sys.set_int_max_str_digits(self.settings.digits(self.speaker))
        try:
            result = fn(*args)
            if isinstance(result, types.CoroutineType):
                result = _drive(result)
            if outer and self.expired:  # the script swallowed the limit, or a finalizer did
                late, self.late_limit = self.late_limit, None
                raise late or TimeLimitExceeded("the call ran past the policy's time limit")
            return result
        finally:
            if switched:
                sys.set_int_max_str_digits(self.settings.digits(previous))
            self.speaker = previous
            self.depth -= 1
            if outer:
                self.disarm()

    def disarm(self) -> None:
        if self.time_limit is not None:
            signal.setitimer(signal.ITIMER_PROF, 0, 0)
        self.expired = False
        self.late_limit = None

    def report(self, exc: BaseException) -> dict[str, Any]:
        frames = self.frames(exc.__traceback__)
        kind = "runtime"
        if isinstance(exc, TimeLimitExceeded):
            kind = "time"
        elif isinstance(exc, RecursionError):
            kind = "recursion"
        elif isinstance(exc, MemoryError):
            kind = "memory"
        elif isinstance(exc, ConversionFailure | WireError):
            kind = "conversion"
        elif isinstance(exc, NotFound):
            kind = "notfound"
        elif isinstance(exc, PermissionError) and "sandbox" in str(exc):
            kind = "security"
        elif isinstance(exc, SystemExit):
            kind = "exit"
        report: dict[str, Any] = {"kind": kind, "frames": frames}
        if kind in ("time", "conversion", "notfound"):
            report["message"] = str(exc)
        else:
            try:  # the error's __str__ is script code: held to the time limit too
                if kind == "exit":
                    assert isinstance(exc, SystemExit)
                    status, text = self.run(exit_status, exc)
                    report["status"], report["message"] = status, "SystemExit"
                    report["exit_message"] = None if text is None else _printable(text)
                else:
                    report["message"] = _printable(self.run(describe_exception, exc)[:4000])
                    if kind == "runtime":
                        with contextlib.suppress(Exception):  # else the message alone
                            shown = self.run(python_report, exc, self.is_script)
                            report["rendered"] = _printable(shown)
            except TimeLimitExceeded as late:
                report["kind"], report["message"] = "time", str(late)
        if isinstance(exc, HostError | HostExit) and exc.token and report["kind"] != "time":
            # the host keeps the original error; the frames place it at the call
            report["token"] = exc.token
            if isinstance(exc, HostError):
                report["kind"] = "host"
        if frames:
            report["script"], _, report["line"] = frames[-1]
        return report

    def is_script(self, filename: str) -> bool:
        """Whether code of ``filename`` is a script's (one loaded or loading)."""
        return filename in self.names or filename == self.loading

    def frames(self, tb: types.TracebackType | None) -> list[list[Any]]:
        frames: list[list[Any]] = []
        while tb is not None:
            code = tb.tb_frame.f_code
            if self.is_script(code.co_filename):
                frames.append([code.co_filename, code.co_name, tb.tb_lineno])
            tb = tb.tb_next
        return frames[-200:]

    def unraisable(self, info: Any) -> None:
        """``sys.unraisablehook``: an error in a finalizer is reported on the
        script's stderr as Python does, with the script's frames only."""
        exc = info.exc_value
        if exc is None:
            return
        if isinstance(exc, TimeLimitExceeded):  # the call itself fails with it (see run)
            if self.late_limit is None:
                self.late_limit = exc
            return
        lines = [info.err_msg or "Exception ignored in"]
        if info.object is not None:
            try:
                lines[0] += f": {info.object!r}"
            except Exception:
                lines[0] += ": <object repr() failed>"
        # the script's frames, each with its source line (and carets) as
        # python prints them (lines looked up for these frames only)
        stack = traceback.TracebackException(
            type(exc), exc, info.exc_traceback, lookup_lines=False
        ).stack
        own = [f for f in stack if self.is_script(f.filename)]
        if own:
            lines.append("Traceback (most recent call last):")
            lines += [
                entry.rstrip("\n")
                for entry in traceback.StackSummary.from_list(own[-200:]).format()
            ]
        lines.append(describe_exception(exc))
        self.stderr.write("\n".join(lines) + "\n")

    # -- value hooks -------------------------------------------------------------------

    def opaque(self, value: Any) -> tuple[bytes, int] | None:
        if isinstance(value, HostObject):
            return b"U", value._id
        if isinstance(value, Element):
            return b"E", value.id
        if isinstance(value, HostFunction):
            return b"H", value._id
        if callable(value) and not isinstance(value, type):
            rid = self.ref_ids.get(id(value))
            if rid is None:
                rid = self.next_ref
                self.next_ref += 1
                self.refs[rid] = value
                self.ref_ids[id(value)] = rid
            return b"R", rid
        return None

    def make(self, tag: str, ident: int) -> Any:
        if tag == "U":
            return HostObject(ident)
        if tag == "E":
            return Element(ident)
        if tag == "H":
            return HostFunction(ident, self.call_host_ref)
        function = self.refs.get(ident)
        if function is None:
            raise WireError(f"function reference {ident} was released")
        return function

    def call_host_ref(self, ident: int, args: list[Any]) -> Any:
        return self.host_request([Op.CALL_HOST_REF, ident, args])

    def load(
        self,
        sid: int,
        name: str,
        code_bytes: bytes,
        entry_point: bool = False,
        source: str | None = None,
        arguments: Sequence[str] = (),
    ) -> list[list[Any]]:
        code = marshal.loads(code_bytes)
        if not isinstance(code, types.CodeType):
            raise NotFound("bytecode is not a code object")
        if isinstance(source, str):
            # traceback.format_exc() and friends show the script's lines, as
            # python's do (no modification time: linecache never rereads it)
            linecache.cache[name] = (len(source), None, source.splitlines(True), name)
        bdict = self.environment.builtins(name, arguments)
        module = script_module(name, bdict, entry_point=entry_point)
        namespace = module.__dict__
        if entry_point:
            self.register_main(module)
        self.loading = name  # kept on failure so that the error report sees its frames
        try:
            self.run(run_module, code, namespace, speaker=name)
        except BaseException:
            # as python's __main__ after an uncaught error: its objects live
            # on until the program ends (see shutdown); a host's failed
            # library loads are simply dropped
            if entry_point:
                self.failed.append((name, namespace, bdict))
            raise
        self.loading = None
        self.names.add(name)
        self.scripts[sid] = (name, namespace, bdict)
        return self.functions(sid)

    def evaluate(self, sid: int, statements: bytes, expression: bytes | None) -> list[Any]:
        name, namespace, _ = self._script(sid)
        body = marshal.loads(statements)
        expr = marshal.loads(expression) if expression is not None else None
        if not isinstance(body, types.CodeType) or not isinstance(expr, types.CodeType | None):
            raise NotFound("snippet is not code")
        self.run(exec, body, namespace, speaker=name)
        value = self.run(eval, expr, namespace, speaker=name) if expr is not None else None
        try:
            encode(value, self.opaque)
        except WireError:
            value = repr(value)
        return [value, self.functions(sid)]

    def functions(self, sid: int) -> list[list[Any]]:
        name, namespace, _ = self._script(sid)
        out = []
        for key, value in namespace.items():
            if not isinstance(value, types.FunctionType) or key.startswith("_"):
                continue
            code = value.__code__
            if code.co_filename != name:
                continue
            flags = code.co_flags
            doc = value.__doc__
            out.append(
                [
                    key,
                    code.co_argcount,
                    list(code.co_varnames[: code.co_argcount]),
                    bool(flags & (_CO_COROUTINE | _CO_ASYNC_GENERATOR)),
                    bool(flags & (_CO_GENERATOR | _CO_ASYNC_GENERATOR)),
                    bool(flags & _CO_VARARGS),
                    code.co_firstlineno,
                    doc if isinstance(doc, str) else None,
                ]
            )
        return out

    def shutdown(self) -> None:
        """End the program as ``python`` ends one: the ``atexit`` callbacks
        (last registered first), then every script's globals let go and
        collected, so finalizers (``__del__``, the ``finally`` of a suspended
        generator) run and print; their errors are reported, not raised."""
        scripts = [*self.failed, *self.scripts.values()]
        if not scripts:
            return
        self.failed.clear()
        self.unregister_main()  # (its loop's variables die with it)
        self.scripts.clear()
        self.refs.clear()
        self.ref_ids.clear()

        def finish() -> None:
            atexit._run_exitfuncs()
            scripts.clear()  # the last reference to each namespace
            gc.collect()

        self.run(finish, speaker=scripts[0][0])

    def unload(self, sid: int) -> None:
        entry = self.scripts.pop(sid, None)
        if entry is not None:
            if self.main_module is not None and self.main_module.__dict__ is entry[1]:
                self.unregister_main()
            if all(other[0] != entry[0] for other in self.scripts.values()):
                self.names.discard(entry[0])

    # The program's module is the worker's sys.modules["__main__"] while it
    # is loaded, as under python: library code finds the module of the
    # program's classes there (dataclasses telling a ClassVar written as a
    # string, ``from __future__ import annotations``; typing.get_type_hints).
    # The worker's own __main__ is given back when the program goes.  (Other
    # scripts stay out of sys.modules: their exceptions are named without a
    # module, as a program's own.)

    def register_main(self, module: types.ModuleType) -> None:
        if self.worker_main is None:
            self.worker_main = sys.modules.get("__main__")
        self.main_module = module
        sys.modules["__main__"] = module

    def unregister_main(self) -> None:
        if self.main_module is None:
            return
        self.main_module = None
        if self.worker_main is not None:
            sys.modules["__main__"] = self.worker_main
        else:
            sys.modules.pop("__main__", None)

    def call(self, sid: int, name: str, args: list[Any]) -> Any:
        script, namespace, _ = self._script(sid)
        function = namespace.get(name)
        if not callable(function):
            raise NotFound(f"script {script!r} has no function {name!r}")
        return self.run(function, *args, speaker=script)

    def call_ref(self, rid: int, args: list[Any]) -> Any:
        function = self.refs.get(rid)
        if function is None:
            raise NotFound(f"function reference {rid} was released")
        speaker = None
        if isinstance(function, types.FunctionType):
            speaker = function.__code__.co_filename
        return self.run(function, *args, speaker=speaker)

    def release(self, rid: int) -> None:
        function = self.refs.pop(rid, None)
        if function is not None:
            self.ref_ids.pop(id(function), None)

    def set_global(self, sid: int | None, name: str, value: Any) -> None:
        if sid is not None:
            self._script(sid)[1][name] = value
            return
        self.shared[name] = value
        for _, _, bdict in self.scripts.values():
            bdict[name] = value

    def get_global(self, sid: int | None, name: str) -> Any:
        if sid is not None:
            namespace = self._script(sid)[1]
            if name in namespace:
                return namespace[name]
        return self.shared.get(name)

    def collect(self) -> list[Any]:
        before = self.rss()
        start = time.perf_counter()
        gc.collect()
        return [before, self.rss(), (time.perf_counter() - start) * 1000]

    def rss(self) -> int:
        fields = os.pread(self.statm_fd, 200, 0).split()
        return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")

    def stack(self) -> list[list[Any]]:
        frames: list[list[Any]] = []
        frame: types.FrameType | None = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename in self.names:
                frames.append([frame.f_code.co_filename, frame.f_code.co_name, frame.f_lineno])
            frame = frame.f_back
        frames.reverse()
        return frames

    def _script(self, sid: int) -> tuple[str, dict[str, Any], dict[str, Any]]:
        entry = self.scripts.get(sid)
        if entry is None:
            raise NotFound(f"no script with id {sid} is loaded")
        return entry


def _printable(text: str) -> str:
    """``text`` as python's stderr writes it: a lone surrogate as ``\\udc80``
    (it cannot travel as UTF-8, and crashed the worker)."""
    if text.isascii():
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _drive(coroutine: types.CoroutineType[Any, Any, Any]) -> Any:
    """Run a coroutine that needs no event loop (it awaits only coroutines)."""
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    coroutine.close()
    raise RuntimeError(
        "the coroutine awaited something that needs an event loop; "
        "sandboxed scripts can await only other coroutines"
    )


_HANDLERS: dict[int, Callable[..., Any]] = {
    Op.LOAD: Worker.load,
    Op.UNLOAD: Worker.unload,
    Op.CALL: Worker.call,
    Op.CALL_ASYNC: Worker.call,
    Op.CALL_REF: Worker.call_ref,
    Op.RELEASE: Worker.release,
    Op.SET_GLOBAL: Worker.set_global,
    Op.GET_GLOBAL: Worker.get_global,
    Op.GC: Worker.collect,
    Op.MEMORY: Worker.rss,
    Op.STACK: Worker.stack,
    Op.EVAL: Worker.evaluate,
    Op.SHUTDOWN: Worker.shutdown,
}


def main(read_fd: int, write_fd: int) -> None:
    """Entry point of the worker process (see ``kryon_python.process``)."""
    read_fd, write_fd, statm_fd = guard.compact_descriptors(read_fd, write_fd)
    reader = FrameReader(read_fd)
    try:
        payload = reader.read()
        assert payload is not None
        init = decode(payload)
        config: dict[str, Any] = init[1]
        modules = guard.preload(config["allowed_modules"])
        if "asyncio" in modules:
            from kryon_python.worker import aio  # while imports still work
        recursion = config.get("recursion_limit")
        units = stack.recursion_units(recursion if isinstance(recursion, int) else None)
        stack.reserve(units)  # before the file system and the memory limit go
        sys.path[:] = []
        sys.path_importer_cache.clear()
        guard.drop_privileges(bool(config.get("drop_privileges", True)))
        syscalls.install()
        sys.setrecursionlimit(units)
        worker = Worker(read_fd, write_fd, statm_fd, config, modules)
        worker.reader = reader
        if "asyncio" in modules:  # its own loop needs sockets and epoll
            clock = worker.environment.clock
            if clock is not None:  # the loop's waits take no time either
                aio.install(clock.advance, clock.seconds(time.monotonic))
            else:
                aio.install(worker.environment.sleep(time.sleep), time.monotonic)
        signal.signal(signal.SIGPROF, worker.on_alarm)
        sys.stdout, sys.stderr = worker.stdout, worker.stderr  # pprint, warnings, ...
        sys.unraisablehook = worker.unraisable
        memory = config.get("memory_limit_mb")
        guard.apply_limits(
            memory if isinstance(memory, int) else None,
            int(config.get("cpu_seconds", 600)),
            statm_fd,
        )
        guard.install_audit_hook()
        worker.send([Op.OK, {"pid": os.getpid()}])
        worker.serve()
    except WorkerGone:
        os._exit(0)
    except MemoryError:
        os._exit(3)
    except BaseException:  # report on stderr (``/dev/null`` unless debugging)
        try:
            import traceback

            traceback.print_exc(file=sys.__stderr__)
        finally:
            os._exit(4)

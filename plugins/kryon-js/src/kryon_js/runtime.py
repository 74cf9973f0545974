"""One QuickJS context and every way into and out of it.

All entries into the VM go through :meth:`JsRuntime.call` (or ``evaluate``),
which checks the owning thread, arms the time limit for top-level entries,
maps errors and turns the prelude's result markers into values.  Host
callbacks come back through the runtime's :class:`~kryon_js.hostcalls.HostGateway`.
"""

from __future__ import annotations

import contextlib
import json
import threading
import weakref
from collections.abc import Callable, Sequence
from time import monotonic as _monotonic
from typing import Any, NoReturn

from kryon_core import (
    MAX_DEPTH,
    Capability,
    ConversionError,
    FunctionRef,
    RecursionLimitError,
    ScriptError,
    ScriptExit,
    ScriptRuntimeError,
    SecurityPolicy,
    TimeLimitError,
    Value,
)
from kryon_js.config import JsConfig
from kryon_js.exits import ExitLatch
from kryon_js.hostcalls import (
    OP_DENIED,
    OP_EXIT,
    OP_FLUSH,
    OP_PROMISE,
    OP_WRITE,
    REF_BASE,
    HostGateway,
)
from kryon_js.jserrors import ErrorMapper, innermost
from kryon_js.prelude import PARTS, PRELUDE
from kryon_js.rejections import RejectionTracker
from kryon_js.source import LineBands
from kryon_js.timelimit import TimeLimit
from kryon_js.wire import WireCodec, number_from_js

__all__ = ["JsRuntime", "Settled"]

_MB = 1024 * 1024
_FOREVER_S = 1e6
BATCH_LIMIT_MS = 1000
"""A VM batches its output (prelude.py, "output") only under a time limit this short
or shorter: a batch then waits at most one call's limit for its entry to end."""
_API = (
    "call0",
    "call1",
    "call2",
    "call3",
    "callN",
    "callE",
    "callShow",
    "callRef",
    "release",
    "load",
    "member",
    "info",
    "names",
    "getGlobal",
    "setGlobal",
    "getScoped",
    "setScoped",
    "installHost",
    "adopt",
    "takeOutput",
    "tick",
    "settled",
    "settledRaw",
    "forget",
    "registerModule",
    "unregisterModule",
    "stack",
    "setBands",
    "setSource",
    "setArgv",
    "dropSource",
    "exitCode",
    "beforeExit",
    "newScope",
    "loadModule",
    "declare",
    "bind",
    "records",
    "unhandled",
    "disarm",
    "dropTimers",
    "throwSites",
)
BEFORE_EXIT_ROUNDS = 1000
"""How many times ``'beforeExit'`` may come (its listeners starting timers each time)."""
# Sloppy on purpose: a direct eval inside ``with (scope)`` is how the REPL runs
# snippets in a script's namespace (``JsEngine.evaluate``).
_EVAL_HELPER = "(function ($kscope$, $kcode$) { with ($kscope$) { return eval($kcode$); } })"
_BOOT = (
    "(globalThis, (() => { const h = globalThis.__kryon_host; "
    "delete globalThis.__kryon_host; return h; })())"
)


class Settled:
    """The outcome of an awaited call."""

    __slots__ = ("value",)

    def __init__(self, value: Value) -> None:
        self.value = value


class JsRuntime:
    """The VM of one engine instance (see module docs)."""

    def __init__(
        self, policy: SecurityPolicy, config: JsConfig, dispatch: Callable[..., Any]
    ) -> None:
        import quickjs

        self.exceptions: tuple[type[BaseException], ...] = (
            quickjs.JSException,
            quickjs.StackOverflow,
        )
        self.config = config
        self.dispatch = dispatch
        self.owner = threading.get_ident()
        self.context = context = quickjs.Context()
        self.gateway = HostGateway(self)
        context.add_callable("__kryon_host", self.gateway)
        pick = context.eval(
            PRELUDE
            % {
                "max_depth": MAX_DEPTH,
                "ref_base": REF_BASE,
                "op_flush": OP_FLUSH,
                "op_write": OP_WRITE,
                "batch_output": "true"
                if policy.time_limit_ms is not None and policy.time_limit_ms <= BATCH_LIMIT_MS
                else "false",
                "op_denied": OP_DENIED,
                "op_promise": OP_PROMISE,
                "op_exit": OP_EXIT,
                "timers": "true" if policy.allows(Capability.TIMERS) else "false",
                **PARTS,
            }
            + _BOOT
        )
        self.api: dict[str, Any] = {name: pick(name) for name in _API}
        self.eval_helper = context.eval(_EVAL_HELPER)
        self.exits = ExitLatch(context, self.exceptions)
        self.rejections = RejectionTracker(context, self.api["records"]())
        """QuickJS's rejection hook: ``seen`` once a promise was rejected (pump checks)."""
        self.memory_limit = policy.memory_limit_mb * _MB if policy.memory_limit_mb else None
        if config.stack_size_kb is not None:
            stack = config.stack_size_kb * 1024
        elif policy.recursion_limit is not None:
            stack = max(256 * 1024, policy.recursion_limit * 2048)
        else:
            stack = _MB
        context.set_max_stack_size(stack)
        if self.memory_limit is not None:
            context.set_memory_limit(self.memory_limit)
        self.limit = TimeLimit(context, policy.time_limit_ms)
        self.bands = LineBands()
        self._bands_sent = 0
        self.errors = ErrorMapper(
            self.bands,
            policy.time_limit_ms,
            self.memory_limit,
            reclaim=self._reclaim,
            limited=self._limited,
            exiting=lambda: self.exits.pending,
        )
        self.codec = WireCodec(self._js_ref)
        self.depth = 0
        self.hosted = False
        self.async_code = config.drain_jobs == "always"
        """Set once a script using promises/async is loaded: calls then run pending jobs."""
        self.callers: list[str] = ["<host>"]
        """The script of each running entry, innermost last (host callbacks report it).
        ``call`` pushes one per entry; the handle fast path, which only runs at depth
        0, stores its script in the bottom entry instead of pushing and popping."""
        self.runaway = False
        """A limit ended a call: what it left queued is dropped before the next entry."""
        self._js_refs: dict[int, weakref.ref[FunctionRef]] = {}
        self._releases: set[int] = set()
        self._closed = False

    # -- entering the VM -----------------------------------------------------------

    def _enter(self, caller: str) -> None:
        if self.depth == 0:
            if threading.get_ident() != self.owner:
                self.refuse(caller)
            if self.runaway:
                self.quiesce()
            if self.bands.version != self._bands_sent:
                # the prelude writes error stacks from its own copy of the bands
                self._bands_sent = self.bands.version
                self.api["setBands"](self.bands.table())
            if self.limit.enabled:
                self.limit.begin()
            if self._releases:
                self._drain_releases()
        elif self.depth >= self.config.max_nesting:
            raise RecursionLimitError(
                f"script -> host -> script calls nested deeper than "
                f"{self.config.max_nesting} levels",
                script=caller,
            )
        self.depth += 1
        self.callers.append(caller)

    def refuse(self, caller: str) -> NoReturn:
        if self._closed:
            raise ScriptError("the JavaScript engine is closed", script=caller)
        raise ScriptError(
            "the JavaScript VM was entered from a thread that does not own it "
            "(the engine is thread-affine: call it through ScriptManager or "
            "engine.dispatch)",
            script=caller,
        )

    def _leave(self) -> None:
        self.depth -= 1
        self.callers.pop()
        if self.depth == 0 and self.hosted:
            self.hosted = False
            self.gateway.errors.clear()
            self.limit.deadline = 0.0
            self.limit.timed_out = False

    def call(self, entry: Any, args: tuple[Any, ...], caller: str) -> Any:
        """Call prelude ``entry`` with ``args``; a canonical value or a ScriptError.

        This is the hot path of every handle call: the depth-0 bookkeeping of
        ``_enter``/``_leave`` is inlined, and the rare cases (markers, jobs,
        host callbacks) are behind one check each.
        """
        depth = self.depth
        if depth == 0:
            if threading.get_ident() != self.owner:
                self.refuse(caller)
            if self.runaway:
                self.quiesce()
            limit = self.limit
            if limit.enabled:
                if not limit.armed:
                    limit.arm()
                limit.deadline = 0.0
            if self._releases:
                self._drain_releases()
        elif depth >= self.config.max_nesting:
            raise RecursionLimitError(
                f"script -> host -> script calls nested deeper than "
                f"{self.config.max_nesting} levels",
                script=caller,
            )
        self.depth = depth + 1
        callers = self.callers
        callers.append(caller)
        try:
            result = entry(*args)
            if depth == 0 and self.limit.fresh:
                self.limit.adopted()  # every prelude entry adopts a waiting token
            if type(result) is str and result and result[0] <= "\x04":
                result = self._marked(result, caller)
            if depth == 0 and (self.async_code or self.rejections.seen):
                self.pump()
            if self.exits.pending is not None:  # an exit some C code swallowed (exits.py)
                raise self.exits.pending
        except self.exceptions as exc:
            if depth == 0:
                self._faulted(caller)
            raise self.errors.from_exception(exc, caller) from None
        except UnicodeEncodeError as exc:
            raise ConversionError(
                f"string is not valid Unicode ({exc.reason})", script=caller
            ) from None
        finally:
            self.depth = depth
            callers.pop()
            if depth == 0 and self.hosted:
                self._after_host(caller)
        if type(result) is float:
            return number_from_js(result)
        return result

    def _after_host(self, caller: str) -> None:
        """End of a top-level call that reached the host: errors kept for it, the clock
        (between calls the deadline is 0.0, so the handle fast path need not reset it)."""
        self.hosted = False
        self.gateway.errors.clear()
        self.limit.deadline = 0.0
        if self.limit.timed_out:
            self.limit.timed_out = False
            raise self.errors.limit_error("interrupted", caller, []) or TimeLimitError(caller)

    def raw(self, entry: Any, args: tuple[Any, ...], caller: str) -> Any:
        """Call ``entry`` and return what the binding gives (JS objects stay wrapped)."""
        self._enter(caller)
        try:
            result = entry(*args)
            if type(result) is str and result[:1] == "\x02":
                # mapped before _leave forgets the host errors kept for this call
                raise self._error(json.loads(result[1:]), caller)
            if self.exits.pending is not None:
                raise self.exits.pending
        except self.exceptions as exc:
            self._faulted(caller)
            raise self.errors.from_exception(exc, caller) from None
        finally:
            self._leave()
        return result

    def evaluate(self, text: str, script: str) -> Any:
        """Evaluate wrapper text (creates the function, runs nothing)."""
        self._enter(script)
        try:
            return self.context.eval(text)
        except self.exceptions as exc:
            raise self.errors.from_exception(exc, script, compiling=True) from None
        finally:
            self._leave()

    def pump(self) -> None:
        """Run pending promise jobs, then due timers, as an event loop would (inside
        the current call's budget): each timer fires once no job is left."""
        run = self.context.execute_pending_job
        limit = self.limit
        if limit.enabled:
            self.hosted = True  # the end of the call resets the wall clock started here
            limit.started()
        tick = self.api["tick"]
        while True:
            while run():
                if self.exits.pending is not None:
                    return  # the program is ending: the caller raises its exit
                if limit.enabled and limit.expired():
                    self.flush_output(self.callers[-1])
                    return  # reported at the end of the call (_after_host)
            if self.rejections.seen:
                self.flush_output(self.callers[-1])  # what the jobs printed comes first
                self._unhandled()
            # (tick also runs the process.nextTick callbacks the jobs queued: Node runs
            # them once the promise jobs have all run)
            fired = tick()
            if type(fired) is str:  # the timer threw: its description (prelude's tick)
                raise self._error(json.loads(fired[1:]), self.callers[-1])
            if not fired or (limit.enabled and limit.expired()):
                self.flush_output(self.callers[-1])
                return

    # -- output the prelude still queues (prelude.py, "output") --------------------------

    def flush_output(self, caller: str, *, faulted: bool = False) -> None:
        """Write the output the prelude queued and no entry handed on: promise jobs
        (run by the binding directly), or a call an uncatchable interrupt ended.

        ``faulted``: after a top-level entry that ended by an interrupt or a
        limit, whose interrupt handler may still be installed and expired (or out
        of memory): the queue is taken with no limit set and a fresh handler that
        this entry removes as it ends; then the time limit's flag is put back as
        :class:`~kryon_js.timelimit.TimeLimit` left it.
        """
        context = self.context
        take = self.api.get("takeOutput")
        if context is None or take is None:
            return
        if not faulted:
            text = take()
        else:
            context.set_time_limit(_FOREVER_S)
            context.set_memory_limit(-1)
            try:
                text = take()
            except self.exceptions:
                return
            finally:
                context.set_time_limit(self.limit.seconds if self.limit.armed else -1.0)
                context.set_memory_limit(self.memory_limit if self.memory_limit is not None else -1)
        if type(text) is str and text and self.exits.pending is None:
            # (once a program is ending, nothing printed is kept: the queue then holds
            # only what ran after the exit, which hostCall flushed before it began)
            self.gateway.write_queued(text, caller)

    def _faulted(self, caller: str) -> None:
        """In a failed entry: the top-level one writes what its call left queued."""
        if self.depth == 1:
            with contextlib.suppress(Exception):  # the entry's own error is the one to report
                self.flush_output(caller, faulted=True)

    def _unhandled(self) -> None:
        """Once the jobs have drained, as Node does after each task: a promise still
        rejected with no handler fails the running load or call with its reason."""
        stored = self.rejections.first()
        if stored is None:
            return
        result = self.api["unhandled"](stored)
        if type(result) is str and result[:1] == "\x02":
            raise self._error(json.loads(result[1:]), self.callers[-1])

    def drain(self, caller: str) -> None:
        """Run the promise jobs a script's top-level code queued (``.then`` callbacks,
        ``await`` continuations), inside one budget, as an event loop would."""
        self._enter(caller)
        try:
            self.api["adopt"]()  # jobs run script code directly: take a pending token first
            self.pump()
            if self.exits.pending is not None:
                raise self.exits.pending
            timed_out = self.depth == 1 and self.limit.timed_out
        except self.exceptions as exc:
            self._faulted(caller)
            raise self.errors.from_exception(exc, caller) from None
        finally:
            self._leave()
        if timed_out:
            raise self.errors.limit_error("interrupted", caller, []) or TimeLimitError(caller)

    def settle_raw(self, marker: Any, caller: str) -> Any:
        """The value of a tracked promise (``\\x03id``) as a wrapped JS object."""
        self._enter(caller)
        try:
            promise = int(str(marker)[1:])
            self.api["adopt"]()  # jobs run script code directly: take a pending token first
            self.pump()
            result = self.api["settledRaw"](promise)
            if self.exits.pending is not None:
                raise self.exits.pending
        except self.exceptions as exc:
            self._faulted(caller)
            raise self.errors.from_exception(exc, caller) from None
        finally:
            self._leave()
        if result == "\x04":
            self.raw(self.api["forget"], (promise,), caller)
            raise ScriptRuntimeError("the module's top-level await did not settle", script=caller)
        if type(result) is str and result[:1] == "\x02":
            raise self._error(json.loads(result[1:]), caller)
        return result

    def start_async(self, fn: Any, text: str, caller: str) -> int | Settled:
        """Call ``fn`` and run its jobs: the settled value, or the pending promise id."""
        return self._async_step(self.api["callE"], (fn, text), caller)

    def poll_async(self, promise: int, caller: str) -> int | Settled:
        return self._async_step(self.api["settled"], (promise,), caller, promise)

    def forget(self, promise: int, caller: str) -> None:
        self.raw(self.api["forget"], (promise,), caller)

    def _async_step(
        self, entry: Any, args: tuple[Any, ...], caller: str, promise: int | None = None
    ) -> int | Settled:
        self._enter(caller)
        try:
            result = entry(*args)
            if type(result) is str and result[:1] == "\x03":
                promise = int(result[1:])
                self.pump()
                result = self.api["settled"](promise)
            elif promise is not None and result == "\x04":
                self.pump()
                result = self.api["settled"](promise)
            if self.exits.pending is not None:
                raise self.exits.pending
            if result == "\x04" and promise is not None:
                return promise
            if type(result) is str and result and result[0] <= "\x03":
                return Settled(self._marked(result, caller))
            return Settled(number_from_js(result) if type(result) is float else result)
        except self.exceptions as exc:
            self._faulted(caller)
            raise self.errors.from_exception(exc, caller) from None
        finally:
            self._leave()

    def _marked(self, result: str, caller: str) -> Value:
        mark = result[0]
        if mark == "\x01":
            return self.codec.decode(result[1:])
        if mark == "\x02":
            raise self._error(json.loads(result[1:]), caller)
        if mark == "\x03":
            promise = int(result[1:])
            self.pump()
            settled = self.api["settled"](promise)
            if settled == "\x04":
                self.api["forget"](promise)
                return None
            if type(settled) is str and settled and settled[0] <= "\x03":
                return self._marked(settled, caller)
            return number_from_js(settled) if type(settled) is float else settled
        return result

    def _error(self, info: dict[str, Any], caller: str) -> ScriptError:
        host = self.gateway.errors.pop(int(info.get("host") or 0), None)
        mapped = self.errors.from_description(info, caller)
        if isinstance(host, ScriptError):
            if host.script is None or host.line is None:
                host.script = host.script or mapped.script
                host.line, host.column = mapped.line, mapped.column
                host.args = (host._headline(),)
            host.traceback = host.traceback or mapped.traceback
            return host
        if host is not None:
            mapped.__cause__ = host
        return mapped

    # -- process.exit (exits.py) -----------------------------------------------------

    def exit_error(self, status: int, stack: str, caller: str) -> ScriptExit:
        """The ScriptExit of ``process.exit(status)`` called where ``stack`` says."""
        return ScriptExit(status, **innermost(self.errors.frames(stack), caller))

    def begin_exit(self, exit: ScriptExit) -> None:
        """Inside a host callback: end the running top-level call with ``exit``; what
        the script left queued is dropped before the next entry (``quiesce``)."""
        self.exits.begin(exit)
        self.runaway = True

    def exit_code(self, caller: str) -> int:
        """``process.exitCode`` as a status (0 if unset), once the ``'beforeExit'``
        listeners have run with the work they started: as in Node, the event comes
        again while they start timers (at most ``BEFORE_EXIT_ROUNDS`` times here; then
        it is the time limit, where Node would run for ever)."""
        for _ in range(BEFORE_EXIT_ROUNDS):
            more = self.raw(self.api["beforeExit"], (), caller)
            if not more:
                break
            self.drain(caller)
            if more != 2:  # no timer started: the program ends
                break
        else:
            raise self.errors.limit_error("interrupted", caller, []) or TimeLimitError(caller)
        return int(self.raw(self.api["exitCode"], (), caller))

    # -- after a limit ---------------------------------------------------------------

    def _reclaim(self) -> None:
        if self.context is not None:
            self.context.gc()

    def _limited(self) -> None:
        if self.config.drain_jobs != "never":
            self.runaway = True

    def quiesce(self) -> None:
        """Drop the promise jobs and timers a call ended by a limit left queued
        (before the next top-level entry, so before the limit is re-armed).

        Otherwise every later call would run them again (an endless ``.then`` chain,
        a ``setInterval``) and hit the same limit: the VM would be lost to one bad
        call.  Jobs cannot be removed from QuickJS's queue, so they are run to
        their end with no memory to spare (queueing a job allocates, so none can
        queue another) and an expired time limit (a job that loops is interrupted);
        host callbacks are refused meanwhile (the disarm token is dropped first, so
        no job can lift the time limit).  Rejections they cause are not reported.
        """
        self.runaway = False
        context, api = self.context, self.api
        if context is None:
            return
        self.exits.reset()
        api["disarm"]()
        spent = _monotonic() + max(self.limit.seconds, 0.1)
        context.set_memory_limit(1)
        try:
            while True:
                context.set_time_limit(0.0)
                try:
                    if not context.execute_pending_job():
                        break
                except self.exceptions:
                    pass
                if _monotonic() > spent:
                    self.runaway = True  # the rest waits for the next entry
                    break
        finally:
            context.set_time_limit(-1.0)
            context.set_memory_limit(self.memory_limit if self.memory_limit is not None else -1)
        api["dropTimers"]()
        api["takeOutput"]()  # what the dropped jobs printed is dropped with them
        self.rejections.discard()
        context.gc()

    # -- host callbacks --------------------------------------------------------------

    # -- JS functions held by the host -------------------------------------------------

    def _js_ref(self, js_id: int, name: str) -> FunctionRef:
        cached = self._js_refs.get(js_id)
        ref = cached() if cached is not None else None
        if ref is not None:
            return ref
        self._releases.discard(js_id)
        caller = self.callers[-1]
        dispatch, releases = self.dispatch, self._releases

        def invoke(args: Sequence[Value]) -> Value:
            return dispatch(self.call_ref, js_id, args, caller)

        ref = FunctionRef("js", name, invoke, lambda: releases.add(js_id))
        self._js_refs[js_id] = weakref.ref(ref)
        self.codec.js_ids[ref.id] = js_id
        weakref.finalize(ref, releases.add, js_id)
        return ref

    def call_ref(self, js_id: int, args: Sequence[Value], caller: str) -> Value:
        text = self.codec.encode(args)
        return self.call(self.api["callRef"], (js_id, text), caller)

    def _drain_releases(self) -> None:
        release = self.api["release"]
        while self._releases:
            js_id = self._releases.pop()
            self._js_refs.pop(js_id, None)
            release(js_id)

    def stack(self) -> str:
        """The JS stack right now (inside a host callback)."""
        return str(self.api["stack"]()) if self.depth > 0 else ""

    def close(self) -> None:
        """Drop every reference to the VM (on the owner thread), so it is freed here."""
        self._closed = True
        self.owner = -1
        self.rejections.close()
        self.limit.close()
        self.api.clear()
        self._js_refs.clear()
        self.eval_helper = None
        self.limit = TimeLimit(None, None)
        self.context = None

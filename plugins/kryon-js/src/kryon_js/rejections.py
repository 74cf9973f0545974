"""Unhandled promise rejections, seen through QuickJS's rejection tracker.

Node ends a program whose promise is rejected with no handler once the
microtasks have run (exit 1); JavaScript itself cannot see that happen: an
``async`` function's promise and the ones ``await`` and ``then`` make are
the engine's own, so no prelude code can wrap them.  QuickJS reports it to a
host hook, ``JS_SetHostPromiseRejectionTracker`` (called with the promise,
the reason and whether a handler exists, again with ``true`` when a handler
is attached later), which the ``quickjs`` binding does not expose.

So the engine sets that hook itself, through ``ctypes`` on the binding's own
library (which exports the QuickJS API).  The hook runs in the middle of a
rejection, so it runs no JavaScript and allocates nothing: a promise rejected
with no handler is kept (one reference) in a dict by its address, and
dropped again when a handler is attached.  The runtime, once the promise
jobs have drained, asks :meth:`RejectionTracker.first`: the reason of the
first promise still unhandled is handed to the prelude (``api.unhandled``
describes it) and the load or call fails with it, as Node's event loop does
after each task.  A hook call costs about 3 us (``await`` of a rejected
promise inside ``try`` makes two).

Reaching the runtime pointer needs the binding's object layout
(``RuntimeData``: ``PyObject_HEAD``, then the ``JSRuntime *`` and the
``JSContext *``; ``Object``: ``PyObject_HEAD``, the context's data, then the
``JSValue``).  It is checked before anything is dereferenced: the type sizes
must be the known ones, the object must point back at its context, and the
runtime's opaque pointer must be the context object itself (the binding sets
it so).  With another layout the tracker stays off (``active`` is false) and
unhandled rejections pass silently, as before.

The same library gives ``console`` a promise's state, which no JavaScript can
read synchronously (Node prints ``Promise { 42 }``, ``Promise { <pending> }``):
the prelude puts the promise at index 1 of the slot array and asks the host
(:meth:`RejectionTracker.promise_state`), which reads it back with
``JS_GetPropertyUint32`` (an own data property: no script code runs), asks
``JS_PromiseState`` and puts ``JS_PromiseResult`` at index 2.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["RejectionTracker"]

_JS_PROP_C_W_E = 7
_HEAD = object.__basicsize__
"""The size of ``PyObject_HEAD``: the binding's fields start after it."""
_CONTEXT_SIZE = _HEAD + 64
_OBJECT_SIZE = _HEAD + 24


class _JSValue(ctypes.Structure):
    """QuickJS's ``JSValue`` on 64-bit targets: a union of 8 bytes and a tag."""

    _fields_ = [("u", ctypes.c_uint64), ("tag", ctypes.c_int64)]


_TRACKER = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, _JSValue, _JSValue, ctypes.c_bool, ctypes.c_void_p
)


def _library(binding: Any) -> Any:
    # PyDLL keeps the GIL: no call below can run Python code.  A reference this
    # module drops is never the last one inside the hook (the promise is alive
    # there), and outside a JS call the binding's finalizers expect the GIL held.
    lib = ctypes.PyDLL(binding.__file__)
    signatures: dict[str, tuple[Any, list[Any]]] = {
        "JS_GetRuntime": (ctypes.c_void_p, [ctypes.c_void_p]),
        "JS_GetRuntimeOpaque": (ctypes.c_void_p, [ctypes.c_void_p]),
        "JS_SetHostPromiseRejectionTracker": (None, [ctypes.c_void_p, _TRACKER, ctypes.c_void_p]),
        "JS_DupValue": (_JSValue, [ctypes.c_void_p, _JSValue]),
        "JS_FreeValue": (None, [ctypes.c_void_p, _JSValue]),
        "JS_GetException": (_JSValue, [ctypes.c_void_p]),
        "JS_PromiseResult": (_JSValue, [ctypes.c_void_p, _JSValue]),
        "JS_PromiseState": (ctypes.c_int, [ctypes.c_void_p, _JSValue]),
        "JS_GetPropertyUint32": (_JSValue, [ctypes.c_void_p, _JSValue, ctypes.c_uint32]),
        "JS_DefinePropertyValueUint32": (
            ctypes.c_int,
            [ctypes.c_void_p, _JSValue, ctypes.c_uint32, _JSValue, ctypes.c_int],
        ),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    return lib


class RejectionTracker:
    """QuickJS's rejection hook for one context (see module docs)."""

    def __init__(self, context: Any, slot: Any) -> None:
        """``slot``: the prelude's array (a binding ``Object``) a reported reason goes to."""
        self.seen = False
        """A promise was rejected with no handler since :meth:`first` last ran."""
        self.active = False
        self._open: dict[int, _JSValue] = {}
        """Promises rejected with no handler (one reference each), by address."""
        self._runtime: int | None = None
        self._slot = slot  # keeps the array's JSValue below alive
        binding = type(context)
        if (
            ctypes.sizeof(ctypes.c_void_p) != 8
            or binding.__basicsize__ != _CONTEXT_SIZE
            or type(slot).__basicsize__ != _OBJECT_SIZE
            or ctypes.c_void_p.from_address(id(slot) + _HEAD).value != id(context)
        ):
            return
        lib = _library(sys.modules[binding.__module__])
        runtime = ctypes.c_void_p.from_address(id(context) + _HEAD).value
        js_context = ctypes.c_void_p.from_address(id(context) + _HEAD + 8).value
        if (
            not runtime
            or not js_context
            or lib.JS_GetRuntimeOpaque(runtime) != id(context)
            or lib.JS_GetRuntime(js_context) != runtime
        ):
            return
        self._lib, self._context = lib, js_context
        self._array = _JSValue.from_buffer_copy(
            (ctypes.c_char * ctypes.sizeof(_JSValue)).from_address(id(slot) + _HEAD + 8)
        )
        self._hook = _TRACKER(self._tracker(lib.JS_DupValue, lib.JS_FreeValue))
        lib.JS_SetHostPromiseRejectionTracker(runtime, self._hook, None)
        self._runtime = runtime
        self.active = True

    def _tracker(self, dup: Any, free: Any) -> Callable[..., None]:
        opened, pop = self._open, self._open.pop

        def track(ctx: int | None, promise: _JSValue, _: Any, handled: bool, __: Any) -> None:
            try:
                if handled:
                    kept = pop(promise.u, None)
                    if kept is not None:
                        free(ctx, kept)
                else:
                    address = promise.u
                    if address not in opened:
                        dup(ctx, promise)  # the same value, one more reference
                        opened[address] = promise
                        self.seen = True
            except BaseException:
                return  # ctypes would print it on stderr; there is nobody to tell

        return track

    def first(self) -> bool | None:
        """After the jobs drained: None if every rejected promise has a handler now;
        otherwise the first unhandled one's reason is put at index 0 of the slot array
        (True; False if that failed for lack of memory), and every unhandled promise
        and its reason from index 3 on (3 and 4, 5 and 6...: what a script's
        ``process.on('unhandledRejection')`` listener is called with), and the batch is
        dropped."""
        self.seen = False
        if not self._open:
            return None
        lib, ctx = self._lib, self._context
        kept = list(self._open.values())
        self._open.clear()
        stored = self._put(0, lib.JS_PromiseResult(ctx, kept[0]))
        for i, promise in enumerate(kept):
            # (each promise's reference goes to the array, its reason taken first)
            result = lib.JS_PromiseResult(ctx, promise)
            self._put(3 + 2 * i, promise)
            self._put(4 + 2 * i, result)
        return stored

    def _put(self, index: int, value: Any) -> bool:
        """Put ``value`` (its reference given away) at ``index`` of the slot array;
        False when that failed for lack of memory (the value is freed then and the
        exception dropped)."""
        lib, ctx = self._lib, self._context
        if lib.JS_DefinePropertyValueUint32(ctx, self._array, index, value, _JS_PROP_C_W_E) < 0:
            lib.JS_FreeValue(ctx, lib.JS_GetException(ctx))
            return False
        return True

    def promise_state(self) -> int:
        """The state of the promise the prelude put at index 1 of the slot array: 0
        pending, 1 fulfilled, 2 rejected (its result then put at index 2); -1 when it
        cannot be known (no tracker, out of memory), -2 for an object that is no
        promise."""
        if not self.active:
            return -1
        lib, ctx = self._lib, self._context
        promise = lib.JS_GetPropertyUint32(ctx, self._array, 1)
        state: int = lib.JS_PromiseState(ctx, promise)
        if state in (1, 2):
            if not self._put(2, lib.JS_PromiseResult(ctx, promise)):
                state = -1
        elif state != 0:
            state = -2
        lib.JS_FreeValue(ctx, promise)
        return state

    def discard(self) -> None:
        """Forget every promise kept so far without reporting it (after a limit ended
        the call whose jobs rejected them)."""
        self.seen = False
        for promise in self._open.values():
            self._lib.JS_FreeValue(self._context, promise)
        self._open.clear()

    def close(self) -> None:
        """Unhook and drop the kept promises (on the owner thread, before the
        context is dropped: QuickJS must not be freed while they are held)."""
        if self._runtime is not None:
            for promise in self._open.values():
                self._lib.JS_FreeValue(self._context, promise)
            self._open.clear()
            self._lib.JS_SetHostPromiseRejectionTracker(self._runtime, _TRACKER(), None)
            self._runtime = None
        self.active = False
        self._slot = None

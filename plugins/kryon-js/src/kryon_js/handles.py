"""The handle fast path: what ``JsEngine.bind_function`` returns.

A handle call is the hottest path there is, so the common case costs one
Python frame and one VM entry of the same shape as a raw binding call:

* the arguments are ones the binding passes unchanged (``None``, ``bool``,
  ``float``, 32-bit ``int``, ASCII ``str`` without NUL or a leading result
  marker; at most three of them);
* the VM is idle on its owner thread (no call running, no released JS
  function waiting to be dropped) and the time limit needs nothing
  (``TimeLimit.ready``: no limit, or armed with its disarm token adopted);
* the function's JS wrapper for that arity exists (the prelude's ``bind``,
  made on the first such call): it calls the function, keeps a number result
  as it is and turns anything else into a result marker, inside the call and
  so under the time limit.

Everything else (encoded arguments, nested calls from host callbacks, the
first call after a re-arm, another thread) goes through ``JsRuntime.call``,
which does the full bookkeeping.  Either way the result and the errors are
the same.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from kryon_core import FunctionNotFoundError, Value
from kryon_js.runtime import JsRuntime
from kryon_js.wire import number_from_js

__all__ = ["MAX_DIRECT", "Handle", "make_handle"]

MAX_DIRECT = 3
"""Calls with more arguments than this always take the general path."""

_DIRECT = ("call0", "call1", "call2", "call3")

Handle = Callable[[Sequence[Value]], Value]


def make_handle(
    rt: JsRuntime, functions: dict[str, Any], name: str, script: str, wrappers: list[Any]
) -> Handle:
    """The engine-bound callable of ``script``'s function ``name``.

    ``wrappers`` (one slot per arity, ``None`` until made) belongs to the loaded
    script: unloading clears it, which sends every handle to the general path,
    where the missing function is reported.  The handle keeps no other VM
    object: closing the engine leaves nothing to be freed on another thread.
    """
    limit, callers, releases, owner = rt.limit, rt.callers, rt._releases, rt.owner
    api, encode, marked, exceptions = rt.api, rt.codec.encode, rt._marked, rt.exceptions
    get_ident = threading.get_ident

    def general(args: Sequence[Value], plain: bool) -> Value:
        fn = functions.get(name)
        if fn is None:
            raise FunctionNotFoundError(f"{script}.{name} is no longer loaded", script=script)
        if not plain:
            return rt.call(api["callE"], (fn, encode(args)), script)
        arity = len(args)
        if wrappers[arity] is None and rt.depth == 0 and get_ident() == owner:
            wrappers[arity] = rt.raw(api["bind"], (fn, arity), script)
        return rt.call(api[_DIRECT[arity]], (fn, *args), script)

    def invoke(args: Sequence[Value]) -> Value:
        arity = len(args)
        if arity > MAX_DIRECT:
            return general(args, False)
        for a in args:
            kind = type(a)
            if kind is int:
                # The binding truncates ints past 32 bits.  (Most ints fit 30 bits, which
                # CPython compares fastest: that test comes first.)
                if -1073741823 <= a <= 1073741823 or -2147483648 <= a <= 2147483647:
                    continue
                return general(args, False)
            if kind is float:
                continue
            if kind is str:
                # ``a >= "\x05"``: a first character past the result markers
                if (a >= "\x05" or not a) and a.isascii() and "\x00" not in a:
                    continue
                return general(args, False)
            if kind is bool or a is None:
                continue
            return general(args, False)
        wrapper = wrappers[arity]
        if (
            wrapper is None
            or not limit.ready
            or rt.depth
            or releases
            or rt.runaway
            or get_ident() != owner
        ):
            return general(args, True)
        rt.depth = 1
        callers[0] = script  # the bottom entry names the top-level caller (runtime.py)
        try:
            result = wrapper(*args)
            kind = type(result)
            if kind is str and result < "\x05" and result:  # a marker (\x01..\x04) first
                result = marked(result, script)
                kind = type(result)
            if rt.async_code or rt.rejections.seen:
                rt.pump()
            # an exit some C code swallowed (exits.py): it began in a host callback
            if rt.hosted and rt.exits.pending is not None:
                raise rt.exits.pending
        except exceptions as exc:
            rt._faulted(script)
            raise rt.errors.from_exception(exc, script) from None
        finally:
            rt.depth = 0
            if rt.hosted:
                rt._after_host(script)
        if kind is float:
            return number_from_js(result)
        return result

    return invoke

"""The world one isolated script sees: its builtins, ``import`` and ``kryon``."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from kryon_python.names import BLOCKED_ATTRIBUTES, BLOCKED_NAMES
from kryon_python.pytraceback import script_stack_functions
from kryon_python.toplevel import exit_, make_print
from kryon_python.wire import Op
from kryon_python.worker import guard
from kryon_python.worker.clock import VirtualClock
from kryon_python.worker.gcview import gc_view
from kryon_python.worker.objects import HostError
from kryon_python.worker.osview import os_view
from kryon_python.worker.sysview import ScriptSettings, ScriptStream, sys_view

__all__ = ["Environment"]


class Environment:
    """Builds per-script namespaces; ``shared`` holds the host's shared globals."""

    def __init__(
        self,
        modules: dict[str, types.ModuleType],
        allowed: frozenset[str],
        host_functions: list[str],
        shared: dict[str, Any],
        send: Callable[[list[Any]], None],
        host_request: Callable[[list[Any]], Any],
        library_streams: tuple[ScriptStream, ScriptStream],
        settings: ScriptSettings,
        flush_output: Callable[[], None],
        is_script: Callable[[str], bool],
        clock: VirtualClock | None = None,
    ) -> None:
        self.modules = modules
        self.clock = clock
        self.is_script = is_script
        self.flush_output = flush_output
        self.settings = settings
        self.library_streams = library_streams
        self.allowed = allowed
        self.host_functions = host_functions
        self.shared = shared
        self._send = send
        self._host_request = host_request

    def builtins(self, script: str, arguments: Sequence[str]) -> dict[str, Any]:
        """The builtins of one script: its own ``kryon``, ``print`` and ``import``
        (``sys.argv`` is the script and its command-line ``arguments``)."""
        kryon = self.kryon_module(script)

        def write_out(text: str) -> None:
            self._send([Op.WRITE, script, "stdout", text])

        def write_err(text: str) -> None:
            self._send([Op.WRITE, script, "stderr", text])

        sys_module = sys_view(
            [script, *arguments], write_out, write_err, self.library_streams, self.settings
        )
        cache: dict[str, types.ModuleType] = {}
        bdict: dict[str, Any] = {}

        def import_(
            name: str, globals_: Any = None, locals_: Any = None, fromlist: Any = (), level: int = 0
        ) -> Any:
            if level:
                raise ImportError("relative imports are not available to sandboxed scripts")
            if name == "kryon":
                return kryon
            if name == "sys":
                return sys_module
            if name == "builtins":
                return builtins_view(bdict, cache)
            if name in ("os", "os.path"):
                view = cache.get("os") or cache.setdefault("os", os_view())
                return view.path if name == "os.path" and fromlist else view
            if name == "gc":
                return cache.get("gc") or cache.setdefault("gc", gc_view())
            top = name.partition(".")[0]
            if top not in self.allowed or name not in self.modules:
                # ModuleNotFoundError, as for a module that is not installed:
                # ``except ModuleNotFoundError`` fallbacks in programs still work
                raise _not_found(name, top)
            target = name if fromlist else top
            return self.module_view(self.modules[target], cache)

        def input_(prompt: object = "", /) -> NoReturn:
            # a worker has no standard input: as ``python x.py < /dev/null``
            text = str(prompt)
            if text:
                write_out(text)
            raise EOFError("EOF when reading a line")

        input_.__name__ = input_.__qualname__ = "input"

        def current_stdout() -> Any:
            return sys_module.stdout  # as Python's print: whatever sys.stdout is now

        def direct(file: Any) -> Callable[[str], object] | None:
            return file.write if isinstance(file, ScriptStream) else None

        print_ = make_print(current_stdout, direct)
        bdict.update(guard.safe_builtins(printer=print_, importer=import_, getattr_=_safe_getattr))
        bdict["exit"] = bdict["quit"] = exit_
        bdict["input"] = input_
        bdict.update(self.shared)
        return bdict

    def module_view(
        self, module: types.ModuleType, views: dict[str, types.ModuleType]
    ) -> types.ModuleType:
        """A per-script copy of an allowed module, without links to other
        modules.  ``views`` holds the script's copies made so far: each module
        is copied once (submodules refer to each other: copying them anew at
        each reference took ``import asyncio`` 190 ms)."""
        view = views.get(module.__name__)
        if view is not None:
            return view
        view = views[module.__name__] = types.ModuleType(module.__name__, module.__doc__)
        for key, value in vars(module).items():
            if isinstance(value, types.ModuleType):
                if value.__name__ in self.modules and key == value.__name__.rpartition(".")[2]:
                    view.__dict__[key] = self.module_view(value, views)
                continue
            if not key.startswith("__"):
                view.__dict__[key] = value
        if module.__name__ == "time":
            if self.clock is not None:  # under a time limit, sleeping takes no time
                view.__dict__.update(self.clock.functions())
            else:
                view.__dict__["sleep"] = self.sleep(module.sleep)
        elif module.__name__ == "traceback":
            view.__dict__.update(script_stack_functions(self.is_script))
        return view

    def sleep(self, real: Callable[[float], None]) -> Callable[[float], None]:
        """``time.sleep`` that first sends the output waiting in the worker, so
        that what the script printed before a real wait shows before it (only
        without a time limit: under one, sleeping takes no time, see
        :mod:`.clock`)."""

        def sleep(seconds: float, /) -> None:
            self.flush_output()
            real(seconds)

        sleep.__doc__ = real.__doc__
        return sleep

    def kryon_module(self, script: str) -> types.ModuleType:
        module = types.ModuleType("kryon", f"The Kryon API of script {script!r}.")
        namespace = module.__dict__
        for name in self.host_functions:
            namespace[name] = self.host_proxy(script, name)
        namespace["HostError"] = HostError
        if "log" not in namespace:

            def log(message: object = "", level: object = "info") -> None:
                self._host_request([Op.LOG, script, str(level), str(message)])

            namespace["log"] = log

        def lookup(name: str) -> Any:
            if not name.startswith("_") and self._host_request([Op.LOOKUP, name]):
                return self.host_proxy(script, name)
            raise AttributeError(f"module 'kryon' has no attribute {name!r}")

        namespace["__getattr__"] = lookup
        return module

    def host_proxy(self, script: str, name: str) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            return self._host_request([Op.HOST_CALL, script, name, list(args)])

        call.__name__ = name
        return call

    # -- requests ------------------------------------------------------------------------


def builtins_view(bdict: dict[str, Any], views: dict[str, types.ModuleType]) -> types.ModuleType:
    """``import builtins``: a module holding the script's own builtins (its
    ``print``, no ``open``), made once per script."""
    view = views.get("builtins")
    if view is None:
        view = views["builtins"] = types.ModuleType("builtins", "Built-in functions and types.")
        for key, value in bdict.items():
            if key not in BLOCKED_NAMES:
                view.__dict__.setdefault(key, value)
    return view


def _not_found(name: str, top: str) -> ModuleNotFoundError:
    """Python's own message for a module that exists nowhere (``numpy`` on a
    bare interpreter); a standard module the sandbox withholds says so."""
    if top in sys.stdlib_module_names:
        return ModuleNotFoundError(f"import of {name!r} is not allowed in the sandbox", name=name)
    return ModuleNotFoundError(f"No module named {top!r}", name=top)


def _safe_getattr(obj: object, name: str, *default: Any) -> Any:
    if name in BLOCKED_ATTRIBUTES:
        raise AttributeError(f"access to {name!r} is not allowed in sandboxed scripts")
    return getattr(obj, name, *default)

"""The worker's confinement, applied once, after start-up and before any script.

Layers, outermost first:

1. a separate process, started ``python -I -S`` with an empty environment, no
   terminal, stdin/stdout/stderr on ``/dev/null`` and its own session;
2. when started as root, the worker ``chroot``s into an empty directory that
   is deleted at once, then becomes ``nobody`` (so the process-count limit
   binds and there is no file system left to see);
3. a seccomp filter (:mod:`kryon_python.worker.syscalls`) refusing the system
   calls a running worker never needs, audited by Python or not (``mknod``,
   ``setpriority``...);
4. ``setrlimit``: address space (the policy's memory plus what the interpreter
   already uses), lifetime CPU seconds, no new file descriptors
   (``RLIMIT_NOFILE`` at the current count), no new processes or threads
   (``RLIMIT_NPROC`` 0), no file writes (``RLIMIT_FSIZE`` 0), no core dumps;
5. an audit hook (``sys.addaudithook``, which nothing can remove) that allows
   only an explicit list of harmless events: every file open, ``os.*`` call,
   process, socket, ``ctypes``, ``mmap``, new import, ``setrlimit``... is refused
   for everyone in the process.  It keeps no state a script could change;
6. restricted builtins (no ``open``, ``breakpoint``..., an ``input`` that finds
   no standard input), an ``__import__`` limited to the allowed modules
   (imported before the hook is armed) and a compile-time check refusing the
   attribute names that escapes use.
"""

from __future__ import annotations

import builtins
import codecs
import contextlib
import os
import resource
import signal
import sys
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

__all__ = [
    "CODECS",
    "IMPLICIT_MODULES",
    "apply_limits",
    "compact_descriptors",
    "drop_privileges",
    "install_audit_hook",
    "preload",
    "safe_builtins",
]

ALLOWED_EVENTS = frozenset(
    {
        # running and compiling Python code is no escape: all code is under this hook
        "exec",
        "compile",
        "marshal.loads",
        "marshal.dumps",
        "code.__new__",
        "function.__new__",
        "object.__getattr__",
        "object.__setattr__",
        "object.__delattr__",
        "sys._getframe",
        # (3.12+) the caller's module name, no frame: namedtuple, Enum and
        # typing name the module of what they make with it
        "sys._getframemodulename",
        "sys._current_frames",
        "sys.settrace",
        "sys.setprofile",
        "sys.excepthook",
        "sys.unraisablehook",
        "cpython._PySys_ClearAuditHooks",
        "builtins.id",
        "time.sleep",
        "array.__new__",
        "gc.collect",
        "os.urandom",
        "random.seed",
        # asyncio's loop hooks async generators (finalized by the loop that ran them)
        "sys.set_asyncgen_hook_firstiter",
        "sys.set_asyncgen_hook_finalizer",
    }
)

_UNSAFE_BUILTINS = frozenset(
    {
        "open",
        "input",
        "breakpoint",
        "help",
        "exit",
        "quit",
        "copyright",
        "credits",
        "license",
        "__import__",
        "__loader__",
        "__spec__",
    }
)


IMPLICIT_MODULES = ("_strptime", "copyreg", "atexit", "__future__")
"""Imported by allowed modules at call time (``datetime.strptime`` imports
``_strptime`` through the caller's ``__import__``, ``weakref.finalize``
imports ``atexit``), or by the script's own statements (``from __future__
import annotations`` imports ``__future__`` when it runs), so allowed as
well."""


CODECS = (
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "utf_32",
    "utf_32_le",
    "utf_32_be",
    "utf_7",
    "utf_8_sig",
    "latin_1",
    "ascii",
    "cp1252",
    "cp1251",
    "cp437",
    "cp850",
    "iso8859_2",
    "iso8859_15",
    "mac_roman",
    "koi8_r",
    "unicode_escape",
    "raw_unicode_escape",
    "rot_13",
    "hex_codec",
    "base64_codec",
    "punycode",
    "idna",
)
"""Codecs loaded at start-up: Python imports a codec's module on its first
use (``s.encode("utf-16-le")``, ``codecs.encode(s, "rot13")``), which the
hook refuses later; for any other codec the lookup finds no module and the
script gets Python's ``LookupError: unknown encoding``."""


def preload(modules: Iterable[str]) -> dict[str, ModuleType]:
    """Import the allowed modules and :data:`CODECS` before the hook is armed;
    return every loaded module (submodules included) that belongs to one of
    the modules."""
    tops = {name.partition(".")[0] for name in (*modules, *IMPLICIT_MODULES)}
    for name in (*modules, *IMPLICIT_MODULES):
        try:
            __import__(name)
        except ImportError:
            continue
    for codec in CODECS:
        with contextlib.suppress(LookupError):
            codecs.lookup(codec)
    return {
        name: module
        for name, module in list(sys.modules.items())
        if name.partition(".")[0] in tops and isinstance(module, ModuleType)
    }


def compact_descriptors(read_fd: int, write_fd: int) -> tuple[int, int, int]:
    """Move the pipes to 3 and 4, open ``/proc/self/statm`` as 5, close the rest.

    Afterwards every descriptor below 6 is in use, so ``RLIMIT_NOFILE`` 6 leaves
    no room for a new one.
    """
    high_read, high_write = 250, 251  # out of the way of 3..5 while rearranging
    os.dup2(read_fd, high_read)
    os.dup2(write_fd, high_write)
    for fd in os.listdir("/proc/self/fd"):
        if int(fd) > 2 and int(fd) not in (high_read, high_write):
            with contextlib.suppress(OSError):
                os.close(int(fd))
    os.dup2(high_read, 3)
    os.dup2(high_write, 4)
    os.close(high_read)
    os.close(high_write)
    statm = os.open("/proc/self/statm", os.O_RDONLY)
    if statm != 5:
        os.dup2(statm, 5)
        os.close(statm)
    return 3, 4, 5


def drop_privileges(enabled: bool) -> None:
    """As root: shut the worker in an empty, deleted root directory, then
    become ``nobody``.  Even code that got past the audit hook then finds no
    file system to read and no privilege to regain."""
    if not enabled or os.geteuid() != 0:
        return
    _empty_root()
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)


def _empty_root() -> None:
    parent = "/tmp" if os.path.isdir("/tmp") else "/"
    name = f".kryon-python-root-{os.getpid()}"
    parent_fd = os.open(parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.mkdir(name, 0o500, dir_fd=parent_fd)
        try:
            os.chroot(os.path.join(parent, name))
            os.chdir("/")
        finally:
            os.rmdir(name, dir_fd=parent_fd)
    finally:
        os.close(parent_fd)


def apply_limits(memory_limit_mb: int | None, cpu_seconds: int, statm_fd: int) -> None:
    """Set the OS limits; memory is counted above what the interpreter uses now."""
    page = os.sysconf("SC_PAGE_SIZE")
    _set(resource.RLIMIT_CORE, 0)
    _set(resource.RLIMIT_FSIZE, 0)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, no signal
    _set(resource.RLIMIT_CPU, cpu_seconds, cpu_seconds + 5)
    if memory_limit_mb is not None:
        size_pages = int(os.pread(statm_fd, 200, 0).split()[0])
        headroom = 4 * 1024 * 1024  # interpreter arenas, stacks, the reply buffer
        _set(resource.RLIMIT_AS, size_pages * page + headroom + memory_limit_mb * 1024 * 1024)
    _set(resource.RLIMIT_NOFILE, statm_fd + 1)  # every descriptor below is in use
    _set(resource.RLIMIT_NPROC, 0)


def _set(limit: int, soft: int, hard: int | None = None) -> None:
    try:
        resource.setrlimit(limit, (soft, soft if hard is None else hard))
    except (ValueError, OSError):
        _, current_hard = resource.getrlimit(limit)
        if current_hard == resource.RLIM_INFINITY or soft <= current_hard:
            raise
        resource.setrlimit(limit, (current_hard, current_hard))


def install_audit_hook() -> None:
    """Refuse every audited event outside :data:`ALLOWED_EVENTS`, for good."""
    allowed = ALLOWED_EVENTS

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event not in allowed:
            if event == "import" and args and str(args[0]).startswith("encodings."):
                # the codec search takes a missing module for an unknown encoding
                raise ModuleNotFoundError(f"No module named {args[0]!r}")
            raise PermissionError(f"the sandbox does not allow {event!r}")

    sys.addaudithook(hook)


def safe_builtins(
    *, printer: Callable[..., None], importer: Callable[..., Any], getattr_: Callable[..., Any]
) -> dict[str, Any]:
    """A builtins namespace for one script."""
    namespace = {
        name: value for name, value in vars(builtins).items() if name not in _UNSAFE_BUILTINS
    }
    namespace["print"] = printer
    namespace["__import__"] = importer
    namespace["getattr"] = getattr_
    return namespace

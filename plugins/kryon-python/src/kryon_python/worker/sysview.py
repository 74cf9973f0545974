"""The ``sys`` an isolated script may import.

Facts about the interpreter, ``argv``, ``exit`` and the standard streams
(written through the host like ``print``, and an empty standard input as
``python x.py < /dev/null`` has); nothing that reaches modules, frames, the
import system or the process.
"""

from __future__ import annotations

import codecs
import io
import operator
import sys
import types
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from typing import Any

from kryon_python.toplevel import exit_

__all__ = ["ScriptByteStream", "ScriptSettings", "ScriptStream", "sys_view"]

_FACTS = (
    "api_version",
    "byteorder",
    "float_info",
    "float_repr_style",
    "hash_info",
    "hexversion",
    "implementation",
    "int_info",
    "maxsize",
    "maxunicode",
    "platform",
    "version",
    "version_info",
)
_PIECE = 1 << 16
"""Characters sent to the host in one output frame at most."""
_FUNCTIONS = ("exc_info", "exception", "getdefaultencoding", "getsizeof", "intern")
"""``exc_info``/``exception`` hand out only the exception the script is handling."""


class _Stream(ABC):
    """What the script's text and byte streams share: ``writelines`` of
    ``write``, nothing to flush, never a terminal."""

    @abstractmethod
    def write(self, data: Any) -> int: ...

    def writelines(self, lines: Iterable[Any]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    # what scripts ask of a text file before writing to it
    closed = False

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return False

    def fileno(self) -> int:
        # (a worker's own descriptors are not the script's: as io.StringIO)
        raise io.UnsupportedOperation("fileno")


class ScriptStream(_Stream):
    """``sys.stdout`` / ``sys.stderr`` of a script: text goes where ``print`` sends it."""

    encoding = "utf-8"
    errors = "strict"
    mode = "w"
    newlines = None
    line_buffering = False

    def __init__(self, write: Callable[[str], None], name: str = "<stdout>") -> None:
        self._write = write
        self.name = name
        self._buffer: ScriptByteStream | None = None

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        # in pieces: a long text is not copied whole into a frame (a 5 MB print
        # ran out of a 16 MB policy's memory), and the host keeps only its
        # output limit's worth anyway
        for start in range(0, len(text), _PIECE):
            self._write(text[start : start + _PIECE])
        return len(text)

    def __repr__(self) -> str:
        return f"<_io.TextIOWrapper name={self.name!r} mode='w' encoding='utf-8'>"

    @property
    def buffer(self) -> ScriptByteStream:
        """The binary layer (``sys.stdout.buffer.write(b"...")``): bytes are
        decoded as UTF-8 on their way to the text stream."""
        if self._buffer is None:
            self._buffer = ScriptByteStream(self)
        return self._buffer


class ScriptByteStream(_Stream):
    """``sys.stdout.buffer`` of a script; a character split across writes is
    decoded once it is complete."""

    def __init__(self, text: ScriptStream) -> None:
        self._text = text
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def write(self, data: object) -> int:
        if not isinstance(data, bytes | bytearray | memoryview):
            raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
        chunk = memoryview(data).tobytes()
        text = self._decoder.decode(chunk)
        if text:
            self._text.write(text)
        return len(chunk)


class _SysView(types.ModuleType):
    """``sys`` of one script.  ``stdout``/``stderr`` are its own streams (which
    it may replace), except while a library such as ``contextlib.redirect_stdout``
    has replaced the process's: then, as in Python, ``sys.stdout`` is that."""

    def __init__(self, own: list[Any], library: tuple[ScriptStream, ScriptStream]) -> None:
        super().__init__("sys", "System facts for a sandboxed script (a safe subset of sys).")
        self._own = own
        self._library = library

    def _stream(self, index: int) -> Any:
        real = (sys.stdout, sys.stderr)[index]
        return self._own[index] if real is self._library[index] else real

    @property
    def stdout(self) -> Any:
        return self._stream(0)

    @stdout.setter
    def stdout(self, value: Any) -> None:
        self._own[0] = value

    @property
    def stderr(self) -> Any:
        return self._stream(1)

    @stderr.setter
    def stderr(self, value: Any) -> None:
        self._own[1] = value


# type(sys) is the module type to the script, as it is in python
_SysView.__name__ = _SysView.__qualname__ = "module"
_SysView.__module__ = "builtins"


class ScriptSettings:
    """What a script's ``sys`` lets it set, kept per script: the worker
    applies a script's own values while its code runs (see ``Worker.run``)."""

    def __init__(self, recursion_limit: int | None) -> None:
        self.recursion_limit = recursion_limit
        self.default_digits = sys.get_int_max_str_digits()
        self.int_digits: dict[str, int] = {}

    def digits(self, script: str) -> int:
        return self.int_digits.get(script, self.default_digits)


def sys_view(
    argv: list[str],
    stdout: Callable[[str], None],
    stderr: Callable[[str], None],
    library: tuple[ScriptStream, ScriptStream],
    settings: ScriptSettings,
) -> types.ModuleType:
    """A per-script ``sys`` module; ``argv`` is the script's name and its
    arguments, ``library`` the process's own streams (the worker's
    ``sys.stdout``/``sys.stderr`` for library code)."""
    script = argv[0]
    own = [ScriptStream(stdout), ScriptStream(stderr, "<stderr>")]
    view = _SysView(own, library)
    namespace: dict[str, Any] = view.__dict__
    for name in _FACTS + _FUNCTIONS:
        if hasattr(sys, name):  # sys.exception is new in Python 3.11
            namespace[name] = getattr(sys, name)
    namespace["argv"] = argv
    namespace["exit"] = exit_
    namespace["stdin"] = namespace["__stdin__"] = _empty_input()
    namespace["__stdout__"], namespace["__stderr__"] = own

    def getrecursionlimit() -> int:
        limit = settings.recursion_limit
        return sys.getrecursionlimit() if limit is None else limit

    def setrecursionlimit(limit: int, /) -> None:
        # checked as Python checks it, but the policy's limit stays: it is the
        # one the worker enforces (and the interpreter's is shared by scripts)
        if operator.index(limit) < 1:  # TypeError for a non-integer, as Python's
            raise ValueError("recursion limit must be greater or equal than 1")

    def get_int_max_str_digits() -> int:
        return sys.get_int_max_str_digits()

    def set_int_max_str_digits(maxdigits: int) -> None:
        sys.set_int_max_str_digits(maxdigits)  # validates; in force while this script runs
        settings.int_digits[script] = sys.get_int_max_str_digits()

    for function in (
        getrecursionlimit,
        setrecursionlimit,
        get_int_max_str_digits,
        set_int_max_str_digits,
    ):
        namespace[function.__name__] = function
    return view


def _empty_input() -> io.TextIOWrapper:
    """A worker has no standard input: reading gives end-of-file at once."""
    return io.TextIOWrapper(_NoInput(b""), encoding="utf-8")


class _NoInput(io.BytesIO):
    name = "<stdin>"  # (sys.stdin.name, as python's)

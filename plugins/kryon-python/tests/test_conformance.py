"""The engine conformance kit, in both modes of the Python engine."""

from __future__ import annotations

from typing import ClassVar

from kryon_core.testing import EngineConformance

BASIC = """\
import kryon


def identity(x):
    return x


def add(a, b):
    return a + b


def fail():
    raise ValueError("boom")


def read_global():
    return shared_value


def make_adder(n):
    return lambda x: x + n


def call_back(f, x):
    return f(x)


def say(text):
    print(text)


def sum_to(n):
    total = 0
    for i in range(1, n + 1):
        total += i
    return total
"""

LIMITS = """\
def spin():
    while True:
        pass


def recurse(n):
    return recurse(n + 1) + 1


def bomb():
    chunks = []
    while True:
        chunks.append("x" * 1_000_000 + str(len(chunks)))
"""

COROUTINE = """\
def numbers(n):
    for i in range(1, n + 1):
        yield i


def collect(n):
    return list(numbers(n))
"""

DEBUG = """\
def debug_me(a):
    b = a + 1
    return b
"""

EXIT = """\
import sys

def stop(n):
    try:
        sys.exit(n)
    except Exception:
        return "caught"

def ok():
    return 1
"""


class _PythonSnippets:
    engine_name: ClassVar[str] = "python"
    source_basic: ClassVar[str] = BASIC
    runtime_error_line: ClassVar[int] = 13
    source_syntax_error: ClassVar[str] = "def broken(:\n    pass\n"
    syntax_error_line: ClassVar[int] = 1
    source_version: ClassVar[str] = "def version():\n    return {n}\n"
    source_limits: ClassVar[str] = LIMITS
    source_async: ClassVar[str] = "async def async_add(a, b):\n    return a + b\n"
    source_coroutine: ClassVar[str] = COROUTINE
    source_debug: ClassVar[str] = DEBUG
    debug_line: ClassVar[int] = 2
    source_exit: ClassVar[str] = EXIT
    exit_line: ClassVar[int] = 5
    exit_statement: ClassVar[str] = "stop(5)"
    source_arguments: ClassVar[str] = (
        "import sys\nassert __name__ == '__main__' and sys.argv[0] == 'program'\n"
        "ARGS = sys.argv[1:]\n\ndef args():\n    return ARGS\n"
    )


class TestIsolatedPythonConformance(_PythonSnippets, EngineConformance):
    """The default ``sandboxed`` policy: scripts run in the worker process."""

    policy: ClassVar[str] = "sandboxed"


class TestTrustedPythonConformance(_PythonSnippets, EngineConformance):
    """The ``trusted`` policy: scripts run in process (not a sandbox)."""

    policy: ClassVar[str] = "trusted"
    # In process the limit is wall time shared with the test process: a full
    # garbage collection of the suite's heap (100+ ms on a busy machine) must
    # not turn the recursion test into a time-limit one.
    limit_time_ms: ClassVar[int] = 1000

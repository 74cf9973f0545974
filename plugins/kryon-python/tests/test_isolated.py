"""Isolated mode specifics: re-entrant host calls, restarts, the worker's world."""

from __future__ import annotations

import resource

import pytest
from kryon_python.config import PythonConfig
from kryon_python.worker import stack

from kryon_core import (
    FunctionRef,
    MemoryLimitError,
    RecursionLimitError,
    ScriptRuntimeError,
    TimeLimitError,
)

from .conftest import PY311, SANDBOXED, Harness


def test_reentrant_calls_host_to_worker_to_host(harness) -> None:
    holder: dict[str, Harness] = {}

    def host_twice(caller: str, x: int) -> int:
        h = holder["h"]
        return 2 * h.engine.call_function(h.sid, "plus_one", [x])  # back into the worker

    h = harness(SANDBOXED, functions={"host_twice": host_twice})
    holder["h"] = h
    h.sid = h.load(
        "import kryon\n\ndef plus_one(x):\n    return x + 1\n\n"
        "def outer(x):\n    return kryon.host_twice(x) + 1000\n"
    )
    assert h.call(h.sid, "outer", 4) == 1010


def test_worker_restart_reloads_scripts_and_host_globals(harness) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "def read():\n    return greeting\n\ndef hang():\n    while True:\n"
        "        try:\n            while True:\n                pass\n"
        "        except BaseException:\n            pass\n"
    )
    h.engine.set_global("greeting", "hello")
    first = h.engine._runtime._worker.process.pid  # type: ignore[union-attr]
    with pytest.raises(TimeLimitError):
        h.call(sid, "hang")
    assert h.call(sid, "read") == "hello"
    assert h.engine._runtime._worker.process.pid != first  # type: ignore[union-attr]


def test_function_refs_of_a_dead_worker_fail_clearly(harness) -> None:
    h = harness(SANDBOXED)
    sid = h.load("def make():\n    return lambda: 1\n")
    ref = h.call(sid, "make")
    assert isinstance(ref, FunctionRef) and ref() == 1
    h.engine._runtime._worker.kill("crash")  # type: ignore[union-attr]
    assert h.call(sid, "make")() == 1  # a new worker, with the script reloaded
    with pytest.raises(ScriptRuntimeError, match="restarted"):
        ref()


def test_worker_has_no_site_packages_and_no_environment(harness) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "def probe():\n"
        "    import random\n"
        "    g = vars(type(random.Random.randint))['__globals__'].__get__(random.Random.randint)\n"
        "    os = g['_os']\n"
        "    import dataclasses\n"
        "    fields = dataclasses.fields\n"
        "    sys = vars(type(fields))['__globals__'].__get__(fields)['sys']\n"
        "    seen = os.path.exists('/etc/passwd') or os.path.exists('/tmp')\n"
        "    return [os.getuid(), dict(os.environ), seen, sys.path, sys.flags.isolated]\n"
    )
    uid, environ, seen, path, isolated = h.call(sid, "probe")
    assert uid != 0 and path == [] and isolated == 1
    assert not seen  # an empty (and deleted) root directory
    assert set(environ) <= {"LC_CTYPE"}  # set by the interpreter's locale coercion


def test_imports_are_limited_to_the_allow_list(harness) -> None:
    h = harness(SANDBOXED, config=PythonConfig(allowed_modules=("math",)))
    sid = h.load(
        "def ok():\n    import math\n    return math.floor(2.5)\n\n"
        "def refused():\n    import json\n"
    )
    assert h.call(sid, "ok") == 2
    refusal = "ModuleNotFoundError: import of 'json' is not allowed"
    with pytest.raises(ScriptRuntimeError, match=refusal):
        h.call(sid, "refused")


def test_allowed_modules_are_private_copies(harness) -> None:
    h = harness(SANDBOXED)
    a = h.load("import math\nmath.pi = 3\n\ndef pi():\n    return math.pi\n", "a")
    b = h.load("import math\n\ndef pi():\n    return math.pi\n", "b")
    assert h.call(a, "pi") == 3
    assert h.call(b, "pi") > 3.14


def test_coroutines_that_need_an_event_loop_fail_cleanly(harness) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "class Later:\n    def __await__(self):\n        yield 'future'\n\n"
        "async def wait():\n    await Later()\n"
    )
    with pytest.raises(ScriptRuntimeError, match="event loop"):
        h.call(sid, "wait")


def test_memory_usage_reports_the_limit(harness) -> None:
    h = harness(SANDBOXED)
    h.load("x = 1\n")
    usage = h.engine.get_memory_usage()
    assert usage.used_bytes > 0 and usage.limit_bytes == 16 * 1024 * 1024


ALLOWED_MODULE_USES = {
    "collections.abc": "import collections.abc\n"
    "    return isinstance([], collections.abc.Sequence)",
    "strptime": "import datetime\n"
    "    return datetime.datetime.strptime('2020-01-02', '%Y-%m-%d').day",
    "statistics": "import statistics\n    return statistics.mean([1, 2, 3, 4])",
    "decimal": "import decimal\n    return str(decimal.Decimal('1.1') + decimal.Decimal('2.2'))",
    "dataclass": "from dataclasses import dataclass, asdict\n    @dataclass\n    class P:\n"
    "        x: int\n        y: int = 2\n    return asdict(P(1))",
    "namedtuple": "from collections import namedtuple\n"
    "    return list(namedtuple('P', 'x y')(1, 2))",
    "typing": "from typing import NamedTuple, TypeVar\n    T = TypeVar('T')\n"
    "    class P(NamedTuple):\n        x: int\n    return P(3).x",
    "enum": "import enum\n    class C(enum.Enum):\n        A = 1\n    return C.A.name",
    "lru_cache": "import functools\n    @functools.lru_cache\n    def f(n):\n"
    "        return n if n < 2 else f(n - 1) + f(n - 2)\n    return f(20)",
    # pure modules ordinary programs import (each was "not allowed in the sandbox")
    "warnings": "import warnings\n    with warnings.catch_warnings(record=True) as seen:\n"
    "        warnings.simplefilter('always')\n        warnings.warn('careful')\n"
    "    return str(seen[0].message)",
    "hmac": "import hmac, hashlib\n    return hmac.new(b'k', b'm', hashlib.sha256).hexdigest()[:8]",
    "shlex": "import shlex\n    return shlex.split('a \"b c\"')",
    "tomllib": "import tomllib\n    return tomllib.loads('a = 1')",
    "uuid": "import uuid\n"
    "    return [uuid.uuid4().version, str(uuid.uuid5(uuid.NAMESPACE_DNS, 'x'))[:8]]",
}
EXPECTED = {
    "collections.abc": True,
    "strptime": 2,
    "statistics": 2.5,
    "decimal": "3.3",
    "dataclass": {"x": 1, "y": 2},
    "namedtuple": [1, 2],
    "typing": 3,
    "enum": "A",
    "lru_cache": 6765,
    "warnings": "careful",
    "hmac": "b60090e3",
    "shlex": ["a", "b c"],
    "tomllib": {"a": 1},
    "uuid": [4, "05b16a01"],
}


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=PY311) if n == "tomllib" else n for n in sorted(ALLOWED_MODULE_USES)],
)
def test_allowed_modules_work_under_the_guard(harness, name: str) -> None:
    h = harness(SANDBOXED)
    sid = h.load(f"def use():\n    {ALLOWED_MODULE_USES[name]}\n")
    assert h.call(sid, "use") == EXPECTED[name]


def test_codecs_work_and_an_unknown_one_is_a_lookup_error(harness) -> None:
    """Python imports a codec's module on first use, which the guard refused:
    ``"abc".encode("utf-16-le")`` or ``codecs.encode(s, "rot13")`` was a
    SecurityError ("the sandbox does not allow 'import'"), and so was an
    unknown encoding, which python reports as a LookupError."""
    h = harness(SANDBOXED)
    sid = h.load(
        "import codecs\n\n"
        "def use():\n"
        "    return ['abc'.encode('utf-16-le').hex(), codecs.encode('Hello', 'rot13'),\n"
        "            'é€'.encode('cp1252').hex(), codecs.encode(b'hi', 'hex').decode(),\n"
        "            'bücher'.encode('idna').decode()]\n\n"
        "def unknown(name):\n"
        "    try:\n"
        "        'x'.encode(name)\n"
        "    except LookupError as exc:\n"
        "        return str(exc)\n"
    )
    assert h.call(sid, "use") == ["610062006300", "Uryyb", "e980", "6869", "xn--bcher-kva"]
    assert h.call(sid, "unknown", "no-such") == "unknown encoding: no-such"


ASYNC_PROGRAM = """\
import asyncio

async def slow(x, delay):
    await asyncio.sleep(delay)
    return x

async def squares(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i

async def main():
    queue = asyncio.Queue()
    await queue.put("queued")
    got = [await queue.get()]
    got.append(await asyncio.gather(slow("a", 0.02), slow("b", 0.01)))
    try:
        await asyncio.wait_for(slow("late", 5), timeout=0.01)
    except asyncio.TimeoutError:
        got.append("timed out")
    got.append([x async for x in squares(4)])
    async with asyncio.TaskGroup() as group:
        task = group.create_task(slow(7, 0))
    got.append(task.result())
    return got

def run():
    return asyncio.run(main())

def copied_once():
    return asyncio.tasks.events is asyncio.events

def stuck():
    async def forever():
        await asyncio.Event().wait()
    asyncio.run(forever())
"""


@PY311
def test_asyncio_runs_in_the_sandbox(harness) -> None:
    """asyncio.run(main()) failed: asyncio was not an allowed module, and its
    loop needs a socket pair and epoll, which the worker's limits refuse.  The
    worker's loop waits only for timers; a loop with nothing left to wait for
    is an error (python would hang)."""
    h = harness(SANDBOXED)
    sid = h.load(ASYNC_PROGRAM)
    # a module is copied once per script: asyncio's submodules refer to each
    # other, and copying one at each reference made the import take ~190 ms
    assert h.call(sid, "copied_once") is True
    assert h.call(sid, "run") == ["queued", ["a", "b"], "timed out", [0, 1, 4, 9], 7]
    with pytest.raises(ScriptRuntimeError, match="nothing left to run"):
        h.call(sid, "stuck")


def test_a_buggy_host_function_does_not_desynchronise_the_worker(harness) -> None:
    def buggy(caller: str) -> None:
        raise KeyError("host bug")

    h = harness(SANDBOXED, functions={"buggy": buggy})
    sid = h.load(
        "import kryon\n\ndef caught():\n    try:\n        kryon.buggy()\n"
        "    except kryon.HostError as exc:\n        return str(exc)\n\n"
        "def uncaught():\n    kryon.buggy()\n\ndef ok():\n    return 7\n"
    )
    assert "KeyError" in h.call(sid, "caught")
    with pytest.raises(ScriptRuntimeError, match="host function failed"):
        h.call(sid, "uncaught")
    assert h.call(sid, "ok") == 7


def test_output_that_fills_the_limit_exactly_still_gets_the_notice(harness) -> None:
    """A write of exactly the remaining budget left it at zero and every later
    write was dropped without the truncation notice."""
    h = harness(SANDBOXED, config=PythonConfig(output_limit_kb=1))
    sid = h.load("def spam():\n    print('x' * 1023)\n    print('more')\n    print('more')\n")
    h.call(sid, "spam")
    assert h.printed == "x" * 1023 + "\n" + "\n[output truncated: limit reached]\n"


def test_a_long_print_is_sent_in_pieces(harness) -> None:
    """A 5 MB line under the 16 MB policy ran out of memory: the worker copied
    the whole text into one frame.  It is sent in pieces now."""
    h = harness(SANDBOXED, config=PythonConfig(output_limit_kb=8 * 1024))
    sid = h.load("def long():\n    print('z' * (5 * 1024 * 1024))\n    return 'done'\n")
    assert h.call(sid, "long") == "done"
    assert h.printed == "z" * (5 * 1024 * 1024) + "\n"
    assert all(len(text) <= 1 << 16 for text, _, _ in h.output)


RECURSION_IDIOMS = """\
import functools

def plain(n):
    return 0 if n == 0 else 1 + plain(n - 1)

@functools.lru_cache(maxsize=None)
def memo(n):
    return 0 if n == 0 else 1 + memo(n - 1)

@functools.cache
def cached(n):
    return 0 if n == 0 else 1 + cached(n - 1)

class Node:
    def __init__(self, n):
        self.next = Node(n - 1) if n else None

    def __repr__(self):
        return f"Node({self.next!r})"

def keyed(n):
    return 0 if n == 0 else sorted([0, 1], key=lambda x: keyed(n - 1) if x else 0)[0]

def depths(n):
    memo.cache_clear()
    cached.cache_clear()
    return [plain(n), memo(n), cached(n), len(repr(Node(n))), keyed(n)]

@functools.lru_cache(maxsize=None)
def endless(n):
    return endless(n + 1)

def endless_repr():
    class Loop:
        def __repr__(self):
            return repr(Loop())
    return repr(Loop())
"""


def test_the_recursion_limit_is_script_depth_through_c_wrappers(harness) -> None:
    """CPython counts a call through a C layer (lru_cache's wrapper, a class
    call, repr() calling __repr__, sort calling its key) two or three times:
    memoized recursion stopped at ~110 levels of the policy's 200 while plain
    recursion reached ~228.  Every idiom reaches the policy's depth now, and
    unbounded recursion through C still ends as a recursion limit."""
    depth = SANDBOXED.recursion_limit
    assert depth is not None
    h = harness(SANDBOXED)
    sid = h.load(RECURSION_IDIOMS)
    assert h.call(sid, "depths", depth - 5) == [depth - 5] * 3 + [6 * (depth - 5) + 10, 0]
    for name in ("endless", "endless_repr"):
        with pytest.raises(RecursionLimitError):
            h.call(sid, name, *([0] if name == "endless" else []))
    with pytest.raises(RecursionLimitError):  # (a plain call takes one unit of the counter)
        h.call(sid, "plain", (stack.UNITS_PER_LEVEL + 1) * depth)
    assert h.call(sid, "plain", 3) == 3  # the same worker


def test_recursion_through_c_after_memory_is_used_up_does_not_crash(harness) -> None:
    """The C stack a recursion needs is mapped before the memory limit is set:
    a script that filled its memory and then recursed through C code (here
    sort, ~5 KB of C stack a level) crashed the worker (SIGSEGV: the stack
    could not grow)."""
    h = harness(SANDBOXED)
    sid = h.load(
        "def keyed(n):\n"
        "    return 0 if n == 0 else sorted([0, 1], key=lambda x: keyed(n - 1) if x else 0)[0]\n\n"
        "def fill_then_recurse(depth):\n"
        "    hog = []\n"
        "    for size in (1 << 20, 1 << 16, 1 << 12, 512):\n"
        "        try:\n"
        "            while True:\n"
        "                hog.append(bytearray(size))\n"
        "        except MemoryError:\n"
        "            pass\n"
        "    try:\n"
        "        result = keyed(depth)\n"
        "    except MemoryError:\n"
        "        result = 'memory'\n"
        "    del hog\n"
        "    return result\n"
    )
    try:
        outcome = h.call(sid, "fill_then_recurse", SANDBOXED.recursion_limit)
    except MemoryLimitError:
        outcome = "memory limit"
    assert outcome in (0, "memory", "memory limit")


def test_the_recursion_counter_fits_the_c_stack() -> None:
    assert stack.recursion_units(200) == stack.UNITS_PER_LEVEL * 200 + stack.WORKER_UNITS
    huge = stack.recursion_units(10**6)
    soft, _ = resource.getrlimit(resource.RLIMIT_STACK)
    size = 8 * 1024 * 1024 if soft == resource.RLIM_INFINITY else soft
    assert huge > stack.WORKER_UNITS
    assert huge * stack.BYTES_PER_UNIT < size

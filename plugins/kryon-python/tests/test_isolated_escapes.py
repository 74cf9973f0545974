"""Classic Python sandbox escapes against isolated mode.

Every attack runs with and without the worker's privilege drop, so the audit
hook and the resource limits are shown to hold on their own.  None may read
the secret file, create the marker file, start a process or take the host
down, and the engine must keep serving calls afterwards.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from kryon_python.config import PythonConfig

from kryon_core import (
    MemoryLimitError,
    RecursionLimitError,
    ScriptError,
    ScriptRuntimeError,
    SecurityError,
    TimeLimitError,
)
from kryon_core.testing import kryon_run

from .conftest import SANDBOXED, Harness, reported_headline

SECRET = "kryon-escape-secret-7f3a"

GADGETS = """
def real_globals(fn):
    return vars(type(fn))["__globals__"].__get__(fn)

def real_os():
    import random
    return real_globals(random.Random.randint)["_os"]

def real_builtins():
    import json
    found = real_globals(json.dumps)["__builtins__"]
    return found if isinstance(found, dict) else vars(found)

def real_import(name):
    return real_builtins()["__import__"](name)

def walk_frames(frame):
    found = []
    while frame is not None:
        found.append(frame)
        frame = vars(type(frame))["f_back"].__get__(frame)
    return found

def os_from_frames(frames):
    for frame in frames:
        scope = vars(type(frame))["f_globals"].__get__(frame)
        if "os" in scope:
            return scope["os"]
    raise LookupError("no os in reach")
"""

ATTACKS: dict[str, str] = {
    "builtin open": "return open(SECRET).read()",
    "recovered open": "return real_builtins()['open'](SECRET).read()",
    "os.open": "os = real_os()\n    return os.read(os.open(SECRET, 0), 100)",
    "write a file": "real_builtins()['open'](MARKER, 'w').write('pwned')",
    "os.open for writing": "real_os().open(MARKER, 0o101)",
    "os.system": "return real_os().system('touch ' + MARKER)",
    "posix_spawn": "return real_os().posix_spawn('/bin/touch', ['touch', MARKER], {})",
    "fork": "return real_os().fork()",
    "exec a program": "real_os().execv('/bin/touch', ['touch', MARKER])",
    "import subprocess": "import subprocess\n    subprocess.run(['touch', MARKER])",
    "recovered import of subprocess": "real_import('subprocess').run(['touch', MARKER])",
    "socket": "return real_import('socket').create_connection(('127.0.0.1', 22))",
    "ctypes": "return real_import('ctypes').CDLL(None).system(b'touch ' + MARKER.encode())",
    "importlib": "import importlib\n    return importlib.import_module('os').system('id')",
    "listdir": "return real_os().listdir('/')",
    "kill the host": "os = real_os()\n    os.kill(os.getppid(), 9)",
    "raise the limits": (
        "resource = real_import('resource')\n"
        "    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))\n"
        "    return real_os().open(SECRET, 0)"
    ),
    "subclass walking": (
        "for cls in vars(type)['__subclasses__'](object):\n"
        "        if cls.__name__ == '_wrap_close':\n"
        "            return real_globals(cls.__init__)['system']('touch ' + MARKER)\n"
        "    return 'no gadget'"
    ),
    "frame walking from a generator": (
        "def gen():\n"
        "        yield 1\n"
        "    g = gen()\n"
        "    frame = vars(type(g))['gi_frame'].__get__(g)\n"
        "    return os_from_frames(walk_frames(frame)).system('touch ' + MARKER)"
    ),
    "frame walking from a traceback": (
        "try:\n"
        "        1 / 0\n"
        "    except ZeroDivisionError as exc:\n"
        "        tb = vars(BaseException)['__traceback__'].__get__(exc)\n"
        "        frame = vars(type(tb))['tb_frame'].__get__(tb)\n"
        "    return os_from_frames(walk_frames(frame)).system('touch ' + MARKER)"
    ),
    "sys._getframe": (
        "frames = walk_frames(real_import('sys')._getframe())\n"
        "    return os_from_frames(frames).system('touch ' + MARKER)"
    ),
    "format string attribute access": (
        "import random\n    return '{0.__globals__[_os].system}'.format(random.Random.randint)"
    ),
    "format string reading the file": "return '{0}'.format(real_builtins()['open'](SECRET))",
    "the real recursion limit raised": (
        "real_import('sys').setrecursionlimit(10 ** 6)\n"
        "    def down(n):\n        return down(n + 1) + 1\n"
        "    return down(0)"
    ),
    "string.Formatter.get_field": (
        "import random, string\n"
        "    fmt = string.Formatter()\n"
        "    found, _ = fmt.get_field('0.__globals__', (random.Random.randint,), {})\n"
        "    return found['_os'].system('touch ' + MARKER)"
    ),
    "audit hook removal": "real_import('sys').addaudithook(lambda *a: None)\n    return 1",
    "forged protocol frames": (
        "real_os().write(4, b'\\x09\\x00\\x00\\x00l\\x01\\x00\\x00\\x00Z')\n    return 1"
    ),
    "descriptor exhaustion": (
        "os = real_os()\n"
        "    pipes = [os.pipe() for _ in range(100000)]\n"
        "    return os.read(os.open(SECRET, 0), 100)"
    ),
    "marshalled code": (
        "marshal = real_import('marshal')\n"
        "    code = marshal.loads(marshal.dumps(compile_source))\n"
        "    return code"
    ),
    "mkfifo (not audited)": "real_os().mkfifo(MARKER)",
    "mknod (not audited)": "real_os().mknod(MARKER)",
    "mknod of a rebuilt posix": (
        "imp = real_import('sys').modules['_imp']\n"
        "    class Spec:\n"
        "        name, origin = 'posix', 'built-in'\n"
        "    imp.create_builtin(Spec()).mknod(MARKER)"
    ),
    "threads": (
        "thread = real_import('_thread')\n"
        "    thread.start_new_thread(real_os().system, ('touch ' + MARKER,))\n"
        "    return 1"
    ),
    "gc walking the heap": (
        "import gc\n    return [o for o in gc.get_objects() if type(o).__name__ == 'Worker']"
    ),
    "the real gc walking the heap": (
        "for o in real_import('gc').get_objects():\n"
        "        if type(o).__name__ == 'Worker':\n"
        "            return o.environment.modules['random']._os.system('touch ' + MARKER)"
    ),
    "frames through operator.attrgetter": (
        "import operator\n"
        "    def gen():\n"
        "        yield 1\n"
        "    g = gen()\n"
        "    frame = operator.attrgetter('gi_' + 'frame')(g)\n"
        "    return os_from_frames(walk_frames(frame)).system('touch ' + MARKER)"
    ),
    "a crafted code object": (
        "import types\n"
        "    code = compile('x = 1', 'crafted', 'exec')\n"
        "    return types.FunctionType(code.replace(co_code=b'\\xff\\xff' * 50), {})()"
    ),
    "linecache reading a file": "return real_import('linecache').getline(SECRET, 1)",
    "codecs.open": "import codecs\n    return codecs.open(SECRET).read()",
    "inspect.getsource": "return real_import('inspect').getsource(real_os().system)",
}

LIMIT_ATTACKS: dict[str, tuple[str, type[ScriptError] | tuple[type[ScriptError], ...]]] = {
    "infinite loop": ("while True:\n        pass", TimeLimitError),
    "loop that swallows the timeout": (
        "while True:\n        try:\n            while True:\n                pass\n"
        "        except BaseException:\n            pass",
        TimeLimitError,
    ),
    "alarm disabled": (
        "signal = real_import('signal')\n"
        "    signal.signal(signal.SIGPROF, signal.SIG_IGN)\n"
        "    while True:\n        pass",
        TimeLimitError,
    ),
    "memory bomb": ("return 'x' * (2 ** 31)", MemoryLimitError),
    "list bomb": ("return len([0] * 10 ** 8)", MemoryLimitError),
    "huge power": ("return 10 ** 10 ** 8 % 7", TimeLimitError),
    "a __repr__ of deeply nested objects": (
        "class Deep:\n"
        "        def __init__(self, child):\n            self.child = child\n"
        "        def __repr__(self):\n            return 'D(' + repr(self.child) + ')'\n"
        "    x = None\n"
        "    for _ in range(10 ** 4):\n        x = Deep(x)\n"
        "    return repr(x)",
        RecursionLimitError,
    ),
    "an int squared again and again": (
        "n = 3\n    for _ in range(64):\n        n = n * n\n    return n % 10",
        TimeLimitError,
    ),
    "a string doubled again and again": (
        "s = 'x'\n    while True:\n        s = s * 2",
        MemoryLimitError,
    ),
    "generator expressions nested a million deep": (
        "g = iter(range(3))\n    for _ in range(10 ** 6):\n        g = (x for x in g)\n"
        "    return sum(g)",
        (MemoryLimitError, TimeLimitError),  # (the time limit first on a loaded machine)
    ),
    "an __eq__ comparing itself": (
        "class Evil:\n        def __eq__(self, other):\n            return self == other\n"
        "    return Evil() == Evil()",
        RecursionLimitError,
    ),
    "deepcopy of a deep nest": (
        "import copy\n    x = []\n    for _ in range(10 ** 5):\n        x = [x]\n"
        "    return len(copy.deepcopy(x))",
        RecursionLimitError,
    ),
    "json of a deep nest": (
        "import json\n    return json.loads('[' * 10 ** 6 + ']' * 10 ** 6)",
        RecursionLimitError,
    ),
    "recursion with the script's raised limit": (
        "import sys\n"
        "    sys.setrecursionlimit(10 ** 6)\n"
        "    def down(n):\n        return down(n + 1) + 1\n"
        "    return down(0)",
        RecursionLimitError,
    ),
}


@pytest.fixture(scope="module")
def paths() -> Iterator[tuple[str, str]]:
    """A world-readable secret file and a marker path in a world-writable dir."""
    folder = tempfile.mkdtemp(prefix="kryon-escape-", dir="/tmp")
    os.chmod(folder, 0o777)
    secret = os.path.join(folder, "secret.txt")
    with open(secret, "w", encoding="utf-8") as handle:
        handle.write(SECRET)
    os.chmod(secret, 0o644)
    yield secret, os.path.join(folder, "marker")
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module", params=[True, False], ids=["as-nobody", "keeping-root"])
def sandbox(request: pytest.FixtureRequest) -> Iterator[Harness]:
    harness = Harness(SANDBOXED, config=PythonConfig(drop_privileges=request.param))
    yield harness
    harness.engine.close()


def _attack(sandbox: Harness, paths: tuple[str, str], name: str, body: str) -> object:
    secret, marker = paths
    source = (
        f"SECRET = {secret!r}\nMARKER = {marker!r}\ncompile_source = None\n"
        f"{GADGETS}\ndef attack():\n    {body}\n"
    )
    script = "attack_" + "".join(c if c.isalnum() else "_" for c in name)
    try:
        sid = sandbox.load(source, script)
    except SecurityError:
        return "refused at compile time"
    try:
        return sandbox.call(sid, "attack")
    except ScriptError as exc:
        return exc
    finally:
        sandbox.engine.unload_script(sid)


def _assert_contained(sandbox: Harness, paths: tuple[str, str], outcome: object) -> None:
    _, marker = paths
    shown = outcome.render() if isinstance(outcome, ScriptError) else repr(outcome)
    assert SECRET not in shown
    assert SECRET not in sandbox.printed
    assert not os.path.exists(marker), "the sandbox let a script create a file"
    probe = sandbox.load("def ok():\n    return 'alive'\n", "probe")
    assert sandbox.call(probe, "ok") == "alive"
    sandbox.engine.unload_script(probe)


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_escape_is_contained(sandbox: Harness, paths: tuple[str, str], name: str) -> None:
    outcome = _attack(sandbox, paths, name, ATTACKS[name])
    _assert_contained(sandbox, paths, outcome)


@pytest.mark.parametrize("name", sorted(LIMIT_ATTACKS))
def test_resource_exhaustion_hits_a_limit(
    sandbox: Harness, paths: tuple[str, str], name: str
) -> None:
    body, expected = LIMIT_ATTACKS[name]
    outcome = _attack(sandbox, paths, name, body)
    assert isinstance(outcome, expected), outcome
    _assert_contained(sandbox, paths, outcome)


def test_a_script_that_raised_the_real_recursion_limit_crashes_no_later_call(
    harness: Callable[..., Harness],
) -> None:
    """A script that reached the real ``sys`` and raised the recursion limit
    left it raised for the worker: a later script's deep recursion through C
    (``repr``) overran the C stack and crashed the worker (SIGSEGV).  Each
    call starts with the limit the stack was sized for."""
    h = harness(SANDBOXED)
    raiser = h.load(
        GADGETS + "def raise_it():\n    real_import('sys').setrecursionlimit(10 ** 6)\n"
    )
    h.call(raiser, "raise_it")
    deep = h.load(
        "class Deep:\n"
        "    def __init__(self, child):\n        self.child = child\n"
        "    def __repr__(self):\n        return 'D(' + repr(self.child) + ')'\n"
        "def show():\n"
        "    x = None\n"
        "    for _ in range(10 ** 5):\n        x = Deep(x)\n"
        "    return repr(x)\n",
        "deep",
    )
    with pytest.raises(RecursionLimitError):
        h.call(deep, "show")


def test_a_script_holding_all_its_memory_has_its_error_told_by_the_same_worker(
    harness: Callable[..., Harness],
) -> None:
    """A script whose objects (a global) kept every byte it could have left
    nothing to build the error's report with: the worker died ("the worker ran
    out of memory"), and every script's state started over."""
    h = harness(SANDBOXED)
    keeper = h.load(
        "state = ['first']\ndef change():\n    state[0] = 'changed'\n"
        "def get():\n    return state[0]\n",
        "keeper",
    )
    h.call(keeper, "change")
    hog = h.load(
        "held = None\ndef hog():\n    global held\n    held = []\n"
        "    while True:\n        held = [held]\n",
        "hog",
    )
    with pytest.raises(MemoryLimitError) as info:
        h.call(hog, "hog")
    assert info.value.message == "MemoryError"
    h.engine.unload_script(hog)
    assert h.call(keeper, "get") == "changed"


def test_the_gadgets_really_reach_the_interpreter(sandbox: Harness, paths: tuple[str, str]) -> None:
    """The attacks above are meaningful: scripts can reach ``os`` and the real
    builtins; what stops them is the audit hook and the OS limits."""
    outcome = _attack(
        sandbox, paths, "gadgets", "return [real_os().getpid() > 0, 'open' in real_builtins()]"
    )
    assert outcome == [True, True]


def test_blocked_operations_surface_as_security_errors(
    sandbox: Harness, paths: tuple[str, str]
) -> None:
    outcome = _attack(sandbox, paths, "os.system", ATTACKS["os.system"])
    assert isinstance(outcome, SecurityError), outcome
    assert "os.system" in str(outcome)


def test_huge_output_is_truncated(sandbox: Harness, paths: tuple[str, str]) -> None:
    before = len(sandbox.printed)
    outcome = _attack(sandbox, paths, "output", "while True:\n        print('x' * 65536)")
    assert isinstance(outcome, TimeLimitError)
    produced = sandbox.printed[before:]
    assert len(produced) <= 1024 * 1024 + 100
    assert produced.endswith("[output truncated: limit reached]\n")


def test_crashing_the_worker_restarts_it_with_the_scripts(
    sandbox: Harness, paths: tuple[str, str]
) -> None:
    keeper = sandbox.load("state = 'reloaded'\n\ndef get():\n    return state\n", "keeper")
    outcome = _attack(sandbox, paths, "abort", "real_os().abort()")
    assert isinstance(outcome, ScriptRuntimeError) and "crashed the worker" in str(outcome)
    assert sandbox.call(keeper, "get") == "reloaded"
    sandbox.engine.unload_script(keeper)


@pytest.mark.parametrize(
    "source",
    [
        "x = ().__class__.__base__.__subclasses__()",
        "x = (lambda: 0).__globals__",
        "x = __builtins__",
        "x = __import__('os')",
        "x = __loader__",
        "def g():\n    yield\nx = g().gi_frame.f_back",
    ],
)
def test_compile_time_refusals(sandbox: Harness, source: str) -> None:
    with pytest.raises(SecurityError) as info:
        sandbox.engine.compile(source, script="refused")
    assert info.value.script == "refused" and info.value.line is not None


def test_getattr_refuses_escape_names(sandbox: Harness) -> None:
    sid = sandbox.load(
        "def probe():\n    return getattr((), '__cla' + 'ss__').__name__, "
        "getattr(probe, '__glo' + 'bals__', 'refused')\n",
        "getattr_probe",
    )
    with pytest.raises(ScriptRuntimeError, match="not allowed"):
        sandbox.call(sid, "probe")


def test_an_oversized_frame_stops_the_worker_not_the_host(
    sandbox: Harness, paths: tuple[str, str]
) -> None:
    body = "real_os().write(4, (1 << 30).to_bytes(4, 'little') + b'l')\n    return 1"
    outcome = _attack(sandbox, paths, "oversized frame", body)
    assert isinstance(outcome, ScriptRuntimeError) and "malformed" in str(outcome)
    _assert_contained(sandbox, paths, outcome)


def test_other_processes_cannot_be_reniced_or_pinned(
    sandbox: Harness, paths: tuple[str, str]
) -> None:
    """``os.setpriority`` and ``os.sched_setaffinity`` raise no audit event; the
    seccomp filter refuses them (the host runs as the worker's user when not root)."""
    host = os.getpid()
    priority, affinity = os.getpriority(os.PRIO_PROCESS, host), os.sched_getaffinity(host)
    outcome = _attack(
        sandbox,
        paths,
        "renice",
        "os = real_os()\n"
        "    for change in (lambda: os.setpriority(os.PRIO_PROCESS, os.getppid(), 19),\n"
        "                   lambda: os.sched_setaffinity(os.getppid(), {0})):\n"
        "        try:\n"
        "            change()\n"
        "        except PermissionError:\n"
        "            pass\n"
        "    return 'tried'",
    )
    assert outcome == "tried"
    assert os.getpriority(os.PRIO_PROCESS, host) == priority
    assert os.sched_getaffinity(host) == affinity
    _assert_contained(sandbox, paths, outcome)


def test_other_processes_cannot_be_signalled(sandbox: Harness, paths: tuple[str, str]) -> None:
    """``os.pidfd_open`` and ``signal.pidfd_send_signal`` raise no audit event:
    a worker of the host's user killed ``kryon run`` with them (after closing a
    descriptor to get below ``RLIMIT_NOFILE``).  The seccomp filter refuses the
    whole family; the worker still reads its own limits (``prlimit64`` on itself).
    Signal 0 only checks permission, so a failure here cannot kill the test run."""
    outcome = _attack(
        sandbox,
        paths,
        "pidfd signal",
        "os, signal = real_os(), real_import('signal')\n"
        "    resource = real_import('resource')\n"
        "    limits = resource.getrlimit(resource.RLIMIT_NOFILE)\n"
        "    os.close(5)\n"
        "    try:\n"
        "        fd = os.pidfd_open(os.getppid())\n"
        "    except PermissionError:\n"
        "        return ['refused', limits[0] > 0]\n"
        "    signal.pidfd_send_signal(fd, 0)\n"
        "    return ['signalled the host', limits[0] > 0]",
    )
    assert outcome == ["refused", True]
    _assert_contained(sandbox, paths, outcome)


# Hostile programs as `kryon run FILE.py` runs them (the sandboxed policy):
# (source, printed, exit status, stderr's first line starts with).  A memory
# bomb may meet the time limit first on a loaded machine, which is as good.
HOSTILE_PROGRAMS: dict[str, tuple[str, str, int, str]] = {
    "a __repr__ recursing on itself": (
        "class R:\n    def __repr__(self):\n        return repr(self)\nprint(R())\n",
        "",
        70,
        "RecursionLimitError: hostile.py:3: RecursionError",
    ),
    "the repr of a list nested 100,000 deep": (
        "a = []\nfor i in range(100000):\n    a = [a]\nprint(repr(a)[:10])\n",
        "",
        70,
        "RecursionLimitError: hostile.py:4: RecursionError",
    ),
    "json nested 100,000 deep": (
        'import json\nprint(json.loads("[" * 100000 + "]" * 100000))\n',
        "",
        70,
        "RecursionLimitError: hostile.py:2: RecursionError",
    ),
    "str of a huge int with the digit limit off": (
        "import sys\nsys.set_int_max_str_digits(0)\nprint(len(str(10 ** 2000000)))\n",
        "",
        70,
        "TimeLimitError: hostile.py:3:",
    ),
    "factorial of a million": (
        "import math\nprint(len(str(math.factorial(10 ** 6))))\n",
        "",
        70,
        "TimeLimitError: hostile.py:2:",
    ),
    "a catastrophic regex": (
        'import re\nprint(re.match(r"(a+)+$", "a" * 40 + "b"))\n',
        "",
        70,
        "TimeLimitError: hostile.py:2:",
    ),
    "a generator that swallows what is thrown in": (
        "def g():\n    while True:\n        try:\n            yield\n"
        "        except BaseException:\n            pass\n"
        "x = g()\nnext(x)\nwhile True:\n    x.throw(KeyboardInterrupt)\n",
        "",
        70,
        "TimeLimitError: hostile.py:",
    ),
    "an exception whose __str__ loops": (
        "class E(Exception):\n    def __str__(self):\n        while True:\n"
        "            pass\nraise E()\n",
        "",
        70,
        "TimeLimitError: hostile.py:",
    ),
    "sys.exit with an object whose __str__ loops": (
        "import sys\nclass Bad:\n    def __str__(self):\n        while True:\n"
        "            pass\nsys.exit(Bad())\n",
        "",
        70,
        "TimeLimitError: hostile.py:",
    ),
    "an atexit callback that loops": (
        "import atexit\ndef spin():\n    while True:\n        pass\n"
        "atexit.register(spin)\nprint('registered')\n",
        "registered\n",
        70,
        "TimeLimitError: hostile.py:",
    ),
    "a __del__ that loops at the end": (
        "class D:\n    def __del__(self):\n        while True:\n            pass\n"
        "d = D()\nprint('end')\n",
        "end\n",
        70,
        "TimeLimitError: hostile.py:",
    ),
    "an asyncio task spinning on sleep(0)": (
        "import asyncio\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\n"
        "asyncio.run(spin())\n",
        "",
        70,
        "TimeLimitError: hostile.py:",
    ),
    "asyncio tasks spinning together": (
        "import asyncio\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\n"
        "async def main():\n    await asyncio.gather(spin(), spin())\nasyncio.run(main())\n",
        "",
        70,
        "TimeLimitError: hostile.py:",
    ),
    "a list of strings without end": (
        "x = []\nwhile True:\n    x.append('x' * 1000)\n",
        "",
        70,
        "MemoryLimitError: hostile.py:3: MemoryError",
    ),
    "a dict of a hundred million entries": (
        "d = {i: str(i) * 10 for i in range(10 ** 8)}\n",
        "",
        70,
        "MemoryLimitError: hostile.py:1: MemoryError",
    ),
    "a bytearray growing a megabyte at a time": (
        "b = bytearray()\nwhile True:\n    b.extend(b'x' * 10 ** 6)\n",
        "",
        70,
        "MemoryLimitError: hostile.py:3: MemoryError",
    ),
    "joining ten gigabytes": (
        "print(len(''.join(['x' * 10 ** 6] * 10 ** 4)))\n",
        "",
        70,
        "MemoryLimitError: hostile.py:1: MemoryError",
    ),
    "exec of ten million lines": (
        "exec('x = 1\\n' * 10 ** 7)\n",
        "",
        70,
        "MemoryLimitError: hostile.py:1: MemoryError",
    ),
    "a decimal context of a hundred million digits": (
        "from decimal import Decimal, getcontext\ngetcontext().prec = 10 ** 8\n"
        "print(Decimal(1) / Decimal(7))\n",
        "",
        70,
        "MemoryLimitError: hostile.py:3: MemoryError",
    ),
    "pickle": (
        "import pickle\npickle.loads(b\"cos\\nsystem\\n(S'id'\\ntR.\")\n",
        "",
        70,
        "ScriptRuntimeError: hostile.py:1: ModuleNotFoundError: import of 'pickle' is not "
        "allowed in the sandbox",
    ),
    "ctypes": (
        "import ctypes\nctypes.CDLL(None).system(b'id')\n",
        "",
        70,
        "ScriptRuntimeError: hostile.py:1: ModuleNotFoundError: import of 'ctypes'",
    ),
    "importlib": (
        "import importlib\nimportlib.import_module('os').system('id')\n",
        "",
        70,
        "ScriptRuntimeError: hostile.py:1: ModuleNotFoundError: import of 'importlib'",
    ),
    "threads": (
        "import threading\nthreading.Thread(target=print).start()\n",
        "",
        70,
        "ScriptRuntimeError: hostile.py:1: ModuleNotFoundError: import of 'threading'",
    ),
    "gi_frame through getattr": (
        "def g():\n    yield 1\nx = g()\nprint(getattr(x, 'gi_' + 'frame'))\n",
        "",
        70,
        "ScriptRuntimeError: hostile.py:4: AttributeError: access to 'gi_frame' is not allowed",
    ),
    "a traceback's frame and its globals": (
        "try:\n    1 / 0\nexcept Exception as e:\n"
        "    print(e.__traceback__.tb_frame.f_back.f_globals)\n",
        "",
        70,
        "SecurityError: hostile.py:4:",
    ),
    "a function's code object": (
        "def f():\n    return 1\nc = f.__code__\n",
        "",
        70,
        "SecurityError: hostile.py:3:",
    ),
    "os beyond its subset": (
        "import os\nprint(os.listdir('/'))\n",
        "",
        70,
        "ScriptRuntimeError: hostile.py:2: AttributeError: module 'os' has no attribute 'listdir'",
    ),
    "source nested too deep to compile": (
        "x = " + "(" * 300 + ")" * 300 + "\n",
        "",
        65,
        "CompileError: hostile.py:1:",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_PROGRAMS))
def test_a_hostile_program_ends_as_it_must(tmp_path: Path, case: str) -> None:
    source, printed, status, headline = HOSTILE_PROGRAMS[case]
    (tmp_path / "hostile.py").write_text(source)
    result = kryon_run("hostile.py", cwd=tmp_path, timeout=60)
    assert (result.returncode, result.stdout) == (status, printed)
    lines = result.stderr.splitlines()
    first = reported_headline(result.stderr)
    # (the report only: nothing of the worker's own, such as asyncio logging a
    # callback the time limit interrupted, with the worker's paths)
    assert not any(
        line.startswith(("Exception in callback", "Task was destroyed")) for line in lines
    )
    if headline.startswith("MemoryLimitError"):  # (or the time limit, on a loaded machine)
        assert first.startswith((headline, "TimeLimitError: hostile.py:")), first
    else:
        assert first.startswith(headline), first

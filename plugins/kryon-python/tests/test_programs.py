"""Scripts written as Python programs: ``__main__`` and ``sys`` (exits: test_exit.py)."""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable

import pytest

from kryon_core import ScriptExit, ScriptRuntimeError, SecurityError, TimeLimitError

from .conftest import PY311, SANDBOXED, Harness

PROGRAM = """\
def main():
    print("main ran")
    return 0

def name():
    return __name__

if __name__ == "__main__":
    main()
"""


def load_entry(h: Harness, source: str, script: str = "prog.py") -> int:
    compiled = h.engine.compile(source, script=script)
    return h.engine.load_script(dataclasses.replace(compiled, entry_point=True))


def test_the_entry_point_runs_as_main(either: Harness) -> None:
    sid = load_entry(either, PROGRAM)
    assert either.printed == "main ran\n"
    assert either.call(sid, "name") == "__main__"


def test_a_loaded_module_is_not_main(either: Harness) -> None:
    sid = either.load(PROGRAM, "lib.py")
    assert either.printed == ""
    assert either.call(sid, "name") == "lib"


def test_sandboxed_sys_offers_facts_argv_and_streams(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "import sys\nfrom sys import argv\n"
        "sys.stdout.write('out\\n')\nprint('err', file=sys.stderr)\n"
        "def facts():\n"
        "    return [argv, sys.maxsize, list(sys.version_info[:2]),\n"
        "            hasattr(sys, 'modules'), hasattr(sys, '_getframe'), hasattr(sys, 'path')]\n",
        "facts.py",
    )
    assert h.output == [("out\n", "stdout", "facts.py"), ("err\n", "stderr", "facts.py")]
    argv, maxsize, version, *hidden = h.call(sid, "facts")
    assert argv == ["facts.py"] and maxsize == 2**63 - 1 and len(version) == 2
    assert hidden == [False, False, False]


def test_sandboxed_scripts_use_in_memory_io_but_never_files(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "import csv, hashlib, html, io\n"
        "def table(text):\n"
        "    return list(csv.reader(io.StringIO(text)))\n"
        "def digest(text):\n"
        "    return hashlib.sha256(text.encode()).hexdigest()[:8] + html.escape('<')\n"
        "def steal():\n"
        "    return io.open('/etc/hostname').read()\n",
        "tools.py",
    )
    assert h.call(sid, "table", "a,b\n1,2\n") == [["a", "b"], ["1", "2"]]
    assert h.call(sid, "digest", "x") == "2d711642&lt;"
    with pytest.raises(SecurityError, match="does not allow 'open'"):
        h.call(sid, "steal")


@PY311
def test_an_uncaught_error_reports_its_notes_and_group_members(either: Harness) -> None:
    source = (
        "e = ValueError('bad')\n"
        "e.add_note('while parsing')\n"
        "def group():\n"
        "    raise ExceptionGroup('many', [KeyError('k'), ExceptionGroup('inner', [e])])\n"
        "def noted():\n"
        "    raise e\n"
    )
    sid = either.load(source, "errs.py")
    with pytest.raises(ScriptRuntimeError) as noted:
        either.call(sid, "noted")
    assert noted.value.message == "ValueError: bad\nwhile parsing"
    with pytest.raises(ScriptRuntimeError) as group:
        either.call(sid, "group")
    assert group.value.message.splitlines() == [
        "ExceptionGroup: many (2 sub-exceptions)",
        "  1: KeyError: 'k'",
        "  2: ExceptionGroup: inner (1 sub-exception)",
        "      1: ValueError: bad",
        "        while parsing",
    ]
    assert group.value.line == 4


def test_an_error_whose_str_fails_is_reported_as_python_does(either: Harness) -> None:
    sid = either.load(
        "class Odd(Exception):\n"
        "    def __str__(self):\n"
        "        raise RuntimeError('no text')\n"
        "def fail():\n"
        "    raise Odd()\n"
        "def fine():\n"
        "    return 'still here'\n"
    )
    with pytest.raises(ScriptRuntimeError) as info:
        either.call(sid, "fail")
    assert info.value.message == "Odd: <exception str() failed>" and info.value.line == 5
    assert either.call(sid, "fine") == "still here"


def test_an_error_whose_str_never_returns_meets_the_time_limit(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "class Stuck(Exception):\n"
        "    def __str__(self):\n"
        "        while True:\n"
        "            pass\n"
        "def fail():\n"
        "    raise Stuck()\n"
    )
    with pytest.raises(TimeLimitError) as info:
        h.call(sid, "fail")
    assert "worker was stopped" not in info.value.message
    assert info.value.line == 6


def test_sandboxed_input_finds_no_standard_input(harness: Callable[..., Harness]) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "def ask():\n"
        "    try:\n"
        "        return input('name? ')\n"
        "    except EOFError as e:\n"
        "        return str(e)\n"
    )
    assert h.call(sid, "ask") == "EOF when reading a line"
    assert h.printed == "name? "


def test_a_refused_import_is_a_module_not_found_error(harness: Callable[..., Harness]) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "def probe(name):\n"
        "    try:\n"
        "        exec(f'import {name}')\n"
        "    except ModuleNotFoundError as e:\n"
        "        return e.name\n"
    )
    assert h.call(sid, "probe", "subprocess") == "subprocess"
    assert h.call(sid, "probe", "numpy") == "numpy"


def test_a_module_that_exists_nowhere_has_pythons_message(
    harness: Callable[..., Harness],
) -> None:
    """``import numpy`` said "not allowed in the sandbox", where ``python``
    says "No module named 'numpy'"; a withheld standard module still says so."""
    h = harness(SANDBOXED)
    sid = h.load(
        "def probe(name):\n"
        "    try:\n"
        "        exec(f'import {name}')\n"
        "    except ModuleNotFoundError as e:\n"
        "        return [str(e), e.name]\n"
    )
    assert h.call(sid, "probe", "numpy.linalg") == ["No module named 'numpy'", "numpy"]
    assert h.call(sid, "probe", "socket") == [
        "import of 'socket' is not allowed in the sandbox",
        "socket",
    ]


def test_sandboxed_globals_are_a_modules_own(harness: Callable[..., Harness]) -> None:
    """``__doc__`` of a script without a docstring was the builtins module's
    docstring and ``__package__`` was ``''``, found through the builtins."""
    h = harness(SANDBOXED)
    sid = h.load("def facts():\n    return [__doc__, __package__]\n", "plain.py")
    documented = h.load('"""Tools."""\ndef doc():\n    return __doc__\n', "documented.py")
    assert h.call(sid, "facts") == [None, None]
    assert h.call(documented, "doc") == "Tools."


@PY311
def test_sandboxed_sys_reports_the_exception_being_handled(
    harness: Callable[..., Harness],
) -> None:
    """``sys.exc_info()`` and ``sys.exception()`` were missing from the
    sandboxed ``sys`` (AttributeError in ordinary error handling code)."""
    h = harness(SANDBOXED)
    sid = h.load(
        "import sys\n"
        "def handled():\n"
        "    try:\n"
        "        {}['k']\n"
        "    except KeyError:\n"
        "        kind, value, _ = sys.exc_info()\n"
        "        return [kind.__name__, repr(value), repr(sys.exception())]\n"
        "def idle():\n"
        "    return [sys.exc_info(), sys.implementation.name]\n"
    )
    assert h.call(sid, "handled") == ["KeyError", "KeyError('k')", "KeyError('k')"]
    assert h.call(sid, "idle") == [[None, None, None], "cpython"]


def test_everyday_dunder_attributes_are_not_refused(harness: Callable[..., Harness]) -> None:
    """A proxy's ``object.__getattribute__(self, name)``, ``f.__wrapped__``,
    ``method.__func__`` and ``exc.__traceback__`` were refused at compile time
    although none leads anywhere on its own; frames stay refused."""
    h = harness(SANDBOXED)
    sid = h.load(
        "import functools, traceback\n"
        "class Proxy:\n"
        "    a = 1\n"
        "    def __getattribute__(self, name):\n"
        "        return object.__getattribute__(self, name) * 10\n"
        "    def method(self):\n"
        "        pass\n"
        "def deco(f):\n"
        "    @functools.wraps(f)\n"
        "    def inner():\n"
        "        return f() + 1\n"
        "    return inner\n"
        "@deco\n"
        "def one():\n"
        "    return 1\n"
        "def probe():\n"
        "    try:\n"
        "        1 / 0\n"
        "    except ZeroDivisionError as e:\n"
        "        shown = traceback.format_exception(type(e), e, e.__traceback__)\n"
        "    bound = Proxy.method.__get__(0)\n"
        "    return [Proxy().a, one(), one.__wrapped__(), bound.__func__.__name__, shown[-1]]\n"
    )
    assert h.call(sid, "probe") == [10, 2, 1, "method", "ZeroDivisionError: division by zero\n"]
    with pytest.raises(SecurityError):
        h.load("def f(e):\n    return e.__traceback__.tb_frame\n")


def test_class_hierarchies_can_be_inspected(either: Harness) -> None:
    sid = either.load(
        "class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass\n"
        "def order():\n"
        "    return [c.__name__ for c in D.__mro__] + [c.__name__ for c in D.mro()]\n"
        "def bases():\n"
        "    return [c.__name__ for c in D.__bases__] + [B.__base__.__name__, print.__name__]\n"
    )
    assert either.call(sid, "order") == ["D", "B", "C", "A", "object"] * 2
    assert either.call(sid, "bases") == ["B", "C", "A", "print"]


def test_print_follows_sys_stdout_as_python_does(either: Harness) -> None:
    sid = either.load(
        "import contextlib, io, sys\n"
        "def capture():\n"
        "    buffer = io.StringIO()\n"
        "    with contextlib.redirect_stdout(buffer):\n"
        "        print('redirected')\n"
        "        print('explicit', file=sys.stdout)\n"
        "    saved, sys.stdout = sys.stdout, io.StringIO()\n"
        "    print('replaced')\n"
        "    replaced = sys.stdout.getvalue()\n"
        "    sys.stdout = saved\n"
        "    print('shown')\n"
        "    return [buffer.getvalue(), replaced]\n",
        "capture.py",
    )
    assert either.call(sid, "capture") == ["redirected\nexplicit\n", "replaced\n"]
    assert either.printed == "shown\n"


def test_library_output_reaches_the_sandboxed_script_stdout(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    h.load("import pprint\npprint.pprint({'shown': [1, 2]})\n", "pretty.py")
    assert h.output == [("{'shown': [1, 2]}\n", "stdout", "pretty.py")]


def test_sandboxed_scripts_import_everyday_modules(harness: Callable[..., Harness]) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "import keyword, queue, traceback, types, weakref\n"
        "class Box:\n"
        "    pass\n"
        "def everyday():\n"
        "    q = queue.PriorityQueue()\n"
        "    q.put((2, 'b'))\n"
        "    q.put((1, 'a'))\n"
        "    box = Box()\n"
        "    weakref.finalize(box, print, 'finalized')\n"
        "    alive = weakref.ref(box)() is box\n"
        "    del box\n"
        "    return [q.get()[1], types.SimpleNamespace(x=1).x, keyword.iskeyword('for'), alive]\n"
        "def report():\n"
        "    try:\n"
        "        1 / 0\n"
        "    except ZeroDivisionError:\n"
        "        traceback.print_exc()\n"
        "        return traceback.format_exc().splitlines()\n",
        "daily.py",
    )
    assert h.call(sid, "everyday") == ["a", 1, True, True]
    assert h.printed == "finalized\n"
    lines = h.call(sid, "report")
    assert lines[0] == "Traceback (most recent call last):"
    assert '  File "daily.py", line 15, in report' in lines
    assert lines[-1] == "ZeroDivisionError: division by zero"
    errors = "".join(text for text, stream, _ in h.output if stream == "stderr")
    assert errors.splitlines() == lines


def test_an_error_in_a_finalizer_is_reported_with_script_frames_and_lines_only(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    h.load(
        "class Res:\n"
        "    def __del__(self):\n"
        "        raise ValueError('in del')\n"
        "r = Res()\n"
        "del r\n"
        "print('after')\n",
        "fin.py",
    )
    errors = "".join(text for text, stream, _ in h.output if stream == "stderr")
    assert errors.startswith("Exception ignored in: <function Res.__del__ at ")
    assert errors.endswith(
        'Traceback (most recent call last):\n  File "fin.py", line 3, in __del__\n'
        "    raise ValueError('in del')\nValueError: in del\n"
    )
    assert "kryon_python" not in errors
    assert h.output[-1] == ("after\n", "stdout", "fin.py")


def test_a_call_that_swallows_the_time_limit_still_fails(harness: Callable[..., Harness]) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "def sneaky():\n"
        "    try:\n"
        "        while True:\n"
        "            pass\n"
        "    except BaseException:\n"
        "        return 'escaped'\n"
        "def stuck_finalizer():\n"
        "    def gen():\n"
        "        try:\n"
        "            yield 1\n"
        "        finally:\n"
        "            while True:\n"
        "                pass\n"
        "    g = gen()\n"
        "    next(g)\n"
        "    del g\n"
        "    return 'finished'\n"
    )
    with pytest.raises(TimeLimitError):
        h.call(sid, "sneaky")
    with pytest.raises(TimeLimitError):
        h.call(sid, "stuck_finalizer")
    assert "kryon_python" not in h.printed


def test_sandboxed_sys_has_the_calls_programs_make_at_start_up(
    harness: Callable[..., Harness],
) -> None:
    """``sys.setrecursionlimit``, ``sys.set_int_max_str_digits`` and
    ``sys.stdin`` were missing: common program preambles failed with
    AttributeError.  Standard input is empty, as under ``< /dev/null``; the
    recursion limit stays the policy's; the digit limit is the script's own."""
    h = harness(SANDBOXED)
    sid = h.load(
        "import sys\n"
        "sys.setrecursionlimit(10 ** 6)\n"
        "sys.set_int_max_str_digits(0)\n"
        "def facts():\n"
        "    return [sys.getrecursionlimit(), len(str(10 ** 5000)), sys.stdin.read(),\n"
        "            [line for line in sys.stdin], input.__name__]\n"
        "def bad_limit():\n"
        "    sys.setrecursionlimit('deep')\n",
        "prog.py",
    )
    other = h.load("import sys\ndef digits():\n    return sys.get_int_max_str_digits()\n", "o.py")
    assert h.call(sid, "facts") == [SANDBOXED.recursion_limit, 5001, "", [], "input"]
    assert h.call(other, "digits") == 4300
    with pytest.raises(ScriptRuntimeError, match="TypeError"):
        h.call(sid, "bad_limit")


def test_print_checks_and_writes_as_the_builtin_does(either: Harness) -> None:
    """``print`` joined its pieces into one ``file.write`` (a custom stream saw
    ``'a 1\\n'``, Python gives it ``'a', ' ', '1', '\\n'``), gave Python's own
    errors for neither a bad ``sep`` (``'int' object has no attribute 'join'``)
    nor an unknown keyword, and ignored ``flush=True``."""
    sid = either.load(
        "class Sink:\n"
        "    def __init__(self):\n"
        "        self.parts = []\n"
        "    def write(self, text):\n"
        "        self.parts.append(text)\n"
        "    def flush(self):\n"
        "        self.parts.append('<flush>')\n"
        "def pieces():\n"
        "    sink = Sink()\n"
        "    print('a', 1, file=sink, flush=True)\n"
        "    print(file=sink, end=None, sep=None)\n"
        "    return sink.parts\n"
        "def refused(options):\n"
        "    try:\n"
        "        print('x', **options)\n"
        "    except TypeError as e:\n"
        "        return str(e)\n"
        "class Bad:\n"
        "    def __str__(self):\n"
        "        raise ValueError('no')\n"
        "def partial():\n"
        "    try:\n"
        "        print('shown', Bad())\n"
        "    except ValueError:\n"
        "        print('|')\n",
        "pieces.py",
    )
    assert either.call(sid, "pieces") == ["a", " ", "1", "\n", "<flush>", "\n"]
    assert either.call(sid, "refused", {"sep": 5}) == "sep must be None or a string, not int"
    assert either.call(sid, "refused", {"end": [""]}) == "end must be None or a string, not list"
    unknown = either.call(sid, "refused", {"foo": 1})
    assert unknown == "'foo' is an invalid keyword argument for print()"
    either.call(sid, "partial")
    assert either.printed == "shown |\n"


def test_sandboxed_stdout_has_a_binary_buffer(harness: Callable[..., Harness]) -> None:
    """``sys.stdout.buffer.write(b'...')`` (fast output in contest-style
    programs) failed: the sandboxed streams had no ``buffer``."""
    h = harness(SANDBOXED)
    sid = h.load(
        "import sys\n"
        "def emit():\n"
        "    out = sys.stdout.buffer\n"
        "    sizes = [out.write(b'caf\\xc3'), out.write(bytearray(b'\\xa9 ok\\n'))]\n"
        "    sys.stderr.buffer.write(memoryview(b'err\\n'))\n"
        "    try:\n"
        "        out.write('text')\n"
        "    except TypeError as e:\n"
        "        sizes.append(str(e))\n"
        "    return sizes\n",
        "fast.py",
    )
    assert h.call(sid, "emit") == [4, 5, "a bytes-like object is required, not 'str'"]
    assert h.output == [("café ok\n", "stdout", "fast.py"), ("err\n", "stderr", "fast.py")]


def test_output_travels_in_few_frames_and_in_order(harness: Callable[..., Harness]) -> None:
    """Every write was a frame of its own (encoding plus a system call, about
    three times what ``print`` costs Python): 20,000 printed lines took the
    worker past the sandboxed 100 ms.  Writes now gather until the stream
    changes, something else goes to the host, or a millisecond passes."""
    h = harness(SANDBOXED)
    sid = h.load(
        "import sys, kryon\n"
        "def many():\n"
        "    for i in range(2000):\n"
        "        print(i)\n"
        "def mixed():\n"
        "    print('a')\n"
        "    print('b', file=sys.stderr)\n"
        "    kryon.log('logged')\n"
        "    sys.stdout.write('c\\n')\n",
        "lines.py",
    )
    h.call(sid, "many")
    assert h.printed == "".join(f"{i}\n" for i in range(2000))
    assert len(h.output) < 200
    h.output.clear()
    h.call(sid, "mixed")
    assert [(text, stream) for text, stream, _ in h.output] == [
        ("a\n", "stdout"),
        ("b\n", "stderr"),
        ("c\n", "stdout"),
    ]


def test_sleeping_under_a_time_limit_takes_no_time(harness: Callable[..., Harness]) -> None:
    """Under the sandboxed policy's 100 ms, a program that sleeps (``time.sleep``,
    ``asyncio.sleep``, ``wait_for``) runs as under python, at once: the
    script's clocks move on by what it slept (worker/clock.py)."""
    h = harness(SANDBOXED)
    sid = h.load(
        "import asyncio, time\n"
        "async def task(name, delay):\n"
        "    await asyncio.sleep(delay)\n"
        "    print(name)\n"
        "async def main():\n"
        "    await asyncio.gather(task('b', 2), task('a', 1))\n"
        "    try:\n"
        "        await asyncio.wait_for(asyncio.sleep(60), 1.5)\n"
        "    except asyncio.TimeoutError:\n"
        "        print('timed out')\n"
        "def nap():\n"
        "    start, ns = time.time(), time.perf_counter_ns()\n"
        "    time.sleep(30)\n"
        "    asyncio.run(main())\n"
        "    return [round(time.time() - start, 1), (time.perf_counter_ns() - ns) // 10**8]\n"
        "def bad(seconds):\n"
        "    time.sleep(seconds)\n"
        "def forever():\n"
        "    while True:\n"
        "        time.sleep(1)\n",
        "nap.py",
    )
    assert h.call(sid, "nap") == [33.5, 335]
    assert h.printed == "a\nb\ntimed out\n"
    with pytest.raises(ScriptRuntimeError, match="sleep length must be non-negative"):
        h.call(sid, "bad", -1)
    with pytest.raises(ScriptRuntimeError, match="'str' object cannot be interpreted as an"):
        h.call(sid, "bad", "x")
    with pytest.raises(TimeLimitError):  # sleeping in a loop still spends CPU time
        h.call(sid, "forever")


def test_closing_ends_the_program_as_python_does(harness: Callable[..., Harness]) -> None:
    """At the end of ``python FILE`` the atexit callbacks run (last registered
    first) and the globals are let go, so finalizers print; the worker was
    killed with the program's objects still alive and none of it happened."""
    h = harness(SANDBOXED)
    load_entry(
        h,
        "import atexit\n"
        "class Resource:\n"
        "    def __init__(self, name):\n"
        "        self.name = name\n"
        "    def __del__(self):\n"
        "        print('released', self.name)\n"
        "def gen():\n"
        "    try:\n"
        "        yield 1\n"
        "    finally:\n"
        "        print('generator closed')\n"
        "atexit.register(print, 'first registered')\n"
        "@atexit.register\n"
        "def failing():\n"
        "    raise ValueError('in atexit')\n"
        "kept = Resource('kept')\n"
        "g = gen()\n"
        "next(g)\n"
        "print('end of program')\n",
    )
    assert h.printed == "end of program\n"
    h.engine.close()
    stdout = "".join(text for text, stream, _ in h.output if stream == "stdout")
    stderr = "".join(text for text, stream, _ in h.output if stream == "stderr")
    assert stdout == "end of program\nfirst registered\nreleased kept\ngenerator closed\n"
    colon = ":" if sys.version_info < (3, 13) else ""  # as this Python words it
    assert stderr.startswith(f"Exception ignored in atexit callback{colon} <function failing at ")
    assert stderr.endswith(
        '  File "prog.py", line 15, in failing\n'
        "    raise ValueError('in atexit')\nValueError: in atexit\n"
    )


def test_a_finalizer_that_never_ends_does_not_hold_up_closing(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    h.load(
        "class Stuck:\n    def __del__(self):\n        while True:\n            pass\n"
        "kept = Stuck()\n"
    )
    started = time.monotonic()
    h.engine.close()
    assert time.monotonic() - started < 2.0


def test_a_finalizer_stopped_by_the_time_limit_at_the_end_is_told_at_its_line(
    harness: Callable[..., Harness],
) -> None:
    """Python would hang in it; the limit stops it, and closing (which
    cannot fail) tells it on stderr instead of dropping it."""
    h = harness(SANDBOXED)
    load_entry(
        h,
        "def gen():\n"
        "    try:\n"
        "        yield 1\n"
        "    finally:\n"
        "        print('in finally')\n"
        "        while True:\n"
        "            pass\n"
        "g = gen()\n"
        "next(g)\n"
        "print('end')\n",
    )
    h.engine.close()
    stdout = "".join(text for text, stream, _ in h.output if stream == "stdout")
    stderr = "".join(text for text, stream, _ in h.output if stream == "stderr")
    assert stdout == "end\nin finally\n"
    assert stderr.startswith(
        "TimeLimitError: prog.py:6: the call ran past the policy's time limit"
        " (while the program's finalizers ran)\n"
    )
    assert "prog.py:6 in gen" in stderr


def test_ending_the_program_raises_the_limit_that_stopped_its_atexit_callback(
    harness: Callable[..., Harness],
) -> None:
    """kryon run ends the program before closing: the limit is the run's error
    (exit 70), and closing afterwards has nothing left to tell."""
    h = harness(SANDBOXED)
    sid = load_entry(
        h, "import atexit\n\n@atexit.register\ndef bye():\n    while True:\n        pass\n"
    )
    with pytest.raises(TimeLimitError) as info:
        h.engine.end_program(sid)
    assert str(info.value) == (
        "prog.py:5: the call ran past the policy's time limit (while the program's finalizers ran)"
    )
    assert "prog.py:5 in bye" in info.value.render()
    h.engine.end_program(sid)  # once only
    h.engine.close()
    assert not [text for text, stream, _ in h.output if stream == "stderr"]


def test_a_finalizer_stopped_by_the_time_limit_in_a_call_names_its_line(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "class Stuck:\n"
        "    def __del__(self):\n"
        "        while True:\n"
        "            pass\n"
        "def drop():\n"
        "    s = Stuck()\n"
        "    del s\n"
        "    return 'finished'\n",
        "stuck.py",
    )
    with pytest.raises(TimeLimitError) as info:
        h.call(sid, "drop")
    assert (info.value.script, info.value.line) == ("stuck.py", 3)


def test_logging_writes_to_the_scripts_stderr(harness: Callable[..., Harness]) -> None:
    h = harness(SANDBOXED)
    h.load(
        "import logging\n"
        "logging.basicConfig(level=logging.INFO, format='%(levelname)s:%(name)s:%(message)s')\n"
        "log = logging.getLogger('app')\n"
        "log.info('starting')\n"
        "log.debug('hidden')\n"
        "log.warning('careful %d', 3)\n"
        "print('on stdout')\n",
        "logs.py",
    )
    stderr = "".join(text for text, stream, _ in h.output if stream == "stderr")
    stdout = "".join(text for text, stream, _ in h.output if stream == "stdout")
    assert (stdout, stderr) == ("on stdout\n", "INFO:app:starting\nWARNING:app:careful 3\n")


def test_import_gc_collects_but_hands_out_no_objects(harness: Callable[..., Harness]) -> None:
    """``import gc`` was refused ("not allowed in the sandbox"): programs that
    run finalizers at a known point (``del x; gc.collect()``) failed."""
    h = harness(SANDBOXED)
    sid = h.load(
        "import gc\n"
        "class Node:\n"
        "    def __init__(self):\n"
        "        self.other = self\n"
        "    def __del__(self):\n"
        "        print('finalized')\n"
        "def cycle():\n"
        "    Node()\n"
        "    gc.disable()\n"
        "    off = gc.isenabled()\n"
        "    gc.enable()\n"
        "    return [gc.collect() > 0, off, gc.isenabled()]\n"
        "def walkers():\n"
        "    return [hasattr(gc, n) for n in ('get_objects', 'get_referrers', 'callbacks')]\n",
        "gcuser.py",
    )
    assert h.call(sid, "cycle") == [True, False, True]
    assert h.printed == "finalized\n"
    assert h.call(sid, "walkers") == [False] * 3


def test_import_os_gives_the_facts_and_pure_path_functions_only(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "import os\n"
        "import os.path\n"
        "from os.path import join\n"
        "def facts():\n"
        "    return [os.path.join('a', 'b.txt'), join('/x', 'y'), os.path.splitext('f.tar.gz'),\n"
        "            os.sep, os.getenv('HOME'), os.environ.get('PATH', 'none'),\n"
        "            [hasattr(os, n) for n in ('system', 'listdir', 'fork', 'open', 'getcwd')],\n"
        "            [hasattr(os.path, n) for n in ('exists', 'abspath', 'expanduser')]]\n",
        "o.py",
    )
    assert h.call(sid, "facts") == [
        "a/b.txt",
        "/x/y",
        ["f.tar", ".gz"],
        "/",
        None,
        "none",
        [False] * 5,
        [False] * 3,
    ]


def test_import_builtins_gives_the_scripts_own_builtins(harness: Callable[..., Harness]) -> None:
    h = harness(SANDBOXED)
    sid = h.load(
        "import builtins\n"
        "from builtins import len as size\n"
        "builtins.print('via builtins')\n"
        "def facts():\n"
        "    return [builtins.print is print, size('abc'), builtins.__name__,\n"
        "            hasattr(builtins, 'open'), hasattr(builtins, '__import__')]\n",
        "b.py",
    )
    assert h.printed == "via builtins\n"
    assert h.call(sid, "facts") == [True, 3, "builtins", False, False]


def test_a_program_that_failed_still_ends_as_python_ends_it(
    harness: Callable[..., Harness],
) -> None:
    h = harness(SANDBOXED)
    with pytest.raises(ScriptRuntimeError, match="ZeroDivisionError"):
        load_entry(h, "import atexit\natexit.register(print, 'bye')\nprint('hi')\n1 / 0\n")
    h.engine.close()
    assert h.printed == "hi\nbye\n"


def test_a_lone_surrogate_in_output_is_pythons_error_not_a_crash(
    harness: Callable[..., Harness],
) -> None:
    """``print('\\ud800')`` crashed the worker (its frame could not be
    encoded); python's stdout raises UnicodeEncodeError in the script, after
    printing what came before the bad piece."""
    h = harness(SANDBOXED)
    sid = h.load(
        "import sys\n"
        "def bad():\n"
        "    print('ok')\n"
        "    try:\n"
        "        print('a', 'b\\ud800')\n"
        "    except UnicodeEncodeError as e:\n"
        "        return str(e)\n"
        "def worse():\n"
        "    sys.stderr.write('\\udcff')\n",
        "surrogate.py",
    )
    message = h.call(sid, "bad")
    assert message == (
        "'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed"
    )
    assert h.printed == "ok\na "
    with pytest.raises(ScriptRuntimeError, match="UnicodeEncodeError") as info:
        h.call(sid, "worse")
    assert info.value.line == 9
    assert h.call(sid, "bad") is not None  # the same worker serves on


def test_a_lone_surrogate_in_an_error_or_exit_message_is_escaped_not_a_crash(
    harness: Callable[..., Harness],
) -> None:
    """``raise ValueError('\\udc80')`` crashed the worker (its report could not
    be encoded); python's stderr shows the surrogate escaped."""
    h = harness(SANDBOXED)
    sid = h.load(
        "def bad():\n    raise ValueError('a\\udc80b')\n"
        "def leave():\n    raise SystemExit('x\\ud800')\n"
    )
    with pytest.raises(ScriptRuntimeError) as info:
        h.call(sid, "bad")
    assert (info.value.message, info.value.line) == ("ValueError: a\\udc80b", 2)
    with pytest.raises(ScriptExit) as ended:
        h.call(sid, "leave")
    assert (ended.value.status, ended.value.exit_message) == (1, "x\\ud800")

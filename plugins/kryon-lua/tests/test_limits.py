"""Limits: instructions, time, memory, recursion, and the traps around them.

Every test checks that the limit ends the call within the policy's time (with
slack for a loaded machine) and that the engine serves calls afterwards.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kryon_lua.config import LuaConfig

from kryon_core import (
    InstructionLimitError,
    LimitError,
    MemoryLimitError,
    RecursionLimitError,
    ScriptRuntimeError,
    SecurityPolicy,
    TimeLimitError,
    default_policies,
)

SLACK_S = 2.0

RUNTIMES = ["lua54", "luajit"]


TRUSTED = next(policy for policy in default_policies() if policy.name == "trusted")


def ends_with(harness: Any, error: type[Exception], body: str, *args: Any) -> Exception:
    start = time.monotonic()
    with pytest.raises(error) as info:
        harness.run(body, *args)
    limit = harness.engine._policy.time_limit_ms
    budget = (limit / 1000 if limit else 1.0) + SLACK_S
    assert time.monotonic() - start < budget
    assert harness.run("return 40 + 2") == 42  # still serving
    return info.value


@pytest.fixture(params=RUNTIMES)
def runtime(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def timed(make_lua: Callable[..., Any], runtime: str) -> Any:
    """Time limit only: no instruction budget to hide behind."""
    policy = SecurityPolicy(name="timed", time_limit_ms=100, instruction_limit=None)
    return make_lua(policy, LuaConfig(runtime=runtime))


@pytest.fixture
def counted(make_lua: Callable[..., Any], runtime: str) -> Any:
    policy = SecurityPolicy(name="counted", time_limit_ms=None, instruction_limit=100_000)
    return make_lua(policy, LuaConfig(runtime=runtime))


def test_infinite_loop_hits_the_instruction_limit(counted: Any) -> None:
    error = ends_with(counted, InstructionLimitError, "while true do end")
    assert error.line == 2 and error.script is not None


def test_the_hook_is_back_after_the_kernels_unhooked_work(counted: Any) -> None:
    # loads run the kernel's own work with the hook off; it is on again after
    # them, also when that work failed
    kernel, lua = counted.engine._kernel, counted.engine._live.lua
    sid = counted.load("function spin() local n = 0 for i = 1, 1e8 do n = n + i end end")
    failing = lua.eval("function() error('kernel work failed') end")
    with pytest.raises(counted.engine._lua_error, match="kernel work failed"):
        kernel.unhooked(failing)
    with pytest.raises(InstructionLimitError):  # (not run to its end unhooked)
        counted.call(sid, "spin")
    assert kernel.unhooked(lua.eval("function(a, b) return b, a end"), 1, 2) == (2, 1)
    with pytest.raises(InstructionLimitError):
        counted.call(sid, "spin")
    with pytest.raises(InstructionLimitError):  # a main chunk's own loop
        counted.load("local n = 0 while true do n = n + 1 end")


def test_infinite_loop_hits_the_time_limit(timed: Any) -> None:
    ends_with(timed, TimeLimitError, "while true do end")


def test_jit_hot_loop_is_still_limited(counted: Any) -> None:
    # LuaJIT would compile this loop and skip hooks; sandboxed VMs run with the JIT off
    ends_with(counted, InstructionLimitError, "local x = 0 for i = 1, 1e12 do x = x + i end")


def test_loop_inside_a_coroutine_is_limited(timed: Any) -> None:
    ends_with(timed, TimeLimitError, "coroutine.wrap(function() while true do end end)()")
    ends_with(
        timed,
        TimeLimitError,
        "coroutine.resume(coroutine.create(function() while true do end end))",
    )


@pytest.mark.parametrize(
    "body",
    [
        "while true do pcall(function() while true do end end) end",
        "while true do xpcall(function() while true do end end, function() return 1 end) end",
        "while true do coroutine.resume(coroutine.create(function() while true do end end)) end",
        "xpcall(function() while true do end end, function() while true do end end)",
        "while true do pcall(error, 'x') end",
    ],
)
def test_pcall_cannot_swallow_a_limit(timed: Any, body: str) -> None:
    ends_with(timed, TimeLimitError, body)


def test_close_handlers_cannot_outlive_a_limit(make_lua: Callable[..., Any]) -> None:
    harness = make_lua(SecurityPolicy(name="t", time_limit_ms=100, instruction_limit=None))
    ends_with(
        harness,
        TimeLimitError,
        """
        local guard <close> = setmetatable({}, {__close = function() while true do end end})
        while true do end
    """,
    )


@pytest.mark.parametrize("chunkname", ["=[kryon trampoline]", "=[kryon]", "=[kryon x]"])
def test_no_chunk_can_be_named_as_the_kernels(
    make_lua: Callable[..., Any], runtime: str, chunkname: str
) -> None:
    # the hook tells the kernel's code by its chunk name (its instructions are
    # not the script's): a script naming its own loop so would run it free of
    # the instruction limit (and once, past every limit)
    policy = SecurityPolicy(name="i", time_limit_ms=None, instruction_limit=100_000)
    harness = make_lua(policy, LuaConfig(runtime=runtime))
    sid = harness.load(
        "function main()\n"
        f"  load('for i = 1, 2e7 do end escaped = true', '{chunkname}')()\n"
        "end\n"
        "function check() return escaped == true end\n"
    )
    with pytest.raises(ScriptRuntimeError, match="cannot name a chunk .* after the kernel"):
        harness.call(sid, "main")
    assert harness.call(sid, "check") is False


@pytest.mark.parametrize(
    "call",
    [
        "table.insert(t, i)",
        "local a = s:find('x', 1, true)",
        "local a = s:match('b')",
        "local a = pcall(type, i)",
        "local a = setmetatable({}, mt)",
        "local a = ('x'):rep(3)",
    ],
)
def test_the_kernels_stand_ins_for_c_functions_cost_a_fraction_of_their_instructions(
    make_lua: Callable[..., Any], runtime: str, call: str
) -> None:
    # Lua's C functions cost a script no instructions; the sandbox's Lua
    # wrappers for them (100 and more instructions a call) used to be charged
    # in full, and the script ran out at a fraction of Lua's budget: here
    # 20,000 rounds took 2,500,000 instructions, now about 450,000
    policy = SecurityPolicy(name="i", time_limit_ms=30_000, instruction_limit=1_000_000)
    harness = make_lua(policy, LuaConfig(runtime=runtime))
    body = f"local t, s, mt = {{}}, 'abc', {{}}\nfor i = 1, 20000 do {call} end\nreturn 'done'"
    assert harness.run(body) == "done"


def test_the_scripts_own_instructions_are_counted_to_the_budget(
    make_lua: Callable[..., Any], runtime: str
) -> None:
    # a short loop around a wrapper call: sampled with a fixed period, its own
    # instructions could all fall between the samples (the loop and the
    # wrapper share a factor with it), and a million rounds went uncharged
    policy = SecurityPolicy(name="i", time_limit_ms=60_000, instruction_limit=1_000_000)
    harness = make_lua(policy, LuaConfig(runtime=runtime))
    loop = "local t = {{}} for i = 1, {n} do local a = #('x'):rep(2) end return 1"
    assert harness.run(loop.format(n=20_000)) == 1
    with pytest.raises(InstructionLimitError):
        harness.run(loop.format(n=1_000_000))


def test_reentering_the_vm_does_not_reset_the_budget(timed: Any) -> None:
    ends_with(timed, TimeLimitError, "while true do kryon.reenter(function() return 1 end) end")


def test_memory_bombs_end_with_memory_limit(runtime: str, make_lua: Callable[..., Any]) -> None:
    policy = SecurityPolicy(name="m", time_limit_ms=5000, instruction_limit=None)
    harness = make_lua(policy, LuaConfig(runtime=runtime))
    ends_with(harness, MemoryLimitError, "return string.rep('x', 1e9)")
    ends_with(harness, MemoryLimitError, "return ('x'):rep(1e9)")
    ends_with(harness, MemoryLimitError, "local t = {} for i = 1, 1e9 do t[i] = i end")
    ends_with(harness, MemoryLimitError, "local s = 'xy' while true do s = s .. s end")
    ends_with(harness, MemoryLimitError, "local t = {} while true do t[#t + 1] = {} end")
    ends_with(harness, MemoryLimitError, "while true do pcall(string.rep, 'x', 1e9) end")
    assert harness.engine.get_memory_usage().used_bytes < 16 * 1024 * 1024


@pytest.mark.parametrize(
    ("source", "line"),
    [
        # one big allocation failing in the VM (Lua's own memory error, which
        # runs no message handler), at top level and inside a function
        ("local s = ('ab'):rep(3000000)\nlocal u = s .. s .. s\n", 2),
        ("local s = 'xy'\nwhile true do\n  s = s .. s\nend\n", 3),
        (
            "local function f()\n  local s = ('ab'):rep(3000000)\n  return s .. s .. s\nend\nf()\n",
            3,
        ),
        # refused up front by the sandbox's string.rep
        ("print('start')\nlocal s = string.rep('x', 2^28)\n", 2),
        # stopped by the hook (anywhere in the loop: its instructions are on one line)
        ("local t, s = {}, ('x'):rep(1000)\n\nfor i = 1, 1e9 do t[i] = s .. i end\n", 3),
    ],
)
def test_memory_errors_name_the_line(make_lua: Callable[..., Any], source: str, line: int) -> None:
    # Lua 5.4 only: LuaJIT keeps no current line in a coroutine its allocator failed in
    policy = SecurityPolicy(name="m", time_limit_ms=5000, instruction_limit=None)
    harness = make_lua(policy, LuaConfig(runtime="lua54"))
    with pytest.raises(MemoryLimitError) as info:
        harness.load(source, "big")
    assert (info.value.script, info.value.line) == ("big", line)
    assert harness.run("return 40 + 2") == 42


@pytest.mark.parametrize(
    ("source", "line"),
    [
        # the limit is re-raised where pcall or resume returns: it is told
        # where it tripped
        ("pcall(function()\n  local n = 0\n  while true do n = n + 1 end\nend)\n", 3),
        ("local f = coroutine.wrap(function()\n  while true do end\nend)\nf()\n", 2),
        (
            "local co = coroutine.create(function()\n  local function r(n) return 1 + r(n) end\n"
            "  return r(1)\nend)\nprint(coroutine.resume(co))\n",
            2,
        ),
    ],
)
def test_limits_name_the_line_they_stopped_at(counted: Any, source: str, line: int) -> None:
    with pytest.raises(LimitError) as info:
        counted.load(source, "loop")
    assert (info.value.script, info.value.line) == ("loop", line)
    functions = [frame.function for frame in info.value.traceback]
    assert functions[0] == "main chunk"  # the resume's frames are kept outside


def test_a_limit_keeps_the_main_chunk_wherever_the_hook_falls(make_lua: Any) -> None:
    """The hook fired inside the error's message handler for some instruction
    counts before the trip, raised the limit again there, and Lua reran the
    handler on that error: the main chunk's frames were lost."""
    harness = make_lua(SecurityPolicy(name="deep", time_limit_ms=None, recursion_limit=200))
    for pad in range(0, 120, 3):
        source = (
            f"local n = 0 for i = 1, {pad} do n = n + i end\n"
            "local co = coroutine.create(function()\n  local function r(n) return 1 + r(n) end\n"
            "  return r(1)\nend)\nprint(coroutine.resume(co))\n"
        )
        with pytest.raises(RecursionLimitError) as info:
            harness.load(source, "deep")
        frames = [(frame.function, frame.line) for frame in info.value.traceback]
        assert frames[0] == ("main chunk", 6), pad


def test_repeats_that_stop_at_once_add_a_run_instead_of_a_factor(lua: Any) -> None:
    cost = lua.engine._live.sandbox.pattern_cost
    n = 1000
    s = b"a" * n
    # each %w+ fails on the next character unless it is the comma: one run per attempt
    assert cost(s, b"(%w+),(%w+),(%w+)", None, False) < 4 * (n + 1) ** 2
    assert cost(s, b"([^\n]*)\n", None, False) < 4 * (n + 1) ** 2
    assert cost(s, b"%w+,", None, False) >= n * n  # a long run without comma: still quadratic
    # the next item may match the repeated one, or be skipped: backtracking multiplies
    for pattern in (b"(%w+)%a", b"%w+,?x", b"%w+%s*x", b".+,"):
        assert cost(s, pattern, None, False) >= len(pattern) * (n + 1) ** 2, pattern


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pattern=st.text(alphabet="a%w.+*-?()[]^$,", min_size=1, max_size=12))
def test_the_cheap_length_of_a_pattern_is_where_its_cost_passes_the_cheap_steps(
    lua: Any, pattern: str
) -> None:
    # calls on subjects up to the cheap length skip the cost check: it must
    # be exactly the longest subject whose worst case stays cheap
    sandbox = lua.engine._live.sandbox
    cost, cheap, steps = sandbox.cost_at, sandbox.cheap_length, sandbox.CHEAP_STEPS
    p = pattern.encode()
    try:
        length = cheap(p)
    except Exception:  # a malformed pattern: the C function tells the script
        return
    if length >= 0:
        assert cost(length, p, False) <= steps
    if length < 2**31 - 1:  # (an anchored pattern without repeats costs the same on any)
        assert cost(length + 1, p, False) > steps


def test_splitting_a_few_kb_runs_in_c(counted: Any) -> None:
    # the Lua matcher spent the 100,000-instruction budget on this
    body = (
        "local n = 0\n"
        "for a, b, c in ('ab,cd,ef\\n'):rep(150):gmatch('(%w+),(%w+),(%w+)') do n = n + 1 end\n"
        "return n"
    )
    assert counted.run(body) == 150


def test_recursion_limit(runtime: str, make_lua: Callable[..., Any]) -> None:
    harness = make_lua(config=LuaConfig(runtime=runtime))
    sid = harness.load(
        "function f(n) return 1 + f(n + 1) end\n"
        "function g(n) if n == 0 then return 0 end return 1 + g(n - 1) end"
    )
    with pytest.raises(RecursionLimitError) as info:
        harness.call(sid, "f", 1)
    assert info.value.line == 1
    assert harness.call(sid, "g", 150) == 150


def test_lua_stack_overflow_without_a_recursion_limit_reads_as_lua(
    make_lua: Callable[..., Any], runtime: str
) -> None:
    # the message named the policy's limit ("recursion limit of None"), and a
    # hook firing in the message handler (walking ~200,000 levels) replaced it
    harness = make_lua(TRUSTED, LuaConfig(runtime=runtime))
    sid = harness.load("function f() return 1 + f() end", "deep")
    with pytest.raises(RecursionLimitError) as info:
        harness.call(sid, "f")
    assert info.value.message.endswith("stack overflow")
    if runtime == "lua54":
        # LuaJIT gives no position when the overflow is raised while a compiled
        # trace runs (which happens or not, by the JIT's timing), and no
        # message handler can run on an overflowed stack to find one
        assert info.value.line == 1
    assert harness.run("return 40 + 2") == 42


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("error('my stack overflow check')", "my stack overflow check"),
        (
            "return select('#', string.byte(string.rep('x', 2e6), 1, -1))",
            "stack overflow (string slice too long)",
        ),
    ],
)
def test_errors_that_mention_a_stack_overflow_are_ordinary(
    lua: Any, body: str, message: str
) -> None:
    with pytest.raises(ScriptRuntimeError) as info:
        lua.run(body)
    assert not isinstance(info.value, LimitError)
    assert info.value.message == message


def test_pathological_pattern_ends_within_the_time_limit(timed: Any, runtime: str) -> None:
    """A pattern whose worst case on its subject is too costly for one C call
    runs in Lua (patterns.lua) on Lua 5.4, where the time limit stops it; on
    LuaJIT it is refused up front."""
    expected: type[Exception] = TimeLimitError if runtime == "lua54" else ScriptRuntimeError
    start = time.monotonic()
    with pytest.raises(expected):
        timed.run("return string.rep('a', 20000):find('.-.-.-b')")
    with pytest.raises(expected):
        timed.run("local s = string.rep('a', 50000) return s:gsub('a*b', '')")
    with pytest.raises(expected):
        timed.run("for w in string.gmatch(string.rep('(', 30000), '%b()x') do end")
    # optional items backtrack too: 2^30 attempts on a 30-byte subject
    with pytest.raises(expected):
        timed.run("return string.rep('a', 30):match(string.rep('a?', 30) .. string.rep('a', 30))")
    assert time.monotonic() - start < 1 + SLACK_S
    assert timed.run("return 1 + 1") == 2  # and the VM goes on serving calls
    assert timed.run("return (('-12.5e3'):match('^(%-?%d+%.?%d*[eE]?%d*)$'))") == "-12.5e3"
    # ordinary patterns on large subjects are linear and allowed
    text = "word " * 20000
    assert timed.run("local s = ... return select(2, s:gsub('%s+', ' '))", text) == 20000
    assert timed.run("return (('  hi  '):match('^%s*(.-)%s*$'))") == "hi"
    assert timed.run("local s = ... return (s:find('word', 1, true))", text) == 1
    # a plain search (or a find pattern without specials) is memchr + memcmp
    big = "ab" * 2_000_000
    assert timed.run("local s = ... return (s:find('bx', 1, true))", big) is None
    assert timed.run("local s = ... return (s:find('ba'))", big) == 2


def test_table_operations_over_huge_lengths_are_refused(timed: Any) -> None:
    if timed.run("return _VERSION") != "Lua 5.1":  # LuaJIT ignores __len on tables
        with pytest.raises(ScriptRuntimeError, match="exceeds the limit"):
            timed.run(
                "local t = setmetatable({}, {__len = function() return 1e12 end}) "
                "table.insert(t, 1, 'x')"
            )
    if timed.run("return table.move ~= nil"):
        with pytest.raises(ScriptRuntimeError, match="exceeds the limit"):
            timed.run("table.move({}, 1, 1e12, 2)")


def test_limits_are_per_call(counted: Any) -> None:
    sid = counted.load("function work() local x = 0 for i = 1, 5000 do x = x + i end return x end")
    for _ in range(100):  # 100 x ~20k instructions, each call within its own budget
        assert counted.call(sid, "work") == 12502500


def test_trusted_policy_has_no_limits(make_lua: Callable[..., Any]) -> None:
    harness = make_lua(TRUSTED)
    assert harness.run("local x = 0 for i = 1, 3e6 do x = x + 1 end return x") == 3_000_000
    assert harness.run("return type(os.getenv) == 'function' and type(io.open)") == "function"
    assert harness.engine.capabilities().is_sandbox is False


def test_luajit_trusted_runs_with_the_jit(make_lua: Callable[..., Any]) -> None:
    harness = make_lua(TRUSTED, LuaConfig(runtime="luajit"))
    assert harness.engine.capabilities().supports_jit is True
    assert "LuaJIT" in harness.engine.version
    sandboxed = make_lua(config=LuaConfig(runtime="luajit"))
    assert sandboxed.engine.capabilities().supports_jit is False


def test_limit_errors_are_limit_errors(counted: Any) -> None:
    error = ends_with(counted, LimitError, "while true do end")
    assert "instruction limit" in str(error)


def test_hoarding_script_fails_calls_until_unloaded(make_lua: Callable[..., Any]) -> None:
    policy = SecurityPolicy(name="m", time_limit_ms=5000, instruction_limit=None)
    harness = make_lua(policy)
    hoarder = harness.load(
        "big = {} function fill() local i = 0 while true do i = i + 1 big[i] = {} end end"
    )
    other = harness.load("function echo(x) return x end")
    with pytest.raises(MemoryLimitError):
        harness.call(hoarder, "fill")
    with pytest.raises(MemoryLimitError):  # the VM is still over its limit
        harness.call(other, "echo", "x" * 100_000)
    harness.engine.unload_script(hoarder)
    assert harness.call(other, "echo", "x" * 100_000) == "x" * 100_000


def test_other_long_c_calls_are_bounded(timed: Any) -> None:
    with pytest.raises(ScriptRuntimeError, match="256 bytes"):
        timed.run("return os.date(('%c'):rep(1000000))")
    # a big sort without comparator goes through a Lua comparator, so the hook sees it
    ends_with(
        timed,
        TimeLimitError,
        "local t = {} for i = 1, 200000 do t[i] = (i * 7919) % 200003 end "
        "while true do table.sort(t) end",
    )


def test_a_big_sort_with_a_nil_comparator_is_counted(make_lua: Callable[..., Any]) -> None:
    # a nil comparator is no comparator: the sort goes through the Lua one too
    # (the C sort spent no instructions at all).  Filling the table takes
    # about 600,000 instructions; the kernel's comparator is charged at a
    # fraction, and the sort's 2.5 million comparisons still end the budget.
    policy = SecurityPolicy(name="i", time_limit_ms=None, instruction_limit=1_000_000)
    ends_with(
        make_lua(policy),
        InstructionLimitError,
        "local t = {} for i = 1, 150000 do t[i] = (i * 7919) % 150001 end table.sort(t, nil)",
    )


@pytest.mark.parametrize("pattern", ["a*b", ".-.-b", "(a*)%1b", "%b()x", "^(a-)(a-)(a-)b"])
def test_the_largest_allowed_pattern_call_fits_the_time_limit(make_lua: Any, pattern: str) -> None:
    """Calibration: the biggest subject the budget admits to one C call
    finishes well inside 100 ms.  (LuaJIT refuses a call past the budget,
    where Lua 5.4 runs it in Lua instead: the search for the largest subject
    admitted runs there.)"""
    search = make_lua(
        SecurityPolicy(name="s", time_limit_ms=20_000, instruction_limit=None),
        LuaConfig(pattern_budget=1e7, runtime="luajit"),  # what a 100 ms time limit derives
    )
    harness = make_lua(
        SecurityPolicy(name="t", time_limit_ms=100, instruction_limit=None),
        LuaConfig(pattern_budget=1e7),
    )
    size = search.run(
        """
        local p = ...
        local lo, hi = 1, 10000000
        while lo < hi do  -- the largest n whose worst case the guard admits
          local mid = math.floor((lo + hi + 1) / 2)
          if pcall(string.find, string.rep("a", mid), p) then lo = mid else hi = mid - 1 end
        end
        return lo
        """,
        pattern,
    )
    assert 50 <= size < 10_000_000
    subject = "(" * size if pattern.startswith("%b") else "a" * size
    start = time.process_time()
    harness.run("local s, p = ... return (s:find(p))", subject, pattern)
    assert time.process_time() - start < 0.1


@pytest.mark.parametrize(
    "body", ["while true do end", "while true do pcall(function() while true do end end) end"]
)
def test_ctrl_c_stops_a_script_under_a_policy_without_limits(
    make_lua: Callable[..., Any], body: str
) -> None:
    """SIGINT's KeyboardInterrupt reaches the host even from `while true do end`
    (the kernel polls the host about every million instructions), pcall cannot
    swallow it, and the engine keeps serving."""
    lua = make_lua(TRUSTED)
    # Python's own Ctrl-C handler, also when the tests run as a shell's background
    # job (which starts with SIGINT ignored, and Python then installs none)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            lua.run(body)
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert lua.run("return 1 + 1") == 2

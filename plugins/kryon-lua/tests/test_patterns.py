"""patterns.lua, Lua's pattern matching in Lua, against Lua's own C matcher.

The sandbox runs a pattern there when one C call could cost more than the
policy allows (see sandbox.lua), so it must answer exactly as string.find,
match, gmatch and gsub do: the same values and the same errors, for well
formed and malformed patterns alike.  Hypothesis draws patterns from the
whole pattern syntax (and its malformed corners) and compares both matchers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import lupa.lua54 as lupa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kryon_lua.config import LuaConfig

from kryon_core import InstructionLimitError, RecursionLimitError, SecurityPolicy

# Runs each library function of both matchers on the same arguments and
# describes every outcome as text: each value with its type, errors by their
# message (without the position: the Lua matcher's name its own chunk, which
# the sandbox re-tells as the script's call; the C iterator's, its caller).
COMPARE = r"""
local Patterns = ...
local function strip(e)
  e = tostring(e):gsub("^%[kryon%]:%d+: ", "")
  return (e:gsub('^%[string "<python>"%]:%d+: ', ""))
end
local function show(ok, ...)
  if not ok then return "error: " .. strip((...)) end
  local parts = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    parts[i] = type(v) .. ":" .. tostring(v)
  end
  return table.concat(parts, ",")
end
local function collect(it)
  local seen = {}
  for _ = 1, 60 do
    local first = it()
    if first == nil then break end
    seen[#seen + 1] = show(true, first)
  end
  return table.concat(seen, ";")
end
local function describe(lib, s, p, init)
  local function replace(...) return "{" .. table.concat({...}, "|") .. "}" end
  local table_repl = { a = "A", b = false, ["1"] = 7 }
  return table.concat({
    show(pcall(lib.find, s, p, init)),
    show(pcall(lib.match, s, p, init)),
    show(pcall(function() return collect(lib.gmatch(s, p, init)) end)),
    show(pcall(lib.gsub, s, p, "<%0>")),
    show(pcall(lib.gsub, s, p, "%1%%", 2)),
    show(pcall(lib.gsub, s, p, replace)),
    show(pcall(lib.gsub, s, p, table_repl)),
  }, "\n")
end
return function(s, p, init)
  return describe(string, s, p, init), describe(Patterns, s, p, init)
end
"""


@pytest.fixture(scope="module")
def compare() -> Iterator[Callable[[bytes, bytes, int | None], tuple[bytes, bytes]]]:
    lua = lupa.LuaRuntime(encoding=None)
    source = resources.files("kryon_lua").joinpath("patterns.lua").read_bytes()
    patterns = lua.execute(source, name="=[kryon]")
    yield lua.execute(COMPARE, patterns)


def assert_same(compare: Callable[..., tuple[bytes, bytes]], s: str, p: str, init: Any) -> None:
    in_c, in_lua = compare(s.encode(), p.encode(), init)
    assert in_lua.decode() == in_c.decode(), (s, p, init)


ATOMS = [
    "a", "b", "1", " ", ",", ".", "%a", "%d", "%s", "%w", "%p", "%A", "%%", "%.", "%(",
    "[ab]", "[^a]", "[a-c]", "[%d,]", "[]]", "[^]a]", "[%a-]",
    "%b()", "%bab", "%f[%w]", "%f[%s]", "%1", "%2", "%0",
    "()", "(", ")", "^", "$", "%", "[", "[^", "%f", "%b", "%b(", "%z",
]  # fmt: skip
QUANTIFIERS = ["", "", "", "*", "+", "-", "?"]

subjects = st.text(alphabet="ab1 ,()[]%.-", max_size=12)
items = st.tuples(st.sampled_from(ATOMS), st.sampled_from(QUANTIFIERS)).map("".join)
patterns = st.builds(
    lambda anchor, body, end: anchor + "".join(body) + end,
    st.sampled_from(["", "", "^"]),
    st.lists(items, max_size=6),
    st.sampled_from(["", "", "$"]),
)
inits = st.none() | st.integers(min_value=-15, max_value=15)


@settings(max_examples=600, deadline=None)
@given(subjects, patterns, inits)
def test_the_lua_matcher_answers_as_the_c_one(
    compare: Callable[..., tuple[bytes, bytes]], s: str, p: str, init: int | None
) -> None:
    assert_same(compare, s, p, init)


@pytest.mark.parametrize(
    ("s", "p"),
    [
        ("key=value, other, third;", "([^,]*),?"),
        ("   hello world   ", "^%s*(.-)%s*$"),
        ("<b>bold</b> and <i>it</i>", "<(.-)>"),
        ("line one\nline two\n", "([^\n]*)\n"),
        ("a1=b2 c3=d4", "(%w+)=(%w+)"),
        ("x = 42", "^(%w+)%s*=%s*(%d+)$"),
        ("f(a(b)c) g()", "%b()"),
        ("THE (quick) fox", "%f[%a]%a+"),
        ("hello hello world", "(h%a+) %1"),
        ("aaa", "()a()"),
        ("", ""),
        ("abc", "^"),
        ("abc", "$"),
        ("a.b", "%."),
        ("a" * 40, ("a?" * 12) + ("a" * 12)),
    ],
)
def test_idioms_answer_as_in_c(compare: Callable[..., tuple[bytes, bytes]], s: str, p: str) -> None:
    for init in (None, 1, 3, -2, 100):
        assert_same(compare, s, p, init)


def test_costly_idioms_run_in_the_sandbox_instead_of_being_refused(
    make_lua: Callable[..., Any],
) -> None:
    """Patterns whose worst case on a subject of a few KB is past the budget
    of one C call (they were refused) run in Lua and give Lua's answers."""
    harness = make_lua(config=LuaConfig(runtime="lua54"))
    csv = "key=value, other, third;" * 400
    assert (
        harness.run("local n = 0 for f in (...):gmatch('([^,]*),?') do n = n + 1 end return n", csv)
        == 801
    )
    padded = "   " + "hello world " * 100 + "   "
    assert harness.run("return #(...):match('^%s*(.-)%s*$')", padded) == 1199
    html = "<b>bold</b> and <i>it</i> " * 200
    assert harness.run(
        "local n = 0\n"
        "local out = (...):gsub('<(.-)>', function(t) n = n + 1 return '[' .. t .. ']' end)\n"
        "return n, out:sub(1, 25)",
        html,
    ) == [800, "[b]bold[/b] and [i]it[/i]"]
    lines = "line of text\n" * 500
    assert (
        harness.run(
            "local c = 0 for l in (...):gmatch('([^\\n]*)\\n') do c = c + 1 end return c", lines
        )
        == 500
    )


def test_the_lua_matcher_is_bounded_by_the_instruction_limit(
    make_lua: Callable[..., Any],
) -> None:
    policy = SecurityPolicy(name="counted", time_limit_ms=None, instruction_limit=200_000)
    harness = make_lua(policy, LuaConfig(runtime="lua54"))
    with pytest.raises(InstructionLimitError):
        harness.run("return string.rep('a', 20000):find('.-.-.-b')")
    assert harness.run("return ('x = 1'):match('^(%w+)%s*=%s*(%d+)$')") == ["x", "1"]


def test_errors_name_the_script_line_as_the_c_functions_do(
    make_lua: Callable[..., Any],
) -> None:
    harness = make_lua(config=LuaConfig(runtime="lua54"))
    big = "a" * 5000
    message = harness.run(
        "local s = ...\nlocal ok, e = pcall(function() local r = s:find('(a-)%') return r end)\n"
        "return e",
        big,
    )
    assert message.endswith(":3: malformed pattern (ends with '%')")
    message = harness.run(
        "local s = ...\nlocal ok, e = pcall(function() for w in s:gmatch('(a-)b%2') do end end)"
        " return e",
        "b" + big,
    )
    assert message.endswith(":3: invalid capture index %2")


def test_the_lua_matcher_s_own_depth_is_not_the_script_s_recursion(
    make_lua: Callable[..., Any],
) -> None:
    """A match nested 200 levels deep (lstrlib's MAXCCALLS) ends with Lua's
    catchable "pattern too complex", as in C; the Lua matcher's frames were
    counted as the script's and it ended with the recursion limit."""
    harness = make_lua(config=LuaConfig(runtime="lua54"))  # the sandboxed policy: depth 200
    sid = harness.load(
        "local s, p = ('a'):rep(300), ('a?'):rep(300) .. ('a'):rep(300)\n"
        "function complex() return {pcall(string.match, s, p)} end\n"
        "local function down(n) if n == 0 then return complex() end return (down(n - 1)) end\n"
        "function deep() return down(150) end\n"
        "local function recurse(n) if n == 0 then return 0 end return 1 + recurse(n - 1) end\n"
        "function after(n) pcall(string.match, s, p) return recurse(n) end\n"
    )
    assert harness.call(sid, "complex") == [False, "pattern too complex"]
    assert harness.call(sid, "deep") == [False, "pattern too complex"]
    assert harness.call(sid, "after", 150) == 150
    with pytest.raises(RecursionLimitError):  # the allowance ended with the failed match
        harness.call(sid, "after", 300)

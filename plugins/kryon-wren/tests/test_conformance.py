"""The Kryon engine conformance kit, run against the Wren engine."""

from __future__ import annotations

from typing import ClassVar

from hypothesis import strategies as st

from kryon_core.testing import EngineConformance, canonical_values
from kryon_core.values import Value

SOURCE_BASIC = """\
var shared_value = null
var identity = Fn.new {|x| x }
var add = Fn.new {|a, b| a + b }
var fail = Fn.new {
  Fiber.abort("boom")
}
var read_global = Fn.new { shared_value }
var make_adder = Fn.new {|n| Fn.new {|x| x + n } }
var call_back = Fn.new {|f, x| f.call(x) }
var say = Fn.new {|text| System.print(text) }
var sum_to = Fn.new {|n|
  var total = 0
  for (i in 1..n) total = total + i
  return total
}
"""

SOURCE_LIMITS = """\
var spin = Fn.new {
  while (true) {}
}
var recurse
recurse = Fn.new {|n| recurse.call(n + 1) }
var bomb = Fn.new {
  var s = "xxxxxxxxxxxxxxxx"
  var keep = []
  while (true) {
    s = s + s
    keep.add(s)
  }
}
"""

SOURCE_COROUTINE = """\
var collect = Fn.new {|n|
  var gen = Fiber.new {
    for (i in 1..n) Fiber.yield(i)
  }
  var out = []
  while (true) {
    var v = gen.call()
    if (gen.isDone) break
    out.add(v)
  }
  return out
}
"""

SOURCE_DEBUG = """\
var debug_me = Fn.new {|a|
  var b = a + 1
  return b
}
"""


def _to_float(value: Value) -> Value:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, list):
        return [_to_float(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_float(v) for k, v in value.items()}
    return value


class TestWrenConformance(EngineConformance):
    engine_name: ClassVar[str] = "wren"
    source_basic: ClassVar[str] = SOURCE_BASIC
    runtime_error_line: ClassVar[int] = 5
    source_syntax_error: ClassVar[str] = "var x = 1\nvar y = (2 +\n\nclass {"
    syntax_error_line: ClassVar[int] = 4
    source_version: ClassVar[str] = "var version = Fn.new {{ {n} }}\n"
    source_limits: ClassVar[str] = SOURCE_LIMITS
    source_coroutine: ClassVar[str] = SOURCE_COROUTINE
    source_debug: ClassVar[str] = SOURCE_DEBUG
    debug_line: ClassVar[int] = 2
    source_arguments: ClassVar[str] = (
        'import "os" for Process\n'
        'if (Process.allArguments[1] != "program") Fiber.abort("argv")\n'
        "var ARGS = Process.arguments\n"
        "var args = Fn.new { ARGS }\n"
    )

    def expected(self, value: Value) -> Value:
        """Wren has one number type: integers come back as floats."""
        return _to_float(value)

    def value_strategy(self) -> st.SearchStrategy[Value]:
        return canonical_values(min_int=-(2**53), max_int=2**53)

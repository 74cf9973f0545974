"""The engine contract (kryon_core.testing) for JavaScript on QuickJS-ng."""

from __future__ import annotations

import math

from hypothesis import strategies as st

from kryon_core import Value
from kryon_core.testing import EngineConformance, canonical_values

SAFE_INT = 2**53 - 1  # Number.MAX_SAFE_INTEGER


def js_number(value: Value) -> Value:
    """JavaScript has one number type: integral safe integers come back as int."""
    if isinstance(value, float) and value.is_integer() and abs(value) <= SAFE_INT:
        return value if value == 0 and math.copysign(1.0, value) < 0 else int(value)
    if isinstance(value, list):
        return [js_number(v) for v in value]
    if isinstance(value, dict):
        return {k: js_number(v) for k, v in value.items()}
    return value


class TestJsConformance(EngineConformance):
    engine_name = "js"
    source_basic = """\
function identity(x) { return x; }
function add(a, b) { return a + b; }
function fail() {
  throw new Error("boom");
}
function read_global() { return shared_value; }
function make_adder(n) { return (x) => x + n; }
function call_back(f, x) { return f(x); }
function say(text) { console.log(text); }
function sum_to(n) {
  let total = 0;
  for (let i = 1; i <= n; i++) total += i;
  return total;
}
"""
    runtime_error_line = 4
    source_syntax_error = "const x = 1;\nconst y = ;\nfunction later() { return x; }\n"
    syntax_error_line = 2
    source_version = "function version() {{ return {n}; }}\n"
    source_limits = """\
function spin() { while (true) {} }
function recurse(n) { return recurse(n + 1) + 1; }
function bomb() {
  const parts = [];
  for (let i = 0; ; i++) parts.push("x".repeat(1024) + i);
}
"""
    source_exit = """\
function stop(n) {
  try { process.exit(n); } catch (e) { return "caught"; } finally { return "finally"; }
}
function ok() { return 1; }
"""
    exit_line = 2
    exit_statement = "stop(5);"
    source_arguments = """\
if (process.argv[0] !== "node" || process.argv[1] !== "program") throw new Error("argv");
const ARGS = process.argv.slice(2);
function args() { return ARGS; }
"""
    source_async = "async function async_add(a, b) { await null; return a + b; }\n"
    source_coroutine = """\
function* count(n) { for (let i = 1; i <= n; i++) yield i; }
function collect(n) { return [...count(n)]; }
"""

    def value_strategy(self) -> st.SearchStrategy[Value]:
        return canonical_values()

    def expected(self, value: Value) -> Value:
        return js_number(value)

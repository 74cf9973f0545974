"""A caught engine error has V8's message (as Node v20 prints it, checked), from a catch
clause, a destructuring catch, a rejection handler or Promise.allSettled; a script's own
Error.prepareStackTrace is V8's lazy hook and never QuickJS's (the prelude's ``caught``)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from kryon_core import RecursionLimitError

from .conftest import kryon_run


def run(tmp_path: Path, source: str, name: str = "main.js") -> subprocess.CompletedProcess[str]:
    return kryon_run(tmp_path, name, source)


CAUGHT = """\
const out = [];
try { null.x; } catch (e) { out.push(e.message); }
try { undefined.y = 1; } catch (e) { out.push(`${e}`); }
try { const o = {}; o.method(); } catch (e) { out.push(e.toString()); }
try { const c = 1; c = 2; } catch (e) { out.push(JSON.stringify({ m: e.message })); }
try { z; let z; } catch (e) { out.push(e.message.includes('before initialization')); }
try { [].reduce((a, b) => a); } catch ({ message, name }) { out.push(name + ' ' + message); }
try { (1).toFixed(101); } catch (e) { out.push(String(e)); }
try {
  try { null.inner; } catch (e) { throw e; }
} catch (e) { out.push('rethrown ' + e.message); }
try { throw new TypeError('not a function'); } catch (e) { out.push('own ' + e.message); }
Error.prepareStackTrace = (e, sites) => 'replaced';
try { null.hooked; } catch (e) { out.push('hooked ' + e.message); }
Error.prepareStackTrace = undefined;
console.log(out.join('\\n'));
async function broken() { return null.p; }
broken().catch((e) => console.log('catch ' + e.message));
Promise.reject(new Error('kept')).then(null, (e) => console.log('then ' + e.message));
(async () => {
  try { await broken(); } catch (e) { console.log('await ' + e.message); }
  const [r] = await Promise.allSettled([broken()]);
  console.log('settled ' + r.reason.message);
})();
"""
# node main.js (v20.20.2)
CAUGHT_NODE = """\
Cannot read properties of null (reading 'x')
TypeError: Cannot set properties of undefined (setting 'y')
TypeError: o.method is not a function
{"m":"Assignment to constant variable."}
true
TypeError Reduce of empty array with no initial value
RangeError: toFixed() digits argument must be between 0 and 100
rethrown Cannot read properties of null (reading 'inner')
own not a function
hooked Cannot read properties of null (reading 'hooked')
catch Cannot read properties of null (reading 'p')
then kept
await Cannot read properties of null (reading 'p')
settled Cannot read properties of null (reading 'p')
"""


def test_caught_engine_errors_read_v8s_message(tmp_path: Path) -> None:
    done = run(tmp_path, CAUGHT)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == CAUGHT_NODE


PREPARE = """\
function f() { return new Error('x'); }
Error.prepareStackTrace = (e, sites) =>
  sites.map((c) => `${c.getFunctionName()}@${c.getLineNumber()}:${c.getColumnNumber()}`)
    .join(',');
const e = f();
console.log(e.stack.split(',').slice(0, 2).join(','));
Error.prepareStackTrace = undefined;
console.log(f().stack.split('\\n')[0], typeof Error.prepareStackTrace);
function deep(n) { return deep(n + 1); }
Error.prepareStackTrace = (e, s) => 'custom';
try { deep(0); } catch (e) { console.log(e.message, e.stack); }
try { undefined.f(); } catch (e) { console.log(e.message, e.stack); }
"""

PREPARE_NODE = (
    "f@1:23,null@5:11\n"
    "Error: x undefined\n"
    "Maximum call stack size exceeded custom\n"
    "Cannot read properties of undefined (reading 'f') custom\n"
)


def test_prepare_stack_trace_is_v8s_lazy_hook(tmp_path: Path) -> None:
    done = run(tmp_path, PREPARE)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == PREPARE_NODE


def test_a_scripts_hooks_leave_the_overflow_its_line(make_js: Any) -> None:
    # With QuickJS's own hook set, an error made at a stack overflow had no stack (the
    # hook cannot run there): the RecursionLimitError lost its line.
    js = make_js(recursion_limit=200)
    script = js.load(
        "Error.prepareStackTrace = () => 'mine';\n"
        "Error.captureStackTrace = () => {};\n"
        "function deep(n) {\n  return deep(n + 1) + 1;\n}\n"
        "function read() { try { null.x; } catch (e) { return e.message; } }\n"
    )
    with pytest.raises(RecursionLimitError) as info:
        js.call(script, "deep", 0)
    assert (info.value.script, info.value.line) == ("main.js", 4)
    assert js.call(script, "read") == "Cannot read properties of null (reading 'x')"


def test_catch_parameters_keep_their_meaning(js: Any) -> None:
    script = js.load(
        "function f() {\n"
        "  const out = [];\n"
        "  try { null.a; } catch ({ message: m, name = 'none' }) { out.push(m, name); }\n"
        "  try { throw 7; } catch (e) { out.push(e); }\n"
        "  try { throw 'x'; } catch { out.push('bare'); }\n"
        "  try { undefined.b; } catch (\n    e\n  ) { var e = e.message; out.push(e); }\n"
        "  const p = { catch(e) { return e; } };\n"
        "  out.push(p.catch(1));\n"
        "  return out;\n"
        "}\n"
    )
    # Node v20: the same list
    assert js.call(script, "f") == [
        "Cannot read properties of null (reading 'a')",
        "TypeError",
        7,
        "bare",
        "Cannot read properties of undefined (reading 'b')",
        1,
    ]

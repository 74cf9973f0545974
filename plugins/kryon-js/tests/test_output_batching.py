"""Output waits in the prelude and reaches the host in batches (prelude.py, "output").

Whatever ends a call, what the script printed before is written, in order
among both streams and the host functions it called; only the grouping of
writes changes (a run of pieces on one stream may arrive as one write).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from kryon_js.runtime import BATCH_LIMIT_MS

from kryon_core import (
    HostFunction,
    MemoryLimitError,
    ScriptExit,
    ScriptRuntimeError,
    TimeLimitError,
)

from .conftest import kryon_run


def runs(output: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """The output as (stream, text) with writes in a row on one stream joined."""
    joined: list[tuple[str, str]] = []
    for text, stream, _ in output:
        if joined and joined[-1][0] == stream:
            joined[-1] = (stream, joined[-1][1] + text)
        else:
            joined.append((stream, text))
    return joined


def test_order_across_streams_and_host_functions(make_js: Any) -> None:
    def mark(caller: str, text: str) -> None:
        js.output.append((text, "host", caller))

    js = make_js(functions={"mark": HostFunction("mark", mark)})
    script = js.load(
        "function run() {\n"
        "  for (let i = 0; i < 600; i++) {\n"  # past the queue's bound of pieces
        "    console.log(i);\n"
        "    if (i % 100 === 99) { process.stderr.write('e' + i + '\\n'); kryon.mark('m' + i); }\n"
        "  }\n"
        "  console.warn('last');\n"
        "  process.stdout.write('tail');\n"
        "}\n"
    )
    js.call(script, "run")
    expected: list[tuple[str, str]] = []
    for block in range(6):
        lines = "".join(f"{i}\n" for i in range(block * 100, block * 100 + 100))
        last = block * 100 + 99
        expected += [("stdout", lines), ("stderr", f"e{last}\n"), ("host", f"m{last}")]
    expected += [("stderr", "last\n"), ("stdout", "tail")]
    assert runs(js.output) == expected


def test_output_before_a_time_limit_is_kept(make_js: Any) -> None:
    js = make_js(time_limit_ms=50)
    script = js.load(
        "function spin() { console.log('before'); process.stderr.write('e'); for (;;) {} }\n"
        "function after() { console.log('after'); return 1; }\n"
    )
    with pytest.raises(TimeLimitError):
        js.call(script, "spin")
    assert runs(js.output) == [("stdout", "before\n"), ("stderr", "e")]
    assert js.call(script, "after") == 1  # nothing printed twice, nothing lost
    assert runs(js.output)[-1] == ("stdout", "after\n")
    assert js.text() == "before\nafter\n"


def test_output_before_a_memory_limit_is_kept(make_js: Any) -> None:
    js = make_js(memory_limit_mb=16)
    script = js.load(
        "function grow() {\n"
        "  console.log('before');\n"
        "  const a = []; for (;;) a.push('x'.repeat(1000) + a.length);\n"
        "}\n"
    )
    with pytest.raises(MemoryLimitError):
        js.call(script, "grow")
    assert js.text() == "before\n"


def test_output_before_a_thrown_error_is_kept(js: Any) -> None:
    script = js.load("function f() { console.log('a'); console.error('b'); throw new Error('x'); }")
    with pytest.raises(ScriptRuntimeError, match="Error: x"):
        js.call(script, "f")
    assert runs(js.output) == [("stdout", "a\n"), ("stderr", "b\n")]


def test_output_before_process_exit_is_kept(js: Any) -> None:
    script = js.load(
        "function quit() {\n"
        "  for (let i = 0; i < 3; i++) console.log(i);\n"
        "  try { process.exit(2); } finally { console.log('never'); }\n"
        "}\n"
    )
    with pytest.raises(ScriptExit) as exited:
        js.call(script, "quit")
    assert exited.value.status == 2
    assert js.text() == "0\n1\n2\n"


def test_output_before_an_uncaught_error_at_load_is_kept(js: Any) -> None:
    with pytest.raises(ScriptRuntimeError, match="Error: at load"):
        js.load("console.log('a');\nprocess.stderr.write('b');\nthrow new Error('at load');\n")
    assert runs(js.output) == [("stdout", "a\n"), ("stderr", "b")]


def test_scripts_cannot_break_the_queue(js: Any) -> None:
    script = js.load(
        "function f() {\n"
        "  JSON.stringify = () => '\"forged\"';\n"
        "  RegExp.prototype.exec = () => null;\n"
        "  Array.prototype.push = () => 0;\n"
        "  String.prototype.isWellFormed = () => true;\n"
        "  console.log('a\\u0001b');\n"
        "  console.log('nul\\u0000 lone \\ud800 pair \\ud83d\\ude00');\n"
        "  console.log = () => {};\n"
        "  console.log('dropped');\n"
        "  process.stdout.write('end');\n"
        "}\n"
    )
    js.call(script, "f")
    assert js.text() == "a\x01b\nnul\x00 lone \ud800 pair \U0001f600\nend"


def test_a_long_piece_goes_on_its_own(js: Any) -> None:
    script = js.load("function f() { console.log('a'); process.stdout.write('x'.repeat(100000)); }")
    js.call(script, "f")
    assert js.text() == "a\n" + "x" * 100000


def test_twenty_thousand_lines_cross_to_the_host_in_a_few_writes(make_js: Any) -> None:
    # Under the sandboxed policy's 100 ms a line per crossing (7-9 us each) ran
    # out of time; batched, the crossings are counted, not timed (under the
    # longest limit that batches, so that a loaded machine cannot end the loop).
    js = make_js(time_limit_ms=BATCH_LIMIT_MS)
    js.load("for (let i = 0; i < 20000; i++) console.log(i);\n")
    assert js.text() == "".join(f"{i}\n" for i in range(20000))
    assert len(js.output) <= 20000 // 100  # 256 pieces a crossing at most


def test_kryon_run_writes_every_batched_line_in_order(tmp_path: Path) -> None:
    done = kryon_run(tmp_path, "lines.js", "for (let i = 0; i < 5000; i++) console.log(i);\n")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "".join(f"{i}\n" for i in range(5000))


def test_without_a_short_time_limit_each_write_goes_at_once(make_js: Any) -> None:
    # A script with no limit may print "ready" and run on for minutes: nothing waits.
    js = make_js(time_limit_ms=None)
    script = js.load("function f() { console.log('a'); console.log('b'); }")
    js.call(script, "f")
    assert js.output == [("a\n", "stdout", "main.js"), ("b\n", "stdout", "main.js")]

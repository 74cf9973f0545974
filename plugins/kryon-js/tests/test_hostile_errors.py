"""Errors no host may read outside the VM: a thrown value whose traps or getters never
return is described inside the VM, under the time limit, wherever it is thrown (a
timer, a microtask, a tick, a finalization callback), and records for the host are
written without running a script's toJSON or setters."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import kryon_run

LOOPING = (
    "new Proxy(new Error('t'), { get(t, k) { if (k === 'message') for (;;) {} return t[k]; } })"
)


@pytest.mark.parametrize(
    "source",
    [
        f"setTimeout(() => {{ throw {LOOPING}; }}, 5);",
        f"queueMicrotask(() => {{ throw {LOOPING}; }});",
        f"process.nextTick(() => {{ throw {LOOPING}; }});",
        f"Promise.resolve().then(() => {{ throw {LOOPING}; }});",
        f"const r = new FinalizationRegistry(() => {{ throw {LOOPING}; }}); r.register({{}}, 1);",
    ],
)
def test_a_looping_error_ends_at_the_time_limit(tmp_path: Path, source: str) -> None:
    done = kryon_run(tmp_path, "main.js", source + "\nconsole.log('top');\n")
    assert done.returncode == 70
    assert "TimeLimitError: " in done.stderr
    assert "main.js:1:" in done.stderr
    assert "watchdog" not in done.stderr  # ended by the limit, not after seconds


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ("queueMicrotask(() => {\n  throw new Error('plain');\n});", "main.js:2:"),
        ("process.nextTick(() => {\n  throw new RangeError('tick');\n});", "main.js:2:"),
        (
            "setTimeout(() => process.nextTick(() => {\n  throw new Error('t');\n}), 1);",
            "main.js:2:",
        ),
    ],
)
def test_an_error_of_a_job_or_tick_names_its_line(tmp_path: Path, source: str, where: str) -> None:
    done = kryon_run(tmp_path, "main.js", "console.log('top');\n" + source)
    assert done.returncode == 70
    assert done.stdout == "top\n"
    assert where.replace(":2:", ":3:") in done.stderr


def test_prototype_tojson_and_setters_do_not_reach_the_host_records(tmp_path: Path) -> None:
    source = (
        "Object.prototype.toJSON = function () { for (;;) {} };\n"
        "Array.prototype.toJSON = function () { for (;;) {} };\n"
        "Object.defineProperty(Object.prototype, 'site', { set(v) {}, get() { return 'x'; } });\n"
        "function f() { return 1; }\n"
        "console.log({ a: 1 }, [1]);\n"
        "queueMicrotask(() => { throw 'late'; });\n"
    )
    done = kryon_run(tmp_path, "main.js", source)
    assert done.stdout == "{ a: 1 } [ 1 ]\n"
    assert done.returncode == 70
    assert "main.js:6:24: uncaught exception: late" in done.stderr
    assert kryon_run(tmp_path, "ok.js", source[: source.index("queue")]).returncode == 0

"""Hot reload on save: ScriptManager.watch and kryon_core.watch."""

from __future__ import annotations

import contextlib
import os
import queue
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from kryon_core import CompileError, ScriptManager
from kryon_core.watch import Reload

WAIT_S = 20  # inotify answers in milliseconds; a loaded CI machine may take long


def next_reload(events: queue.Queue[Reload]) -> Reload:
    try:
        return events.get(timeout=WAIT_S)
    except queue.Empty:
        pytest.fail(f"no reload within {WAIT_S} s")


def save(path: Path, text: str) -> None:
    """Save as editors do: a new file renamed over the old one."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def first_reload(path: Path, text: str, events: queue.Queue[Reload]) -> Reload:
    """Save ``text`` until a reload comes: the watch of the file's directory
    starts in the watcher's thread, some time after the watch (or load) did."""
    for _ in range(WAIT_S * 4):
        save(path, text)
        try:
            event = events.get(timeout=0.25)
        except queue.Empty:
            continue
        time.sleep(0.5)  # the reloads of earlier saves, if late, are dropped
        with contextlib.suppress(queue.Empty):
            while True:
                events.get_nowait()
        return event
    pytest.fail(f"no reload within {WAIT_S} s")


def test_a_saved_script_is_reloaded_and_a_broken_save_keeps_the_old_version(
    fake_manager: ScriptManager, tmp_path: Path
) -> None:
    script = tmp_path / "calc.fake"
    script.write_text("def f(x):\n    return x + 1\n")
    fake_manager.load_file(script)
    f = fake_manager.function("calc.f")
    events: queue.Queue[Reload] = queue.Queue()
    with fake_manager.watch(events.put, debounce_ms=10):
        event = first_reload(script, "def f(x):\n    return x * 10\n", events)
        assert (event.script, event.ok, event.path) == ("calc", True, str(script.resolve()))
        assert f(4) == 40

        save(script, "def f(x:\n")  # a syntax error: refused, reported, old code kept
        event = next_reload(events)
        assert isinstance(event.error, CompileError) and not event.ok
        assert "calc" in str(event.error)
        assert f(4) == 40

        script.write_text("def f(x):\n    return x - 1\n")  # written in place
        assert next_reload(events).ok
        assert f(4) == 3


def test_scripts_loaded_after_the_watch_started_are_watched_too(
    fake_manager: ScriptManager, tmp_path: Path
) -> None:
    events: queue.Queue[Reload] = queue.Queue()
    with fake_manager.watch(events.put, debounce_ms=10):
        other = tmp_path / "later"
        other.mkdir()
        script = other / "late.fake"
        script.write_text("def g():\n    return 1\n")
        fake_manager.load_file(script)
        event = first_reload(script, "def g():\n    return 2\n", events)
        assert (event.script, event.ok) == ("late", True)
        assert fake_manager.call_function("late.g") == 2


def test_a_failing_callback_does_not_end_the_watch(
    fake_manager: ScriptManager, tmp_path: Path
) -> None:
    script = tmp_path / "calc.fake"
    script.write_text("def f():\n    return 1\n")
    fake_manager.load_file(script)
    events: queue.Queue[Reload] = queue.Queue()

    def handler(event: Reload) -> None:
        events.put(event)
        raise RuntimeError("a bug in the host's handler")

    watcher = fake_manager.watch(handler, debounce_ms=10)
    assert first_reload(script, "def f():\n    return 2\n", events).ok
    save(script, "def f():\n    return 3\n")
    assert next_reload(events).ok
    assert watcher.running and fake_manager.call_function("calc.f") == 3


def test_closing_the_manager_stops_its_watchers(
    fake_manager: ScriptManager, tmp_path: Path
) -> None:
    script = tmp_path / "calc.fake"
    script.write_text("def f():\n    return 1\n")
    fake_manager.load_file(script)
    watcher = fake_manager.watch()
    assert watcher.running
    fake_manager.close()
    assert not watcher.running


def _installed(language: str) -> bool:
    with ScriptManager() as manager:
        return language in manager.engine_classes


@pytest.mark.skipif(not _installed("lua"), reason="kryon-lua is not installed")
def test_kryon_run_watch_runs_again_after_a_change_until_ctrl_c(tmp_path: Path) -> None:
    script = tmp_path / "app.lua"
    script.write_text('print("v1")\n')
    proc = subprocess.Popen(
        [sys.executable, "-m", "kryon_core", "run", "--watch", str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C as at a terminal, also when the tests run as a shell's
        # background job (SIGINT ignored, and inherited so)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509
    )
    try:
        assert line_of(proc.stdout) == b"v1\n"
        assert b"exited with status 0; watching" in line_of(proc.stderr)
        save(script, "print(\n")  # a compile error ends that run, not the watch
        assert b"changed: running" in line_of(proc.stderr)
        assert b"app.lua:2: unexpected symbol" in line_of(proc.stderr)
        assert b"exited with status 65" in line_of(proc.stderr)
        save(script, 'print("v2")\n')
        assert b"changed: running" in line_of(proc.stderr)
        assert line_of(proc.stdout) == b"v2\n"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=WAIT_S) == 130
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def line_of(stream: IO[bytes] | None) -> bytes:
    """The next line of a run's output, within WAIT_S."""
    assert stream is not None
    ready, _, _ = select.select([stream], [], [], WAIT_S)
    if not ready:
        pytest.fail(f"no output within {WAIT_S} s")
    return stream.readline()

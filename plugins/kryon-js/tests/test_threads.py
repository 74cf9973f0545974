"""Thread affinity: the QuickJS runtime is only ever entered on its owner thread."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from kryon_js.engine import JsEngine

from kryon_core import FunctionRef, ScriptError, ScriptManager, ThreadingModel

SOURCE = """\
function whoAmI(x) { return [x, kryon.thread()]; }
function adder(n) { return (x) => x + n; }
"""


def test_the_engine_declares_thread_affinity() -> None:
    assert JsEngine.threading is ThreadingModel.THREAD_AFFINE


def test_eight_threads_at_once_all_results_right(manager: ScriptManager) -> None:
    from kryon_core import HostFunction

    seen: set[int] = set()

    def thread(caller: str) -> int:
        seen.add(threading.get_ident())
        return 0

    manager.add_host_function(HostFunction("thread", thread))
    manager.load_script("t", SOURCE, language="js")
    handle = manager.function("t.whoAmI")
    adder = manager.call_function("t.adder", 1000)
    assert isinstance(adder, FunctionRef)
    results: dict[tuple[int, int], Any] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def worker(i: int) -> None:
        try:
            barrier.wait()
            for j in range(40):
                results[(i, j)] = (handle(i * 100 + j), adder(j))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    assert len(results) == 320
    for (i, j), (who, added) in results.items():
        assert who == [i * 100 + j, 0] and added == 1000 + j
    assert len(seen) == 1 and threading.get_ident() not in seen


def test_entering_from_a_foreign_thread_is_refused(js: Any) -> None:
    script = js.load("function f() { return 1; }")
    failures: list[BaseException] = []

    def foreign() -> None:
        try:
            js.call(script, "f")
        except BaseException as exc:
            failures.append(exc)

    t = threading.Thread(target=foreign)
    t.start()
    t.join()
    assert len(failures) == 1 and isinstance(failures[0], ScriptError)
    assert "thread" in str(failures[0])
    assert js.call(script, "f") == 1


def test_a_closed_engine_refuses_calls(make_js: Any) -> None:
    js = make_js()
    script = js.load("function f() { return 1; }")
    js.engine.close()
    with pytest.raises(ScriptError):
        js.call(script, "f")

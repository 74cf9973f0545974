from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import fakeengine
import pytest

from kryon_core import (
    AccessDeniedError,
    AmbiguousFunctionError,
    CompileError,
    EngineNotFoundError,
    FunctionNotFoundError,
    KryonConfig,
    ScriptError,
    ScriptExit,
    ScriptManager,
    ScriptNotFoundError,
    ScriptRuntimeError,
    SecurityError,
    hookimpl,
)
from kryon_core.shared import AccessPolicy, footprint

ADDER = "def add(a, b):\n    return a + b\n\ndef hello(name):\n    return 'hi ' + name\n"


def test_load_and_call_by_short_and_qualified_name(fake_manager: ScriptManager) -> None:
    record = fake_manager.load_script("calc", ADDER, language="fake")
    assert set(record.functions) == {"add", "hello"}
    assert fake_manager.call_function("add", 2, 3) == 5
    assert fake_manager.call_function("calc.hello", "ada") == "hi ada"
    assert fake_manager.functions() == ["calc.add", "calc.hello"]


def test_language_is_inferred_from_the_extension(
    fake_manager: ScriptManager, tmp_path: Path
) -> None:
    script = tmp_path / "tool.fake"
    script.write_text(ADDER)
    record = fake_manager.load_file(script)
    assert record.name == "tool" and record.language == "fake" and record.path == str(script)
    with pytest.raises(EngineNotFoundError, match="pip install"):
        fake_manager.load_script("x", "", path="x.rb")


def test_a_script_exit_is_an_error_of_the_load_or_call_and_the_host_goes_on(
    fake_manager: ScriptManager,
) -> None:
    with pytest.raises(ScriptExit) as info:
        fake_manager.load_script("quits", "exit(0)\n" + ADDER, language="fake")
    assert info.value.status == 0 and "quits" not in fake_manager.scripts
    fake_manager.load_script("calc", "def stop(n):\n    exit(n, 'bye')\n" + ADDER, language="fake")
    with pytest.raises(ScriptExit) as info:
        fake_manager.call_function("stop", 3)
    assert (info.value.status, info.value.render()) == (3, "bye")
    assert str(info.value) == "calc: exited with status 3: bye"
    assert fake_manager.call_function("add", 2, 3) == 5


def test_ambiguous_short_name_names_candidates(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("a", ADDER, language="fake")
    fake_manager.load_script("b", ADDER, language="fake")
    with pytest.raises(AmbiguousFunctionError) as info:
        fake_manager.call_function("add", 1, 2)
    assert info.value.candidates == ["a.add", "b.add"]
    assert fake_manager.call_function("b.add", 1, 2) == 3


def test_unknown_function_suggests_close_names(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("calc", ADDER, language="fake")
    with pytest.raises(FunctionNotFoundError, match="did you mean"):
        fake_manager.call_function("ad", 1)


def test_duplicate_script_name_is_refused(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("calc", ADDER, language="fake")
    with pytest.raises(ScriptError, match="already loaded"):
        fake_manager.load_script("calc", ADDER, language="fake")


def test_compile_error_leaves_nothing_behind(fake_manager: ScriptManager) -> None:
    with pytest.raises(CompileError) as info:
        fake_manager.load_script("bad", "def f(:\n", language="fake")
    assert info.value.script == "bad" and info.value.line == 1
    assert "bad" not in fake_manager.scripts and fake_manager.functions() == []


def test_failing_top_level_code_leaves_nothing_behind(fake_manager: ScriptManager) -> None:
    with pytest.raises(ScriptRuntimeError, match="boom"):
        fake_manager.load_script(
            "bad", "def f(): pass\nraise ValueError('boom')\n", language="fake"
        )
    assert fake_manager.functions() == []


def test_an_engine_bug_while_compiling_is_a_script_error(
    fake_manager: ScriptManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A non-Kryon exception out of an engine never reaches the host raw."""
    engine = type(fake_manager.engine("fake").engine)

    def broken(self: object, source: str, *, script: str, path: str | None = None) -> None:
        raise UnicodeEncodeError("utf-8", source, 0, 1, "surrogates not allowed")

    monkeypatch.setattr(engine, "compile", broken)
    with pytest.raises(ScriptRuntimeError, match="UnicodeEncodeError") as info:
        fake_manager.load_script("b", "def f(): pass\n", language="fake")
    assert info.value.script == "b" and isinstance(info.value.__cause__, UnicodeEncodeError)
    assert "b" not in fake_manager.scripts


def test_a_programs_arguments_reach_it_and_survive_its_reload(
    fake_manager: ScriptManager,
) -> None:
    source = "def args():\n    return argv\n"
    with pytest.raises(ValueError, match="entry_point"):
        fake_manager.load_script("lib", source, language="fake", arguments=["x"])
    fake_manager.load_script(
        "prog", source, language="fake", entry_point=True, arguments=["a", "b"]
    )
    assert fake_manager.call_function("prog.args") == ["a", "b"]
    fake_manager.hot_reload("prog", source + "# edited\n")
    assert fake_manager.call_function("prog.args") == ["a", "b"]
    fake_manager.load_script("plain", source.replace("args", "plain_args"), language="fake")
    assert fake_manager.call_function("plain_args") == []


def test_ending_a_program_reports_its_engines_failure_naming_the_script(
    fake_manager: ScriptManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_manager.load_script("prog", ADDER, language="fake", entry_point=True)
    fake_manager.end_program("prog")  # an engine with nothing to run at the end
    engine = type(fake_manager.engine("fake").engine)
    ended: list[object] = []

    def stuck(self: object, script_id: object) -> None:
        ended.append(script_id)
        raise ScriptRuntimeError("finalizer failed", line=3)

    monkeypatch.setattr(engine, "end_program", stuck)
    with pytest.raises(ScriptRuntimeError, match="^prog:3: finalizer failed$"):
        fake_manager.end_program("prog")
    assert ended == [fake_manager.scripts["prog"].script_id]
    monkeypatch.setattr(engine, "end_program", lambda self, sid: 1 / 0)
    with pytest.raises(ScriptRuntimeError, match="ZeroDivisionError") as info:
        fake_manager.end_program("prog")
    assert info.value.script == "prog"
    with pytest.raises(ScriptNotFoundError):
        fake_manager.end_program("nothing")


def test_handles_resolve_once_and_follow_hot_reload(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("v", "def version():\n    return 1\n", language="fake")
    handle = fake_manager.function("version")
    assert handle.name == "v.version"
    assert handle() == 1
    new = fake_manager.hot_reload(
        "v", "def version():\n    return 2\n\ndef extra():\n    return 0\n"
    )
    assert new.reloads == 1
    assert handle() == 2
    assert fake_manager.call_function("v.extra") == 0


def test_hot_reload_failure_keeps_old_version(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("v", "def version():\n    return 1\n", language="fake")
    handle = fake_manager.function("v.version")
    with pytest.raises(CompileError):
        fake_manager.hot_reload("v", "def version(:\n")
    with pytest.raises(ScriptRuntimeError):
        fake_manager.hot_reload("v", "raise RuntimeError('top level fails')\n")
    assert handle() == 1
    assert fake_manager.scripts["v"].reloads == 0
    engine = fake_manager.engine("fake").engine
    assert isinstance(engine, fakeengine.FakeEngine)
    assert len(engine.namespaces) == 1  # the failed new versions were not left loaded


def test_hot_reload_removes_functions_that_disappear(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("v", ADDER, language="fake")
    hello = fake_manager.function("v.hello")
    fake_manager.hot_reload("v", "def add(a, b):\n    return a * b\n")
    assert fake_manager.call_function("add", 3, 4) == 12
    with pytest.raises(FunctionNotFoundError, match="no longer exists"):
        hello("x")
    assert fake_manager.functions() == ["v.add"]


def test_hot_reload_from_file(fake_manager: ScriptManager, tmp_path: Path) -> None:
    path = tmp_path / "v.fake"
    path.write_text("def version():\n    return 1\n")
    fake_manager.load_file(path)
    path.write_text("def version():\n    return 3\n")
    fake_manager.hot_reload("v")
    assert fake_manager.call_function("version") == 3


def test_unload(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("calc", ADDER, language="fake")
    handle = fake_manager.function("add")
    fake_manager.unload_script("calc")
    with pytest.raises(FunctionNotFoundError):
        handle(1, 2)
    with pytest.raises(ScriptNotFoundError):
        fake_manager.unload_script("calc")
    assert fake_manager.engine("fake").engine.namespaces == {}  # type: ignore[attr-defined]


def test_globals_manager_wide_and_per_script(fake_manager: ScriptManager) -> None:
    fake_manager.set_global("answer", 42)
    fake_manager.load_script("g", "def read():\n    return shared.get('answer')\n", language="fake")
    assert fake_manager.call_function("read") == 42
    fake_manager.set_global("local", "x", script="g")
    assert fake_manager.get_global("local", script="g") == "x"
    assert fake_manager.get_global("answer") == 42


def test_engines_are_lazy_and_per_policy(fake_manager: ScriptManager) -> None:
    assert fake_manager.memory_usage() == {}
    fake_manager.load_script("a", ADDER, language="fake")
    fake_manager.load_script("b", ADDER, language="fake", policy="trusted")
    assert set(fake_manager.memory_usage()) == {"fake/sandboxed", "fake/trusted"}
    assert fake_manager.engine("fake").engine is not fake_manager.engine("fake", "trusted").engine
    with pytest.raises(SecurityError, match="unknown security policy"):
        fake_manager.load_script("c", ADDER, language="fake", policy="nope")


def test_profiling_records_calls_errors_and_times(fake_manager: ScriptManager) -> None:
    fake_manager.load_script(
        "calc", ADDER + "def boom():\n    raise ValueError('x')\n", language="fake"
    )
    add = fake_manager.function("add")
    for i in range(10):
        add(i, i)
    with pytest.raises(ScriptRuntimeError):
        fake_manager.call_function("boom")
    stats = fake_manager.profiler.get("calc.add")
    assert stats is not None and stats.calls == 10 and stats.errors == 0
    assert stats.total_ns > 0 and stats.max_ns >= stats.mean_ns > 0
    boom = fake_manager.profiler.get("calc.boom")
    assert boom is not None and boom.calls == 1 and boom.errors == 1
    report = fake_manager.profiler.report()
    assert "calc.add" in report and "calc.boom" in report and "mean" in report


def test_profiling_can_be_switched_off() -> None:
    config = KryonConfig.from_mapping({"kryon": {"profiling": False}})
    with ScriptManager(config, load_entrypoints=False, plugins=[fakeengine]) as manager:
        manager.load_script("calc", ADDER, language="fake")
        assert manager.call_function("add", 1, 2) == 3
        assert manager.profiler.all() == []


def test_compiled_scripts_come_from_the_cache(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("one", ADDER, language="fake")
    fake_manager.unload_script("one")
    record = fake_manager.load_script("one", ADDER, language="fake")
    assert record.compiled is not None and record.compiled.from_cache
    engine = fake_manager.engine("fake").engine
    assert engine.compiles == 1  # type: ignore[attr-defined]
    assert fake_manager.cache.stats.memory_hits == 1


def test_output_goes_to_the_sink() -> None:
    seen: list[tuple[str, str, str]] = []
    with ScriptManager(
        load_entrypoints=False,
        plugins=[fakeengine],
        output=lambda text, stream, script: seen.append((text, stream, script)),
    ) as manager:
        manager.load_script("p", "print('hello')\n", language="fake")
    assert seen == [("hello\n", "stdout", "p")]


def test_output_defaults_to_the_host_log(
    fake_manager: ScriptManager, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="kryon.script"):
        fake_manager.load_script("p", "print('to the log')\n", language="fake")
    assert any(r.name == "kryon.script.p" and "to the log" in r.message for r in caplog.records)


def test_cross_script_calls_through_the_kryon_api() -> None:
    config = KryonConfig.from_mapping(
        {"security": {"policies": {"sandboxed": {"capabilities": ["log", "cross_language"]}}}}
    )
    with ScriptManager(config, load_entrypoints=False, plugins=[fakeengine]) as manager:
        manager.load_script("lib", "def double(x):\n    return 2 * x\n", language="fake")
        manager.load_script(
            "app",
            "def go(x):\n    return kryon.call('lib.double', x) + 1\n",
            language="fake-affine",
        )
        assert manager.call_function("go", 20) == 41


BOUNCE = "def bounce(a, b, n):\n    return n if n == 0 else kryon.call(a, b, a, n - 1)\n"


@pytest.mark.parametrize(
    ("policy", "limit"),
    [
        # 64 levels, or fewer where Python's stack would run out first
        ({"extends": "trusted"}, "kryon.call nested"),
        ({"recursion_limit": 5}, "kryon.call nested deeper than 5 levels"),
    ],
)
def test_kryon_call_nesting_is_bounded_by_core_and_policy(
    policy: dict[str, Any], limit: str
) -> None:
    """A cycle of kryon.call between a serialized and a thread-affine engine
    ends with the nesting limit (under trusted, unbounded otherwise, it was
    Python's RecursionError); nesting within the limit works."""
    config = KryonConfig.from_mapping(
        {
            "kryon": {"default_policy": "p"},
            "security": {"policies": {"p": {**policy, "capabilities": ["cross_language"]}}},
        }
    )
    with ScriptManager(config, load_entrypoints=False, plugins=[fakeengine]) as manager:
        manager.load_script("a", BOUNCE, language="fake")
        manager.load_script("b", BOUNCE, language="fake-affine")
        assert manager.call_function("a.bounce", "b.bounce", "a.bounce", 5) == 0
        with pytest.raises(ScriptRuntimeError) as info:
            manager.call_function("a.bounce", "b.bounce", "a.bounce", 10**6)
        message = str(info.value)
        assert "RecursionError" not in message and "RecursionLimitError" in message
        assert limit in message and "do scripts call each other in a cycle?" in message
        assert manager.call_function("a.bounce", "b.bounce", "a.bounce", 2) == 0


def test_capabilities_withheld_by_policy_are_absent(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("app", "def go():\n    return kryon.call('x')\n", language="fake")
    with pytest.raises(ScriptRuntimeError, match="call"):
        fake_manager.call_function("go")
    bridge = fake_manager.engine("fake").engine.bridge  # type: ignore[attr-defined]
    assert "call" not in bridge.host_functions and bridge.denied("call") is not None
    with pytest.raises(AccessDeniedError):
        bridge.require(__import__("kryon_core").Capability.CROSS_LANGUAGE, script="app")


def test_shared_data_through_the_api() -> None:
    config = KryonConfig.from_mapping(
        {"security": {"policies": {"sandboxed": {"capabilities": ["shared_data"]}}}}
    )
    with ScriptManager(config, load_entrypoints=False, plugins=[fakeengine]) as manager:
        manager.load_script("w", "def put(v):\n    kryon.set_shared('k', v)\n", language="fake")
        manager.load_script("r", "def get():\n    return kryon.get_shared('k')\n", language="fake")
        changes: list[Any] = []
        manager.shared.watch("k", lambda key, old, new: changes.append((old, new)))
        manager.call_function("put", [1, 2])
        assert manager.call_function("get") == [1, 2]
        assert changes == [(None, [1, 2])]


def _shared_manager(**policy: Any) -> ScriptManager:
    config = KryonConfig.from_mapping(
        {"security": {"policies": {"sandboxed": {"capabilities": ["shared_data"], **policy}}}}
    )
    return ScriptManager(config, load_entrypoints=False, plugins=[fakeengine])


def test_shared_data_written_by_scripts_is_bounded_by_their_memory_limit() -> None:
    """Values parked in shared data live in the host: a script under a 1 MB
    policy may not make them take more (a sandboxed Lua loop stored 300 MB)."""
    with _shared_manager(memory_limit_mb=1) as manager:
        manager.load_script("w", "def put(k, v):\n    kryon.set_shared(k, v)\n", language="fake")
        half = "x" * 600_000
        manager.call_function("put", "a", half)
        manager.call_function("put", "a", half + "y")  # a replaced value counts once
        with pytest.raises(ScriptRuntimeError, match="MemoryLimitError: w: shared data would"):
            manager.call_function("put", "b", half)
        assert manager.shared.get("b") is None and manager.shared.get("a") == half + "y"
        manager.call_function("put", "a", None)  # freeing room lets the next write in
        manager.call_function("put", "b", half)
        manager.shared.set("host", "x" * 2_000_000)  # the host itself has no such limit
        assert 2_600_000 < manager.shared.size < 2_700_000


def test_a_shared_string_counts_once_however_often_it_is_held() -> None:
    text = "x" * 1_000_000
    assert footprint([text] * 1000) < 1_100_000 < footprint([text, "x" * 1_000_000])


def test_top_level_code_has_its_own_rights_to_shared_data() -> None:
    """While a script's top-level code ran, the API did not know it yet and
    treated it as the host: it could write a read-only shared object."""
    with _shared_manager() as manager:
        manager.shared.create("config", 1, policy=AccessPolicy(readonly=True))
        with pytest.raises(ScriptRuntimeError, match="may not write shared 'config'"):
            manager.load_script("t", "kryon.set_shared('config', 2)\n", language="fake")
        assert manager.shared.get("config") == 1
    with _shared_manager(memory_limit_mb=1) as manager:
        with pytest.raises(ScriptRuntimeError, match="shared data would take 2,000,"):
            manager.load_script("t", "kryon.set_shared('k', 'x' * 2_000_000)\n", language="fake")


def test_thread_affine_engine_runs_only_on_its_owner_thread() -> None:
    with ScriptManager(load_entrypoints=False, plugins=[fakeengine]) as manager:
        manager.load_script("calc", ADDER, language="fake-affine")
        add = manager.function("add")
        results: list[int] = []

        def worker(i: int) -> None:
            for j in range(50):
                results.append(add(i, j))

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        engine = manager.engine("fake-affine").engine
        assert engine.calls_on == {engine.created_on}  # type: ignore[attr-defined]
        assert engine.created_on != threading.get_ident()  # type: ignore[attr-defined]
        assert sorted(results) == sorted(i + j for i in range(8) for j in range(50))


def test_reentrant_calls_between_affine_and_serialized_engines() -> None:
    """serialized -> affine -> serialized (same VM) -> affine must not deadlock."""
    config = KryonConfig.from_mapping(
        {"security": {"policies": {"sandboxed": {"capabilities": ["cross_language"]}}}}
    )
    with ScriptManager(config, load_entrypoints=False, plugins=[fakeengine]) as manager:
        manager.load_script(
            "s",
            "def outer(n):\n    return kryon.call('a.middle', n)\n"
            "def leaf(n):\n    return kryon.call('a.bottom', n) + 1\n",
            language="fake",
        )
        manager.load_script(
            "a",
            "def middle(n):\n    return kryon.call('s.leaf', n) * 10\n"
            "def bottom(n):\n    return n\n",
            language="fake-affine",
        )
        result: list[Any] = []
        t = threading.Thread(target=lambda: result.append(manager.call_function("outer", 4)))
        t.start()
        t.join(timeout=10)
        assert not t.is_alive(), "deadlock between engines"
        assert result == [50]


def test_async_calls(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("calc", ADDER, language="fake")
    assert asyncio.run(fake_manager.call_function_async("add", 1, 2)) == 3
    handle = fake_manager.function("add")
    assert asyncio.run(handle.call_async(2, 2)) == 4


def test_validation_hook_runs_before_every_load() -> None:
    seen: list[str] = []

    class Validator:
        @hookimpl
        def kryon_validate_script(self, source: Any, policy: Any) -> None:
            seen.append(source.name)
            if "forbidden" in source.text:
                raise SecurityError("forbidden word")

    with ScriptManager(load_entrypoints=False, plugins=[fakeengine, Validator()]) as manager:
        manager.load_script("ok", ADDER, language="fake")
        with pytest.raises(SecurityError) as info:
            manager.load_script("bad", "forbidden = 1\n", language="fake")
        assert info.value.script == "bad"
        with pytest.raises(SecurityError):
            manager.hot_reload("ok", "forbidden = 2\n")
        assert manager.call_function("add", 1, 1) == 2
    assert seen == ["ok", "bad", "ok"]


def test_source_size_limit_from_policy() -> None:
    config = KryonConfig.from_mapping(
        {"security": {"policies": {"sandboxed": {"max_source_kb": 1}}}}
    )
    with ScriptManager(config, load_entrypoints=False, plugins=[fakeengine]) as manager:
        with pytest.raises(SecurityError, match="max_source_kb"):
            manager.load_script("big", "x = 1\n" * 1000, language="fake")


def test_a_huge_source_file_is_refused_without_reading_it_whole(
    fake_manager: ScriptManager, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.fake"
    with huge.open("wb") as file:
        file.truncate(200 * 2**20)  # sparse: 200 MB that reading whole would allocate
    with pytest.raises(SecurityError, match=r"more than 4096 KB, over .*max_source_kb = 1024"):
        fake_manager.load_script("huge", path=huge)
    fine = tmp_path / "fine.fake"
    fine.write_text("x = 1\n" * 10_000)  # 60 KB: read whole, well under the limit
    fake_manager.load_script("fine", path=fine)
    fine.write_bytes(b"x" * (5 * 2**20))
    with pytest.raises(SecurityError, match="more than 4096 KB"):
        fake_manager.hot_reload("fine")  # re-reading the file is bounded too
    assert "fine" in fake_manager.scripts


def test_configured_scripts_are_loaded(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "calc.fake").write_text(ADDER)
    toml = tmp_path / "kryon.toml"
    toml.write_text('[scripts.calc]\npath = "scripts/calc.fake"\npolicy = "trusted"\n')
    with ScriptManager(toml, load_entrypoints=False, plugins=[fakeengine]) as manager:
        [record] = manager.load_configured()
        assert record.policy == "trusted" and record.language == "fake"
        assert manager.call_function("calc.add", 1, 2) == 3


def test_engine_that_fails_to_start_is_a_script_error() -> None:
    class Broken(fakeengine.FakeEngine):
        name = "broken"
        extensions = (".broken",)

        def initialize(self, config: Any, policy: Any) -> None:
            raise OSError("runtime library missing")

    class Plugin:
        @hookimpl
        def kryon_register_engines(self) -> list[type]:
            return [Broken]

    with ScriptManager(load_entrypoints=False, plugins=[Plugin()]) as manager:
        with pytest.raises(ScriptError, match="failed to start: OSError"):
            manager.load_script("x", "", language="broken")


def test_dependencies_are_loaded_from_the_script_folder(
    fake_manager: ScriptManager, tmp_path: Path
) -> None:
    (tmp_path / "util.fake").write_text("def helper():\n    return 7\n")
    (tmp_path / "app.fake").write_text("# needs ./util.fake\ndef main():\n    return 1\n")
    fake_manager.load_file(tmp_path / "app.fake")
    assert set(fake_manager.scripts) == {"app", "util"}
    assert fake_manager.call_function("util.helper") == 7


def test_files_with_a_byte_order_mark_load(fake_manager: ScriptManager, tmp_path: Path) -> None:
    path = tmp_path / "bom.fake"
    path.write_bytes(b"\xef\xbb\xbfdef f():\n    return 'ok'\n")
    fake_manager.load_file(path)
    assert fake_manager.call_function("bom.f") == "ok"


def test_a_file_that_is_not_utf8_is_a_compile_error_with_position(
    fake_manager: ScriptManager, tmp_path: Path
) -> None:
    path = tmp_path / "latin.fake"
    path.write_bytes(b"x = 1\ny = '\xe9t\xe9'\n")
    with pytest.raises(CompileError) as info:
        fake_manager.load_file(path)
    assert (info.value.line, info.value.column) == (2, 6)
    assert "not UTF-8" in str(info.value) and "latin" in str(info.value)
    with pytest.raises(ScriptNotFoundError, match="cannot read"):
        fake_manager.load_file(tmp_path / "missing.fake")


def test_evaluate_display_defaults_to_json(fake_manager: ScriptManager) -> None:
    record = fake_manager.load_script("repl", "", language="fake")
    engine = fake_manager.engine("fake").engine
    assert engine.evaluate_display(record.script_id, "x = 2") is None
    assert engine.evaluate_display(record.script_id, "[x, 'é', None]") == '[2, "é", null]'


def test_handles_of_a_closed_manager_fail_clearly(fake_manager: ScriptManager) -> None:
    fake_manager.load_script("calc", ADDER, language="fake")
    add, hello = fake_manager.function("calc.add"), fake_manager.function("hello")
    assert add(1, 2) == 3
    fake_manager.close()
    for handle in (add, hello):
        with pytest.raises(FunctionNotFoundError, match="no longer exists"):
            handle(1, 2)
    assert fake_manager.functions() == []

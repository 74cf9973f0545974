"""The engine conformance kit (plain pytest classes, no pytest plugin).

Subclass :class:`EngineConformance` in your distribution's
``tests/test_conformance.py``, set ``engine_name`` and give the snippets below
in your language.  Run pytest with ``--import-mode=importlib``.  Tests for a
capability your engine does not declare are skipped with the reason.

Snippets (strings of source code in the engine's language):

``source_basic`` exports:
    * ``identity(x)``: returns ``x`` unchanged;
    * ``add(a, b)``: returns ``a + b`` (numbers);
    * ``fail()``: raises/throws an error whose message contains ``boom``, on
      line ``runtime_error_line`` of the snippet;
    * ``read_global()``: returns the global variable ``shared_value``;
    * ``make_adder(n)``: returns a function ``f(x) = x + n``;
    * ``call_back(f, x)``: returns ``f(x)``;
    * ``say(text)``: prints ``text`` with the language's normal print
      (one line);
    * ``sum_to(n)``: returns ``1 + 2 + ... + n`` computed in a loop.

``source_syntax_error``: does not compile; the error is on line ``syntax_error_line``.

``source_version``: a format string with ``{n}`` exporting ``version()`` that
returns the integer ``n``.

``source_limits`` exports ``spin()`` (loops forever), ``recurse(n)`` (calls
itself without end) and ``bomb()`` (allocates memory without end).

``source_async`` (engines with ``supports_async``): exports
``async_add(a, b)``, an async function resolving to ``a + b``.

``source_coroutine`` (``supports_coroutines`` or ``supports_generators``):
exports ``collect(n)`` returning the list ``[1, ..., n]`` produced through
the language's coroutines or generators.

``source_exit`` (languages that can end the program: ``os.exit``,
``process.exit``...): exports ``stop(n)``, which ends the program with status
``n`` on line ``exit_line`` *inside the language's catch-all construct*
(``pcall``, ``try``/``catch``...) that must not catch it, and ``ok()``
returning 1; ``exit_statement`` is top-level code calling ``stop(5)``.  Left
empty, the exit tests are skipped.

``source_arguments``: a program that reads its command-line arguments the
language's way (``arg``/``...``, ``process.argv``, ``sys.argv``...) at the
top level and exports ``args()`` returning them as a list.  The kit
loads it as a program (``entry_point=True``, as ``kryon run FILE ARG...``
does).  Left empty, the test is skipped.

``source_debug`` (``supports_debugging``): exports ``debug_me(a)``; line
``debug_line`` assigns a local ``b = a + 1`` and the next line returns ``b``.

Hooks for documented, lossy value mappings: override :meth:`expected` (what a
round trip of a value should give back) and :meth:`value_strategy`.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kryon_core.config import KryonConfig
from kryon_core.engine import BreakpointHit, ScriptEngine
from kryon_core.errors import (
    AmbiguousFunctionError,
    CompileError,
    ConversionError,
    FunctionNotFoundError,
    LimitError,
    MemoryLimitError,
    RecursionLimitError,
    ScriptError,
    ScriptExit,
    ScriptRuntimeError,
)
from kryon_core.manager import ScriptManager
from kryon_core.values import INT_MAX, INT_MIN, FunctionRef, UserData, Value, values_equal

__all__ = ["EngineConformance", "canonical_values"]


def canonical_values(
    *,
    min_int: int = INT_MIN,
    max_int: int = INT_MAX,
    max_leaves: int = 12,
    floats: bool = True,
    empty_containers: bool = True,
) -> st.SearchStrategy[Value]:
    """Hypothesis strategy for canonical values (nested lists and objects)."""
    scalars: list[st.SearchStrategy[Any]] = [
        st.none(),
        st.booleans(),
        st.integers(min_int, max_int),
        st.text(),
    ]
    if floats:
        scalars.append(st.floats(allow_nan=True, allow_infinity=True))
    leaf = st.one_of(*scalars)
    min_size = 0 if empty_containers else 1
    return st.recursive(
        leaf,
        lambda children: st.one_of(
            st.lists(children, min_size=min_size, max_size=4),
            st.dictionaries(
                st.text(min_size=1, max_size=8), children, min_size=min_size, max_size=4
            ),
        ),
        max_leaves=max_leaves,
    )


class EngineConformance:
    """The engine contract as tests; see the module docstring for the snippets."""

    engine_name: ClassVar[str]
    policy: ClassVar[str] = "sandboxed"
    """The policy the kit runs under (``sandboxed`` limits by default)."""

    source_basic: ClassVar[str]
    runtime_error_line: ClassVar[int]
    source_syntax_error: ClassVar[str]
    syntax_error_line: ClassVar[int]
    source_version: ClassVar[str]
    source_limits: ClassVar[str]
    source_async: ClassVar[str] = ""
    source_coroutine: ClassVar[str] = ""
    source_exit: ClassVar[str] = ""
    exit_line: ClassVar[int] = 0
    exit_statement: ClassVar[str] = ""
    source_arguments: ClassVar[str] = ""
    source_debug: ClassVar[str] = ""
    debug_line: ClassVar[int] = 0

    limit_time_ms: ClassVar[int] = 200
    """Per-call time limit of the kit's limit tests."""
    memory_limit_mb: ClassVar[int] = 16

    # -- hooks for documented lossy mappings --------------------------------

    def value_strategy(self) -> st.SearchStrategy[Value]:
        """Values that must round-trip through ``identity``."""
        return canonical_values()

    def expected(self, value: Value) -> Value:
        """What ``identity(value)`` returns (override for documented mappings)."""
        return value

    # -- fixtures -------------------------------------------------------------

    @property
    def extension(self) -> str:
        return self.engine_class().extensions[0]

    def engine_class(self) -> type[ScriptEngine]:
        with ScriptManager(self.kit_config(Path("."))) as manager:
            return manager.plugins.engine_class(self.engine_name)

    def kit_config(self, cache_dir: Path, **policy: Any) -> KryonConfig:
        limits = {
            "time_limit_ms": self.limit_time_ms,
            "memory_limit_mb": self.memory_limit_mb,
            **policy,
        }
        return KryonConfig.from_mapping(
            {
                "kryon": {"default_policy": "kit"},
                "security": {"policies": {"kit": {"extends": self.policy, **limits}}},
                "cache": {"directory": str(cache_dir / "cache")},
            }
        )

    @pytest.fixture
    def output(self) -> list[tuple[str, str, str]]:
        return []

    @pytest.fixture
    def manager(
        self, tmp_path: Path, output: list[tuple[str, str, str]]
    ) -> Iterator[ScriptManager]:
        def sink(text: str, stream: str, script: str) -> None:
            output.append((text, stream, script))

        with ScriptManager(self.kit_config(tmp_path), output=sink) as manager:
            yield manager

    def load(self, manager: ScriptManager, name: str, source: str) -> None:
        manager.load_script(name, source, language=self.engine_name)

    @pytest.fixture
    def basic(self, manager: ScriptManager) -> ScriptManager:
        self.load(manager, "basic", self.source_basic)
        return manager

    # -- discovery and compile ---------------------------------------------------

    def test_engine_is_installed_and_described(self) -> None:
        cls = self.engine_class()
        assert cls.name == self.engine_name
        assert cls.extensions and all(e.startswith(".") for e in cls.extensions)
        assert cls.Config.model_config.get("extra") == "forbid"

    def test_compile_error_names_script_and_line(self, manager: ScriptManager) -> None:
        with pytest.raises(CompileError) as info:
            self.load(manager, "broken", self.source_syntax_error)
        assert info.value.script is not None and "broken" in info.value.script
        assert info.value.line == self.syntax_error_line
        assert "broken" in str(info.value)
        assert "broken" not in manager.scripts

    def test_exported_functions_are_registered(self, basic: ScriptManager) -> None:
        names = set(basic.functions())
        for fn in (
            "identity",
            "add",
            "fail",
            "read_global",
            "make_adder",
            "call_back",
            "say",
            "sum_to",
        ):
            assert f"basic.{fn}" in names
        info = basic.function("basic.add").info
        assert info.name == "add"

    def test_short_and_qualified_names(self, basic: ScriptManager) -> None:
        assert basic.call_function("add", 2, 3) == 5
        assert basic.call_function("basic.add", 2, 3) == 5
        self.load(basic, "other", self.source_basic)
        with pytest.raises(AmbiguousFunctionError) as info:
            basic.call_function("add", 1, 1)
        assert "basic.add" in str(info.value) and "other.add" in str(info.value)
        with pytest.raises(FunctionNotFoundError):
            basic.call_function("no_such_function")

    # -- values -----------------------------------------------------------------

    def test_value_round_trip(self, basic: ScriptManager) -> None:
        identity = basic.function("basic.identity")

        @settings(
            max_examples=150,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture],
        )
        @given(self.value_strategy())
        def round_trip(value: Value) -> None:
            result = identity(value)
            assert values_equal(result, self.expected(value)), (value, result)

        round_trip()

    def test_numbers_keep_their_kind(self, basic: ScriptManager) -> None:
        add = basic.function("basic.add")
        assert values_equal(add(2, 3), self.expected(5))
        assert add(1.5, 2.25) == 3.75
        assert math.isinf(add(math.inf, 1.0))
        assert math.isnan(add(math.nan, 1.0))

    def test_unconvertible_values_raise_conversion_error(self, basic: ScriptManager) -> None:
        identity = basic.function("basic.identity")
        cyclic: list[Any] = []
        cyclic.append(cyclic)
        deep: list[Any] = []
        for _ in range(500):
            deep = [deep]
        for bad in (object(), cyclic, deep, 2**70, {1: "int key"}):
            with pytest.raises(ConversionError):
                identity(bad)
        assert basic.call_function("basic.add", 1, 2) == self.expected(3)

    def test_functions_cross_both_ways(self, basic: ScriptManager) -> None:
        adder = basic.call_function("basic.make_adder", 10)
        assert isinstance(adder, FunctionRef)
        assert adder(5) == self.expected(15)
        doubled = FunctionRef("host", "double", lambda args: args[0] * 2)
        assert basic.call_function("basic.call_back", doubled, 21) == self.expected(42)

    def test_user_data_passes_through_opaque(self, basic: ScriptManager) -> None:
        token = UserData({"secret": 1})
        assert basic.call_function("basic.identity", token) is token

    # -- globals, output --------------------------------------------------------------

    def test_globals(self, basic: ScriptManager) -> None:
        basic.set_global("shared_value", 42)
        assert basic.call_function("basic.read_global") == self.expected(42)
        basic.set_global("shared_value", "per script", script="basic")
        assert basic.get_global("shared_value", script="basic") == "per script"
        assert basic.call_function("basic.read_global") == "per script"

    def test_print_goes_to_the_output_sink(
        self, basic: ScriptManager, output: list[tuple[str, str, str]]
    ) -> None:
        basic.call_function("basic.say", "hello from the script")
        text = "".join(t for t, stream, script in output if stream == "stdout")
        assert "hello from the script" in text
        assert all(script == "basic" for _, _, script in output)

    # -- lifecycle ----------------------------------------------------------------------

    def test_unload_really_removes(self, basic: ScriptManager) -> None:
        handle = basic.function("basic.add")
        basic.unload_script("basic")
        assert "basic.add" not in basic.functions()
        with pytest.raises(FunctionNotFoundError):
            basic.call_function("basic.add", 1, 2)
        with pytest.raises(FunctionNotFoundError):
            handle(1, 2)
        self.load(basic, "basic", self.source_basic)
        assert basic.call_function("basic.add", 1, 2) == self.expected(3)

    def test_hot_reload_swaps_and_handles_follow(self, manager: ScriptManager) -> None:
        self.load(manager, "versioned", self.source_version.format(n=1))
        handle = manager.function("versioned.version")
        assert handle() == self.expected(1)
        manager.hot_reload("versioned", self.source_version.format(n=2))
        assert handle() == self.expected(2)
        assert manager.call_function("version") == self.expected(2)

    def test_hot_reload_keeps_old_version_on_bad_source(self, manager: ScriptManager) -> None:
        self.load(manager, "versioned", self.source_version.format(n=1))
        handle = manager.function("versioned.version")
        with pytest.raises(CompileError):
            manager.hot_reload("versioned", self.source_syntax_error)
        assert handle() == self.expected(1)
        assert manager.scripts["versioned"].reloads == 0

    # -- errors -------------------------------------------------------------------------

    def test_runtime_error_names_script_and_line(self, basic: ScriptManager) -> None:
        with pytest.raises(ScriptRuntimeError) as info:
            basic.call_function("basic.fail")
        error = info.value
        assert "boom" in str(error)
        assert error.script is not None and "basic" in error.script
        lines = {error.line} | {f.line for f in error.traceback}
        assert self.runtime_error_line in lines, (error.render(), error.traceback)

    def test_script_error_does_not_corrupt_the_engine(self, basic: ScriptManager) -> None:
        for _ in range(3):
            with pytest.raises(ScriptError):
                basic.call_function("basic.fail")
        assert basic.call_function("basic.add", 20, 22) == self.expected(42)
        assert basic.call_function("basic.sum_to", 100) == self.expected(5050)

    def test_concurrent_calls_from_threads(self, basic: ScriptManager) -> None:
        add = basic.function("basic.add")
        errors: list[BaseException] = []
        results: dict[int, Value] = {}

        def worker(i: int) -> None:
            try:
                for j in range(25):
                    results[i * 100 + j] = add(i, j)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not errors
        assert all(results[k] == self.expected(k // 100 + k % 100) for k in results)
        assert len(results) == 200

    # -- limits ---------------------------------------------------------------------------

    def _limited(self, manager: ScriptManager) -> ScriptManager:
        self.load(manager, "limits", self.source_limits)
        self.load(manager, "basic", self.source_basic)
        return manager

    def test_infinite_loop_hits_a_limit_in_time(self, manager: ScriptManager) -> None:
        self._limited(manager)
        start = time.monotonic()
        with pytest.raises(LimitError):
            manager.call_function("limits.spin")
        assert time.monotonic() - start < self.limit_time_ms / 1000 * 10 + 1
        assert manager.call_function("basic.add", 1, 2) == self.expected(3)

    def test_unbounded_recursion_is_a_recursion_limit(self, manager: ScriptManager) -> None:
        self._limited(manager)
        with pytest.raises(RecursionLimitError):
            manager.call_function("limits.recurse", 1)
        assert manager.call_function("basic.add", 1, 2) == self.expected(3)

    def test_memory_bomb_is_a_memory_limit(self, tmp_path: Path) -> None:
        # A time limit the bomb cannot reach first, even on a loaded machine.
        config = self.kit_config(tmp_path, time_limit_ms=5000)
        with ScriptManager(config) as manager:
            self._limited(manager)
            caps = manager.engine(self.engine_name).engine.capabilities()
            if not caps.supports_memory_limit:
                pytest.skip("engine declares no memory limit")
            with pytest.raises(MemoryLimitError):
                manager.call_function("limits.bomb")
            assert manager.call_function("basic.add", 1, 2) == self.expected(3)

    def test_instruction_limit(self, tmp_path: Path) -> None:
        config = self.kit_config(tmp_path, time_limit_ms=5000, instruction_limit=100_000)
        with ScriptManager(config) as manager:
            self._limited(manager)
            caps = manager.engine(self.engine_name).engine.capabilities()
            if not caps.supports_instruction_limit:
                pytest.skip("engine declares no instruction limit")
            start = time.monotonic()
            with pytest.raises(LimitError):
                manager.call_function("limits.spin")
            assert time.monotonic() - start < 5
            assert manager.call_function("basic.sum_to", 10) == self.expected(55)

    # -- memory ------------------------------------------------------------------------

    def test_memory_and_gc_figures_are_sane(self, basic: ScriptManager) -> None:
        usage = basic.memory_usage()
        key = f"{self.engine_name}/kit"
        assert usage[key].used_bytes > 0
        caps = basic.engine(self.engine_name).engine.capabilities()
        if caps.supports_memory_limit:
            assert usage[key].limit_bytes == self.memory_limit_mb * 1024 * 1024
        stats = basic.collect_garbage()[key]
        assert stats.before_bytes >= 0 and stats.after_bytes >= 0
        assert stats.duration_ms >= 0

    # -- capabilities -------------------------------------------------------------------

    def _caps(self, manager: ScriptManager) -> Any:
        return manager.engine(self.engine_name).engine.capabilities()

    def test_async_functions(self, manager: ScriptManager) -> None:
        if not self._caps(manager).supports_async:
            pytest.skip("engine declares no async support")
        self.load(manager, "asyncs", self.source_async)
        result = asyncio.run(manager.call_function_async("asyncs.async_add", 20, 22))
        assert result == self.expected(42)

    def test_coroutines_or_generators(self, manager: ScriptManager) -> None:
        caps = self._caps(manager)
        if not (caps.supports_coroutines or caps.supports_generators):
            pytest.skip("engine declares neither coroutines nor generators")
        self.load(manager, "coros", self.source_coroutine)
        assert manager.call_function("coros.collect", 4) == self.expected([1, 2, 3, 4])

    def test_exit_is_uncaught_and_leaves_the_engine_serving(self, manager: ScriptManager) -> None:
        if not self.source_exit:
            pytest.skip("no source_exit: the language has no exit")
        self.load(manager, "quitter", self.source_exit)
        with pytest.raises(ScriptExit) as info:
            manager.call_function("quitter.stop", 3)
        assert info.value.status == 3
        assert (info.value.script, info.value.line) == ("quitter", self.exit_line)
        assert manager.call_function("quitter.ok") == self.expected(1)
        with pytest.raises(ScriptExit) as info:
            manager.call_function("quitter.stop", 0)  # a status of 0 ends the call all the same
        assert info.value.status == 0

    def test_exit_while_loading_leaves_the_script_unloaded(self, manager: ScriptManager) -> None:
        if not self.source_exit:
            pytest.skip("no source_exit: the language has no exit")
        self.load(manager, "quitter", self.source_exit)
        with pytest.raises(ScriptExit):
            manager.hot_reload("quitter", f"{self.source_exit}\n{self.exit_statement}\n")
        assert manager.call_function("quitter.ok") == self.expected(1)  # the old version runs
        with pytest.raises(ScriptExit) as info:
            self.load(manager, "gone", f"{self.source_exit}\n{self.exit_statement}\n")
        assert info.value.status == 5 and "gone" not in manager.scripts

    def test_a_program_reads_its_arguments(self, manager: ScriptManager) -> None:
        if not self.source_arguments:
            pytest.skip("no source_arguments")
        arguments = ["a", "b c", "", "--flag", "-1", "ünï"]
        manager.load_script(
            "program",
            self.source_arguments,
            language=self.engine_name,
            entry_point=True,
            arguments=arguments,
        )
        assert manager.call_function("program.args") == self.expected(arguments)
        manager.hot_reload("program", self.source_arguments)  # still the same program
        assert manager.call_function("program.args") == self.expected(arguments)

    def test_bytecode_is_cached_and_reloaded(self, tmp_path: Path) -> None:
        config = self.kit_config(tmp_path)
        with ScriptManager(config) as first:
            if not self._caps(first).supports_bytecode:
                pytest.skip("engine declares no bytecode support")
            self.load(first, "basic", self.source_basic)
            assert not first.scripts["basic"].compiled.from_cache  # type: ignore[union-attr]
            assert first.cache.stats.writes >= 1
        with ScriptManager(config) as second:
            self.load(second, "basic", self.source_basic)
            assert second.scripts["basic"].compiled.from_cache  # type: ignore[union-attr]
            assert second.cache.stats.disk_hits >= 1
            assert second.call_function("basic.add", 2, 3) == self.expected(5)
            with pytest.raises(ScriptRuntimeError):
                second.call_function("basic.fail")

    def test_jit_engine_runs_hot_loops(self, basic: ScriptManager) -> None:
        if not self._caps(basic).supports_jit:
            pytest.skip("engine declares no JIT")
        assert basic.call_function("basic.sum_to", 50_000) == self.expected(50_000 * 50_001 // 2)

    def test_breakpoint_reports_frame_and_locals(self, manager: ScriptManager) -> None:
        if not self._caps(manager).supports_debugging:
            pytest.skip("engine declares no debugging support")
        hits: list[BreakpointHit] = []
        manager.on_breakpoint(hits.append)
        self.load(manager, "dbg", self.source_debug)
        manager.set_breakpoint("dbg", self.debug_line + 1)
        assert manager.call_function("dbg.debug_me", 41) == self.expected(42)
        assert hits, "breakpoint was not hit"
        hit = hits[0]
        assert hit.line == self.debug_line + 1
        assert "dbg" in hit.script
        assert values_equal(hit.locals.get("b"), self.expected(42))
        assert values_equal(hit.locals.get("a"), self.expected(41))

    def test_stack_trace_from_a_host_callback(self, basic: ScriptManager) -> None:
        seen: list[list[Any]] = []

        def probe(args: Any) -> Value:
            seen.append(basic.stack_trace("basic"))
            return 1

        basic.call_function("basic.call_back", FunctionRef("host", "probe", probe), 0)
        assert seen
        if self._caps(basic).supports_debugging:
            assert any("basic" in frame.script for frame in seen[0])

    def test_version_and_language_are_reported(self, basic: ScriptManager) -> None:
        engine = basic.engine(self.engine_name).engine
        assert engine.language == self.engine_name
        assert isinstance(engine.version, str) and engine.version not in ("", "unknown")

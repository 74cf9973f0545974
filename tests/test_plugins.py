"""Plugin discovery and every hook, exercised through a real PluginHost."""

from __future__ import annotations

import sys
import types
from typing import Any

import fakeengine
import pytest

from kryon_core import (
    EngineEntry,
    EngineNotFoundError,
    ScriptManager,
    SecurityError,
    SecurityPolicy,
    TypeConverter,
    hookimpl,
)
from kryon_core.plugins import PluginHost


class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents


class Everything:
    """A plugin implementing every hook."""

    def __init__(self) -> None:
        self.events: list[str] = []

    @hookimpl
    def kryon_register_engines(self) -> list[type]:
        return [fakeengine.FakeEngine]

    @hookimpl
    def kryon_register_converters(self) -> list[TypeConverter]:
        return [TypeConverter(Money, lambda m: {"cents": m.cents}, "money")]

    @hookimpl
    def kryon_register_dom_bridges(self) -> list[type]:
        class MemoryDom:
            name = "memory"

        return [MemoryDom]

    @hookimpl
    def kryon_register_policies(self) -> list[SecurityPolicy]:
        return [SecurityPolicy(name="strict", time_limit_ms=10)]

    @hookimpl
    def kryon_validate_script(self, source: Any, policy: Any) -> None:
        self.events.append(f"validate:{source.name}:{policy.name}")

    @hookimpl
    def kryon_engine_created(self, engine: Any, policy: Any) -> None:
        self.events.append(f"engine:{engine.name}:{policy.name}")

    @hookimpl
    def kryon_script_loaded(self, manager: Any, script: Any) -> None:
        self.events.append(f"loaded:{script.name}")

    @hookimpl
    def kryon_script_unloaded(self, manager: Any, name: str) -> None:
        self.events.append(f"unloaded:{name}")


def test_every_hook_is_called() -> None:
    plugin = Everything()
    with ScriptManager(load_entrypoints=False, plugins=[plugin]) as manager:
        assert "strict" in manager.policies and manager.policies["strict"].time_limit_ms == 10
        assert "memory" in manager.plugins.dom_bridges
        manager.load_script("s", "def f(x):\n    return x\n", language="fake", policy="strict")
        bridge = manager.engine("fake", "strict").engine.bridge  # type: ignore[attr-defined]
        assert bridge.convert(Money(5)) == {"cents": 5}
        manager.hot_reload("s", "def f(x):\n    return x\n")
        manager.unload_script("s")
    assert plugin.events == [
        "validate:s:strict",
        "engine:fake:strict",
        "loaded:s",
        "validate:s:strict",
        "loaded:s",
        "unloaded:s",
    ]


def test_core_builtins_are_registered_like_a_plugin() -> None:
    host = PluginHost(load_entrypoints=False)
    assert host.pm.get_plugin("core") is not None
    assert {"sandboxed", "trusted"} <= set(host.policies)
    assert len(host.converters) > 0


def test_plugin_failing_to_register_is_reported_and_others_work() -> None:
    class BadHook:
        @hookimpl
        def kryon_no_such_hook(self) -> None: ...

    class Crashing:
        @hookimpl
        def kryon_register_engines(self) -> list[type]:
            raise RuntimeError("kaboom")

    class NotAnEngine:
        @hookimpl
        def kryon_register_engines(self) -> list[object]:
            return [object]

    host = PluginHost(
        load_entrypoints=False, plugins=[BadHook(), Crashing(), NotAnEngine(), fakeengine]
    )
    errors = " | ".join(f"{b.name}: {b.error}" for b in host.broken)
    assert "kryon_no_such_hook" in errors
    assert "kaboom" in errors
    assert "not a ScriptEngine subclass" in errors
    assert "fake" in host.engines


def test_duplicate_engine_names_are_reported() -> None:
    other = types.SimpleNamespace()

    class Again:
        @hookimpl
        def kryon_register_engines(self) -> list[type]:
            return [fakeengine.FakeEngine]

    del other
    host = PluginHost(load_entrypoints=False, plugins=[fakeengine, Again()])
    assert any("already registered" in b.error for b in host.broken)


def test_plugin_failing_to_import_via_env_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KRYON_PLUGINS", "kryon_missing_plugin, fakeengine")
    host = PluginHost()
    assert any(b.name == "kryon_missing_plugin" and "import failed" in b.error for b in host.broken)
    assert "fake" in host.engines


def test_entry_point_plugin_failing_to_import(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    class BrokenEntryPoint:
        name = "ghost"
        dist = None

        def load(self) -> Any:
            raise ImportError("No module named 'kryon_ghost'")

    real = metadata.entry_points

    def fake_entry_points(**kwargs: Any) -> Any:
        found = list(real(**kwargs))
        return [*found, BrokenEntryPoint()] if kwargs.get("group") == "kryon" else found

    monkeypatch.setattr(metadata, "entry_points", fake_entry_points)
    host = PluginHost()
    assert any(b.name == "ghost" and "kryon_ghost" in b.error for b in host.broken)
    with ScriptManager() as manager:
        with pytest.raises(EngineNotFoundError, match="ghost"):
            manager.load_script("x", "", language="ghost")


def test_disabled_plugins_are_not_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KRYON_PLUGINS", "")
    host = PluginHost(disabled=["lua"])
    assert "lua" not in host.engines


def test_validator_refusal_stops_the_load() -> None:
    class Refuse:
        @hookimpl
        def kryon_validate_script(self, source: Any, policy: Any) -> None:
            raise SecurityError("no scripts today")

    with ScriptManager(load_entrypoints=False, plugins=[fakeengine, Refuse()]) as manager:
        with pytest.raises(SecurityError, match="no scripts today"):
            manager.load_script("s", "x = 1\n", language="fake")
        assert manager.scripts == {}


def test_buggy_validator_fails_closed() -> None:
    class Buggy:
        @hookimpl
        def kryon_validate_script(self, source: Any, policy: Any) -> None:
            raise KeyError("oops")

    with ScriptManager(load_entrypoints=False, plugins=[fakeengine, Buggy()]) as manager:
        with pytest.raises(SecurityError, match="validation failed: KeyError"):
            manager.load_script("s", "x = 1\n", language="fake")


def test_importing_core_imports_no_runtime() -> None:
    import subprocess

    code = (
        "import sys, kryon_core; kryon_core.ScriptManager();"
        "print(sorted(m for m in ('lupa', 'quickjs') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


class Entries:
    """Engines offered as entries: imported only when a script needs them."""

    def __init__(self, *entries: EngineEntry) -> None:
        self.entries = entries

    @hookimpl
    def kryon_register_engines(self) -> list[EngineEntry]:
        return list(self.entries)


def test_engine_entries_import_only_the_engine_a_script_needs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, "fakeengine")
    host = PluginHost(
        load_entrypoints=False,
        plugins=[Entries(EngineEntry("fake", (".fake",), "fakeengine:FakeEngine"))],
    )
    assert host.language_for_path("x.fake") == "fake"
    assert "fakeengine" not in sys.modules  # mapping a file needs no import
    assert host.engine_class("fake").__module__ == "fakeengine"
    assert "fakeengine" in sys.modules
    assert not host.broken


def test_broken_engine_entries_are_reported_when_first_needed() -> None:
    host = PluginHost(
        load_entrypoints=False,
        plugins=[
            Entries(
                EngineEntry("ghost", (".ghost",), "kryon_ghost_engine:GhostEngine"),
                EngineEntry("liar", (".liar",), "fakeengine:FakeEngine"),
                EngineEntry("fake", (".fake",), "fakeengine:FakeEngine"),
            )
        ],
    )
    assert not host.broken
    with pytest.raises(EngineNotFoundError, match="installed but broken.*kryon_ghost_engine"):
        host.engine_class("ghost")
    # the class is engine 'fake' for .fake: the entry's promise does not hold
    assert set(host.engines) == {"fake"}
    errors = {b.name: b.error for b in host.broken}
    assert "No module named 'kryon_ghost_engine'" in errors["ghost"]
    assert "promised 'liar'" in errors["liar"]
    with pytest.raises(EngineNotFoundError, match="no installed engine handles"):
        host.language_for_path("x.ghost")  # a broken entry no longer claims its files


def test_installed_plugins_offer_their_engines_as_entries() -> None:
    for language in ("lua", "js", "python", "wren", "lisp"):
        module = __import__(f"kryon_{language}.hooks", fromlist=["kryon_register_engines"])
        (entry,) = module.kryon_register_engines()
        assert isinstance(entry, EngineEntry)
        cls = entry.load()
        assert (cls.name, tuple(cls.extensions)) == (entry.name, entry.extensions)

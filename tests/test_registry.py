"""The function registry: names, slots made on first use, reloads and unloads."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest

from kryon_core import AmbiguousFunctionError, FunctionInfo, FunctionNotFoundError, ScriptError
from kryon_core.registry import (
    AsyncInvoker,
    Binder,
    FunctionHandle,
    FunctionRegistry,
    FunctionSlot,
    Invoker,
)
from kryon_core.values import Value


def binder_for(tag: str, bound: list[str]) -> Binder:
    """A binder whose invokers return ``tag`` and the call's arguments."""

    def bind(slot: FunctionSlot) -> tuple[Invoker, AsyncInvoker]:
        bound.append(slot.name)

        def invoke(args: Sequence[Value]) -> Value:
            return [tag, slot.function, *args]

        async def invoke_async(args: Sequence[Value]) -> Value:
            return invoke(args)

        return invoke, invoke_async

    return bind


def infos(*names: str) -> dict[str, FunctionInfo]:
    return {name: FunctionInfo(name) for name in names}


def test_registering_makes_no_slots_until_a_name_is_resolved() -> None:
    registry, bound = FunctionRegistry(), list[str]()
    registry.add_script("s", infos("f", "g"), binder_for("v1", bound))
    assert registry.names() == ["s.f", "s.g"]
    assert "s.f" in registry and "g" in registry and "h" not in registry
    slot = registry.resolve("f")
    assert slot is registry.resolve("s.f") is registry.get("s.f")
    assert bound == []  # slots bind on their first call
    assert FunctionHandle(slot)(1) == ["v1", "f", 1]
    assert bound == ["s.f"]


def test_script_names_may_contain_dots() -> None:
    registry = FunctionRegistry()
    registry.add_script("pkg.mod", infos("run"), binder_for("v1", []))
    assert FunctionHandle(registry.resolve("pkg.mod.run"))() == ["v1", "run"]
    assert registry.get("pkg.run") is None


def test_reload_rebinds_resolved_slots_and_kills_vanished_ones() -> None:
    registry = FunctionRegistry()
    registry.add_script("s", infos("f", "g"), binder_for("v1", []))
    f, g = FunctionHandle(registry.resolve("s.f")), FunctionHandle(registry.resolve("s.g"))
    assert f() == ["v1", "f"]
    registry.add_script("s", infos("f", "h"), binder_for("v2", []))
    assert f() == ["v2", "f"]  # the old handle follows the new version
    with pytest.raises(FunctionNotFoundError, match="no longer exists"):
        g()
    assert registry.names() == ["s.f", "s.h"]
    assert "g" not in registry


def test_remove_script_forgets_names_and_kills_handles() -> None:
    registry = FunctionRegistry()
    registry.add_script("a", infos("f"), binder_for("a", []))
    registry.add_script("b", infos("f"), binder_for("b", []))
    with pytest.raises(AmbiguousFunctionError) as info:
        registry.resolve("f")
    assert info.value.candidates == ["a.f", "b.f"]
    handle = FunctionHandle(registry.resolve("a.f"))
    registry.remove_script("a")
    with pytest.raises(FunctionNotFoundError):
        handle()
    assert FunctionHandle(registry.resolve("f"))() == ["b", "f"]  # unambiguous again
    with pytest.raises(FunctionNotFoundError, match="did you mean"):
        registry.resolve("a.f")
    registry.remove_script("a")  # removing twice is harmless


def test_threads_resolving_one_name_share_one_slot() -> None:
    registry = FunctionRegistry()
    registry.add_script("s", infos(*(f"f{i}" for i in range(200))), binder_for("v1", []))
    names = [f"s.f{i}" for i in range(200)]
    with ThreadPoolExecutor(8) as pool:
        rounds = list(pool.map(lambda _: [registry.resolve(n) for n in names], range(8)))
    for slots in rounds[1:]:
        assert all(a is b for a, b in zip(slots, rounds[0], strict=True))


def test_short_names_are_indexed_in_load_order_across_loads_unloads_and_reloads() -> None:
    # loads only record the function tables; the short-name index catches up
    # at the first look-up, in load order, without what was unloaded meanwhile
    registry = FunctionRegistry()
    for script in ("a", "b", "c", "d"):
        registry.add_script(script, infos("f", f"only_{script}"), binder_for(script, []))
    handle = FunctionHandle(registry.resolve("b.f"))  # a slot of a script not indexed yet
    registry.remove_script("b")
    with pytest.raises(FunctionNotFoundError):
        handle()
    registry.add_script("c", infos("f", "g"), binder_for("c2", []))  # reload
    with pytest.raises(AmbiguousFunctionError) as info:
        registry.resolve("f")
    assert info.value.candidates == ["a.f", "c.f", "d.f"]
    assert FunctionHandle(registry.resolve("g"))() == ["c2", "g"]
    assert "only_c" not in registry and "only_b" not in registry and "only_d" in registry
    registry.add_script("e", infos("f"), binder_for("e", []))
    with pytest.raises(AmbiguousFunctionError) as info:
        registry.resolve("f")
    assert info.value.candidates == ["a.f", "c.f", "d.f", "e.f"]
    assert registry.names() == ["a.f", "a.only_a", "c.f", "c.g", "d.f", "d.only_d", "e.f"]


def test_qualified_names_that_collide_through_dots_are_refused() -> None:
    # "pkg.mod" + "run" and "pkg" + "mod.run" are both "pkg.mod.run"
    registry = FunctionRegistry()
    registry.add_script("pkg.mod", infos("run"), binder_for("v1", []))
    with pytest.raises(ScriptError, match="collides"):
        registry.add_script("pkg", infos("mod.run"), binder_for("v2", []))
    registry.add_script("pkg", infos("other"), binder_for("v3", []))
    with pytest.raises(ScriptError, match="collides"):
        registry.add_script("pkg", infos("mod.run"), binder_for("v4", []))  # (a reload)
    registry.add_script("a", infos("b.c"), binder_for("v5", []))
    with pytest.raises(ScriptError, match="collides with 'b.c' of script 'a'"):
        registry.add_script("a.b", infos("c"), binder_for("v6", []))
    assert registry.names() == ["a.b.c", "pkg.mod.run", "pkg.other"]
    assert FunctionHandle(registry.resolve("pkg.mod.run"))() == ["v1", "run"]

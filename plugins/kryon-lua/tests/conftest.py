"""Fixtures: a Lua engine driven directly (no manager), as the manager would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from kryon_lua.config import LuaConfig
from kryon_lua.engine import LuaEngine

from kryon_core import HostFunction, ScriptBridge, ScriptId, SecurityPolicy, Value


class LuaHarness:
    """One engine plus helpers to load snippets and call their functions."""

    def __init__(self, engine: LuaEngine) -> None:
        self.engine = engine
        self.output: list[tuple[str, str, str]] = []
        self._count = 0

    def load(self, source: str, name: str | None = None) -> ScriptId:
        self._count += 1
        script = name or f"s{self._count}"
        return self.engine.load_script(self.engine.compile(source, script=script))

    def call(self, script_id: ScriptId, name: str, *args: Value) -> Value:
        return self.engine.call_function(script_id, name, list(args))

    def run(self, body: str, *args: Value) -> Value:
        """Define ``function main(...) <body> end`` in a fresh script and call it."""
        sid = self.load(f"function main(...)\n{body}\nend\n")
        return self.call(sid, "main", *args)


def make_harness(
    policy: SecurityPolicy | None = None,
    config: LuaConfig | None = None,
    functions: dict[str, Callable[..., Value]] | None = None,
) -> LuaHarness:
    policy = policy or SecurityPolicy()
    engine = LuaEngine()
    engine.initialize(config or LuaConfig(), policy)
    harness = LuaHarness(engine)
    host = {name: HostFunction(name, fn) for name, fn in (functions or {}).items()}
    engine.setup_bridge(
        ScriptBridge(
            policy,
            host,
            output=lambda text, stream, script: harness.output.append((text, stream, script)),
        )
    )
    return harness


def _host_functions(calls: dict[str, Any]) -> dict[str, Callable[..., Value]]:
    def boom(caller: str) -> Value:
        raise ValueError("secret host detail")

    def echo(caller: str, value: Value) -> Value:
        return value

    def generator(caller: str) -> Value:
        return (x for x in range(3))  # type: ignore[return-value]

    def reenter(caller: str, fn: Any) -> Value:
        return fn()  # type: ignore[no-any-return]

    return {"boom": boom, "echo": echo, "generator": generator, "reenter": reenter}


@pytest.fixture
def make_lua() -> Iterator[Callable[..., LuaHarness]]:
    """Factory for harnesses with a custom policy/config (closed after the test)."""
    made: list[LuaHarness] = []

    def make(
        policy: SecurityPolicy | None = None,
        config: LuaConfig | None = None,
        functions: dict[str, Callable[..., Value]] | None = None,
    ) -> LuaHarness:
        harness = make_harness(policy, config, functions or _host_functions({}))
        made.append(harness)
        return harness

    yield make
    for harness in made:
        harness.engine.close()


@pytest.fixture
def lua() -> Iterator[LuaHarness]:
    harness = make_harness(functions=_host_functions({}))
    yield harness
    harness.engine.close()


@pytest.fixture(params=["lua54", "luajit"])
def any_lua(request: pytest.FixtureRequest) -> Iterator[LuaHarness]:
    harness = make_harness(config=LuaConfig(runtime=request.param), functions=_host_functions({}))
    yield harness
    harness.engine.close()

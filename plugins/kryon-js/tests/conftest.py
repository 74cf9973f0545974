"""Fixtures: a JavaScript engine used directly, and a manager with only JS loaded."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from kryon_js.config import JsConfig
from kryon_js.engine import JsEngine

from kryon_core import (
    CompiledScript,
    HostFunction,
    KryonConfig,
    ScriptBridge,
    ScriptId,
    ScriptManager,
    SecurityPolicy,
)
from kryon_core.testing import kryon_run as run_cli

Output = list[tuple[str, str, str]]


class Harness:
    """A JsEngine created on the test's thread (its owner), with captured output."""

    def __init__(
        self, policy: SecurityPolicy, functions: dict[str, HostFunction], config: JsConfig
    ) -> None:
        self.output: Output = []
        self.policy = policy
        self.engine = JsEngine()
        self.engine.initialize(config, policy)
        self.bridge = ScriptBridge(
            policy, functions, output=lambda t, s, sc: self.output.append((t, s, sc))
        )
        self.engine.setup_bridge(self.bridge)

    def load(self, source: str, name: str = "main.js") -> ScriptId:
        compiled: CompiledScript = self.engine.compile(source, script=name)
        return self.engine.load_script(compiled)

    def call(self, script: ScriptId, name: str, *args: Any) -> Any:
        return self.engine.call_function(script, name, list(args))

    def text(self, stream: str = "stdout") -> str:
        return "".join(t for t, s, _ in self.output if s == stream)


MakeHarness = Callable[..., Harness]


@pytest.fixture
def make_js() -> Iterator[MakeHarness]:
    made: list[Harness] = []

    def make(
        policy: SecurityPolicy | None = None,
        functions: dict[str, HostFunction] | None = None,
        config: JsConfig | None = None,
        **limits: Any,
    ) -> Harness:
        base = policy or SecurityPolicy()
        if limits:
            base = base.derive("test", **limits)
        harness = Harness(base, functions or {}, config or JsConfig())
        made.append(harness)
        return harness

    yield make
    for harness in made:
        harness.engine.close()


@pytest.fixture
def js(make_js: MakeHarness) -> Harness:
    return make_js()


@pytest.fixture
def manager(tmp_path: Path) -> Iterator[ScriptManager]:
    output: Output = []
    config = KryonConfig.from_mapping({"cache": {"directory": str(tmp_path / "cache")}})
    with ScriptManager(config, output=lambda t, s, sc: output.append((t, s, sc))) as manager:
        manager.test_output = output  # type: ignore[attr-defined]
        yield manager


def kryon_run(
    directory: Path, name: str, source: str, *options: str
) -> subprocess.CompletedProcess[str]:
    """``kryon run NAME [OPTIONS]`` of ``source`` written to ``directory``, as a
    user runs it (the installed core's CLI, in a process of its own)."""
    path = directory / name
    path.write_text(source)
    return run_cli(path, *options, cwd=directory)

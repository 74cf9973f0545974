"""Fixtures: Python engines driven directly (no manager), in either mode."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from kryon_python.config import PythonConfig
from kryon_python.engine import PythonEngine

from kryon_core import HostFunction, ScriptBridge, ScriptId, SecurityPolicy, default_policies


class Harness:
    """One engine plus what its scripts printed."""

    def __init__(
        self,
        policy: SecurityPolicy,
        functions: Mapping[str, Callable[..., Any]] | None = None,
        config: PythonConfig | None = None,
    ) -> None:
        self.output: list[tuple[str, str, str]] = []
        self.engine = PythonEngine()
        self.engine.initialize(config or PythonConfig(), policy)
        host = {name: HostFunction(name, fn) for name, fn in (functions or {}).items()}
        self.engine.setup_bridge(ScriptBridge(policy, host, output=self._sink))

    def _sink(self, text: str, stream: str, script: str) -> None:
        self.output.append((text, stream, script))

    def load(self, source: str, script: str = "main") -> ScriptId:
        return self.engine.load_script(self.engine.compile(source, script=script))

    def call(self, sid: ScriptId, name: str, *args: Any) -> Any:
        return self.engine.call_function(sid, name, list(args))

    @property
    def printed(self) -> str:
        return "".join(text for text, _, _ in self.output)


SANDBOXED = default_policies()[0]
TRUSTED = default_policies()[1]


@pytest.fixture
def harness() -> Iterator[Callable[..., Harness]]:
    made: list[Harness] = []

    def make(policy: SecurityPolicy = SANDBOXED, **kwargs: Any) -> Harness:
        h = Harness(policy, **kwargs)
        made.append(h)
        return h

    yield make
    for h in made:
        h.engine.close()


@pytest.fixture(params=["trusted", "isolated"])
def either(request: pytest.FixtureRequest, harness: Callable[..., Harness]) -> Harness:
    """A harness in each mode, with a small ``kryon`` API (``add``, ``fail``)."""
    from kryon_core import AccessDeniedError

    def fail(caller: str) -> None:
        raise AccessDeniedError("not for you", script=caller)

    policy = TRUSTED if request.param == "trusted" else SANDBOXED
    return harness(policy, functions={"add": lambda caller, a, b: a + b, "fail": fail})


PY311 = pytest.mark.skipif(
    sys.version_info < (3, 11),
    reason="a Python 3.11 feature (exception groups and notes, TaskGroup, tomllib, sys.exception)",
)
"""For tests of what scripts get from Python 3.11 on: the engine runs them on
the host's interpreter, and 3.10 has none of it."""


_FRAME = re.compile(r'  File "(?P<script>[^"]+)", line (?P<line>\d+), in ')
_FRAME_OF_SOURCE = re.compile(r'  File "(?P<script>[^"]+)", line (?P<line>\d+)$')


def reported_headline(stderr: str) -> str:
    """The first line of a ``kryon run`` stderr, with python's report of an
    uncaught error (``Traceback (most recent call last):`` ... ``Type: text``)
    told as Kryon tells its other errors: ``ScriptRuntimeError: script:line:
    Type: text``, at the innermost frame (and python's report of a syntax
    error as ``CompileError: script:line: SyntaxError: text``), so that
    tables of expected outcomes read alike for every error."""
    lines = stderr.splitlines()
    while lines and lines[0].startswith("Exception ignored in"):
        # a finalizer's report: `kryon run` ends the program (its finalizers
        # run) before it tells the error that ended it, where python tells
        # the error first
        del lines[0]
        while lines and lines[0].startswith(("  ", "Traceback (most recent call last):")):
            del lines[0]
        del lines[:1]  # its exception
    if lines and (where := _FRAME_OF_SOURCE.match(lines[0])):  # python's report of a SyntaxError
        return f"CompileError: {where['script']}:{where['line']}: {lines[-1]}"
    if not lines or lines[0] != "Traceback (most recent call last):":
        return lines[0] if lines else ""
    frames = [match for line in lines if (match := _FRAME.match(line))]
    assert frames, stderr
    innermost = frames[-1]
    return f"ScriptRuntimeError: {innermost['script']}:{innermost['line']}: {lines[-1]}"

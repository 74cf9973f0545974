"""Helpers: run Kryon Lisp source through a fresh runtime and capture output."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from kryon_lisp.printer import pr_str
from kryon_lisp.runtime import Runtime

from kryon_core.testing import kryon_run as run_cli


def run_lisp(source: str, *, limited: bool = False) -> tuple[str, str]:
    """(printed output, pr-str of the last value)."""
    out: list[str] = []
    runtime = Runtime(limited=limited, write=lambda text, stream, script: out.append(text))
    ns = runtime.new_namespace("test.klisp")
    value = runtime.eval_source(ns, source)
    return "".join(out), pr_str(value)


@pytest.fixture
def lisp() -> Callable[[str], str]:
    """Evaluate source, return the pr-str of its last value."""
    return lambda source: run_lisp(source)[1]


@pytest.fixture
def output() -> Callable[[str], str]:
    """Evaluate source, return what it printed."""
    return lambda source: run_lisp(source)[0]


def kryon_run(directory: Path, source: str, *options: str) -> subprocess.CompletedProcess[str]:
    """``kryon run main.klisp [OPTIONS]`` of ``source`` written to ``directory``,
    as a user runs it (the installed core's CLI, in a process of its own)."""
    script = directory / "main.klisp"
    script.write_text(source)
    return run_cli(script, *options)


def jvm_cast(have: str, wanted: str) -> str:
    """The JVM's ClassCastException message (Java 11 and later: the classes'
    modules in brackets), as Clojure 1.11 on Java 17 reports it."""
    from kryon_lisp.errors import java_cast_message

    return java_cast_message(f"{have} cannot be cast to {wanted}")

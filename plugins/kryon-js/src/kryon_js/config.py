"""The ``[engines.js]`` table of ``kryon.toml``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kryon_core import EngineConfig

__all__ = ["JsConfig"]


class JsConfig(EngineConfig):
    """Options of the JavaScript engine.

    Attributes:
        module: treat every script as an ES module (otherwise only ``.mjs``
            files and sources with top-level ``import``/``export`` are).
        stack_size_kb: QuickJS stack limit per call; by default derived from
            the policy's ``recursion_limit`` (2 KiB per level, at least 256 KiB;
            1 MiB when unlimited).
        max_nesting: how deep script -> host -> script calls may nest before
            RecursionLimitError (each level uses real C stack).
        drain_jobs: when to run pending promise jobs after a call (as a browser
            runs microtasks after each task): ``auto`` once any loaded script
            uses promises or ``async`` (a call costs one more VM entry
            then), ``always``, or ``never`` (jobs then run when a call returns
            a promise, or at ``call_function_async``).
    """

    module: bool = False
    stack_size_kb: int | None = Field(default=None, ge=64, le=65536)
    max_nesting: int = Field(default=64, ge=1, le=512)
    drain_jobs: Literal["auto", "always", "never"] = "auto"

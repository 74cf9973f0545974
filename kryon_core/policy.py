"""Security policies: the limits and capabilities a script runs under.

A policy is named and configured under ``[security.policies.<name>]`` in
``kryon.toml``; presets come from plugins through ``kryon_register_policies``
(core registers ``trusted`` and ``sandboxed``).  Every engine instance (one VM)
runs under exactly one policy, so a policy's limits are enforced by the engine
for every call into that VM.

A limit of ``None`` means "unlimited".  Capabilities name what the ``kryon``
API hands a script; a script asking for anything else gets
:class:`~kryon_core.errors.AccessDeniedError`.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Capability", "SecurityPolicy", "default_policies"]


class Capability(str, Enum):
    """What a policy can grant to scripts through the ``kryon`` API."""

    LOG = "log"
    DOM_READ = "dom.read"
    DOM_WRITE = "dom.write"
    EVENTS = "events"
    TIMERS = "timers"
    CROSS_LANGUAGE = "cross_language"
    SHARED_DATA = "shared_data"

    def __str__(self) -> str:
        return self.value


class SecurityPolicy(BaseModel):
    """Limits and capabilities for scripts (one VM per language and policy).

    Attributes:
        name: the policy's name (its TOML table name).
        sandbox: ``True`` runs scripts as untrusted: engines remove every path
            to the host beyond the ``kryon`` API and choose their isolated mode
            (the Python engine runs such scripts out of process).
        time_limit_ms: wall-clock time per call into a script.
        instruction_limit: VM instructions (or steps) per call, where the
            engine can count them.
        memory_limit_mb: memory per VM.
        recursion_limit: script call depth.
        max_source_kb: largest source accepted at load time.
        capabilities: what the ``kryon`` API offers (see :class:`Capability`).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = "sandboxed"
    sandbox: bool = True
    time_limit_ms: int | None = Field(default=100, ge=1)
    instruction_limit: int | None = Field(default=1_000_000, ge=1)
    memory_limit_mb: int | None = Field(default=16, ge=1)
    recursion_limit: int | None = Field(default=200, ge=1)
    max_source_kb: int | None = Field(default=1024, ge=1)
    capabilities: frozenset[Capability] = frozenset(
        {
            Capability.LOG,
            Capability.DOM_READ,
            Capability.DOM_WRITE,
            Capability.EVENTS,
            Capability.TIMERS,
        }
    )

    def allows(self, capability: Capability | str) -> bool:
        """Whether the policy grants ``capability``."""
        return Capability(capability) in self.capabilities

    def derive(self, name: str, **changes: Any) -> SecurityPolicy:
        """A copy under a new name with some fields changed (validated)."""
        data = self.model_dump()
        data.update(changes, name=name)
        return SecurityPolicy.model_validate(data)


def default_policies() -> list[SecurityPolicy]:
    """The built-in presets: ``sandboxed`` (default for scripts) and ``trusted``."""
    return [
        SecurityPolicy(name="sandboxed"),
        SecurityPolicy(
            name="trusted",
            sandbox=False,
            time_limit_ms=None,
            instruction_limit=None,
            memory_limit_mb=None,
            recursion_limit=None,
            max_source_kb=None,
            capabilities=frozenset(Capability),
        ),
    ]

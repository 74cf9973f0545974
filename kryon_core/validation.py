"""Script validation: the checks every load passes before compilation."""

from __future__ import annotations

from dataclasses import dataclass

from kryon_core.errors import SecurityError
from kryon_core.policy import SecurityPolicy

__all__ = ["ScriptSource", "check_source_size"]


@dataclass(frozen=True)
class ScriptSource:
    """What ``kryon_validate_script`` implementations inspect."""

    name: str
    language: str
    text: str
    path: str | None = None


def check_source_size(source: ScriptSource, policy: SecurityPolicy) -> None:
    """Refuse sources larger than the policy's ``max_source_kb``."""
    limit = policy.max_source_kb
    if limit is not None and len(source.text) > limit * 1024:
        raise SecurityError(
            f"source is {len(source.text) // 1024} KB, over policy {policy.name!r}'s "
            f"max_source_kb = {limit}",
            script=source.name,
        )

"""Core's own plugin: default policies, standard converters, source checks.

Registered through the ``kryon`` entry point ``core`` exactly like an external
plugin, so a host can see (and a test can replace) everything core provides.
"""

from __future__ import annotations

from collections.abc import Sequence

from kryon_core.converters import TypeConverter, standard_converters
from kryon_core.hookspecs import hookimpl
from kryon_core.policy import SecurityPolicy, default_policies
from kryon_core.validation import ScriptSource, check_source_size


@hookimpl
def kryon_register_policies() -> Sequence[SecurityPolicy]:
    return default_policies()


@hookimpl
def kryon_register_converters() -> Sequence[TypeConverter]:
    return standard_converters()


@hookimpl
def kryon_validate_script(source: ScriptSource, policy: SecurityPolicy) -> None:
    check_source_size(source, policy)

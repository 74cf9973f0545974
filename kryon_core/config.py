"""``kryon.toml``: the configuration file, validated with pydantic.

Every key has a working default, so no file is needed.  Unknown keys are
rejected, and every error names the file and the full key path
(``kryon.toml: engines.lua.runtime: ...``).

Validation runs in two phases: core validates ``[kryon]``, ``[security]``,
``[scripts]`` and ``[cache]`` and keeps ``[engines.<name>]`` tables raw; once
the plugins are loaded, each engine table is validated by that engine's own
``Config`` model (:meth:`KryonConfig.engine_config`).

Example::

    [kryon]
    default_policy = "sandboxed"
    profiling = true

    [engines.lua]
    runtime = "luajit"

    [security.policies.ui]
    extends = "sandboxed"
    time_limit_ms = 50
    capabilities = ["log", "dom.read", "dom.write", "events"]

    [scripts.main]
    path = "scripts/main.lua"     # language inferred from the extension
    policy = "ui"

    [cache]
    max_size_mb = 64
"""

from __future__ import annotations

import difflib
import json
import sys
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError
from pydantic_core import PydanticCustomError

from kryon_core.errors import ConfigError
from kryon_core.policy import Capability, SecurityPolicy

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = [
    "CacheConfig",
    "KryonConfig",
    "KryonSection",
    "PolicyConfig",
    "ScriptConfig",
    "load_config",
]

E = TypeVar("E", bound=BaseModel)


def _limit(value: object) -> int | str:
    if value == "unlimited" or (type(value) is int and value >= 1):
        return value
    raise PydanticCustomError(
        "limit",
        'expected a positive integer or "unlimited", got {value}',
        {"value": json.dumps(value, default=str)},
    )


Limit = Annotated[int | Literal["unlimited"], PlainValidator(_limit)]
"""A policy limit: a positive integer, or ``"unlimited"``."""


class _Strict(BaseModel):
    # strict also for hosts building sections in Python (see _validate_strictly)
    model_config = ConfigDict(extra="forbid", strict=True)


class KryonSection(_Strict):
    """``[kryon]``: the manager."""

    default_policy: str = "sandboxed"
    """Policy for scripts that name none."""
    profiling: bool = True
    """Record calls, errors and times per function."""
    disabled_plugins: list[str] = Field(default_factory=list)
    """Entry-point names of installed plugins not to load."""
    dom: str | None = None
    """The DOM bridge implementation to use, by name (none by default)."""
    run_grace_s: float = Field(default=5.0, gt=0)
    """``kryon run``: a phase (load, ``--call``) that runs this long plus 20 times
    the policy's time limit is ended by the watchdog (exit 70)."""


class PolicyConfig(_Strict):
    """``[security.policies.<name>]``: a policy, optionally extending another.

    Limits take a positive integer or ``"unlimited"``; omitted keys are
    inherited from ``extends`` (default ``"sandboxed"``).
    """

    extends: str | None = None
    sandbox: bool | None = None
    time_limit_ms: Limit | None = None
    instruction_limit: Limit | None = None
    memory_limit_mb: Limit | None = None
    recursion_limit: Limit | None = None
    max_source_kb: Limit | None = None
    capabilities: list[Annotated[Capability, Field(strict=False)]] | None = None
    """Capability names (strings in TOML, hence not strict)."""


class ScriptConfig(_Strict):
    """``[scripts.<name>]``: a script to load at start-up."""

    path: str
    language: str | None = None
    """Engine name; inferred from the file extension when omitted."""
    policy: str | None = None
    """Policy name; ``[kryon] default_policy`` when omitted."""


class CacheConfig(_Strict):
    """``[cache]``: the compilation cache."""

    enabled: bool = True
    directory: str | None = None
    """Disk cache folder; default: the user cache dir (or ``$KRYON_CACHE_DIR``)."""
    disk: bool = True
    max_size_mb: int = Field(default=64, ge=1)
    max_age_days: float = Field(default=30, gt=0)
    memory_entries: int = Field(default=512, ge=0)


class SecurityConfig(_Strict):
    """``[security]``."""

    policies: dict[str, PolicyConfig] = Field(default_factory=dict)


class KryonConfig(_Strict):
    """The whole of ``kryon.toml``."""

    kryon: KryonSection = Field(default_factory=KryonSection)
    engines: dict[str, dict[str, Any]] = Field(default_factory=dict)
    security: SecurityConfig = Field(default_factory=SecurityConfig)
    scripts: dict[str, ScriptConfig] = Field(default_factory=dict)
    cache: CacheConfig = Field(default_factory=CacheConfig)

    source: str | None = Field(default=None, exclude=True)
    """The file this came from (for error messages and relative paths)."""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str | None = None) -> KryonConfig:
        try:
            config = _validate_strictly(cls, dict(data))
        except ValidationError as exc:
            raise _config_error(exc, source, prefix=(), model=cls) from None
        config.source = source
        return config

    @property
    def base_dir(self) -> Path:
        """Folder that relative script paths are resolved against."""
        return Path(self.source).resolve().parent if self.source else Path.cwd()

    def engine_config(self, name: str, model: type[E]) -> E:
        """Validate ``[engines.<name>]`` with the engine's own ``Config`` model."""
        try:
            return _validate_strictly(model, self.engines.get(name, {}))
        except ValidationError as exc:
            raise _config_error(exc, self.source, prefix=("engines", name), model=model) from None

    def policies(self, presets: Mapping[str, SecurityPolicy]) -> dict[str, SecurityPolicy]:
        """Presets overlaid with ``[security.policies.*]`` (extends resolved)."""
        resolved = dict(presets)
        pending = dict(self.security.policies)
        while pending:
            progressed = False
            for name, spec in list(pending.items()):
                base_name = spec.extends or ("sandboxed" if name not in presets else name)
                if base_name in pending and base_name != name:
                    continue
                base = resolved.get(base_name)
                if base is None:
                    raise ConfigError(
                        "invalid configuration",
                        file=self.source,
                        problems=[
                            (
                                f"security.policies.{name}.extends",
                                f"unknown policy {base_name!r}; known: "
                                f"{', '.join(sorted(resolved)) or 'none'}",
                            )
                        ],
                    )
                resolved[name] = _apply(base, name, spec, self.source)
                del pending[name]
                progressed = True
            if not progressed:
                raise ConfigError(
                    "invalid configuration",
                    file=self.source,
                    problems=[
                        (f"security.policies.{n}.extends", "policies extend each other in a cycle")
                        for n in sorted(pending)
                    ],
                )
        return resolved

    def effective(self) -> dict[str, Any]:
        """The configuration with every default filled in (``kryon config check``)."""
        return self.model_dump(mode="json")


def _validate_strictly(model: type[E], data: dict[str, Any]) -> E:
    """``data`` validated as the JSON it is: strictly (``"yes"`` is no boolean,
    ``true`` no number: lax pydantic read ``sandbox = "no"`` as False), while
    an array still fills a tuple and a string an enum.  Data that is no JSON
    (a TOML date, a host's tuple holding a ``Path``) is validated as Python,
    leniently."""
    try:
        document = json.dumps(data)
    except (TypeError, ValueError):
        return model.model_validate(data, strict=False)
    return model.model_validate_json(document, strict=True)


def _apply(
    base: SecurityPolicy, name: str, spec: PolicyConfig, source: str | None
) -> SecurityPolicy:
    changes: dict[str, Any] = {}
    for key, value in spec.model_dump(exclude_none=True, exclude={"extends"}).items():
        changes[key] = None if value == "unlimited" else value
    try:
        return base.derive(name, **changes)
    except ValidationError as exc:
        raise _config_error(exc, source, prefix=("security", "policies", name)) from None


def _config_error(
    exc: ValidationError,
    source: str | None,
    *,
    prefix: tuple[str, ...],
    model: type[BaseModel] | None = None,
) -> ConfigError:
    problems = []
    for error in exc.errors():
        path = ".".join(str(p) for p in (*prefix, *error["loc"]))
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = "unknown key" + _did_you_mean(model, error["loc"])
        problems.append((path, message))
    return ConfigError("invalid configuration", file=source, problems=problems)


def _did_you_mean(model: type[BaseModel] | None, loc: tuple[int | str, ...]) -> str:
    """`` (did you mean 'x'?)`` for an unknown key close to one of the table's
    own keys, found by following ``loc`` through ``model``'s fields."""
    table: Any = model
    for part in loc[:-1]:
        if isinstance(table, type) and issubclass(table, BaseModel):
            field = table.model_fields.get(str(part))
            table = field.annotation if field is not None else None
        elif typing.get_origin(table) is dict:
            table = typing.get_args(table)[1]  # a key of the user's: the values' model
        else:
            return ""
    if not (isinstance(table, type) and issubclass(table, BaseModel)):
        return ""
    keys = [name for name, field in table.model_fields.items() if not field.exclude]
    close = difflib.get_close_matches(str(loc[-1]), keys, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def load_config(path: str | Path | None = None) -> KryonConfig:
    """Read and validate a ``kryon.toml`` (``None``: all defaults).

    Raises :class:`ConfigError` naming the file for unreadable files, TOML
    syntax errors (with line and column) and invalid keys.
    """
    if path is None:
        return KryonConfig()
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", file=source) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})",
            file=source,
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"TOML syntax error: {exc}", file=source) from None
    return KryonConfig.from_mapping(data, source=source)

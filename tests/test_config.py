from __future__ import annotations

from pathlib import Path

import fakeengine
import pytest

from kryon_core import ConfigError, KryonConfig, ScriptManager, load_config
from kryon_core.policy import Capability, default_policies


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kryon.toml"
    path.write_text(text)
    return path


def test_no_file_needed() -> None:
    config = load_config(None)
    assert config.kryon.default_policy == "sandboxed"
    assert config.cache.enabled and config.scripts == {}


def test_default_policies_match_the_issue() -> None:
    sandboxed, trusted = default_policies()
    assert (
        sandboxed.time_limit_ms,
        sandboxed.instruction_limit,
        sandboxed.memory_limit_mb,
        sandboxed.recursion_limit,
    ) == (100, 1_000_000, 16, 200)
    assert sandboxed.sandbox and not trusted.sandbox
    assert trusted.time_limit_ms is None and trusted.capabilities == frozenset(Capability)


def test_unknown_keys_are_rejected_with_file_and_path(tmp_path: Path) -> None:
    path = write(tmp_path, "[kryon]\ndefault_polcy = 'x'\n[cache]\nmax_size_mb = 'big'\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    text = str(info.value)
    assert str(path) in text
    assert "kryon.default_polcy: unknown key" in text
    assert "cache.max_size_mb" in text


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[kryon\n")
    with pytest.raises(ConfigError, match=r"kryon.toml: TOML syntax error.*line 1"):
        load_config(path)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "absent.toml")


def test_policies_extend_and_override(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[security.policies.ui]
extends = "sandboxed"
time_limit_ms = 50
capabilities = ["log", "dom.read"]

[security.policies.batch]
extends = "ui"
time_limit_ms = "unlimited"

[security.policies.sandboxed]
memory_limit_mb = 32
""",
    )
    policies = load_config(path).policies({p.name: p for p in default_policies()})
    assert policies["ui"].time_limit_ms == 50
    assert policies["ui"].capabilities == frozenset({Capability.LOG, Capability.DOM_READ})
    assert policies["ui"].memory_limit_mb == 32  # extends the configured sandboxed policy
    assert policies["batch"].time_limit_ms is None and policies["batch"].allows("dom.read")
    assert policies["sandboxed"].memory_limit_mb == 32


def test_policy_errors_name_the_key_path(tmp_path: Path) -> None:
    presets = {p.name: p for p in default_policies()}
    bad_cap = write(tmp_path, '[security.policies.x]\ncapabilities = ["root"]\n')
    with pytest.raises(ConfigError, match=r"security.policies.x.capabilities.0"):
        load_config(bad_cap)
    bad_base = write(tmp_path, '[security.policies.x]\nextends = "nope"\n')
    with pytest.raises(ConfigError, match=r"security.policies.x.extends: unknown policy"):
        load_config(bad_base).policies(presets)
    cycle = write(
        tmp_path, '[security.policies.a]\nextends = "b"\n[security.policies.b]\nextends = "a"\n'
    )
    with pytest.raises(ConfigError, match="cycle"):
        load_config(cycle).policies(presets)
    negative = write(tmp_path, "[security.policies.x]\ntime_limit_ms = -1\n")
    with pytest.raises(ConfigError, match=r"security.policies.x.time_limit_ms"):
        load_config(negative).policies(presets)


def test_engine_tables_are_validated_by_the_engine_model(tmp_path: Path) -> None:
    path = write(tmp_path, '[engines.fake]\nflavour = "spicy"\ncolour = "red"\n')
    config = load_config(path)
    with pytest.raises(ConfigError) as info:
        config.engine_config("fake", fakeengine.FakeConfig)
    assert "engines.fake.colour: unknown key" in str(info.value)
    assert str(path) in str(info.value)
    good = KryonConfig.from_mapping({"engines": {"fake": {"flavour": "spicy"}}})
    assert good.engine_config("fake", fakeengine.FakeConfig).flavour == "spicy"


def test_engine_config_reaches_the_engine() -> None:
    config = KryonConfig.from_mapping({"engines": {"fake": {"flavour": "spicy"}}})
    with ScriptManager(config, load_entrypoints=False, plugins=[fakeengine]) as manager:
        engine = manager.engine("fake").engine
        assert engine.config.flavour == "spicy"  # type: ignore[attr-defined]


def test_scripts_section(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[scripts.main]\npath = "main.lua"\n[scripts.tool]\n'
        'path = "t.txt"\nlanguage = "lua"\npolicy = "trusted"\n',
    )
    config = load_config(path)
    assert config.scripts["main"].language is None
    assert config.scripts["tool"].policy == "trusted"
    assert config.base_dir == tmp_path.resolve()
    with pytest.raises(ConfigError, match="scripts.x.path"):
        KryonConfig.from_mapping({"scripts": {"x": {}}})

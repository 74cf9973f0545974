from __future__ import annotations

from pathlib import Path
from typing import Literal

import fakeengine
import pytest
from pydantic import BaseModel, ConfigDict

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
    assert "kryon.default_polcy: unknown key (did you mean 'default_policy'?)" in text
    assert "cache.max_size_mb" in text


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        (
            "[security.policies.ui]\ncapabilites = []",
            "ui.capabilites: unknown key (did you mean 'capabilities'?)",
        ),
        (
            "[scripts.a]\npath = 'a.lua'\npolicyy = 'x'",
            "scripts.a.policyy: unknown key (did you mean 'policy'?)",
        ),
        ("[secrity]", "secrity: unknown key (did you mean 'security'?)"),
        ("[kryon]\nsource = 'x'", "kryon.source: unknown key\n"),  # nothing close
        ("[cache]\nzzz = 1", "cache.zzz: unknown key\n"),
    ],
)
def test_an_unknown_key_close_to_a_known_one_is_named(
    tmp_path: Path, toml: str, problem: str
) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, toml))
    assert problem in str(info.value) + "\n"


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
    typo = KryonConfig.from_mapping({"engines": {"fake": {"flavor": "spicy"}}})
    with pytest.raises(
        ConfigError, match="fake.flavor: unknown key \\(did you mean 'flavour'\\?\\)"
    ):
        typo.engine_config("fake", fakeengine.FakeConfig)
    good = KryonConfig.from_mapping({"engines": {"fake": {"flavour": "spicy"}}})
    assert good.engine_config("fake", fakeengine.FakeConfig).flavour == "spicy"


@pytest.mark.parametrize(
    ("toml", "path", "message"),
    [
        ('[security.policies.x]\nsandbox = "no"\n', "security.policies.x.sandbox", "boolean"),
        ('[kryon]\nprofiling = "yes"\n', "kryon.profiling", "boolean"),
        ("[kryon]\nrun_grace_s = true\n", "kryon.run_grace_s", "number"),
        ("[cache]\nmax_size_mb = 1.5\n", "cache.max_size_mb", "integer"),
        ('[cache]\nmemory_entries = "10"\n', "cache.memory_entries", "integer"),
        (
            "[security.policies.x]\ntime_limit_ms = true\n",
            "security.policies.x.time_limit_ms",
            'expected a positive integer or "unlimited", got true',
        ),
        (
            '[security.policies.x]\nrecursion_limit = "forever"\n',
            "security.policies.x.recursion_limit",
            'expected a positive integer or "unlimited", got "forever"',
        ),
        (
            "[security.policies.x]\nmemory_limit_mb = 0\n",
            "security.policies.x.memory_limit_mb",
            "got 0",
        ),
    ],
)
def test_wrong_types_are_errors_not_coerced(
    tmp_path: Path, toml: str, path: str, message: str
) -> None:
    """TOML has real booleans and numbers: a quoted "no" is no False (lax
    validation made sandbox = "no" a trusted policy) and true is no 1."""
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, toml))
    (line,) = [line for line in str(info.value).splitlines() if path in line]
    assert line == f"  {path}: {line.split(': ', 1)[1]}" and message in line


def test_right_types_pass_strict_validation(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            "[kryon]\nrun_grace_s = 2\ndisabled_plugins = []\n"
            '[security.policies.x]\ntime_limit_ms = "unlimited"\nmemory_limit_mb = 8\n'
            'capabilities = ["log", "shared_data"]\n[cache]\nmax_age_days = 3\n',
        )
    )
    policy = config.policies({p.name: p for p in default_policies()})["x"]
    assert (policy.time_limit_ms, policy.memory_limit_mb) == (None, 8)
    assert policy.capabilities == {Capability.LOG, Capability.SHARED_DATA}
    assert config.kryon.run_grace_s == 2.0
    hosted = KryonConfig.from_mapping({"kryon": {"disabled_plugins": ("a",)}})  # Python data
    assert hosted.kryon.disabled_plugins == ["a"]


def test_engine_tables_are_validated_strictly_too(tmp_path: Path) -> None:
    class Options(BaseModel):
        model_config = ConfigDict(extra="forbid")
        module: bool = False
        allowed: tuple[str, ...] = ()
        mode: Literal["a", "b"] = "a"

    config = load_config(write(tmp_path, '[engines.x]\nmodule = "yes"\n'))
    with pytest.raises(ConfigError, match=r"engines\.x\.module: Input should be a valid boolean"):
        config.engine_config("x", Options)
    fine = load_config(write(tmp_path, '[engines.x]\nallowed = ["m"]\nmode = "b"\n'))
    assert fine.engine_config("x", Options) == Options(allowed=("m",), mode="b")


def test_a_file_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "kryon.toml"
    path.write_bytes(b'[kryon]\ndefault_policy = "caf\xe9"\n')
    with pytest.raises(ConfigError, match=r"kryon.toml: not UTF-8 text \(byte 0xe9 at offset 29\)"):
        load_config(path)


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

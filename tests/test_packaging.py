"""Distributions, from installed metadata: each installs only what it needs."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = sorted(
    p.name for p in (ROOT / "plugins").glob("kryon-*") if (p / "pyproject.toml").exists()
)
RUNTIMES = {"lupa", "quickjs", "quickjs-ng"}


def requirement_names(dist: str) -> set[str]:
    names = set()
    for req in metadata.requires(dist) or []:
        if "extra ==" in req:
            continue  # optional extras (dev tools) are not installed by default
        names.add(re.split(r"[\s;<>=!~\[]", req, maxsplit=1)[0].lower())
    return names


def test_core_depends_on_no_language_runtime() -> None:
    needs = requirement_names("kryon-core")
    assert not needs & RUNTIMES
    assert {"pluggy", "pydantic"} <= needs


def test_core_registers_only_its_builtins() -> None:
    eps = [ep for ep in metadata.distribution("kryon-core").entry_points if ep.group == "kryon"]
    assert [(ep.name, ep.value) for ep in eps] == [("core", "kryon_core.builtins")]


@pytest.mark.parametrize("dist", PLUGINS)
def test_plugin_distribution_shape(dist: str) -> None:
    short = dist.removeprefix("kryon-")
    meta = metadata.distribution(dist)
    eps = {ep.name: ep.value for ep in meta.entry_points if ep.group == "kryon"}
    assert eps == {short: f"kryon_{short}.hooks"}, "one name everywhere"
    needs = requirement_names(dist)
    assert "kryon-core" in needs
    core_req = next(r for r in metadata.requires(dist) or [] if r.startswith("kryon-core"))
    assert "==" not in core_req, "core is pinned by a compatible range, never =="
    own_runtime = {"kryon-lua": {"lupa"}, "kryon-js": {"quickjs-ng"}}.get(dist, set())
    assert needs & RUNTIMES == own_runtime, f"{dist} must pull in only its own runtime"
    folder = ROOT / "plugins" / dist
    assert (folder / "README.md").is_file()
    assert (folder / "src" / f"kryon_{short}" / "py.typed").is_file()
    assert (folder / "tests" / "test_conformance.py").is_file()

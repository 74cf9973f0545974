"""Every hook is documented with the same template and exercised by a test."""

from __future__ import annotations

import inspect
from pathlib import Path

from kryon_core import hookspecs

HOOKS = [name for name, fn in vars(hookspecs).items() if callable(fn) and name.startswith("kryon_")]


def test_hooks_exist_and_are_named_kryon() -> None:
    assert len(HOOKS) >= 8
    for name in dir(hookspecs):
        obj = getattr(hookspecs, name)
        if hasattr(obj, "kryon_spec"):
            assert name.startswith("kryon_")


def test_every_hook_is_documented() -> None:
    for name in HOOKS:
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        assert len(doc) > 80, name
        assert "Call semantics" in doc, name
        params = inspect.signature(getattr(hookspecs, name)).parameters
        for param in params:
            assert f":param {param}:" in doc, (name, param)
        if name.startswith("kryon_register_"):
            assert ":return:" in doc, name


def test_every_hook_has_a_test() -> None:
    tests = "".join(
        p.read_text()
        for p in Path(__file__).parent.glob("test_*.py")
        if p.name != Path(__file__).name
    )
    for name in HOOKS:
        assert f"def {name}(" in tests, f"no test implements {name}"

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
if str(TESTS) not in sys.path:  # fakeengine is imported by name (also via KRYON_PLUGINS)
    sys.path.insert(0, str(TESTS))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes to the user's real cache directory."""
    monkeypatch.setenv("KRYON_CACHE_DIR", str(tmp_path / "kryon-cache"))


@pytest.fixture
def fake_manager() -> Iterator[object]:
    import fakeengine

    from kryon_core import ScriptManager

    with ScriptManager(load_entrypoints=False, plugins=[fakeengine]) as manager:
        yield manager

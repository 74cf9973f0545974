from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kryon_core import CompilationCache, CompiledScript, FunctionInfo
from kryon_core.cache import MAGIC, cache_key
from kryon_core.config import CacheConfig


def compiled(script: str = "s", payload: bytes = b"\x1bLua-bytecode") -> CompiledScript:
    return CompiledScript(
        script,
        "lua",
        "5.4",
        payload,
        "s.lua",
        {"f": FunctionInfo("f", 2, ("a", "b"), line=3)},
        ["g"],
        [],
        {"module": False},
    )


def make(tmp_path: Path, **options: object) -> CompilationCache:
    return CompilationCache(CacheConfig(directory=str(tmp_path), **options))  # type: ignore[arg-type]


def test_key_depends_on_every_part() -> None:
    base = cache_key("lua", "5.4", "", "s", "return 1")
    assert base == cache_key("lua", "5.4", "", "s", "return 1")
    others = {
        cache_key("js", "5.4", "", "s", "return 1"),
        cache_key("lua", "5.5", "", "s", "return 1"),
        cache_key("lua", "5.4", "jit", "s", "return 1"),
        cache_key("lua", "5.4", "", "t", "return 1"),
        cache_key("lua", "5.4", "", "s", "return 2"),
    }
    assert base not in others and len(others) == 5


def test_disk_round_trip_across_instances(tmp_path: Path) -> None:
    make(tmp_path).put("k" * 64, compiled())
    second = make(tmp_path)
    hit = second.get("k" * 64)
    assert hit is not None and hit.from_cache
    assert hit.bytecode == compiled().bytecode
    assert hit.functions["f"] == FunctionInfo("f", 2, ("a", "b"), line=3)
    assert hit.globals == ["g"] and hit.metadata == {"module": False}
    assert second.stats.disk_hits == 1 and second.stats.misses == 0
    assert second.get("k" * 64) is not None and second.stats.memory_hits == 1


def test_each_hit_is_a_copy_of_its_own(tmp_path: Path) -> None:
    # a caller changing what it got changes neither the entry nor the next hit
    cache = make(tmp_path)
    original = compiled()
    cache.put("k" * 64, original)
    for _ in range(2):
        hit = cache.get("k" * 64)
        assert hit is not None and hit.from_cache and hit is not original
        assert hit == CompiledScript(**{**vars(original), "from_cache": True})
        hit.bytecode, hit.entry_point = b"changed", True
    assert not original.from_cache and original.bytecode == compiled().bytecode
    fresh = make(tmp_path).get("k" * 64)  # from disk
    assert fresh is not None and fresh.bytecode == compiled().bytecode and fresh.from_cache
    fresh.path = "elsewhere"
    again = make(tmp_path).get("k" * 64)
    assert again is not None and again.path == "s.lua"


def test_miss_is_counted(tmp_path: Path) -> None:
    cache = make(tmp_path)
    assert cache.get("absent") is None
    assert cache.stats.misses == 1


@given(st.binary(max_size=200))
def test_corrupted_entries_are_ignored_never_errors(garbage: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        cache = make(Path(tmp), memory_entries=0)
        cache.put("key", compiled())
        path = Path(tmp) / "key.kc"
        path.write_bytes(garbage)
        assert cache.get("key") is None
        assert cache.stats.rejected == 1
        assert not path.exists()


def test_truncated_and_foreign_entries_are_rejected(tmp_path: Path) -> None:
    cache = make(tmp_path, memory_entries=0)
    cache.put("a", compiled())
    data = (tmp_path / "a.kc").read_bytes()
    (tmp_path / "a.kc").write_bytes(data[:-3])
    assert cache.get("a") is None
    cache.put("a", compiled())
    os.replace(tmp_path / "a.kc", tmp_path / "b.kc")  # an entry written for another key
    assert cache.get("b") is None
    assert cache.stats.rejected == 2
    assert data.startswith(MAGIC)


def test_a_changed_byte_of_bytecode_is_rejected(tmp_path: Path) -> None:
    cache = make(tmp_path, memory_entries=0)
    cache.put("a", compiled())
    data = bytearray((tmp_path / "a.kc").read_bytes())
    data[-5] ^= 0x01  # within the bytecode, after the header
    (tmp_path / "a.kc").write_bytes(bytes(data))
    assert cache.get("a") is None and cache.stats.rejected == 1


@pytest.mark.parametrize("header", [b"[1, 2]", b'"text"', b" {}", b"{} x", b"\xff{}"])
def test_a_header_that_is_not_one_json_object_is_rejected(tmp_path: Path, header: bytes) -> None:
    cache = make(tmp_path, memory_entries=0)
    (tmp_path / "a.kc").write_bytes(MAGIC + len(header).to_bytes(4, "big") + header + b"code")
    assert cache.get("a") is None and cache.stats.rejected == 1


def entries(directory: Path) -> list[str]:
    """The directory's files but the sweep record."""
    return sorted(p.name for p in directory.iterdir() if p.name != ".swept")


def test_size_cap_evicts_least_recently_used(tmp_path: Path) -> None:
    cache = make(tmp_path, max_size_mb=1, memory_entries=0)
    blob = b"x" * 300_000
    hours_ago = time.time() - 3 * 3600  # reads refresh an entry's age at most once an hour
    for i in range(3):
        cache.put(f"k{i}", compiled(payload=blob))
        os.utime(tmp_path / f"k{i}.kc", (hours_ago + i, hours_ago + i))
    assert cache.get("k0") is not None  # k0 is now the most recently used
    cache.put("k3", compiled(payload=blob))
    remaining = sorted(p.stem for p in tmp_path.glob("*.kc"))
    assert "k0" in remaining and "k1" not in remaining
    assert cache.stats.evictions >= 1
    assert cache.disk_bytes <= 1024 * 1024


def test_reads_refresh_an_entry_age_at_most_once_an_hour(tmp_path: Path) -> None:
    cache = make(tmp_path, memory_entries=0)
    cache.put("recent", compiled())
    cache.put("old", compiled())
    minutes_ago, hours_ago = time.time() - 600, time.time() - 2 * 3600
    os.utime(tmp_path / "recent.kc", (minutes_ago, minutes_ago))
    os.utime(tmp_path / "old.kc", (hours_ago, hours_ago))
    assert cache.get("recent") is not None and cache.get("old") is not None
    assert (tmp_path / "recent.kc").stat().st_mtime == pytest.approx(minutes_ago)
    assert (tmp_path / "old.kc").stat().st_mtime > time.time() - 60


def test_writers_leave_no_temporary_files(tmp_path: Path) -> None:
    cache = make(tmp_path, memory_entries=0)
    (tmp_path / f".tmp-{os.getpid()}-{threading.get_ident()}.part").write_bytes(b"crashed")
    for i in range(3):
        cache.put(f"k{i}", compiled())
    assert entries(tmp_path) == ["k0.kc", "k1.kc", "k2.kc"]
    assert cache.get("k2") is not None


def test_max_age_cleanup(tmp_path: Path) -> None:
    cache = make(tmp_path)
    cache.put("old", compiled())
    cache.put("new", compiled())
    old = time.time() - 40 * 86400
    os.utime(tmp_path / "old.kc", (old, old))
    assert make(tmp_path).stats.expired == 0  # swept at the first start-up, not again yet
    hours_ago = time.time() - 2 * 3600
    os.utime(tmp_path / ".swept", (hours_ago, hours_ago))
    fresh = make(tmp_path)
    assert fresh.stats.expired == 1
    assert not (tmp_path / "old.kc").exists() and (tmp_path / "new.kc").exists()


def test_start_ups_between_sweeps_count_the_bytes_on_disk_when_they_write(
    tmp_path: Path,
) -> None:
    first = make(tmp_path, max_size_mb=1, memory_entries=0)
    blob = b"x" * 300_000
    for i in range(3):
        first.put(f"k{i}", compiled(payload=blob))
    hours_ago = time.time() - 3 * 3600
    for i in range(3):
        os.utime(tmp_path / f"k{i}.kc", (hours_ago + i, hours_ago + i))
    later = make(tmp_path, max_size_mb=1, memory_entries=0)  # within the hour: no sweep
    assert later.stats.expired == 0
    later.put("k3", compiled(payload=blob))  # over the cap: evicts the oldest
    assert later.stats.evictions >= 1 and not (tmp_path / "k0.kc").exists()


def test_writes_are_atomic_and_leave_no_temp_files(tmp_path: Path) -> None:
    cache = make(tmp_path)
    for i in range(5):
        cache.put(f"k{i}", compiled())
    assert entries(tmp_path) == [f"k{i}.kc" for i in range(5)]


def test_unwritable_directory_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = CompilationCache(CacheConfig(directory=str(blocker / "sub")))
    cache.put("k", compiled())
    assert cache.get("k") is not None  # still served from memory


def test_disabled_cache(tmp_path: Path) -> None:
    cache = make(tmp_path, enabled=False)
    cache.put("k", compiled())
    assert cache.get("k") is None and not list(tmp_path.iterdir())


def test_clear(tmp_path: Path) -> None:
    cache = make(tmp_path)
    cache.put("k", compiled())
    cache.clear()
    assert cache.get("k") is None and cache.disk_bytes == 0

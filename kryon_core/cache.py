"""The compilation cache: compiled scripts in memory and on disk.

Entries are keyed by a SHA-256 of (language, engine version, engine options,
script name, source hash): any change to one of them is a different entry, so
stale bytecode is never loaded.  The disk store lives in the user cache
directory (``$KRYON_CACHE_DIR`` or ``[cache] directory`` override it); writes
are atomic (temp file + rename), reads refresh an entry's age (at most once
an hour: eviction is least-recently-used to the hour), the total size is
capped, and entries older than ``max_age_days`` are removed at start-up.
That sweep costs a ``stat`` per entry, so it runs at most once an hour
across processes (the ``.swept`` file in the directory records when); a
process that skipped it counts the bytes on disk when it first writes.

A corrupted, truncated or foreign file is ignored (and deleted) and the script
is compiled again: the cache can make loading faster, never make it fail.

File format: ``MAGIC``, a 4-byte big-endian header length, a JSON header
(key, checksum and the CompiledScript's fields), then the bytecode.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
import zlib
from collections import OrderedDict
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from kryon_core.config import CacheConfig
from kryon_core.engine import CompiledScript, FunctionInfo

__all__ = ["CacheStats", "CompilationCache", "cache_key"]

MAGIC = b"KRYONC2\n"
_SUFFIX = ".kc"
_TOUCH_AFTER_S = 3600.0  # a read refreshes an entry's mtime when it is older than this
_SWEEP_EVERY_S = 3600.0  # start-up sweeps of one directory are at least this far apart
_MARKER = ".swept"  # its mtime: the last sweep
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_HEADER_DECODER = json.JSONDecoder()


@dataclass
class CacheStats:
    """Counters since the cache was created."""

    memory_hits: int = 0
    disk_hits: int = 0
    misses: int = 0
    writes: int = 0
    evictions: int = 0
    expired: int = 0
    rejected: int = 0
    """Entries ignored because they were corrupted or foreign."""

    @property
    def hits(self) -> int:
        return self.memory_hits + self.disk_hits


def cache_key(language: str, engine_version: str, options: str, script: str, source: str) -> str:
    """The entry key for one compilation (hex SHA-256)."""
    source_hash = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
    material = "\0".join((language, engine_version, options, script, source_hash))
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


def default_cache_dir() -> Path:
    env = os.environ.get("KRYON_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir("kryon")) / "compiled"


class CompilationCache:
    """Memory LRU in front of a size-capped disk store."""

    def __init__(self, config: CacheConfig | None = None) -> None:
        self.config = config or CacheConfig()
        self.stats = CacheStats()
        self._memory: OrderedDict[str, CompiledScript] = OrderedDict()
        self._lock = threading.Lock()
        self.directory: Path | None = None
        self._prefix = ""  # the directory as a string ending in a separator
        self._disk_bytes: int | None = None
        self._made_directory = False
        if self.config.enabled and self.config.disk:
            self.directory = (
                Path(self.config.directory).expanduser()
                if self.config.directory
                else default_cache_dir()
            )
            self._prefix = os.path.join(self.directory, "")
            if not self._swept_lately():
                self.cleanup()

    # -- public API -------------------------------------------------------

    def get(self, key: str) -> CompiledScript | None:
        """The cached compilation for ``key``, or None (counted as a miss)."""
        if not self.config.enabled:
            return None
        with self._lock:
            compiled = self._memory.get(key)
            if compiled is not None:
                self._memory.move_to_end(key)
                self.stats.memory_hits += 1
                return _copy(compiled, from_cache=True)
        compiled = self._read(key)
        if compiled is None:
            self.stats.misses += 1
            return None
        self.stats.disk_hits += 1
        self._remember(key, compiled)
        return _copy(compiled, from_cache=True)

    def put(self, key: str, compiled: CompiledScript) -> None:
        """Store a compilation in memory and (atomically) on disk."""
        if not self.config.enabled:
            return
        self._remember(key, compiled)
        self._write(key, compiled)

    def clear(self) -> None:
        """Drop every entry, in memory and on disk."""
        with self._lock:
            self._memory.clear()
        for path in self._entries():
            with contextlib.suppress(OSError):
                path.unlink()
        self._disk_bytes = 0

    def cleanup(self) -> int:
        """Remove disk entries older than ``max_age_days``; returns how many."""
        cutoff = time.time() - self.config.max_age_days * 86400
        removed = 0
        total = 0
        for path in self._entries():
            try:
                stat = path.stat()
                if stat.st_mtime < cutoff:
                    path.unlink()
                    removed += 1
                else:
                    total += stat.st_size
            except OSError:
                continue
        self.stats.expired += removed
        self._disk_bytes = total
        if self.directory is not None and self.directory.is_dir():
            with contextlib.suppress(OSError):
                Path(self.directory, _MARKER).touch()
        return removed

    @property
    def disk_bytes(self) -> int:
        if self._disk_bytes is None:
            self.cleanup()
        return self._disk_bytes or 0

    def _swept_lately(self) -> bool:
        if self.directory is None:
            return False
        try:
            swept = os.stat(os.path.join(self.directory, _MARKER)).st_mtime
        except OSError:
            return False
        return time.time() - swept < _SWEEP_EVERY_S

    # -- memory ---------------------------------------------------------------

    def _remember(self, key: str, compiled: CompiledScript) -> None:
        if self.config.memory_entries == 0:
            return
        with self._lock:
            self._memory[key] = compiled
            self._memory.move_to_end(key)
            while len(self._memory) > self.config.memory_entries:
                self._memory.popitem(last=False)

    # -- disk -----------------------------------------------------------------

    def _entries(self) -> list[Path]:
        if self.directory is None or not self.directory.is_dir():
            return []
        return [p for p in self.directory.iterdir() if p.suffix == _SUFFIX]

    def _path(self, key: str) -> str | None:
        # plain strings and os calls: a warm load reads one entry per script
        return None if self.directory is None else self._prefix + key + _SUFFIX

    def _read(self, key: str) -> CompiledScript | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            fd = os.open(path, os.O_RDONLY | _BINARY)
        except OSError:
            return None
        try:
            status = os.fstat(fd)
            data = _read_all(fd, status.st_size)
        except OSError:
            return None
        finally:
            os.close(fd)
        compiled = _decode(data, key)
        if compiled is None:
            self.stats.rejected += 1
            with contextlib.suppress(OSError):
                os.unlink(path)
            return None
        if time.time() - status.st_mtime > _TOUCH_AFTER_S:
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used: among the last to be evicted
        return compiled

    def _write(self, key: str, compiled: CompiledScript) -> None:
        path = self._path(key)
        if path is None or self.directory is None:
            return
        data = _encode(key, compiled)
        # one writer per process and thread at a time: a name of its own, made exclusively
        tmp = os.path.join(self.directory, f".tmp-{os.getpid()}-{threading.get_ident()}.part")
        try:
            if not self._made_directory:
                self.directory.mkdir(parents=True, exist_ok=True)
                self._made_directory = True
            fd = _create_exclusive(tmp)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return  # an unwritable cache only costs speed
        self.stats.writes += 1
        self._disk_bytes = self.disk_bytes + len(data)
        if self._disk_bytes > self.config.max_size_mb * 1024 * 1024:
            self._evict()

    def _evict(self) -> None:
        limit = self.config.max_size_mb * 1024 * 1024
        entries = []
        for path in self._entries():
            try:
                stat = path.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime, stat.st_size, path))
        entries.sort()
        total = sum(size for _, size, _ in entries)
        target = limit * 0.9  # evict a little extra so every write does not evict
        for _, size, path in entries:
            if total <= target:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size
                self.stats.evictions += 1
        self._disk_bytes = total


def _read_all(fd: int, size: int) -> bytes:
    """The ``size`` bytes of an open file (``os.read`` may return fewer)."""
    data = os.read(fd, size)
    while len(data) < size:
        more = os.read(fd, size - len(data))
        if not more:
            break  # truncated meanwhile: _decode rejects it
        data += more
    return data


def _create_exclusive(path: str) -> int:
    """A new file for writing; one left by a crashed writer of that name is replaced."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
    try:
        return os.open(path, flags, 0o600)
    except FileExistsError:
        os.unlink(path)
        return os.open(path, flags, 0o600)


def _copy(compiled: CompiledScript, *, from_cache: bool) -> CompiledScript:
    # the fields as they are, without running __init__ again (one per cache hit)
    copy: CompiledScript = object.__new__(CompiledScript)
    copy.__dict__.update(compiled.__dict__)
    copy.from_cache = from_cache
    return copy


def _encode(key: str, compiled: CompiledScript) -> bytes:
    header = {
        "key": key,
        "crc32": zlib.crc32(compiled.bytecode),
        "script": compiled.script,
        "language": compiled.language,
        "engine_version": compiled.engine_version,
        "path": compiled.path,
        "functions": [asdict(f) for f in compiled.functions.values()],
        "globals": compiled.globals,
        "dependencies": compiled.dependencies,
        "metadata": compiled.metadata,
    }
    raw = json.dumps(header, separators=(",", ":")).encode()
    return MAGIC + len(raw).to_bytes(4, "big") + raw + compiled.bytecode


def _decode(data: bytes, key: str) -> CompiledScript | None:
    """Parse an entry; None for anything corrupted or written for another key."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        return None
    start = len(MAGIC) + 4
    size = int.from_bytes(data[len(MAGIC) : start], "big")
    try:
        # (raw_decode of the ASCII text: json.loads' encoding sniffing and
        # whitespace matching took half of its time)
        text = data[start : start + size].decode()
        header, end = _HEADER_DECODER.raw_decode(text)
        if end != len(text) or not isinstance(header, dict):
            return None
        bytecode = data[start + size :]
        if header["key"] != key or zlib.crc32(bytecode) != header["crc32"]:
            return None
        functions = {}
        for info in header["functions"]:
            info["parameter_names"] = tuple(info["parameter_names"])
            functions[info["name"]] = FunctionInfo(**info)
        return CompiledScript(
            script=header["script"],
            language=header["language"],
            engine_version=header["engine_version"],
            bytecode=bytecode,
            path=header["path"],
            functions=functions,
            globals=list(header["globals"]),
            dependencies=list(header["dependencies"]),
            metadata=dict(header["metadata"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None

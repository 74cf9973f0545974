"""The ``[engines.python]`` configuration table."""

from __future__ import annotations

from pydantic import Field

from kryon_core import (
    EngineConfig,
)

__all__ = ["DEFAULT_ALLOWED_MODULES", "PythonConfig"]

DEFAULT_ALLOWED_MODULES: tuple[str, ...] = (
    "math",
    "cmath",
    "json",
    "re",
    "datetime",
    "time",
    "collections",
    "itertools",
    "functools",
    "string",
    "random",
    "statistics",
    "fractions",
    "decimal",
    "operator",
    "heapq",
    "bisect",
    "dataclasses",
    "enum",
    "typing",
    "textwrap",
    "copy",
    "numbers",
    "abc",
    "contextlib",
    "calendar",
    "struct",
    "base64",
    "binascii",
    "codecs",
    "unicodedata",
    "difflib",
    "pprint",
    "array",
    "zlib",
    "io",
    "csv",
    "hashlib",
    "html",
    "secrets",
    "colorsys",
    "graphlib",
    "reprlib",
    "types",
    "keyword",
    "weakref",
    "queue",
    "traceback",
    "asyncio",
    "warnings",
    "hmac",
    "shlex",
    "tomllib",
    "uuid",
    "logging",
    "html.parser",
    "urllib.parse",
    "xml.etree.ElementTree",
    "ipaddress",
    "fnmatch",
)
"""Modules a sandboxed (isolated) script may import: pure computation only."""


class PythonConfig(EngineConfig):
    """Settings of the Python engine (``[engines.python]`` in ``kryon.toml``).

    Attributes:
        allowed_modules: what isolated scripts may ``import`` (plus ``kryon``).
            Only modules that neither touch files, processes nor the network
            belong here; each is imported into the worker before the guard is
            armed.
        output_limit_kb: most output one isolated call may print; the rest is
            dropped with a notice (``None``: unlimited).
        drop_privileges: when the host runs as root, run the worker as
            ``nobody`` so that the process-count limit applies to it.
        worker_cpu_seconds: lifetime CPU budget of one worker process
            (``RLIMIT_CPU``); a worker that spends it is replaced.
        worker_start_timeout_s: how long a new worker may take to report ready.
    """

    allowed_modules: tuple[str, ...] = DEFAULT_ALLOWED_MODULES
    output_limit_kb: int | None = Field(default=1024, ge=1)
    drop_privileges: bool = True
    worker_cpu_seconds: int = Field(default=600, ge=1)
    worker_start_timeout_s: float = Field(default=15.0, gt=0)

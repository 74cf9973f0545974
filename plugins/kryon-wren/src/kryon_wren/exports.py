"""What a loaded Wren module exports to the host, and the compiler digest
that keys cached code."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kryon_core import FunctionInfo
from kryon_wren.exprgen import primitive_methods
from kryon_wren.runtime.objects import WClass, WrenError
from kryon_wren.runtime.sequences import WFn, call_fn

COMPILER_SOURCES = (
    "lexer.py",
    "attributes.py",
    "scope.py",
    "expressions.py",
    "parser.py",
    "nodes.py",
    "names.py",
    "codegen.py",
    "exprgen.py",
    "compiler.py",
    "vm.py",
    "runtime/core.py",
)


def collect_exports(
    ns: dict[str, Any], variables: list[str]
) -> tuple[dict[str, Callable[..., Any]], dict[str, FunctionInfo]]:
    """Module variables holding a Fn (by name) and static methods of
    module-level classes (``Class.method``, any arity)."""
    exports: dict[str, Callable[..., Any]] = {}
    infos: dict[str, FunctionInfo] = {}
    for var in variables:
        value = ns.get(f"w_{var}")
        if isinstance(value, WFn):
            exports[var] = _fn_caller(value)
            infos[var] = FunctionInfo(var, parameter_count=value.arity, parameter_names=())
        elif isinstance(value, WClass) and value.pyclass is not None:
            for attr in sorted(vars(type(value))):
                if attr.startswith("g_"):
                    name, arity = attr[2:], "0"
                elif attr.startswith("m_"):
                    name, _, arity = attr[2:].rpartition("_")
                else:
                    continue
                full = f"{var}.{name}"
                if full not in exports:
                    exports[full] = _static_caller(value, name)
                    infos[full] = FunctionInfo(full, parameter_count=int(arity))
    return exports, infos


@functools.cache
def compiler_digest() -> str:
    """Digest of the compiler's sources: cached code objects from another
    version of the code generator are never reused."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in COMPILER_SOURCES:
        digest.update((here / name).read_bytes())
    digest.update(" ".join(sorted(primitive_methods())).encode())
    return digest.hexdigest()[:12]


def _fn_caller(fn: WFn) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        return call_fn(fn, *args)

    return call


def _static_caller(cls: Any, name: str) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        method = getattr(type(cls), f"m_{name}_{len(args)}", None)
        if method is None and not args:
            method = getattr(type(cls), f"g_{name}", None)
        if method is None:
            raise WrenError(
                f"{cls.name} metaclass does not implement '{name}' with {len(args)} arguments."
            )
        return method(cls, *args)

    return call

"""Exported-function discovery from a loaded namespace (both modes use the
same rules: public functions whose code belongs to the script itself)."""

from __future__ import annotations

from collections.abc import Mapping
from types import FunctionType
from typing import Any

from kryon_core import (
    FunctionInfo,
)

__all__ = ["exported_functions", "function_info"]

_CO_VARARGS = 0x04
_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_ASYNC_GENERATOR = 0x200


def exported_functions(namespace: Mapping[str, Any], script: str) -> dict[str, FunctionInfo]:
    """Public functions defined by ``script`` in ``namespace`` (not imported ones)."""
    return {
        name: function_info(name, value)
        for name, value in namespace.items()
        if isinstance(value, FunctionType)
        and not name.startswith("_")
        and value.__code__.co_filename == script
    }


def function_info(name: str, function: FunctionType) -> FunctionInfo:
    code = function.__code__
    count = code.co_argcount  # includes positional-only parameters
    doc = function.__doc__
    return FunctionInfo(
        name=name,
        parameter_count=count,
        parameter_names=tuple(code.co_varnames[:count]),
        is_async=bool(code.co_flags & (_CO_COROUTINE | _CO_ASYNC_GENERATOR)),
        is_generator=bool(code.co_flags & (_CO_GENERATOR | _CO_ASYNC_GENERATOR)),
        is_variadic=bool(code.co_flags & _CO_VARARGS),
        line=code.co_firstlineno,
        doc=doc if isinstance(doc, str) else None,
    )

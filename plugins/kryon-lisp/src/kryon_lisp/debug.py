"""Lisp-level stacks from live Python frames (breakpoints, host callbacks)."""

from __future__ import annotations

from typing import Any

from kryon_core import StackFrame


def lisp_name(py_name: str) -> str:
    """``"total 3"`` (a compiled local or function) -> ``"total"``."""
    name = py_name.split(" ", maxsplit=1)[0]
    return "fn" if name.startswith("@") else name


def lisp_stack(
    frame: Any, files: dict[str, str], converter: Any, with_locals: bool
) -> list[StackFrame]:
    """The Lisp frames from ``frame`` outwards, outermost first."""
    frames: list[StackFrame] = []
    while frame is not None:
        code = frame.f_code
        script = files.get(code.co_filename)
        if script is not None:
            local_values = _locals(frame, converter) if with_locals else None
            frames.append(
                StackFrame(
                    script=script,
                    function=lisp_name(code.co_name),
                    line=frame.f_lineno,
                    locals=local_values,
                )
            )
        frame = frame.f_back
    frames.reverse()
    return frames


def _locals(frame: Any, converter: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for py_name, value in frame.f_locals.items():
        if py_name.startswith("@") or " " not in py_name:
            continue
        try:
            out[lisp_name(py_name)] = converter.to_host(value)
        except Exception:  # a value with no host form is shown by its printed form
            from kryon_lisp.printer import pr_str

            out[lisp_name(py_name)] = pr_str(value)
    return out

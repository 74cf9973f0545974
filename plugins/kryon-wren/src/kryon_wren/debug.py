"""Breakpoints (via ``sys.settrace`` while any are set) and memory estimates."""

from __future__ import annotations

import itertools
import sys
import threading
from collections.abc import Callable, Iterable
from types import FrameType
from typing import TYPE_CHECKING, Any

from kryon_core import BreakpointHit, BreakpointId, StackFrame
from kryon_wren.vm import wren_locals

if TYPE_CHECKING:
    from kryon_wren.engine import WrenEngine

MAX_SIZE_WALK = 200_000


class Debugger:
    def __init__(self, engine: WrenEngine) -> None:
        self.engine = engine
        self.enabled = False
        self.handler: Callable[[BreakpointHit], None] | None = None
        self.points: dict[BreakpointId, tuple[str, int]] = {}
        self._ids = itertools.count(1)
        self._last: tuple[int, int] | None = None

    @property
    def active(self) -> bool:
        return bool(self.points) and self.handler is not None

    def add(self, module: str, line: int) -> BreakpointId:
        bid = BreakpointId(next(self._ids))
        self.points[bid] = (module, line)
        return bid

    def remove(self, bid: BreakpointId) -> None:
        self.points.pop(bid, None)

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        old = sys.gettrace()
        sys.settrace(self._global)
        threading.settrace(self._global)
        try:
            return fn(*args)
        finally:
            sys.settrace(old)
            threading.settrace(None)

    def _global(self, frame: FrameType, event: str, arg: Any) -> Any:
        vm = self.engine._vm
        if vm is not None and frame.f_code.co_filename in vm.code_info:
            return self._local
        return None

    def _local(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event != "line":
            return self._local
        vm = self.engine._vm
        assert vm is not None
        info = vm.code_info.get(frame.f_code.co_filename)
        if info is None:
            return self._local
        lineno = frame.f_lineno
        wline = info.line_map[lineno] if 0 < lineno < len(info.line_map) else 0
        key = (id(frame), wline)
        if key == self._last:
            return self._local
        self._last = key
        for bid, (module, line) in list(self.points.items()):
            if line == wline and module == info.module and self.handler is not None:
                self.handler(BreakpointHit(bid, module, line, tuple(self._frames(frame))))
        return self._local

    def _frames(self, frame: FrameType | None) -> list[StackFrame]:
        vm = self.engine._vm
        assert vm is not None
        out: list[StackFrame] = []
        while frame is not None:
            info = vm.code_info.get(frame.f_code.co_filename)
            if info is not None:
                name = info.debug_names.get(frame.f_code.co_name)
                if name is not None:
                    n = frame.f_lineno
                    line = info.line_map[n] if 0 < n < len(info.line_map) else 0
                    out.append(
                        StackFrame(
                            function=name,
                            script=info.module,
                            line=line,
                            locals=wren_locals(dict(frame.f_locals)),
                        )
                    )
            frame = frame.f_back
        out.reverse()
        return out


def estimate_size(roots: Iterable[Any]) -> int:
    """Approximate bytes reachable from ``roots`` (bounded walk, shared objects once)."""
    seen: set[int] = set()
    stack = list(roots)
    total = 0
    while stack and len(seen) < MAX_SIZE_WALK:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (type, FrameType)) or callable(obj):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj, 64)
        if isinstance(obj, dict):
            stack.extend(obj.values())
        elif isinstance(obj, (list, tuple, set)):
            stack.extend(obj)
        else:
            d = getattr(obj, "__dict__", None)
            if isinstance(d, dict):
                stack.extend(d.values())
    return total

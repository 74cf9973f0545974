"""Per-function profiling: calls, errors and total/mean/max time.

The manager records every call made through it when ``[kryon] profiling`` is
on (the default).  Recording is a few attribute updates on a preallocated
:class:`FunctionStats`, cheap enough to leave on in production.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FunctionStats", "Profiler"]


@dataclass(slots=True)
class FunctionStats:
    """Counters for one qualified function name (times in nanoseconds).

    Slotted: every profiled call updates three of its fields, and slot
    updates cost about half of instance-dict ones."""

    name: str
    calls: int = 0
    errors: int = 0
    total_ns: int = 0
    max_ns: int = 0

    def record(self, elapsed_ns: int, ok: bool) -> None:
        self.calls += 1
        if not ok:
            self.errors += 1
        self.total_ns += elapsed_ns
        self.max_ns = max(self.max_ns, elapsed_ns)

    @property
    def mean_ns(self) -> float:
        return self.total_ns / self.calls if self.calls else 0.0


class Profiler:
    """All functions' stats, keyed by qualified name (``script.function``)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._stats: dict[str, FunctionStats] = {}

    def stats_for(self, name: str) -> FunctionStats:
        """The (created on demand) stats object for ``name``; callers keep it."""
        stats = self._stats.get(name)
        if stats is None:
            stats = self._stats[name] = FunctionStats(name)
        return stats

    def get(self, name: str) -> FunctionStats | None:
        return self._stats.get(name)

    def all(self) -> list[FunctionStats]:
        """Every function called at least once, busiest (total time) first."""
        return sorted(
            (s for s in self._stats.values() if s.calls), key=lambda s: s.total_ns, reverse=True
        )

    def reset(self) -> None:
        for stats in self._stats.values():
            stats.calls = stats.errors = stats.total_ns = stats.max_ns = 0

    def report(self) -> str:
        """A printable table of every called function."""
        rows = [("function", "calls", "errors", "total ms", "mean µs", "max µs")]
        rows += [
            (
                s.name,
                str(s.calls),
                str(s.errors),
                f"{s.total_ns / 1e6:.3f}",
                f"{s.mean_ns / 1e3:.2f}",
                f"{s.max_ns / 1e3:.2f}",
            )
            for s in self.all()
        ]
        if len(rows) == 1:
            return "no calls recorded"
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = []
        for i, row in enumerate(rows):
            cells = [row[0].ljust(widths[0])] + [
                c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
            ]
            lines.append("  ".join(cells))
            if i == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)

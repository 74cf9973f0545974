"""Resident memory of the current process (Linux ``/proc``, else peak RSS)."""

from __future__ import annotations

import os

__all__ = ["rss_bytes"]


def rss_bytes() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

"""The optional ``random`` module, number for number as the reference's.

``Random`` is WELL512a (``wren_opt_random.c``); a Num seed goes through C's
``srand``/``rand``, which on the reference's platform is glibc's additive
feedback generator, reproduced here. The methods written in Wren in the
reference (``random.wren``: ``int(end)``, ``sample``, ``shuffle``...) are
followed step by step through Wren's own operators, so they draw the same
numbers and fail with the same messages.
"""

from __future__ import annotations

import math
import time
from typing import Any

from kryon_wren.runtime.collections import ListStatics, WList, WMap, WRange
from kryon_wren.runtime.core import CORE
from kryon_wren.runtime.objects import WClass, WObject, WrenError, is_, send, truth
from kryon_wren.runtime.sequences import py_iter

_M32 = 0xFFFFFFFF


def glibc_rand(seed: int, count: int) -> list[int]:
    """The first ``count`` results of glibc's ``rand()`` after ``srand(seed)``."""
    seed &= _M32
    if seed == 0:
        seed = 1
    r = [seed - (1 << 32) if seed >= 1 << 31 else seed]
    for _ in range(30):
        word = r[-1]
        hi = abs(word) // 127773 * (1 if word >= 0 else -1)
        word = 16807 * (word - hi * 127773) - 2836 * hi
        r.append(word + 2147483647 if word < 0 else word)
    r += r[:3]
    while len(r) < 344 + count:
        r.append((r[-31] + r[-3]) & _M32)
    return [(x & _M32) >> 1 for x in r[344:]]


def _uint32(x: float) -> int:
    # (uint32_t) of a double, as x86-64 compiles it: truncate, keep 32 bits.
    return int(x) & _M32 if math.isfinite(x) else 0


class RandomObject(WObject):
    __slots__ = ("index", "state")

    def __init__(self, state: list[int]) -> None:
        self.state = state
        self.index = 0

    def advance(self) -> int:
        # Lomont's WELL512a, on 32-bit unsigned arithmetic.
        s = self.state
        i = self.index
        a = s[i]
        c = s[(i + 13) & 15]
        b = (a ^ c ^ (a << 16) ^ (c << 15)) & _M32
        c = s[(i + 9) & 15]
        c ^= c >> 11
        a = s[i] = b ^ c
        d = a ^ ((a << 5) & 0xDA442D24)
        i = self.index = (i + 15) & 15
        a = s[i]
        s[i] = (a ^ b ^ d ^ (a << 2) ^ (b << 18) ^ (c << 28)) & _M32
        return s[i]

    def m_float_0(self) -> float:
        result = self.advance() * 2097152.0
        result += self.advance() & 0x1FFFFF
        return result / 9007199254740992.0

    def m_float_1(self, end: Any) -> Any:
        return send(self.m_float_0(), "b_mul", end)

    def m_float_2(self, start: Any, end: Any) -> Any:
        x = self.m_float_0()
        return send(send(x, "b_mul", send(end, "b_sub", start)), "b_add", start)

    def m_int_0(self) -> float:
        return float(self.advance())

    def m_int_1(self, end: Any) -> Any:
        return send(send(self.m_float_0(), "b_mul", end), "g_floor")

    def m_int_2(self, start: Any, end: Any) -> Any:
        x = self.m_float_0()
        return send(send(send(x, "b_mul", send(end, "b_sub", start)), "g_floor"), "b_add", start)

    def m_sample_1(self, seq: Any) -> Any:
        if send(seq, "g_count") == 0.0:
            raise WrenError("Not enough elements to sample.")
        return send(seq, "x_1", self.m_int_1(send(seq, "g_count")))

    def m_sample_2(self, seq: Any, count: Any) -> Any:
        # Floyd's algorithm ("Programming pearls: a sample of brilliance").
        if truth(send(count, "b_gt", send(seq, "g_count"))):
            raise WrenError("Not enough elements to sample.")
        result = WList()
        total = send(seq, "g_count")
        indexes = py_iter(WRange(send(total, "b_sub", count), total, False))
        if truth(send(send(count, "b_mul", 4.0), "b_lt", total)):
            picked_map = WMap()
            for i in indexes:
                index = self.m_int_1(i + 1)
                if picked_map.m_containsKey_1(index):
                    index = i
                picked_map.y_1(index, True)
                result.append(send(seq, "x_1", index))
        else:
            picked = ListStatics().m_filled_2(total, False)
            for i in indexes:
                index = self.m_int_1(i + 1)
                if truth(picked.x_1(index)):
                    index = i
                picked.y_1(index, True)
                result.append(send(seq, "x_1", index))
        return result

    def m_shuffle_1(self, seq: Any) -> None:
        if truth(send(seq, "g_isEmpty")):
            return
        # Fisher-Yates.
        for i in py_iter(WRange(0.0, send(send(seq, "g_count"), "b_sub", 1.0), False)):
            source = self.m_int_2(i, send(seq, "g_count"))
            temp = send(seq, "x_1", source)
            send(seq, "y_1", source, send(seq, "x_1", i))
            send(seq, "y_1", i, temp)


class RandomStatics:
    def m_new_0(self) -> RandomObject:
        return RandomObject(glibc_rand(int(time.time()), 16))

    def m_new_1(self, seed: Any) -> RandomObject:
        if seed.__class__ is float:
            return RandomObject(glibc_rand(_uint32(seed), 16))
        if not is_(seed, CORE["Sequence"]):
            raise WrenError("Seed must be a number or a sequence of numbers.")
        if truth(send(seed, "g_isEmpty")):
            raise WrenError("Sequence cannot be empty.")
        seeds: list[float] = []
        for element in py_iter(seed):
            if element.__class__ is not float:
                raise WrenError("Sequence elements must all be numbers.")
            seeds.append(element)
            if len(seeds) == 16:
                break
        i = 0
        while len(seeds) < 16:
            seeds.append(seeds[i])
            i += 1
        return RandomObject([_uint32(x) for x in seeds])


_RANDOM = type("Random metaclass", (WClass, RandomStatics), {})(
    "Random", CORE["Object"], RandomObject, True
)
RandomObject.__wcls__ = _RANDOM


def random_module() -> dict[str, Any]:
    return {"w_Random": _RANDOM}

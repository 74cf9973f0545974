"""Methods of the native-valued classes: Num, Bool, Null (String is in strings.py)."""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable
from typing import Any

from kryon_wren.runtime.objects import PRIMS, PROXIES, Proxy, WrenError, num_str, to_str, truth

INF = math.inf
_TWO_63 = 2.0**63
NAN = math.nan


_C_SPACE = " \t\n\v\f\r"
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_HEX = re.compile(r"[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?")
_SPECIAL = re.compile(r"[+-]?(?:inf(?:inity)?|nan(?:\([0-9A-Za-z_]*\))?)", re.IGNORECASE)


def strtod_out_of_range(value: float, mantissa: str) -> bool:
    """Whether C's strtod reports a number it read as out of range (ERANGE):
    overflow, or underflow to a subnormal or to zero.  ``value`` is what it
    read, unsigned; ``mantissa`` its digits before the exponent."""
    return (
        math.isinf(value)
        or 0.0 < value < sys.float_info.min
        or (value == 0.0 and mantissa.strip("0.") != "")
    )


def c_strtod(s: str) -> float | None:
    """``Num.fromString``, as the reference does it with C's strtod (glibc): the
    longest number at the start (after blanks) is read; if it is out of range
    (overflow, or underflow to a subnormal or to zero) that is an error, else
    anything but blanks after it makes the answer null."""
    if not s:
        return None
    body = s.lstrip(_C_SPACE)
    m = _SPECIAL.match(body) or _HEX.match(body) or _DECIMAL.match(body)
    if m is None:
        # Nothing converted: only blanks make a number (zero).
        return 0.0 if not body.rstrip(_C_SPACE) else None
    text = m.group()
    digits = text.lstrip("+-")
    if m.re is _SPECIAL:
        value = float(digits.lower().split("(")[0])
        mantissa = ""
    elif m.re is _HEX:
        try:
            value = float.fromhex(digits)
        except OverflowError:
            value = INF
        mantissa = re.split("[pP]", digits[2:])[0]
    else:
        value = float(digits)
        mantissa = re.split("[eE]", digits)[0]
    if m.re is not _SPECIAL and strtod_out_of_range(value, mantissa):
        raise WrenError("Number literal is too large.")
    if body[m.end() :].rstrip(_C_SPACE):
        return None
    return -value if text.startswith("-") else value


def _num(v: Any, what: str = "Right operand") -> float:
    if v.__class__ is not float:
        raise WrenError(f"{what} must be a number.")
    return v


def _u32(v: float) -> int:
    """C's (uint32_t) cast as the reference's x86-64 build does it: through a
    64-bit integer, so a value outside that range (or not finite) is 0."""
    if not -_TWO_63 <= v < _TWO_63:
        return 0
    return int(v) & 0xFFFFFFFF


def _cbrt_fallback(v: float) -> float:
    """C's cbrt before Python 3.11 (which has it): a Newton step brings the
    power's result within an ulp or so of it (so cbrt(1e300) prints 1e+100;
    the power alone printed another 14-digit number for a quarter of roots)."""
    if v == 0.0 or not math.isfinite(v):
        return v
    r = math.copysign(abs(v) ** (1.0 / 3.0), v)
    return r - (r * r * r - v) / (3.0 * r * r)


_cbrt: Callable[[float], float] = getattr(math, "cbrt", _cbrt_fallback)


def fmod(a: float, b: float) -> float:
    """C's fmod: an infinite dividend gives nan (Python's raises ValueError)."""
    if a in (INF, -INF):
        return NAN
    return math.fmod(a, b)


def _odd_integer(v: float) -> bool:
    return math.isfinite(v) and v.is_integer() and math.fmod(v, 2.0) != 0.0


def c_pow(a: float, b: float) -> float:
    """C's pow, where Python's math.pow raises: overflow is an infinity with
    the result's sign, zero to a negative power an infinity (signed for an
    odd power), a negative base to a non-integer power nan."""
    try:
        return math.pow(a, b)
    except OverflowError:
        return -INF if a < 0 and _odd_integer(b) else INF
    except ValueError:
        if a == 0:
            return math.copysign(INF, a) if _odd_integer(b) else INF
        return NAN


def _safe(fn: Any, x: float) -> float:
    try:
        return float(fn(x))
    except (ValueError, OverflowError):
        return NAN


def _signed_zero(r: float, v: float) -> float:
    """C's floor/ceil/trunc keep the sign of a zero result; Python's int-based ones do not."""
    return math.copysign(0.0, v) if r == 0 else r


def _round(x: float) -> float:
    if not math.isfinite(x):
        return x
    return math.copysign(math.floor(abs(x) + 0.5), x)


def num_floor(v: float) -> float:
    return _signed_zero(float(math.floor(v)), v) if math.isfinite(v) else v


def num_ceil(v: float) -> float:
    return _signed_zero(float(math.ceil(v)), v) if math.isfinite(v) else v


def num_truncate(v: float) -> float:
    return _signed_zero(float(math.trunc(v)), v) if math.isfinite(v) else v


def num_sqrt(v: float) -> float:
    return NAN if v < 0 else _safe(math.sqrt, v)


def num_sign(v: float) -> float:
    return 1.0 if v > 0 else -1.0 if v < 0 else 0.0


def num_is_integer(v: float) -> bool:
    return math.isfinite(v) and v.is_integer()


def num_is_nan(v: float) -> bool:
    return math.isnan(v)


NUM_GETTERS: dict[str, Callable[[float], Any]] = {
    "g_abs": abs,
    "g_ceil": num_ceil,
    "g_floor": num_floor,
    "g_isInteger": num_is_integer,
    "g_isNan": num_is_nan,
    "g_round": _round,
    "g_sign": num_sign,
    "g_sqrt": num_sqrt,
    "g_toString": num_str,
    "g_truncate": num_truncate,
}
"""Num getters as functions of the Num: compiled code calls them for a Num
receiver (``_nf_g_floor(x)``) instead of making its proxy to call the method."""
NUM_RESULT_GETTERS = frozenset(
    {"g_abs", "g_ceil", "g_floor", "g_round", "g_sign", "g_sqrt", "g_truncate"}
)
"""The NUM_GETTERS that answer a Num (the compiler knows their result is one)."""


class NumProxy(Proxy):
    __slots__ = ()

    def b_add(self, o: Any) -> float:
        return self.v + _num(o)  # type: ignore[no-any-return]

    def b_sub(self, o: Any) -> float:
        return self.v - _num(o)  # type: ignore[no-any-return]

    def b_mul(self, o: Any) -> float:
        return self.v * _num(o)  # type: ignore[no-any-return]

    def b_div(self, o: Any) -> float:
        b = _num(o)
        a = self.v
        if b == 0:
            if a == 0 or math.isnan(a):
                return NAN
            return math.copysign(INF, a) * math.copysign(1.0, b)
        return a / b  # type: ignore[no-any-return]

    def b_mod(self, o: Any) -> float:
        b = _num(o)
        if b == 0:
            return NAN
        return fmod(self.v, b)

    def b_lt(self, o: Any) -> bool:
        return self.v < _num(o)  # type: ignore[no-any-return]

    def b_gt(self, o: Any) -> bool:
        return self.v > _num(o)  # type: ignore[no-any-return]

    def b_le(self, o: Any) -> bool:
        return self.v <= _num(o)  # type: ignore[no-any-return]

    def b_ge(self, o: Any) -> bool:
        return self.v >= _num(o)  # type: ignore[no-any-return]

    def b_band(self, o: Any) -> float:
        return float(_u32(self.v) & _u32(_num(o)))

    def b_bor(self, o: Any) -> float:
        return float(_u32(self.v) | _u32(_num(o)))

    def b_bxor(self, o: Any) -> float:
        return float(_u32(self.v) ^ _u32(_num(o)))

    def b_shl(self, o: Any) -> float:
        return float((_u32(self.v) << (_u32(_num(o)) & 31)) & 0xFFFFFFFF)

    def b_shr(self, o: Any) -> float:
        return float(_u32(self.v) >> (_u32(_num(o)) & 31))

    def u_sub(self) -> float:
        return -self.v  # type: ignore[no-any-return]

    def u_inv(self) -> float:
        return float(~_u32(self.v) & 0xFFFFFFFF)

    def b_irange(self, o: Any) -> Any:
        from kryon_wren.runtime.collections import WRange

        return WRange(self.v, _num(o, "Right hand side of range"), True)

    def b_xrange(self, o: Any) -> Any:
        from kryon_wren.runtime.collections import WRange

        return WRange(self.v, _num(o, "Right hand side of range"), False)

    def g_abs(self) -> float:
        return abs(self.v)  # type: ignore[no-any-return]

    def g_acos(self) -> float:
        return _safe(math.acos, self.v)

    def g_asin(self) -> float:
        return _safe(math.asin, self.v)

    def g_atan(self) -> float:
        return math.atan(self.v)

    def m_atan_1(self, x: Any) -> float:
        return math.atan2(self.v, _num(x, "x value"))

    def g_cbrt(self) -> float:
        return _cbrt(self.v)

    def g_ceil(self) -> float:
        return num_ceil(self.v)

    def g_floor(self) -> float:
        return num_floor(self.v)

    def g_round(self) -> float:
        return _round(self.v)

    def g_truncate(self) -> float:
        return num_truncate(self.v)

    def g_fraction(self) -> float:
        v = self.v
        if v in (INF, -INF):
            return math.copysign(0.0, v)
        return math.modf(v)[0]

    def g_cos(self) -> float:
        return _safe(math.cos, self.v)

    def g_sin(self) -> float:
        return _safe(math.sin, self.v)

    def g_tan(self) -> float:
        return _safe(math.tan, self.v)

    def g_exp(self) -> float:
        try:
            return math.exp(self.v)
        except OverflowError:
            return INF

    def g_log(self) -> float:
        v = self.v
        if v == 0:
            return -INF
        return _safe(math.log, v)

    def g_log2(self) -> float:
        v = self.v
        if v == 0:
            return -INF
        return _safe(math.log2, v)

    def g_sqrt(self) -> float:
        return num_sqrt(self.v)

    def m_pow_1(self, o: Any) -> float:
        return c_pow(self.v, _num(o, "Power value"))

    def g_sign(self) -> float:
        return num_sign(self.v)

    def g_isInfinity(self) -> bool:
        return self.v in (INF, -INF)

    def g_isNan(self) -> bool:
        return num_is_nan(self.v)

    def g_isInteger(self) -> bool:
        return num_is_integer(self.v)

    def m_min_1(self, o: Any) -> float:
        b = _num(o, "Other value")
        return self.v if self.v <= b else b

    def m_max_1(self, o: Any) -> float:
        b = _num(o, "Other value")
        return self.v if self.v >= b else b

    def m_clamp_2(self, lo: Any, hi: Any) -> float:
        a = _num(lo, "Min value")
        b = _num(hi, "Max value")
        v = self.v
        return a if v < a else b if v > b else v

    def g_toString(self) -> str:
        return num_str(self.v)


class NumStatics:
    """Static methods of Num (mixed into its metaclass type)."""

    def m_fromString_1(self, s: Any) -> float | None:
        if s.__class__ is not str:
            raise WrenError("Argument must be a string.")
        return c_strtod(s)

    def g_pi(self) -> float:
        return math.pi

    def g_tau(self) -> float:
        return math.tau

    def g_largest(self) -> float:
        return sys.float_info.max

    def g_smallest(self) -> float:
        # DBL_MIN, the smallest positive normal double, as the reference.
        return sys.float_info.min

    def g_infinity(self) -> float:
        return INF

    def g_nan(self) -> float:
        return NAN

    def g_maxSafeInteger(self) -> float:
        return 9007199254740991.0

    def g_minSafeInteger(self) -> float:
        return -9007199254740991.0

    def g_epsilon(self) -> float:
        return sys.float_info.epsilon


class BoolProxy(Proxy):
    __slots__ = ()

    def u_not(self) -> bool:
        return not self.v

    def g_toString(self) -> str:
        return "true" if self.v else "false"


class NullProxy(Proxy):
    __slots__ = ()

    def u_not(self) -> bool:
        return True

    def g_toString(self) -> str:
        return "null"


def bin_op(a: Any, mname: str, b: Any) -> Any:
    """Slow path of a binary operator: dispatch to the left operand's method."""
    c = a.__class__
    if c is float:
        return getattr(NumProxy(a), mname)(b)
    if c in PRIMS:
        return getattr(PROXIES[c](a), mname)(b)
    return getattr(a, mname)(b)


def un_op(a: Any, mname: str) -> Any:
    c = a.__class__
    if c in PRIMS:
        return getattr(PROXIES[c](a), mname)()
    return getattr(a, mname)()


__all__ = ["BoolProxy", "NullProxy", "NumProxy", "NumStatics", "bin_op", "fmod", "to_str", "truth"]

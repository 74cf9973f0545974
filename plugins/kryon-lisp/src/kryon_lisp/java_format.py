"""The number conversions of Java's ``Formatter`` (what ``format`` and ``printf`` use).

Java rounds ``%f``/``%e``/``%g`` half-up from the shortest decimal form of the
double (``(format "%.2f" 0.125)`` is ``"0.13"``, C says ``"0.12"``), keeps the
trailing zeros of ``%g``, writes infinities as ``Infinity``, and prints a
negative long in ``%x``/``%o`` as its 64-bit two's complement.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

LONG_BITS = 64


def format_float(value: float, flags: str, width: int, precision: int | None, conv: str) -> str:
    """``%f``, ``%e`` or ``%g`` (any case) of ``value`` as Java writes it."""
    lower = conv.lower()
    negative = math.copysign(1.0, value) < 0 and not math.isnan(value)
    if math.isnan(value) or math.isinf(value):
        body = "NaN" if math.isnan(value) else "Infinity"
        return pad(_sign(negative, flags) + body, flags.replace("0", ""), width)
    digits = Decimal(repr(abs(value)))
    p = 6 if precision is None else precision
    if lower == "f":
        body = _fixed(digits, p, "," in flags)
    elif lower == "e":
        body = _scientific(digits, p)
    else:
        p = max(p, 1)
        rounded = _round_significant(digits, p)
        if rounded and not Decimal("1e-4") <= rounded < Decimal(10) ** p:
            body = _scientific(digits, p - 1)
        else:
            body = _fixed(rounded, p - 1 - (rounded.adjusted() if rounded else 0), "," in flags)
    if conv.isupper():
        body = body.upper()
    return pad(_sign(negative, flags) + body, flags, width)


def format_integer(value: int, flags: str, width: int, conv: str) -> str:
    """``%x``/``%X``/``%o`` of an integer: longs in two's complement, BigInts signed."""
    base = "o" if conv == "o" else "x"
    negative = value < 0
    if negative and value >= -(1 << (LONG_BITS - 1)):
        value += 1 << LONG_BITS
        negative = False
    body = format(abs(value), base)
    if "#" in flags:
        body = ("0" if base == "o" else "0x") + body
    if conv == "X":
        body = body.upper()
    return pad(("-" if negative else "") + body, flags, width)


def _round_significant(d: Decimal, p: int) -> Decimal:
    if not d:
        return d
    return d.quantize(Decimal(1).scaleb(d.adjusted() - p + 1), rounding=ROUND_HALF_UP)


def _fixed(d: Decimal, places: int, grouping: bool) -> str:
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return format(q, ",f" if grouping else "f")


def _scientific(d: Decimal, places: int) -> str:
    if not d:
        mantissa, exponent = Decimal(0).quantize(Decimal(1).scaleb(-places)), 0
    else:
        exponent = d.adjusted()
        mantissa = d.scaleb(-exponent).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if mantissa >= 10:  # 9.99... rounded up to 10
            exponent += 1
            mantissa = d.scaleb(-exponent).quantize(
                Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
            )
    sign = "-" if exponent < 0 else "+"
    return f"{format(mantissa, 'f')}e{sign}{abs(exponent):02d}"


def _sign(negative: bool, flags: str) -> str:
    if negative:
        return "-"
    if "+" in flags:
        return "+"
    return " " if " " in flags else ""


def pad(text: str, flags: str, width: int) -> str:
    """``text`` padded to ``width`` as the flags say (``-`` left, ``0`` zeros after the sign)."""
    if len(text) >= width:
        return text
    if "-" in flags:
        return text.ljust(width)
    if "0" in flags:
        sign = text[0] if text[0] in "+- " else ""
        return sign + text[len(sign) :].rjust(width - len(sign), "0")
    return text.rjust(width)

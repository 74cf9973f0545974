"""Numbers: arithmetic with Clojure's integer/ratio/float rules, comparison."""

from __future__ import annotations

import decimal
import math
import operator
import struct
from collections.abc import Callable
from fractions import Fraction
from functools import reduce
from typing import Any

from kryon_lisp import limits
from kryon_lisp.printer import java_whole_digits, str_of, type_name
from kryon_lisp.types import BigInt, Char, Keyword, PVector, Symbol

NUMBER_TYPES = (int, float, Fraction, BigInt)


def _num(x: Any) -> Any:
    if type(x) in NUMBER_TYPES:
        return x
    if x is None:
        raise TypeError("Cannot perform arithmetic on nil")
    raise TypeError(f"{type_name(x)} cannot be cast to java.lang.Number")


def _norm(x: Any) -> Any:
    # Clojure's ratio arithmetic lands on a BigInt when the result is whole: (* 2/3 3) is 2N
    if type(x) is Fraction and x.denominator == 1:
        return BigInt(x.numerator)
    return x


def _contagion(r: Any, a: Any, b: Any) -> Any:
    """An integer result is a BigInt when either operand was one (``(+ 1N 1)`` is ``2N``)."""
    if type(r) is int and (type(a) is BigInt or type(b) is BigInt):
        return BigInt(r)
    return r


_DECIMAL64 = decimal.Context(prec=16, rounding=decimal.ROUND_HALF_EVEN)


def ratio_to_double(r: Fraction) -> float:
    """Clojure's Ratio.doubleValue: the quotient to 16 significant digits
    (MathContext.DECIMAL64), then the double nearest that decimal, so
    ``(double 10/3)`` is ``3.333333333333333`` and ``(double 2/3)``
    ``0.6666666666666667`` (the nearest doubles end ...35 and ...66)."""
    quotient = _DECIMAL64.divide(decimal.Decimal(r.numerator), decimal.Decimal(r.denominator))
    return float(quotient)


def _doubles(a: Any, b: Any) -> tuple[Any, Any]:
    """A ratio meeting a double becomes a double as Clojure converts it."""
    if type(a) is Fraction and type(b) is float:
        return ratio_to_double(a), b
    if type(b) is Fraction and type(a) is float:
        return a, ratio_to_double(b)
    return a, b


def _floats(a: Any, b: Any) -> bool:
    """A double with a long or a double: Python's float arithmetic is Java's."""
    ta = type(a)
    tb = type(b)
    return (ta is float and (tb is float or tb is int)) or (tb is float and ta is int)


_LONG_MIN = -(2**63)
_LONG_MAX = 2**63 - 1


def overflow() -> Any:
    from kryon_lisp.classes import EXCEPTIONS

    raise EXCEPTIONS["ArithmeticException"]("long overflow")


def wide(r: int, a: int, b: int) -> int:
    """``r``, the sum or difference of the ints ``a`` and ``b``, outside the
    long range: Clojure's ``+`` and ``-`` on two longs throw, as ``*`` does
    (``+'`` promotes); an operand already past 64 bits (a host's) is a BigInt."""
    if _LONG_MIN <= a <= _LONG_MAX and _LONG_MIN <= b <= _LONG_MAX:
        overflow()
    return r


def _mixed(op: Callable[[Any, Any], Any], a: Any, b: Any) -> Any:
    """``a + b`` or ``a - b`` past the fast paths of longs and doubles: BigInts,
    ratios (meeting a double as a double) and the result's type by contagion."""
    x, y = _doubles(_num(a), _num(b))
    return _contagion(_norm(op(x, y)), a, b)


def add2(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int:
        r = a + b
        return r if _LONG_MIN <= r <= _LONG_MAX else wide(r, a, b)
    if _floats(a, b):
        return a + b
    return _mixed(operator.add, a, b)


def sub2(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int:
        r = a - b
        return r if _LONG_MIN <= r <= _LONG_MAX else wide(r, a, b)
    if _floats(a, b):
        return a - b
    return _mixed(operator.sub, a, b)


def _promoted(r: Any) -> Any:
    """``+'`` and friends: a long result past 64 bits is a BigInt."""
    if type(r) is int and not _LONG_MIN <= r <= _LONG_MAX:
        return BigInt(r)
    return r


def _add_promoting(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int:
        return _promoted(a + b)
    if _floats(a, b):
        return a + b
    return _mixed(operator.add, a, b)


def _sub_promoting(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int:
        return _promoted(a - b)
    if _floats(a, b):
        return a - b
    return _mixed(operator.sub, a, b)


def plus_promoting(a: Any = 0, b: Any = 0, *more: Any) -> Any:
    """``+'``: integers grow into BigInts instead of overflowing."""
    r = _add_promoting(a, b)
    return reduce(_add_promoting, more, r) if more else r


def minus_promoting(a: Any, *more: Any) -> Any:
    """``-'``."""
    if not more:
        return _promoted(neg(a))
    return reduce(_sub_promoting, more, a)


def mul2(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int:
        r = a * b
        return r if _LONG_MIN <= r <= _LONG_MAX else overflow()
    if _floats(a, b):
        return a * b
    _check_product(_num(a), _num(b))
    x, y = _doubles(a, b)
    r = _norm(x * y)
    if type(r) is int and type(a) is int and type(b) is int and not _LONG_MIN <= r <= _LONG_MAX:
        overflow()
    return _contagion(r, a, b)


def mul_promoting(a: Any = 1, b: Any = 1, *more: Any) -> Any:
    """``*'``: integers grow without bound."""
    _check_product(_num(a), _num(b))
    r = _contagion(_norm(a * b), a, b)
    for x in more:
        _check_product(r, _num(x))
        r = _contagion(_norm(r * x), r, x)
        _check_bits(r)
    _check_bits(r)
    return _promoted(r)


MAX_BIGINT_BITS = 1 << 20
"""Integers beyond a million bits are refused: one multiplication of such
numbers runs in C for seconds, out of reach of the time limit's checks."""


MAX_BIGINT_DIGITS = MAX_BIGINT_BITS * 30103 // 100000 + 1
"""The decimal digits of the largest integer :data:`MAX_BIGINT_BITS` allows."""


def _bits(x: Any) -> int:
    if isinstance(x, int):
        return x.bit_length()
    if type(x) is Fraction:
        return max(x.numerator.bit_length(), x.denominator.bit_length())
    return 0


def _check_product(a: Any, b: Any) -> None:
    """Refuse a product beyond :data:`MAX_BIGINT_BITS` before it is computed
    (squaring a BigInt or a ratio forty times would run in C for hours)."""
    if _bits(a) + _bits(b) > MAX_BIGINT_BITS + 1:
        from kryon_core import MemoryLimitError

        raise MemoryLimitError(f"integer of more than {MAX_BIGINT_BITS} bits")


def _check_bits(r: Any) -> None:
    if isinstance(r, int) and r.bit_length() > MAX_BIGINT_BITS:
        from kryon_core import MemoryLimitError

        raise MemoryLimitError(f"integer of more than {MAX_BIGINT_BITS} bits")


def div2(a: Any, b: Any) -> Any:
    if b and _floats(a, b):
        return a / b
    a, b = _doubles(_num(a), _num(b))
    if type(a) is float or type(b) is float:
        if b == 0:
            if a == 0 or math.isnan(a):
                return math.nan
            return math.copysign(math.inf, a) * (math.copysign(1.0, b))
        return a / b
    if b == 0:
        raise ZeroDivisionError("Divide by zero")
    if type(a) is int and type(b) is int:
        # exact quotients skip Fraction, whose normalising gcd dominates (/ n 2) loops
        q, r = divmod(a, b)
        return q if not r else Fraction(a, b)
    return _norm(Fraction(a) / Fraction(b))


def neg(a: Any) -> Any:
    r = -_num(a)
    if type(a) is BigInt:
        return BigInt(r)
    return overflow() if r == -_LONG_MIN and type(a) is int else r


def plus(a: Any = 0, b: Any = 0, *more: Any) -> Any:
    r = add2(a, b)
    return reduce(add2, more, r) if more else r


def minus(a: Any, *more: Any) -> Any:
    if len(more) == 1:
        return sub2(a, more[0])
    if not more:
        return neg(a)
    return reduce(sub2, more, a)


def times(a: Any = 1, b: Any = 1, *more: Any) -> Any:
    r = mul2(a, b)
    return reduce(mul2, more, r) if more else r


def divide(a: Any, *more: Any) -> Any:
    if not more:
        return div2(1, a)
    return reduce(div2, more, a)


def inc(x: Any) -> Any:
    return x + 1 if type(x) is int and x != _LONG_MAX else add2(x, 1)


def dec(x: Any) -> Any:
    return x - 1 if type(x) is int and x != _LONG_MIN else sub2(x, 1)


def quot(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int and b:
        q = a // b
        # Python floors, Java truncates toward zero
        return q + 1 if q < 0 and q * b != a else q
    a, b = _num(a), _num(b)
    if b == 0:
        raise ZeroDivisionError("Divide by zero")
    if type(a) is float or type(b) is float:
        return float(_double_quotient(*_doubles(a, b)))
    q = abs(a) // abs(b)
    q = q if (a >= 0) == (b >= 0) else -q
    if type(a) is Fraction or type(b) is Fraction:
        return BigInt(q)  # Clojure's ratio quotient is a BigInteger: (quot 10/3 1) is 3N
    return _contagion(_norm(q), a, b)


def rem(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int and b:
        r = a % b
        # the remainder takes the dividend's sign in Java, the divisor's in Python
        return r - b if r and (a < 0) != (b < 0) else r
    a, b = _num(a), _num(b)
    if b == 0:
        raise ZeroDivisionError("Divide by zero")
    if type(a) is float or type(b) is float:
        # Numbers.remainder: n - (long)(n / d) * d, not the exact fmod
        x, y = _doubles(a, b)
        return x - _double_quotient(x, y) * y
    return _contagion(_norm(a - b * quot(a, b)), a, b)


def _double_quotient(x: float, y: float) -> int:
    q = x / y
    if math.isnan(q) or math.isinf(q):
        from kryon_lisp.classes import EXCEPTIONS

        raise EXCEPTIONS["NumberFormatException"]("Infinite or NaN")
    return math.trunc(q)


def mod(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int and b:
        return a % b
    a, b = _num(a), _num(b)
    if type(a) is float or type(b) is float:
        # clojure.core/mod: the remainder, moved to the divisor's sign
        m = rem(a, b)
        return m if m == 0 or (a > 0) == (b > 0) else add2(m, b)
    if b == 0:
        raise ZeroDivisionError("Divide by zero")
    return _contagion(_norm(a % b), a, b)


def _chain(op: Any) -> Any:
    def compare(a: Any, *more: Any) -> bool:
        _num(a)
        for b in more:
            if not op(a, _num(b)):
                return False
            a = b
        return True

    return compare


lt = _chain(lambda a, b: a < b)
gt = _chain(lambda a, b: a > b)
le = _chain(lambda a, b: a <= b)
ge = _chain(lambda a, b: a >= b)


def _num_eq2(a: Any, b: Any) -> bool:
    # a ratio meets a double as a double, as Clojure's Numbers.equiv does:
    # (== 0.1 1/10) is true though the double 0.1 is not exactly a tenth
    a, b = _doubles(a, b)
    return bool(a == b)


num_eq = _chain(_num_eq2)


def _nan(x: Any) -> bool:
    return type(x) is float and math.isnan(x)


def _max2(x: Any, y: Any) -> Any:
    # Clojure's Numbers.max: NaN wins, and of two equal numbers the second
    return x if x > y or _nan(x) else y


def _min2(x: Any, y: Any) -> Any:
    return x if x < y or _nan(x) else y


def max_(a: Any, *more: Any) -> Any:
    if len(more) == 1:
        b = more[0]
        ta, tb = type(a), type(b)
        if (ta is int or ta is float) and (tb is int or tb is float):
            return a if a > b or _nan(a) else b
    return reduce(lambda x, y: _max2(x, _num(y)), more, _num(a))


def min_(a: Any, *more: Any) -> Any:
    if len(more) == 1:
        b = more[0]
        ta, tb = type(a), type(b)
        if (ta is int or ta is float) and (tb is int or tb is float):
            return a if a < b or _nan(a) else b
    return reduce(lambda x, y: _min2(x, _num(y)), more, _num(a))


def abs_(x: Any) -> Any:
    return BigInt(abs(x)) if type(x) is BigInt else abs(_num(x))


def is_even(n: Any) -> bool:
    if type(n) is not int and type(n) is not BigInt:
        raise ValueError(f"Argument must be an integer: {str_of(n)}")
    return n % 2 == 0


def is_odd(n: Any) -> bool:
    return not is_even(n)


def is_zero(x: Any) -> bool:
    return bool(_num(x) == 0)


def is_pos(x: Any) -> bool:
    return bool(_num(x) > 0)


def is_neg(x: Any) -> bool:
    return bool(_num(x) < 0)


def is_number(x: Any) -> bool:
    return type(x) in NUMBER_TYPES


def is_integer(x: Any) -> bool:
    return type(x) is int or type(x) is BigInt


def is_fixed_integer(x: Any) -> bool:
    """``int?``: a long, not a BigInt."""
    return type(x) is int


def is_float(x: Any) -> bool:
    return type(x) is float


def is_ratio(x: Any) -> bool:
    return type(x) is Fraction


def is_rational(x: Any) -> bool:
    return type(x) in (int, Fraction, BigInt)


def to_int(x: Any) -> int:
    """The integer part of a number (a character's code), unbounded."""
    if type(x) is Char:
        return ord(x.ch)
    x = _num(x)
    if type(x) is float and (math.isnan(x) or math.isinf(x)):
        raise ValueError(f"Value out of range for long: {str_of(x)}")
    return int(x)


def _cast(kind: str, bits: int) -> Any:
    """``long`` and ``int``: as Java's casts in Clojure, a value outside the
    type's range is an error (``(long 1e30)``), not a bigger integer."""
    low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1

    def cast(x: Any) -> int:
        if type(x) is float and math.isnan(x):
            return 0  # Java's (long) NaN: no comparison with the range fails for it
        n = to_int(x)
        if not low <= n <= high and type(x) is not Fraction:
            raise ValueError(f"Value out of range for {kind}: {str_of(x)}")
        return n

    return cast


def to_biginteger(x: Any) -> int:
    """``biginteger``: numbers truncated, strings parsed (any length); a
    ``java.math.BigInteger`` prints without ``N``, so it stays a plain int."""
    if isinstance(x, str):
        from kryon_lisp.reader import parse_decimal

        text = x[1:] if x[:1] in "+-" else x
        if not text.isdigit():
            raise ValueError(f'For input string: "{x}"')
        if len(text) > MAX_BIGINT_DIGITS:
            # as the integer arithmetic makes (parsing it runs in C for seconds)
            from kryon_core import MemoryLimitError

            raise MemoryLimitError(f"integer of more than {MAX_BIGINT_BITS} bits")
        return -parse_decimal(text) if x[:1] == "-" else parse_decimal(text)
    return to_int(x)


def to_bigint(x: Any) -> BigInt:
    """``bigint``: as ``biginteger``, marked a Clojure BigInt."""
    return BigInt(to_biginteger(x))


def unsigned_shift_right(x: int, n: int) -> int:
    """Java's ``>>>`` on a long: the bits shifted as unsigned, read back signed."""
    r = (x & 0xFFFFFFFFFFFFFFFF) >> (n & 63)
    return r - (1 << 64) if r >= 1 << 63 else r


def to_double(x: Any) -> float:
    x = _num(x)
    return ratio_to_double(x) if type(x) is Fraction else float(x)


_FLOAT_MAX = 3.4028234663852886e38


def to_float(x: Any) -> float:
    """``(float x)``: a double holding the shortest decimal of ``x`` rounded to
    single precision, so it prints as Java's Float does (``(float 22/7)`` is
    ``3.142857``, ``(float 1/3)`` ``0.33333334``); Kryon Lisp has no Float
    class, so arithmetic on it is a double's."""
    d = to_double(x)
    if not math.isfinite(d):
        return d
    if abs(d) > _FLOAT_MAX:
        raise ValueError(f"Value out of range for float: {str_of(d)}")
    single: float = struct.unpack("f", struct.pack("f", d))[0]
    whole = java_whole_digits(single, 24)
    if whole is not None:
        return float(whole)
    for digits in range(1, 10):
        text = f"{single:.{digits}g}"
        if struct.unpack("f", struct.pack("f", float(text)))[0] == single:
            return float(text)
    return float(single)


def numerator(x: Any) -> int:
    return Fraction(x).numerator


def denominator(x: Any) -> int:
    return Fraction(x).denominator


def rationalize(x: Any) -> Any:
    if type(x) is not float:
        return _num(x)
    return _norm(Fraction(str(x)))


def bit_and(a: int, *more: int) -> int:
    return reduce(lambda x, y: x & y, more, a)


def bit_or(a: int, *more: int) -> int:
    return reduce(lambda x, y: x | y, more, a)


def bit_xor(a: int, *more: int) -> int:
    return reduce(lambda x, y: x ^ y, more, a)


def _wrap64(x: int) -> int:
    x &= (1 << 64) - 1
    return x - (1 << 64) if x >> 63 else x


def compare(a: Any, b: Any) -> int:
    """``compare``: -1, 0 or 1, nil first, collections by length then items."""
    ta = type(a)
    if ta is type(b) and (ta is int or ta is float):
        return -1 if a < b else (1 if a > b else 0)
    if a is None:
        return 0 if b is None else -1
    if b is None:
        return 1
    if type(a) is PVector and type(b) is PVector:
        limits.step()
        if len(a) != len(b):
            return -1 if len(a) < len(b) else 1
        for x, y in zip(a, b, strict=False):
            c = compare(x, y)
            if c:
                return c
        return 0
    if type(a) is str and type(b) is str:
        return _string_compare(a, b)
    if isinstance(a, (Keyword, Symbol)) and type(a) is type(b):
        # Symbol.compareTo: no namespace first, then namespace, then name
        if a.ns != b.ns:
            if a.ns is None or b.ns is None:
                return -1 if a.ns is None else 1
            return _string_compare(a.ns, b.ns)
        return _string_compare(a.name, b.name)
    if type(a) is Char and type(b) is Char:
        return _string_compare(a.ch, b.ch)  # Character.compareTo: the difference
    if type(a) is tuple:
        return int((a > b) - (a < b))
    lisp_compare = getattr(a, "lisp_compare", None)
    if lisp_compare is not None:  # a deftype implementing Comparable
        return int(lisp_compare(b))
    if is_number(a) != is_number(b) or (not is_number(a) and type(a) is not type(b)):
        # a's compareTo casts b to a's own class (a number's to Number)
        kind = "java.lang.Number" if is_number(a) else type_name(a)
        raise TypeError(f"{type_name(b)} cannot be cast to {kind}")
    return int((a > b) - (a < b))


def _string_compare(a: str, b: str) -> int:
    """Java's ``String.compareTo``: the difference of the first differing UTF-16
    code units, else of the lengths."""
    if a == b:
        return 0
    if a.isascii() and b.isascii():
        ua: Any = a.encode()
        ub: Any = b.encode()
    else:
        ua = memoryview(a.encode("utf-16-le", "surrogatepass")).cast("H")
        ub = memoryview(b.encode("utf-16-le", "surrogatepass")).cast("H")
    for x, y in zip(ua, ub, strict=False):
        if x != y:
            return int(x - y)
    return len(ua) - len(ub)


NUMERIC: dict[str, Any] = {
    "+": plus,
    "-": minus,
    "*": times,
    "/": divide,
    "inc": inc,
    "dec": dec,
    "+'": plus_promoting,
    "-'": minus_promoting,
    "*'": mul_promoting,
    "inc'": lambda x: _add_promoting(x, 1),
    "dec'": lambda x: _sub_promoting(x, 1),
    "quot": quot,
    "rem": rem,
    "mod": mod,
    "<": lt,
    ">": gt,
    "<=": le,
    ">=": ge,
    "==": num_eq,
    "max": max_,
    "min": min_,
    "abs": abs_,
    "even?": is_even,
    "odd?": is_odd,
    "zero?": is_zero,
    "pos?": is_pos,
    "neg?": is_neg,
    "number?": is_number,
    "integer?": is_integer,
    "int?": is_fixed_integer,
    "float?": is_float,
    "double?": is_float,
    "ratio?": is_ratio,
    "rational?": is_rational,
    "decimal?": lambda x: False,
    "int": _cast("int", 32),
    "long": _cast("long", 64),
    "short": _cast("short", 16),
    "byte": _cast("byte", 8),
    "double": to_double,
    "float": to_float,
    "num": _num,
    "numerator": numerator,
    "denominator": denominator,
    "rationalize": rationalize,
    "bit-and": bit_and,
    "bit-or": bit_or,
    "bit-xor": bit_xor,
    "bit-not": lambda x: ~x,
    "bit-shift-left": lambda x, n: _wrap64(x << (n & 63)),
    "bit-shift-right": lambda x, n: x >> (n & 63),
    "unsigned-bit-shift-right": unsigned_shift_right,
    "bigint": to_bigint,
    "biginteger": to_biginteger,
    "compare": compare,
    "NaN?": math.isnan,
    "infinite?": math.isinf,
    "nat-int?": lambda x: type(x) is int and x >= 0,
    "pos-int?": lambda x: type(x) is int and x > 0,
    "neg-int?": lambda x: type(x) is int and x < 0,
    "@add2": add2,
    "@div2": div2,
    "@sub2": sub2,
    "@mul2": mul2,
    "@overflow": overflow,
    "@wide": wide,
    "@neg": neg,
    "@even?": is_even,
    "@odd?": is_odd,
    "@quot": quot,
    "@rem": rem,
    "@mod": mod,
}

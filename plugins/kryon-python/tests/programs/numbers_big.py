from decimal import (
    Decimal,
    ROUND_HALF_EVEN,
    ROUND_DOWN,
    localcontext,
    InvalidOperation,
    DivisionByZero,
)
from fractions import Fraction
import math
import sys

print(2**200, -(2**127), (2**64) * (2**64) == 2**128)
print(math.factorial(30), math.comb(60, 30), 3**100 % (10**9 + 7), pow(7, 10**18, 1000000007))
n = 12345678901234567890123456789
print(n // 97, n % 97, divmod(-n, 97), -n // 97, abs(-n), n.bit_length(), hex(n), bin(255))
print(int("9" * 50) + 1, len(str(2**10000)), str(2**100)[::-1][:10])
print(sum(range(10**6)), sum(i * i for i in range(1000)), max(2**70, 3**45), min(-(2**70), 0))
print(int.from_bytes((2**70).to_bytes(9, "big"), "big"), (-1).to_bytes(2, "big", signed=True))
print(float(2**70), 2**70 == float(2**70), 2**53 + 1 == float(2**53 + 1), 10**400 > 1e308)
try:
    float(10**400)
except OverflowError as e:
    print("overflow:", e)
print(math.isqrt(10**40), math.gcd(2**100, 6**50), math.lcm(2**10, 3**5, 10))
print(
    Fraction(1, 3) + Fraction(2, 7),
    Fraction(10, 4),
    Fraction("3.1415"),
    Fraction(0.1).limit_denominator(100),
)
print(
    sum(Fraction(1, n) for n in range(1, 11)),
    Fraction(2, 3) ** -2,
    Fraction(-7, 3) // 1,
    Fraction(7, 2) % 1,
)
print(
    round(Fraction(5, 2)),
    round(Fraction(7, 2)),
    float(Fraction(1, 7)),
    Fraction(1, 3) < 0.34,
    Fraction(1, 2) == 0.5,
)
print(
    Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal("1.30") * 2, Decimal("10") / Decimal("4")
)
print(
    Decimal("2").sqrt(),
    Decimal("1").exp(),
    Decimal("100").log10(),
    Decimal("-0"),
    Decimal("1e3").normalize(),
)
print(
    Decimal("2.675").quantize(Decimal("0.01")),
    Decimal("2.665").quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN),
)
print(Decimal("7.999").quantize(Decimal("1"), rounding=ROUND_DOWN), Decimal("123.456").as_tuple())
with localcontext() as ctx:
    ctx.prec = 50
    print(Decimal(1) / Decimal(7))
    ctx.traps[DivisionByZero] = False
    print(Decimal(1) / Decimal(0))
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print("div by zero:", type(e).__name__)
try:
    Decimal("abc")
except InvalidOperation:
    print("invalid decimal")
print(sorted([Decimal("1.1"), 1, Fraction(1, 2), 0.75]), Decimal("1.5") == Fraction(3, 2))
print(
    math.floor(-0.5),
    math.ceil(-0.5),
    math.trunc(2.9),
    math.modf(3.25),
    math.frexp(8.0),
    math.ldexp(0.5, 4),
)
print(
    math.fsum([1e100, 1.0, -1e100]),
    sum([1e100, 1.0, -1e100]),
    math.nextafter(1.0, 2.0),
    math.ulp(1.0),
)
print(
    math.log(math.e),
    math.log10(1000),
    math.log(1024, 2),
    math.exp(1),
    math.sin(math.pi / 2),
    math.atan2(1, 1),
)
print(
    math.degrees(math.pi),
    math.radians(180),
    math.isfinite(1e308 * 10),
    math.isnan(float("nan")),
    math.inf > 10**1000,
)
print(
    sys.float_info.max,
    sys.float_info.epsilon,
    sys.maxsize,
    -sys.maxsize - 1,
    sys.int_info.bits_per_digit,
)
print(
    1e308 * 10,
    -1e308 * 10,
    (1e308 * 10) - (1e308 * 10),
    0.0 == -0.0,
    math.copysign(0.0, -1),
    1 / 3 * 3 == 1,
)
print(
    (0.1).hex(),
    float.fromhex("0x1.8p1"),
    (0.5).as_integer_ratio(),
    (3.0).is_integer(),
    (7).__index__(),
)
print(
    complex(3, 4), abs(complex(3, 4)), complex("1+2j") * complex(0, 1), (1j) ** 2, complex(1, -0.0)
)
print(
    bool(0),
    bool(0.0),
    bool(""),
    bool([]),
    bool(None),
    bool(Decimal(0)),
    bool(Fraction(0)),
    bool(-1),
)
print(True + True, True * 10, False - 1, int(True), 5 // True, sum([True, False, True]))
print(7 // 2, -7 // 2, 7 % -2, -7 % 2, 7.0 // 2, -7.0 % 2, divmod(7, -2), divmod(-7.5, 2))
print(1 << 100, (1 << 100) >> 98, -1 >> 10, ~5, 5 & 3, 5 | 3, 5 ^ 3, -(2**70) & 0xFFFF)
print(0b1010, 0o17, 0xFF, 1_000_000, 1e3, 1e-3, 0.5, 5.0, 0x_FF)

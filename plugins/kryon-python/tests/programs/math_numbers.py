import math
import fractions
import decimal
from fractions import Fraction
from decimal import Decimal, ROUND_HALF_UP, getcontext

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.isqrt(10**20 + 1), math.factorial(25), math.comb(50, 25), math.perm(10, 3))
print(math.gcd(462, 1071), math.lcm(4, 6, 10), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.log(100, 10), math.log2(1024), math.log10(0.001), math.exp(1), math.log1p(1e-10))
print(
    math.sin(math.pi / 6), math.cos(0), math.atan2(1, 1), math.degrees(math.pi), math.radians(180)
)
print(math.hypot(3, 4, 12), math.dist((0, 0), (3, 4)), math.fsum([0.1] * 10), sum([0.1] * 10))
print(
    math.isclose(0.1 + 0.2, 0.3),
    math.isnan(float("nan")),
    math.isinf(1e309),
    math.copysign(3, -0.0),
)
print(
    math.prod(range(1, 8)),
    math.modf(3.75),
    math.frexp(8.0),
    math.ldexp(0.5, 4),
    math.fmod(-7, 3),
    -7 % 3,
)
print(divmod(17, 5), divmod(-17, 5), 17 // -5, 2**-1, pow(3, 4, 5), pow(3, -1, 7), abs(-3 + 4j))
print(
    round(123.456, -1), round(123.456, 1), round(0.5), round(2.5), round(3.5), int(2.9), int(-2.9)
)
print(
    Fraction(3, 4) + Fraction(1, 6),
    Fraction("0.125"),
    Fraction(1.5),
    Fraction(10, 4).limit_denominator(3),
)
f = Fraction(22, 7)
print(f.numerator, f.denominator, float(f), f**2, f > 3, round(f, 2), Fraction(1, 3) * 3 == 1)
print(sum(Fraction(1, n) for n in range(1, 11)))
print(
    Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal("1.10") * 3, Decimal("10") / Decimal("4")
)
print(
    Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
    Decimal("2.675").quantize(Decimal("0.01")),
)
getcontext().prec = 50
print(Decimal(1) / Decimal(7))
print(Decimal(2).sqrt())
with decimal.localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3), Decimal("123456789") + 0)
print(Decimal("-0"), Decimal("1e3"), Decimal("1E+3").normalize(), Decimal("3.14159").as_tuple())
print(2**100, 3**50 % 1000007, (1 << 64) - 1, int("9" * 30) + 1, -(2**63), 10**18 // 7)
print(0.1 + 0.2, 1e300 * 1e10, float("-inf") + float("inf"), 7 / 2, 7 // 2, -7 // 2, 2**0.5)
print(
    (255).bit_length(),
    (10).to_bytes(2, "big"),
    int.from_bytes(b"\x01\x00", "little"),
    (-5).bit_count(),
)
print(
    bin(42),
    hex(2**40),
    oct(8),
    int("z", 36),
    float.fromhex("0x1.8p1"),
    (0.5).hex(),
    (3.0).is_integer(),
)
print(complex(1, 2) * complex(3, -1), (1 + 2j).conjugate(), (3 + 4j).real, 1j**2)
import statistics

vals = [2, 4, 4, 4, 5, 5, 7, 9]
print(
    statistics.mean(vals),
    statistics.median(vals),
    statistics.mode(vals),
    statistics.pstdev(vals),
    statistics.stdev(vals),
)
print(
    statistics.median_low([1, 3, 5, 7]),
    statistics.fmean([1, 2, 3.5]),
    statistics.quantiles(vals, n=4),
)

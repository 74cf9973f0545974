from decimal import Decimal
from fractions import Fraction
import datetime

values = [0, 1, -1, 42, 3.14159, -2.5, 1e-7, 1e21, 123456789.987654321, float("inf"), float("nan")]
for v in values:
    print(f"{v!r:>22} | {v:>12.4g} | {v:<+12.3e} | {v:^12.2%} |")
for n in [0, 7, 255, -255, 65535, 2**40]:
    print(
        f"{n:d} {n:5d} {n:<5d}| {n:05d} {n:+d} {n:x} {n:#X} {n:o} {n:#o} {n:b} {n:_b} {n:,} {n:_}"
    )
print(f"{'left':<10}|{'right':>10}|{'center':^10}|{'fill':*^10}|{'x':->5}|{'y':#<5}|")
print(f"{3.14159:.0f} {2.5:.0f} {3.5:.0f} {-2.5:.0f} {0.125:.2f} {0.375:.2f} {1.005:.2f}")
print(f"{1234567.891:,.2f} {1234567.891:_.1f} {0.000123:.2e} {123:.2e} {1e100:.3g} {1e-100:g}")
print(f"{12.0:g} {12.5:g} {1e16:g} {1e15:g} {123456789:g} {0.0001:g} {0.00001:g}")
print(f"{12:n} {1e6:n} {True} {True:d} {None!s} {None!r} {'é'!a}")
print(f"{Decimal('1.2345'):.2f} {Decimal('1e10'):,} {Fraction(3, 4)} {float(Fraction(1, 3)):.5f}")
print(
    f"{datetime.date(2024, 7, 4):%Y/%m/%d %a %b %j} {datetime.datetime(2020, 1, 2, 3, 4, 5):%H:%M:%S %p}"
)
print(f"{datetime.time(14, 5):%I:%M %p} {datetime.timedelta(hours=25, minutes=3)}")
width, prec = 12, 3
print(f"[{3.14159265:{width}.{prec}f}] [{'abc':{'>'}{width}}] [{42:{'0'}{width}d}]")
print(
    "{0} {1} {0}".format("a", "b"), "{name}-{age:03}".format(name="x", age=7), "{:>8}".format("r")
)
print(
    "{0[0]} {0[1]} {1[k]}".format([1, 2], {"k": "v"}),
    "{.real}".format(3 + 4j),
    "{!r:>6}".format("q"),
)
print(
    "%s|%r|%a|%d|%i|%5.1f|%-6s|%06.2f|%x|%X|%o|%e|%g|%c|%%"
    % ("s", "r", "é", 3, 4, 2.25, "ab", 3.14159, 255, 255, 8, 12345.678, 0.0001, 65)
)
print("%(a)s and %(b)05.1f" % {"a": "A", "b": 2.345}, "%*d|%-*d|" % (5, 1, 4, 2), "%.3s" % "abcdef")
print(
    format(1234.5678, ",.2f"),
    format(0.5, "%"),
    format(-0.0, "f"),
    format(-0.0),
    format(10, "#b"),
    format("s", "^5"),
)
print(
    str(1 / 3),
    repr(1 / 3),
    str(2 / 3),
    0.1 + 0.7,
    1.1 * 3,
    1e16 + 1,
    9007199254740993,
    float(9007199254740993),
)
print(
    round(2.675, 2),
    round(0.5),
    round(-1.5),
    round(123.456, -1),
    round(5, -1),
    round(15, -1),
    round(25, -1),
)
print(int(1e20), int(-1e20), int("-0"), float("-0"), 10**20 / 3, 10**20 // 3, 7 / 7, 2**0.5)
print(
    str(b"bytes\x00\xff"),
    bytes([65, 66]),
    bytearray(b"x"),
    b"%d-%s" % (5, b"z"),
    "caf\u00e9".encode("utf-8"),
)
print("tab\there", repr("tab\there"), "new\\nline", repr("quote'\""), "\u2603", len("\U0001f600"))
table = [("Alice", 30, 1234.5), ("Bob", 4, 0.25), ("Christina", 102, 99999.999)]
print(f"{'Name':<10}{'Age':>5}{'Balance':>12}")
for name, age, bal in table:
    print(f"{name:<10}{age:>5}{bal:>12,.2f}")
print("=" * 27)
print(f"{sum(b for *_, b in table):>27,.2f}")

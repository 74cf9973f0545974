from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from string import Template
import enum

values = [0, 1, -1, 3.14159, -2.5, 1e-7, 123456789.987, float("inf"), float("nan"), 2**70, True]
for v in values:
    print(f"{v!r:>22} |{v:>12}|{float(v):<10.3}|{v:^+12.2e}|{v:,.2f}|{v:g}")
for spec in [
    "",
    "5",
    "<5",
    "^7",
    "05",
    "+",
    " ",
    "x",
    "#x",
    "#o",
    "#b",
    "c",
    "n",
    "08.3f",
    "_",
    ",",
    "=+8",
]:
    try:
        print(repr(spec), repr(format(42, spec)), repr(format(-42, spec)) if spec != "c" else "")
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for spec in ["s", ">10s", ".2s", "^9", "x<6"]:
    print(repr(format("abc", spec)))
try:
    format("abc", "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
print(
    f"{Decimal('1.2345'):.2f} {Decimal('-0.000'):f} {Decimal('1e10'):,} {Fraction(1, 3)!s:>6} {Decimal('2.5'):.0f} {Decimal('3.5'):.0f}"
)
d = date(2024, 7, 4)
dt = datetime(2024, 7, 4, 15, 5, 9, 1234)
print(
    f"{d:%d.%m.%Y} {dt:%H:%M:%S.%f} {dt:%a %b %-d}"
    if False
    else f"{d:%d.%m.%Y} {dt:%H:%M:%S.%f} {dt:%a %b %d %j %U %p %I}"
)
print(
    f"{dt.isoformat(timespec='seconds')} {str(timedelta(days=-1, seconds=5))} {timedelta(seconds=90061.5)} {d.isoformat()!r}"
)
print(
    "%5d|%-5d|%05d|%+d|%x|%X|%#o|%e|%E|%g|%G|%%|%c|%r|%a"
    % (42, 42, 42, 42, 255, 255, 8, 12345.678, 0.00001234, 1e-10, 1e20, 65, "é", "é")
)
print(
    "%(name)s is %(age)03d years" % {"name": "Ann", "age": 7},
    "%s" % (1,),
    "%s %s" % ("a", [1]),
    "%.2f%%" % 99.555,
)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
print(
    "{0:{1}.{2}f}".format(3.14159, 10, 3),
    "{:{fill}^{w}}".format("mid", fill="*", w=9),
    "{!r:>8}".format("q"),
)
print("{a[0]}-{b.real}".format(a=[5], b=3), "{0}{1}{0}".format("ab", "-"), "{{}} {}".format("x"))
print("{name} {n:03}".format_map({"name": "map", "n": 7}))


class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"


print("{known} {unknown}".format_map(Default(known="yes")))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
print(Template("$a and ${b}s cost $$5").substitute(a="x", b="y"))
try:
    Template("$missing").substitute()
except KeyError as e:
    print("KeyError:", e)
width, prec = 12, 4
print(f"[{3.14159265:{width}.{prec}f}] [{'left':<{width}}] [{42:#0{width}b}]")
print(f"{'a' + 'b'!r} {[1, 2]!s} {dict(x=1)} {(1,)} {None!r} {...}")
print(f"{1_000_000:_} {0.1 + 0.2:.17f} {1 / 3:.0%} {-0.0:+.1f} {5:=+6} {1e300 * 1e10:f}")


class Level(enum.IntFlag):
    R = 4
    W = 2
    X = 1


perm = Level.R | Level.W
print(
    perm,
    repr(perm),
    Level.R in perm,
    Level.X in perm,
    int(perm),
    list(Level),
    f"{Level.W}",
    format(Level.X, "03d"),
)


class Col(enum.Enum):
    RED = "r"


print(f"{Col.RED}", str(Col.RED), repr(Col.RED), f"{Col.RED.value:>3}", Col.RED.name.lower())
print(
    str(1.0),
    str(1e16),
    str(1.5e-5),
    repr(0.1),
    str(-0.0),
    str(1e22),
    str(123456789012345678.0),
    str(0.000123),
)
print(
    round(1e16 + 1.0),
    1e16 + 1.0 == 1e16,
    2**53 + 1.0,
    float("1_0.5"),
    float(".5"),
    float("5."),
    float("-iNF"),
)
print(
    "{:.3}".format("truncate"),
    "{:>{}}".format("x", 4),
    "{:+.2%}".format(-0.12345),
    "{:e}".format(0),
    "{:.0e}".format(15000),
)
print(
    str(b"bytes"),
    repr(bytearray(b"x")),
    f"{b'x'!r}",
    "%s" % b"y",
    "%r" % b"z",
    format(b"w".hex(), ">4"),
)

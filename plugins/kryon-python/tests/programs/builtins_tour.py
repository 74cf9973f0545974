import sys
import warnings

print(
    2**100,
    -(2**64) // 3,
    (2**64) % -7,
    divmod(-7, 2),
    divmod(7, -2),
    -7 // 2,
    -7 % 2,
    7.5 // 2,
    -7.5 % 2,
)
print(
    int("1_000"),
    int("0x1f", 16),
    int("0b101", 0),
    int(" 42 "),
    int(-3.9),
    float("1e-3"),
    float("  -inf"),
    10**20 / 3,
    1 / 3,
)
print(
    0.1 + 0.2,
    1e16,
    1e15,
    1.0,
    100.0,
    1e-4,
    1e-5,
    123456789.123456789,
    float(2**53 + 1),
    2.5e-300 * 1e-300,
    -0.0,
)
print(
    repr(1.1),
    str(1.10),
    3.0 * 1.1,
    2**-1,
    2**0.5,
    (-8) ** (1 / 3),
    pow(2, 100, 97),
    pow(3, -1, 7),
    abs(-(2**63)),
)
print(
    f"{12345.6789:,.2f} {0.5:.0%} {1e6:.3g} {-1:+} {42:#o} {255:#06x} {3.0:g} {1234567890:e} {'x':>3} {5:b}"
)
print(f"{'nested':{'>'}{10}}|{3.14159:.{2}f}|{7!r:>4}|{'a'!a}|{'é'!a}|{None}|{True:d}|{b'x'}")
print(f"{1e300 * 10} {float('nan')} {-float('inf'):5} {1 / 7:.20f} {2**0.5!s:.5}")
x = 5
print(f"{x=}, {x * 2 = }, {x!r:>5}", f"{{literal}}", f"{'quote'}")
print(
    "%s %r %d %5.2f %-5s| %x %o %e %%" % ("s", "r", 42, 3.14159, "l", 255, 8, 1234.5),
    "%(a)s-%(b)03d" % {"a": 1, "b": 2},
)
print(
    "%c%c" % (72, "i"),
    "%.3s" % "abcdef",
    "%+.1e" % -0.000123,
    "%5s|%-5s|" % (None, True),
    "%i" % 3.9,
)
print(
    str(10**50),
    len(str(2**10000)),
    hex(2**70),
    bin(-5),
    oct(64),
    (255).to_bytes(2, "big"),
    int.from_bytes(b"\x01\x00", "little"),
)
print(
    (2**64).bit_length(),
    (-1).bit_count() if hasattr(int, "bit_count") else "",
    (10).as_integer_ratio(),
    (0.75).as_integer_ratio(),
    (3.5).is_integer(),
)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
try:
    str(10**5000)
except ValueError as e:
    print("ValueError:", e)
print(sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 4300)
print(
    round(0.5),
    round(1.5),
    round(2.675, 2),
    round(-2.5),
    round(10**20 + 0.5),
    int(1e20),
    float(10**308 * 10 if False else 1e308),
)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
print(
    sys.maxsize,
    sys.version_info[:1],
    sys.argv,
    sys.platform == "linux",
    sys.byteorder,
    type(sys.float_info.epsilon),
)
sys.stdout.write("direct write\n")
print(*[1, 2, 3], sep="-", end="!\n")
print("no flush", flush=True)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("careful", UserWarning)
    print(len(w), w[0].category.__name__, str(w[0].message))
s = "Hello, World"
print(
    s.casefold(),
    s.swapcase(),
    s.title(),
    s.center(20, "*"),
    s.ljust(15, "."),
    s.rjust(15),
    s.zfill(15),
    "-12".zfill(5),
)
print(
    s.partition(", "),
    s.rpartition("o"),
    s.split(", "),
    "a  b ".split(),
    "a,b,,c".split(",", 2),
    s.rsplit("o", 1),
    "x\ny\r\nz".splitlines(True),
)
print(
    s.find("o"),
    s.rfind("o"),
    s.index("W"),
    s.count("l"),
    s.startswith(("He", "x")),
    s.endswith("ld"),
    s.replace("l", "L", 2),
    s.strip("Hd"),
    "  x ".lstrip(),
)
print(
    "abc".isalpha(),
    "12".isdigit(),
    "½".isnumeric(),
    "x1".isidentifier(),
    " ".isspace(),
    "Ab".istitle(),
    "AB".isupper(),
    "ab1".isalnum(),
    "".isdigit(),
    "²".isdecimal(),
)
print(
    "-".join(["a", "b"]),
    "tab\tsep".expandtabs(4),
    "%",
    "ß".upper(),
    "İ".lower(),
    len("İ".lower()),
    "ﬁ".upper(),
    "a".encode(),
    "é".encode("utf-8"),
    b"\xc3\xa9".decode(),
    "é".encode("latin-1"),
)
print(
    "str.maketrans",
    "hello".translate(str.maketrans("el", "ip")),
    "hello".translate({ord("l"): None}),
    "abc".removeprefix("a"),
    "abc".removesuffix("c"),
)
print(
    repr("it's"),
    repr('say "hi"'),
    repr("both ' and \""),
    repr("\x00\t\u200b\U0001f600"),
    ascii("é😀"),
    repr(b"\x00a'"),
    "😀"[0],
    len("😀"),
    "😀".encode("utf-16-le"),
)
print(
    sorted("bAcD"),
    sorted("bAcD", key=str.lower),
    sorted([3, 1, 2], reverse=True),
    max("abc", key=ord),
    min([], default="empty"),
    sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]),
)
data = {"z": 1, "a": 2}
data["m"] = 3
del data["z"]
data["z"] = 4
print(
    data,
    list(data),
    data | {"q": 0},
    {**data, "a": 9},
    dict.fromkeys("ab", []),
    data.setdefault("n", 5),
    data.pop("a"),
    data.popitem(),
    data.get("x", "dflt"),
)
print(
    {1, 2, 3} & {2, 3, 4},
    {1, 2} | {3},
    {1, 2, 3} - {2},
    {1, 2} ^ {2, 3},
    {1} <= {1, 2},
    frozenset("aba") == frozenset("ab"),
    sorted({"b", "a", "c"}),
)
print(
    list(zip("abc", range(5))),
    list(enumerate("ab", start=1)),
    list(map(pow, [2, 3], [3, 2])),
    list(filter(None, [0, 1, None, 2])),
    list(reversed(range(3))),
    any([]),
    all([]),
)
print(
    [i * j for i in range(1, 4) for j in range(i)],
    {k: v for k, v in zip("ab", "xy")},
    {c for c in "hello"} == set("helo"),
    list((x for x in range(3))),
    [*range(3), *"ab"],
)
print(
    slice(1, 5, 2),
    "abcdefg"[::-2],
    "abcdefg"[-3:],
    [1, 2, 3][10:],
    list(range(10))[slice(2, 8, 3)],
    (1, 2) + (3,),
    [[0] * 2] * 2,
    "ab" * 3,
    [1, 2] < [1, 3],
    (1, "a") < (1, "b"),
)
print(
    isinstance(True, int),
    True + True,
    bool("False"),
    None is None,
    1 == 1.0,
    hash(1) == hash(1.0),
    0.1 * 3 == 0.3,
    type(1 + 1.0).__name__,
    int is type(5),
    chr(8364),
    ord("€"),
)
print(
    id(1) == id(1),
    callable(len),
    len(range(0, 100, 7)),
    range(5)[-1],
    5 in range(10),
    range(0, 10, 3),
    sum(range(101)),
    sum([[1], [2]], []),
    max(3, 1, 2),
    min("b", "a"),
)
print(
    bytes(3),
    bytearray(b"ab") + b"c",
    b"abc"[1],
    b"abc".hex(),
    bytes.fromhex("ff 00"),
    memoryview(b"xy")[0],
    b"a,b".split(b","),
    b"%d" % 5,
)
print(complex(1, 2) * 1j, abs(3 + 4j), (1 + 2j).conjugate(), complex("1+2j"), 1j**2)
print(list(globals()))
print(__doc__, __annotations__, __cached__, __package__)
x: int = 1
print(__annotations__)

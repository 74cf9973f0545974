import asyncio


def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("sent", x)
    return "gen done"


g = gen(3)
print(next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)


def delegator():
    r = yield from gen(2)
    yield r


print(list(delegator()))


def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


c = closer()
next(c)
c.close()


def thrower():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"


t = thrower()
next(t)
print(t.throw(ValueError("boom")))
print(
    [x * x for x in range(10) if x % 2],
    {x % 3 for x in range(10)},
    {k: v for k, v in zip("abc", range(3))},
)
print(list((i, j) for i in range(3) for j in range(i)), sum(x for x in range(101)))
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested, [y for row in nested for y in row])
name, val, pi = "widget", 42, 3.14159265
print(
    f"{name!r:>10}|{val:08b}|{val:#x}|{val:,}|{pi:.3f}|{pi:10.2e}|{val:^9}|{name:*<10}|{-val:+}|{1e6:g}"
)
print(f"{1234567.891:,.2f} {0.25:.1%} {val=} {name.upper()=} {'nested ' + f'{val}'} {{braces}}")
print(
    f"{3.0:.0f} {2.5:.0f} {-0.0} {1e16} {1e-5} {1.5e300 * 1e10} {float('nan')} {12345678901234567890}"
)
print(
    "%s %d %05.1f %x %r %%" % ("s", 42, 3.14159, 255, "q"), "{} {:>5} {name}".format(1, 2, name="n")
)
print(
    format(255, "x"),
    format(3.5, "e"),
    format(10**20, ","),
    format(0.1, ".20f"),
    format(1 / 3, ".17g"),
)
print(1, 2, 3, sep="-", end="!\n")
print("a", "b", sep="")
print("no newline", end="")
print()
print(*[1, 2, 3], sep=", ")
print(2**100, 2**64 - 1, -(10**30) // 7, 10**30 % 7, divmod(-7, 2), pow(3, 100, 7), pow(2, -1, 7))
print(
    int("ff", 16),
    int("0b101", 0),
    hex(255),
    oct(8),
    bin(10),
    int("1_000"),
    float("1e-3"),
    (255).to_bytes(2, "big"),
)
print(
    int.from_bytes(b"\x01\x00", "little"),
    (12345).bit_length(),
    abs(-5),
    7 // -2,
    -7 % 3,
    7.5 // 2,
    2**-1,
    10 / 4,
)
print(
    0.1 + 0.2,
    1e22,
    1e21,
    123456789.123456789,
    1 / 3,
    2 / 3,
    100.0,
    1e100,
    float("inf"),
    -float("inf"),
    round(1.23456, 3),
)
s = "  Hello, World!  "
print(
    s.strip(),
    s.lstrip(),
    s.rstrip() + "|",
    s.lower(),
    s.upper(),
    s.title(),
    s.swapcase(),
    s.strip().casefold(),
)
print(
    "a,b,,c".split(","),
    "a b  c".split(),
    "a,b,c".rsplit(",", 1),
    "line1\nline2\r\nline3".splitlines(),
    "x".join("abc"),
)
print(
    "hello".find("l"),
    "hello".rfind("l"),
    "hello".index("e"),
    "hello".count("l"),
    "hello".replace("l", "L", 1),
)
print(
    "hello".startswith(("he", "x")),
    "hello".endswith("lo"),
    "abc".isalpha(),
    "123".isdigit(),
    " ".isspace(),
    "Ab".istitle(),
)
print(
    "hi".center(10, "*"),
    "hi".ljust(5) + "|",
    "hi".rjust(5),
    "42".zfill(5),
    "-42".zfill(5),
    "a\tb".expandtabs(4),
)
print(
    "hello world".partition(" "),
    "a.b.c".rpartition("."),
    "abc"[::-1],
    "abcdef"[1:5:2],
    "ü".encode(),
    b"abc".decode(),
)
print(
    "ß".upper(),
    "İ".lower(),
    len("İ".lower()),
    "straße".casefold(),
    ord("€"),
    chr(128512),
    "\N{GREEK SMALL LETTER ALPHA}",
)
print(
    repr("it's"),
    repr('say "hi"'),
    repr("both ' \""),
    repr("\x00\n\t\\"),
    ascii("é"),
    str(b"\xff"),
    repr(b"a'b"),
)
print("{:>{w}}".format("x", w=4), "%-5s|" % "ab", "%c" % 65, "%.2s" % "abc", "%+.1e" % 12345)


def classify(obj):
    match obj:
        case 0 | 1:
            return "small int"
        case int(n) if n < 0:
            return f"negative {n}"
        case [x, y]:
            return f"pair {x},{y}"
        case [x, *rest]:
            return f"list head {x} rest {rest}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case str() as s:
            return f"string {s}"
        case (1, 2, 3):
            return "tuple123"
        case _:
            return "other"


for o in [0, -5, [1, 2], [1, 2, 3], {"type": "circle", "r": 2, "extra": 1}, "x", 3.5, (1, 2, 3)]:
    print(classify(o))

from dataclasses import dataclass


@dataclass
class P:
    x: int
    y: int


def where(p):
    match p:
        case P(x=0, y=0):
            return "origin"
        case P(x=0):
            return "y-axis"
        case P(x, y) if x == y:
            return "diag"
        case _:
            return "somewhere"


print([where(P(*a)) for a in [(0, 0), (0, 5), (3, 3), (1, 2)]])
data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print(f"long list {n}")
print([y for x in data if (y := x * 2) > 10])
while (item := data.pop()) != 12:
    print("popped", item)
a, *b, c = range(6)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z, *"ab", *{"k": 1})
print({**{"a": 1}, "b": 2, **{"a": 3}}, [*range(3), *"xy"])
print(
    sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: (t[1], t[0])),
    sorted("Banana", key=str.lower),
)
print(
    sorted([3, 1, 2], reverse=True),
    max("abc", key=ord),
    min([], default=None),
    list(reversed([1, 2, 3])),
)
print(
    list(enumerate("ab", 1)),
    list(zip([1, 2], "ab", strict=True)),
    list(map(str.upper, "ab")),
    list(filter(None, [0, 1, "", "a"])),
)
print(
    any([]),
    all([]),
    isinstance(True, int),
    type(True) is bool,
    True + True,
    bool("False"),
    None is None,
)
print(
    id(1) == id(1),
    hash(1) == hash(1.0),
    1 == 1.0,
    (1, 2) < (1, 3),
    [1, 2] == [1, 2],
    {1, 2} <= {1, 2, 3},
)


def deco(fn):
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__} with {args} {kwargs}")
        return fn(*args, **kwargs)

    return wrapper


@deco
def add(a, b=2, *rest, key=None, **kw):
    return a + b + sum(rest)


print(add(1), add(1, 2, 3, 4, key=1, extra=2))


def kwonly(a, /, b, *, c):
    return a, b, c


print(kwonly(1, b=2, c=3))
try:
    kwonly(a=1, b=2, c=3)
except TypeError as e:
    print(e)
counter = 0


def outer():
    x = 0

    def inner():
        nonlocal x
        global counter
        x += 1
        counter += 10
        return x

    return inner


f = outer()
f()
print(f(), counter)


async def work(n, d):
    await asyncio.sleep(d)
    return n * 2


async def main():
    results = await asyncio.gather(work(1, 0.01), work(2, 0.0), work(3, 0.005))
    print(results)

    async def agen():
        for i in range(3):
            yield i

    print([i async for i in agen()])
    task = asyncio.create_task(work(5, 0))
    print(await task)
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError:
        print("timeout")


asyncio.run(main())
try:
    raise ValueError("x")
except (TypeError, ValueError) as e:
    print("caught", repr(e))
else:
    print("no")
finally:
    print("finally")


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return True


with Ctx() as cx:
    raise KeyError("suppressed")
print("after with")
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrap") from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__context__ is e.__cause__)
e = ValueError("a")
e.add_note("note1")
print(e.__notes__)
try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print("vals", eg.exceptions)
except* TypeError as eg:
    print("types", eg.exceptions)
print(int("12345678901234567890") * 3, 2**1000 % 1000007, len(str(3**5000)))
print(globals().get("__name__"), __name__)

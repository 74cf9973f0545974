from dataclasses import dataclass


@dataclass
class Circle:
    r: float


@dataclass
class Rect:
    w: float
    h: float


@dataclass
class Tri:
    a: float
    b: float
    c: float


def area(shape):
    match shape:
        case Circle(r=0) | Rect(w=0) | Rect(h=0):
            return 0.0
        case Circle(r):
            return round(3.14159 * r * r, 3)
        case Rect(w, h) if w == h:
            return f"square {w * h}"
        case Rect(w, h):
            return w * h
        case Tri(a, b, c):
            s = (a + b + c) / 2
            return round((s * (s - a) * (s - b) * (s - c)) ** 0.5, 3)
        case _:
            raise TypeError(f"unknown shape {shape!r}")


for s in [Circle(1), Circle(0), Rect(2, 3), Rect(4, 4), Rect(0, 9), Tri(3, 4, 5)]:
    print(s, "->", area(s))


def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["take", item, *rest] if rest:
            return f"taking {item} and {len(rest)} more: {rest}"
        case ["take", item]:
            return f"taking {item}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case [verb, *_]:
            return f"unknown verb {verb!r}"


for c in ["go north", "go up", "take lamp", "take a b c", "exit", "", "dance wildly"]:
    print(repr(c), "->", command(c))


def describe(value):
    match value:
        case None:
            return "none"
        case True | False as b:
            return f"bool {b}"
        case int(n) if n < 0:
            return "negative int"
        case int() | float() as num:
            return f"number {num}"
        case str() as s if not s:
            return "empty string"
        case str(s):
            return f"string of {len(s)}"
        case {"type": "point", "x": x, "y": y, **rest}:
            return f"point {x},{y} extra={rest}"
        case {"type": kind}:
            return f"mapping of {kind}"
        case (x, y):
            return f"pair {x} {y}"
        case [x, y, *others]:
            return f"seq starting {x},{y} with {len(others)} more"
        case _:
            return f"other {type(value).__name__}"


for v in [
    None,
    True,
    -5,
    7,
    2.5,
    "",
    "abc",
    {"type": "point", "x": 1, "y": 2, "z": 3},
    {"type": "line"},
    (1, 2),
    [1, 2, 3, 4],
    {1, 2},
    b"x",
]:
    print(describe(v))

from dataclasses import dataclass


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Circle:
    center: Point
    r: float


@dataclass
class Rect:
    corner: Point
    w: float
    h: float


def describe(shape):
    match shape:
        case Circle(Point(0, 0), r):
            return f"circle at origin r={r}"
        case Circle(center=Point(x, y), r=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle():
            return "some circle"
        case Rect(w=w, h=h) if w == h:
            return f"square {w}"
        case Rect(Point(x, _), w, _):
            return f"rect from x={x} width {w}"
        case [Point() as p, *rest]:
            return f"points starting {p} and {len(rest)} more"
        case {"type": "label", "text": str(text), **extra}:
            return f"label {text!r} extra={sorted(extra)}"
        case {"type": kind}:
            return f"unknown kind {kind}"
        case int(n) | float(n) if n < 0:
            return "negative number"
        case 0 | 1 | 2:
            return "small"
        case str() as s if s.isdigit():
            return f"digit string {s}"
        case (a, b):
            return f"pair {a}/{b}"
        case None:
            return "none"
        case _:
            return f"other {type(shape).__name__}"


items = [
    Circle(Point(0, 0), 2),
    Circle(Point(1, 2), 20),
    Circle(Point(1, 2), 3),
    Rect(Point(0, 0), 4, 4),
    Rect(Point(5, 1), 2, 9),
    [Point(1, 1), Point(2, 2), Point(3, 3)],
    {"type": "label", "text": "hi", "color": "red", "size": 3},
    {"type": "blob"},
    -5,
    -2.5,
    1,
    "123",
    ("a", "b"),
    ["x", "y"],
    None,
    3.5,
    "word",
]
for item in items:
    print(describe(item))


def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["take", *objs] if objs:
            return f"taking {', '.join(objs)}"
        case ["drop", obj]:
            return f"dropping {obj}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case [verb, *_]:
            return f"unknown verb {verb!r}"


for c in ["go north", "go up", "take sword shield", "take", "drop key", "quit", "", "dance wildly"]:
    print(f"{c!r:22} -> {command(c)}")
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


def color_name(c):
    match c:
        case Color.RED:
            return "red!"
        case Color.GREEN:
            return "green!"


print(color_name(Color.RED), color_name(Color.GREEN), color_name(3))
match {"a": 1, "b": [1, 2, {"c": True}]}:
    case {"b": [_, _, {"c": True as flag}]}:
        print("deep match", flag)
x = 5
match x:
    case y if y > 3:
        print("guard bound", y)
print((n := 10) * 2, n)
data = [1, 2, 3, 4, 5, 6]
if (mid := len(data) // 2) > 2:
    print("mid", mid, data[:mid])
print([y for x in range(5) if (y := x * x) % 2 == 0])

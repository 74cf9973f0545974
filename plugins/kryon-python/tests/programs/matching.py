from dataclasses import dataclass
from enum import Enum


class Op(Enum):
    ADD = "+"
    MUL = "*"


@dataclass
class Num:
    value: int


@dataclass
class BinOp:
    op: Op
    left: object
    right: object


@dataclass
class Neg:
    operand: object


def evaluate(node):
    match node:
        case Num(value=v):
            return v
        case BinOp(op=Op.ADD, left=l, right=r):
            return evaluate(l) + evaluate(r)
        case BinOp(Op.MUL, l, r):
            return evaluate(l) * evaluate(r)
        case Neg(Num(0)):
            return 0
        case Neg(x):
            return -evaluate(x)
        case _:
            raise ValueError(f"bad node {node!r}")


Num.__match_args__ = ("value",)
BinOp.__match_args__ = ("op", "left", "right")
Neg.__match_args__ = ("operand",)
tree = BinOp(Op.ADD, Num(2), BinOp(Op.MUL, Num(3), Neg(Num(4))))
print(evaluate(tree), evaluate(Neg(Num(0))))
try:
    evaluate("x")
except ValueError as e:
    print(e)


def command(text):
    match text.split():
        case []:
            return "empty"
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", other]:
            return f"can't go {other}"
        case ["take", *items] if items:
            return f"taking {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb!r}"


for t in ["", "go north", "go up", "take sword shield", "take", "exit", "dance wildly"]:
    print(repr(t), "->", command(t))


def describe(value):
    match value:
        case None:
            return "none"
        case True | False as b:
            return f"bool {b}"
        case int(n) if n > 100:
            return "big int"
        case int() | float() as n:
            return f"number {n}"
        case str() as s if s.isdigit():
            return "digit string"
        case str(s):
            return f"string of {len(s)}"
        case {"id": int(ident), **rest}:
            return f"record {ident} +{sorted(rest)}"
        case {"type": kind}:
            return f"typed {kind}"
        case (x, y, *more):
            return f"seq starting {x},{y} with {len(more)} more"
        case _:
            return f"other {type(value).__name__}"


for v in [
    None,
    True,
    500,
    3,
    2.5,
    "42",
    "hey",
    {"id": 7, "a": 1, "b": 2},
    {"type": "t"},
    (1, 2, 3, 4),
    [5, 6],
    {1},
]:
    print(describe(v))
point = (3, 0)
match point:
    case (0, 0):
        print("origin")
    case (x, 0):
        print(f"on x axis at {x}")
    case _:
        print("elsewhere")
status = 404
match status:
    case 200 | 201:
        print("ok")
    case 400 | 404 as code if code != 400:
        print("not found", code)
match {"k": [1, {"deep": "yes"}]}:
    case {"k": [_, {"deep": str() as deep}]}:
        print("deep", deep)

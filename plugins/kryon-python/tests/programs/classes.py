from dataclasses import dataclass, field, asdict, astuple, replace
from enum import Enum, IntEnum, Flag, auto
from functools import total_ordering, cached_property
from typing import NamedTuple
import abc


@dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False)

    def dist2(self):
        return self.x**2 + self.y**2


@dataclass(frozen=True)
class Frozen:
    name: str
    value: float = 1.5


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


class Level(IntEnum):
    LOW = 10
    HIGH = 20


class Pair(NamedTuple):
    a: int
    b: str = "x"


@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return f"Version({'.'.join(map(str, self.parts))!r})"


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Circle(Shape):
    def __init__(self, r):
        self._r = r

    @property
    def r(self):
        return self._r

    @r.setter
    def r(self, v):
        if v < 0:
            raise ValueError("negative radius")
        self._r = v

    def area(self):
        return 3.14159 * self._r**2

    @cached_property
    def heavy(self):
        print("computing heavy")
        return self._r * 100

    @classmethod
    def unit(cls):
        return cls(1)

    @staticmethod
    def helper(x):
        return x * 2

    def __repr__(self):
        return f"Circle(r={self._r})"


class Square(Shape):
    __slots__ = ("side",)

    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side**2


p = Point(3, 4, ["a"])
print(p, p.dist2(), asdict(p), astuple(p))
print(Point(1) < Point(2), Point(1, 2) == Point(1, 2, ["z"]), replace(p, y=10))
f = Frozen("n")
print(f, hash(f) == hash(Frozen("n")))
try:
    f.name = "m"
except Exception as e:
    print(type(e).__name__, e)
print(Color.RED, Color(2), Color["BLUE"], Color.RED.name, Color.RED.value, list(Color))
print(repr(Color.GREEN), Color.RED is Color(1), len(Color))
print(Perm.R | Perm.W, Perm.R in (Perm.R | Perm.X), repr(Perm.R | Perm.X))
print(Level.LOW < Level.HIGH, Level.HIGH + 1, int(Level.LOW), Level(20))
pr = Pair(1)
print(pr, pr._asdict(), pr._replace(b="y"), pr.a, pr[1])
vs = sorted([Version("1.10.0"), Version("1.2.3"), Version("1.2")])
print(vs, Version("1.0") >= Version("0.9"), max(vs))
c = Circle(2)
print(c.describe(), c.r, c.heavy, c.heavy, Circle.unit(), Circle.helper(21))
try:
    c.r = -1
except ValueError as e:
    print("error:", e)
try:
    Shape()
except TypeError as e:
    print(e)
s = Square(3)
print(s.describe())
try:
    s.other = 1
except AttributeError as e:
    print(e)
print(isinstance(c, Shape), issubclass(Square, Shape), Circle.__mro__)
print(Circle.__name__, Circle.__qualname__, type(c).__module__)


class Meta(type):
    registry = []

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.registry.append(name)
        return cls


class Plugin(metaclass=Meta):
    pass


class A(Plugin):
    pass


print(Meta.registry)


class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.tag = kw.get("tag", "none")

    def __init__(self):
        print("Base init")


class Child(Base, tag="kid"):
    def __init__(self):
        super().__init__()
        print("Child init")


print(Child.tag, Child().tag)


class Vec:
    def __init__(self, *xs):
        self.xs = xs

    def __add__(self, o):
        return Vec(*(a + b for a, b in zip(self.xs, o.xs)))

    def __mul__(self, k):
        return Vec(*(a * k for a in self.xs))

    __rmul__ = __mul__

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __iter__(self):
        return iter(self.xs)

    def __contains__(self, x):
        return x in self.xs

    def __bool__(self):
        return any(self.xs)

    def __repr__(self):
        return f"Vec{self.xs}"

    def __eq__(self, o):
        return isinstance(o, Vec) and self.xs == o.xs

    def __hash__(self):
        return hash(self.xs)

    def __call__(self, i):
        return self.xs[i]


v = Vec(1, 2, 3)
print(v + v, 2 * v, v * 3, len(v), v[1], v[-1], list(v), 2 in v, bool(Vec(0, 0)), v(0))
print({v: 1}[Vec(1, 2, 3)], v[1:], sum(v))
print(object.__repr__(v)[:13], str(v))


class Temp:
    def __init__(self):
        self.__dict__["_d"] = {}

    def __getattr__(self, k):
        return self._d.get(k, f"<{k}?>")

    def __setattr__(self, k, val):
        self._d[k] = val * 2


t = Temp()
t.a = 5
print(t.a, t.b, vars(t))

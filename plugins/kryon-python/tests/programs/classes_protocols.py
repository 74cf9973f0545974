import abc
from typing import Generic, NamedTuple, Protocol, TypeVar, runtime_checkable


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self) -> float: ...

    @property
    @abc.abstractmethod
    def name(self) -> str: ...

    def describe(self):
        return f"{self.name} of area {self.area():.2f}"


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s**2

    @property
    def name(self):
        return "square"


try:
    Shape()
except TypeError as e:
    print("TypeError:", str(e).split(" with")[0])
print(
    Sq(3).describe(),
    isinstance(Sq(1), Shape),
    Shape.__abstractmethods__ == frozenset({"area", "name"}),
)


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class Res:
    def close(self):
        print("closed res")


print(isinstance(Res(), Closable), isinstance(1, Closable))
T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item

    def map(self, f):
        return Box(f(self.item))

    def __repr__(self):
        return f"Box({self.item!r})"


print(Box(3).map(lambda x: x * 2).map(str), Box[int], Box[int](5))


class Coord(NamedTuple):
    lat: float
    lon: float = 0.0

    def __str__(self):
        return f"{self.lat:.1f},{self.lon:.1f}"


c = Coord(1.25)
print(
    c,
    repr(c),
    c._replace(lon=2),
    c._asdict(),
    Coord._field_defaults,
    tuple(c),
    c[0],
    c == (1.25, 0.0),
)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = Slotted()
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)


class Registry:
    plugins = {}

    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Registry.plugins[key or cls.__name__.lower()] = cls

    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


class Alpha(Registry, key="a"):
    pass


class Beta(Registry):
    pass


print(sorted(Registry.plugins), Registry.plugins["a"].__name__, Registry[int])


class Temperature:
    def __init__(self, c):
        self._c = c

    @property
    def f(self):
        return self._c * 9 / 5 + 32

    @f.setter
    def f(self, value):
        self._c = (value - 32) * 5 / 9

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.f, spec[:-1] or "g") + "°F"
        return format(self._c, spec or "g") + "°C"


t = Temperature(100)
print(f"{t}", f"{t:.1fF}", f"{t:.3f}")
t.f = 32
print(f"{t}", t.f)


class Chain:
    def __init__(self):
        self.ops = []

    def __getattr__(self, name):
        def record(*args):
            self.ops.append(f"{name}{args}")
            return self

        return record


print(Chain().select("a").where(x=1) if False else Chain().select("a", "b").limit(5).ops)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.cents + o.cents)
        return NotImplemented

    def __radd__(self, o):
        return self if o == 0 else NotImplemented

    def __eq__(self, o):
        return isinstance(o, Money) and o.cents == self.cents

    def __hash__(self):
        return hash(self.cents)

    def __repr__(self):
        return f"Money({self.cents})"

    def __bool__(self):
        return self.cents != 0


print(sum([Money(1), Money(2)]), Money(1) == Money(1), Money(0) or "zero", {Money(5), Money(5)})
try:
    Money(1) + 1
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.created_by_meta = True
        return inst

    def __len__(cls):
        return 42


class WithMeta(metaclass=Meta):
    pass


print(WithMeta().created_by_meta, len(WithMeta), type(WithMeta).__name__)


class Base:
    def hello(self):
        return "base"


class Left(Base):
    def hello(self):
        return "left>" + super().hello()


class Right(Base):
    def hello(self):
        return "right>" + super().hello()


class Diamond(Left, Right):
    def hello(self):
        return "diamond>" + super().hello()


print(Diamond().hello(), [k.__name__ for k in Diamond.__mro__])
try:

    class Bad(Left, Base, Right):
        pass

except TypeError as e:
    print("TypeError:", e)

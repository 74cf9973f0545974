class Meta(type):
    registry = []

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry.append(name)
        return cls

    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"


class Base(metaclass=Meta):
    count = 0

    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag

    def __init__(self, v):
        self.v = v
        type(self).count += 1

    def __repr__(self):
        return f"{type(self).__name__}({self.v!r})"

    def __eq__(self, other):
        return type(self) is type(other) and self.v == other.v

    def __hash__(self):
        return hash((type(self).__name__, self.v))

    def __lt__(self, other):
        return self.v < other.v


class Child(Base, tag="kid"):
    __slots__ = ("extra",)

    def __init__(self, v, extra=None):
        super().__init__(v)
        self.extra = extra


print(Meta.registry, Base, Child, Child.tag, getattr(Base, "tag", None))
c = Child(3, "x")
print(c, c.extra, Child.count, Base.count, Child.__mro__)
print(Child.__name__, Child.__qualname__, Child.__module__, c.__class__.__name__)
print(sorted([Child(3), Child(1), Child(2)]), {Child(1), Child(1)})
print(vars(Base(5)), Base(5).__dict__, hasattr(c, "__dict__"))
print(isinstance(c, Base), issubclass(Child, Base), type(c).__bases__)
print(Child.__doc__, Base.__init__.__name__, Base.__init__.__qualname__)


class Vec:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __radd__(self, o):
        return self if o == 0 else NotImplemented

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x**2 + self.y**2) ** 0.5

    def __bool__(self):
        return bool(self.x or self.y)

    def __iter__(self):
        yield self.x
        yield self.y

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __len__(self):
        return 2

    def __contains__(self, v):
        return v in (self.x, self.y)

    def __format__(self, spec):
        return f"<{self.x:{spec}}, {self.y:{spec}}>"

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"


v = Vec(3, 4)
print(v + Vec(1, 1), 2 * v, v * 3, -v, abs(v), bool(Vec(0, 0)), list(v), v[1], len(v), 4 in v)
print(sum([Vec(1, 2), Vec(3, 4)]), f"{v:.2f}", f"{v!r}", f"{v}", str(v), repr(v), format(v, "03d"))
match v:
    case Vec(0, y):
        print("on y axis", y)
    case Vec(x, y) if x < y:
        print("below diagonal", x, y)


class Prop:
    def __init__(self):
        self._t = 0

    @property
    def t(self):
        return self._t

    @t.setter
    def t(self, val):
        if val < 0:
            raise ValueError("negative")
        self._t = val

    @t.deleter
    def t(self):
        self._t = None

    @staticmethod
    def s(a):
        return a * 2

    @classmethod
    def make(cls):
        return cls()


p = Prop.make()
p.t = 5
print(p.t, Prop.s(4))
try:
    p.t = -1
except ValueError as e:
    print("caught", e, type(e).__name__, e.args)
del p.t
print(p.t)


class Dyn:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)


d = Dyn()
d.n = 21
print(d.get_thing(), d.n, getattr(d, "missing", "default"))
try:
    d.missing
except AttributeError as e:
    print(e)


class Desc:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        return "class access" if obj is None else getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        setattr(obj, self.name, value.upper())


class UsesDesc:
    field = Desc()


u = UsesDesc()
print(UsesDesc.field, u.field)
u.field = "abc"
print(u.field, u._field)


class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]


s = Stack()
s.push(1).push(2)
print(s, s.peek(), type(s).__name__, isinstance(s, list), s.__class__.__mro__[1])


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return et is KeyError


with Ctx():
    raise KeyError("suppressed")
with Ctx() as cx:
    print(type(cx).__name__)
print(object.__repr__(Prop()).startswith("<__main__.Prop object at"), Prop.__module__)


class Singleton:
    _inst = None

    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst


print(Singleton() is Singleton(), callable(Singleton), Singleton.__new__.__name__)
print(type("Made", (object,), {"x": 1})().x, type(type), type(None).__name__)
print(dir(Vec(1, 2))[-3:], [n for n in dir(Prop) if not n.startswith("__")])

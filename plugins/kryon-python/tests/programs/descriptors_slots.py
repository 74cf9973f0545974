class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(
                f"{self.name[1:]} must be {self.kind.__name__}, got {type(value).__name__}"
            )
        setattr(obj, self.name, value)


class Person:
    name = Typed(str)
    age = Typed(int)

    def __init__(self, name, age):
        self.name = name
        self.age = age

    @property
    def birth_year(self):
        return 2024 - self.age

    @birth_year.setter
    def birth_year(self, year):
        self.age = 2024 - year

    @birth_year.deleter
    def birth_year(self):
        print("cannot really delete")


p = Person("Ann", 30)
print(p.name, p.age, p.birth_year)
p.birth_year = 1990
print(p.age)
del p.birth_year
try:
    p.age = "old"
except TypeError as e:
    print(e)
print(type(Person.__dict__["name"]).__name__, Person.name.name)


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


s = Slotted(1, 2)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(s.x + s.y, hasattr(s, "__dict__"), Slotted.__slots__)


class Lazy:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, cls):
        value = self.fn(obj)
        setattr(obj, self.fn.__name__, value)
        return value


class Data:
    @Lazy
    def heavy(self):
        print("computed once")
        return sum(range(100))


d = Data()
print(d.heavy, d.heavy)


class Temperature:
    def __init__(self):
        self._c = 0

    def __getattr__(self, name):
        if name == "fahrenheit":
            return self._c * 9 / 5 + 32
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __setattr__(self, name, value):
        if name == "fahrenheit":
            name, value = "_c", (value - 32) * 5 / 9
        super().__setattr__(name, value)


t = Temperature()
t.fahrenheit = 212
print(t._c, t.fahrenheit)
try:
    t.kelvin
except AttributeError as e:
    print(e)

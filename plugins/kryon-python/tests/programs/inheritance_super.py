class Animal:
    species_count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.species_count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    @classmethod
    def create(cls, name):
        return cls(name)

    @staticmethod
    def kingdom():
        return "Animalia"


class Dog(Animal):
    def __init__(self, name, tricks=()):
        super().__init__(name, "woof")
        self.tricks = list(tricks)

    def speak(self):
        base = super().speak()
        return f"{base}!" + (f" and knows {', '.join(self.tricks)}" if self.tricks else "")


class Puppy(Dog):
    def speak(self):
        return super().speak().replace("woof", "yip")


class A:
    def hello(self):
        return ["A"]


class B(A):
    def hello(self):
        return ["B"] + super().hello()


class C(A):
    def hello(self):
        return ["C"] + super().hello()


class D(B, C):
    def hello(self):
        return ["D"] + super().hello()


print(Dog("Rex", ["sit", "roll"]).speak())
print(Puppy.create("Bit").speak(), Animal.kingdom(), Puppy.kingdom())
print(D().hello(), [k.__name__ for k in D.__mro__])
print(Animal.species_count, isinstance(Puppy("p"), Animal), issubclass(D, A), Dog.__bases__)
print(repr(Puppy("Tiny")), str(Dog("Max")))


class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")

    def __str__(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s**2


class Blob(Shape):
    pass


print(Square(3))
try:
    print(Blob())
except NotImplementedError as e:
    print("NotImplementedError:", e)
from abc import ABC, abstractmethod


class Base(ABC):
    @abstractmethod
    def run(self): ...

    def go(self):
        return "go " + self.run()


class Impl(Base):
    def run(self):
        return "impl"


print(Impl().go())
try:
    Base()
except TypeError as e:
    print("TypeError:", e)


class Mixin:
    def to_dict(self):
        return {k: v for k, v in vars(self).items() if not k.startswith("_")}


class Record(Mixin, Animal):
    pass


print(Record("r").to_dict(), Record.__mro__[1].__name__)

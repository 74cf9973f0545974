class PluginMeta(type):
    registry = {}

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace)
        if bases:
            mcls.registry[name.lower()] = cls
        return cls

    def __call__(cls, *args, **kwargs):
        instance = super().__call__(*args, **kwargs)
        instance.created_by = "meta"
        return instance


class Plugin(metaclass=PluginMeta):
    def run(self):
        return f"{type(self).__name__} running"


class Alpha(Plugin):
    pass


class Beta(Plugin):
    def run(self):
        return "beta!"


print(
    sorted(PluginMeta.registry),
    [PluginMeta.registry[k]().run() for k in sorted(PluginMeta.registry)],
)
print(Alpha().created_by, type(Alpha).__name__, type(PluginMeta).__name__)


class Shape:
    kinds = []

    def __init_subclass__(cls, sides=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.sides = sides
        Shape.kinds.append((cls.__name__, sides))


class Triangle(Shape, sides=3):
    pass


class Square(Shape, sides=4):
    pass


class Circle(Shape):
    pass


print(Shape.kinds, Triangle.sides, Circle.sides)


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        self.values = {}


a, b = Config(), Config()
a.values["k"] = 1
print(a is b, b.values)


class AutoRepr(type):
    def __new__(mcls, name, bases, ns):
        fields = [k for k, v in ns.items() if not k.startswith("_") and not callable(v)]

        def __repr__(self):
            return f"{name}(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"

        ns["__repr__"] = __repr__
        return super().__new__(mcls, name, bases, ns)


class Settings(metaclass=AutoRepr):
    host = "localhost"
    port = 8080


print(Settings())
Dynamic = type("Dynamic", (object,), {"x": 5, "double": lambda self: self.x * 2})
print(Dynamic().double(), Dynamic.__name__, type(Dynamic()))


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("preparing", name)
        return {"injected": True}


class WithPrepare(metaclass=Meta):
    pass


print(WithPrepare.injected)


class Validated:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Validated[int])

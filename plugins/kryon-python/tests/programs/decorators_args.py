import functools
import time


def repeat(times):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(times)]

        return wrapper

    return decorator


def validate(**types):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(**kwargs):
            for name, kind in types.items():
                if not isinstance(kwargs.get(name), kind):
                    raise TypeError(f"{name} must be {kind.__name__}")
            return fn(**kwargs)

        return wrapper

    return decorator


def counted(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)

    wrapper.calls = 0
    return wrapper


@repeat(3)
def greet(name):
    """Say hello."""
    return f"hi {name}"


@validate(x=int, y=str)
def combine(x, y):
    return y * x


@counted
def square(n):
    return n * n


print(greet("bob"), greet.__name__, greet.__doc__)
print(combine(x=2, y="ab"))
try:
    combine(x="2", y="ab")
except TypeError as e:
    print("TypeError:", e)
print([square(i) for i in range(4)], square.calls)


class Registry:
    def __init__(self):
        self.handlers = {}

    def on(self, event):
        def register(fn):
            self.handlers.setdefault(event, []).append(fn)
            return fn

        return register

    def emit(self, event, *args):
        return [h(*args) for h in self.handlers.get(event, [])]


bus = Registry()


@bus.on("add")
def add(a, b):
    return a + b


@bus.on("add")
def concat(a, b):
    return f"{a}{b}"


print(bus.emit("add", 2, 3), bus.emit("none"))


def memoize(fn):
    cache = {}

    def inner(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]

    inner.cache = cache
    return inner


@memoize
def paths(r, c):
    return 1 if r == 0 or c == 0 else paths(r - 1, c) + paths(r, c - 1)


print(paths(10, 10), len(paths.cache))


class classproperty:
    def __init__(self, f):
        self.f = f

    def __get__(self, obj, owner):
        return self.f(owner)


class Config:
    _name = "cfg"

    @classproperty
    def name(cls):
        return cls._name.upper()


print(Config.name, Config().name)
print(isinstance(time.time(), float))

import functools
import time


def make_counter(start=0, step=1):
    count = start

    def counter():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    counter.reset = reset
    return counter


c = make_counter(10, 5)
print(c(), c(), c())
c.reset()
print(c(), c.__name__)
adders = [lambda x, n=n: x + n for n in range(3)]
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in adders], [f(10) for f in late])


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        call = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}({call}) -> {result!r}")
        return result

    return wrapper


def repeat(times):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(times)]

        return wrapper

    return decorate


@trace
def greet(name, punctuation="!"):
    """Say hello."""
    return f"Hello, {name}{punctuation}"


@repeat(3)
def roll(seq=[]):
    seq.append(len(seq))
    return len(seq)


greet("Ada")
greet("Bob", punctuation="?")
print(greet.__name__, greet.__doc__, greet.__wrapped__("raw"))
print(roll(), roll())


class cached:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
        functools.update_wrapper(self, fn)

    def __call__(self, *args):
        if args not in self.cache:
            self.cache[args] = self.fn(*args)
        return self.cache[args]


@cached
def slow_square(n):
    print("computing", n)
    return n * n


print(slow_square(4), slow_square(4), slow_square(5), len(slow_square.cache))


@functools.cache
def partitions(n, k=None):
    if k is None:
        k = n
    if n == 0:
        return 1
    return sum(partitions(n - i, i) for i in range(1, min(n, k) + 1))


print([partitions(n) for n in range(1, 15)], partitions(60))
pow2 = functools.partial(pow, 2)
print(
    pow2(10),
    [pow2(i) for i in range(5)],
    functools.reduce(lambda acc, f: f(acc), [str.upper, str.strip], "  hi "),
)
x = "global"


def scopes():
    x = "enclosing"

    def inner():
        return x

    def shadow():
        x = "local"
        return x

    return inner(), shadow(), globals()["x"]


print(scopes())


def counter_gen():
    total = 0

    def add(n):
        nonlocal total
        total += n
        return total

    return add


add = counter_gen()
print([add(i) for i in range(5)])


class Registry:
    handlers = {}

    @classmethod
    def register(cls, name):
        def deco(fn):
            cls.handlers[name] = fn
            return fn

        return deco


@Registry.register("double")
def _double(v):
    return v * 2


@Registry.register("neg")
def _neg(v):
    return -v


print({k: f(21) for k, f in sorted(Registry.handlers.items())})
compose = lambda *fs: functools.reduce(lambda f, g: lambda v: g(f(v)), fs)
print(compose(lambda v: v + 1, lambda v: v * 10, str)(4))
print((lambda *a, **k: (a, k))(1, 2, z=3), (lambda: None)(), sorted([3, 1, 2], key=lambda v: -v))
print(
    functools.cmp_to_key(lambda a, b: (a > b) - (a < b)) is not None,
    sorted(
        ["b", "A", "c"],
        key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower())),
    ),
)

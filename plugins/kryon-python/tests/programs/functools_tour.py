import functools
from functools import lru_cache, reduce, partial, total_ordering, singledispatch, cached_property
import operator


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(90), fib.cache_info())
print(reduce(operator.mul, range(1, 11)), reduce(lambda a, b: a + b, [], 0))
pow2 = partial(pow, 2)
print(pow2(10), pow2.func.__name__, pow2.args)
int_base2 = partial(int, base=2)
print(int_base2("101101"), int_base2.keywords)


@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "Version(" + ".".join(map(str, self.parts)) + ")"


vs = [Version("1.10.0"), Version("1.2.3"), Version("1.2.10"), Version("0.9")]
print(sorted(vs), max(vs), Version("1.0") >= Version("0.9"), Version("2.0") <= Version("1.0"))


@singledispatch
def show(x):
    return f"object {x!r}"


@show.register
def _(x: int):
    return f"int {x}"


@show.register(list)
def _(x):
    return "list " + ", ".join(show(i) for i in x)


@show.register(str)
def _(x):
    return f"str {x.upper()}"


print(show(3), "|", show("hi"), "|", show([1, "a", 2.5]), "|", show(None))


class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        print("computing area")
        return 3.14159 * self.r**2


c = Circle(2)
print(c.area, c.area)
print(
    functools.cmp_to_key(lambda a, b: (a > b) - (a < b))(3)
    < functools.cmp_to_key(lambda a, b: 0)(4)
)
words = ["banana", "Apple", "cherry", "apple"]
print(
    sorted(
        words,
        key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower())),
    )
)

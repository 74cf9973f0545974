from functools import reduce, partial, wraps, cache, cached_property, total_ordering
from itertools import count, islice, chain, groupby, accumulate, product, permutations, combinations
from operator import add, mul, itemgetter
import time


def timed(fn):
    @wraps(fn)
    def inner(*a, **k):
        inner.calls += 1
        return fn(*a, **k)

    inner.calls = 0
    return inner


@timed
def square(x):
    """Square a number."""
    return x * x


print([square(i) for i in range(5)], square.calls, square.__name__, square.__doc__)


def retry(times):
    def deco(fn):
        @wraps(fn)
        def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, attempt)
                except RuntimeError as e:
                    print(f"attempt {attempt} failed: {e}")
            raise RuntimeError(f"gave up after {times}")

        return wrapper

    return deco


@retry(3)
def flaky(x, attempt):
    if attempt < 3:
        raise RuntimeError("not yet")
    return x * 10


print(flaky(4))


@cache
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


print([partitions(n, n) for n in range(15)])


class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        print("computing area")
        return 3.14159 * self.r**2


c = Circle(2)
print(c.area, c.area)


@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, o):
        return self.parts == o.parts

    def __lt__(self, o):
        return self.parts < o.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(s) for s in ["1.10.0", "1.2.3", "1.2", "0.9.9", "1.2.3"]]
print(sorted(vs), max(vs), Version("1.0") >= Version("0.9"), Version("2.0") <= Version("1.9"))
print(reduce(add, range(10)), reduce(mul, range(1, 11)), list(accumulate(range(6), mul, initial=1)))
pipeline = [partial(map, str.strip), partial(filter, None), partial(map, str.upper), sorted]
data = [" b ", "", " a", "c  ", "   "]
print(reduce(lambda acc, f: f(acc), pipeline, data))
people = [
    ("ann", "dev", 30),
    ("bob", "ops", 25),
    ("cy", "dev", 41),
    ("di", "ops", 35),
    ("ed", "qa", 29),
]
for team, members in groupby(sorted(people, key=itemgetter(1)), key=itemgetter(1)):
    members = list(members)
    print(team, [m[0] for m in members], sum(m[2] for m in members) / len(members))
print(
    list(islice(count(1, 0.5), 4)),
    list(chain("ab", [1, 2], (3,))),
    len(list(product(range(3), repeat=3))),
)
print(["".join(p) for p in permutations("abc")], list(combinations([1, 2, 3, 4], 3)))


def take_while_sum(it, limit):
    total = 0
    for x in it:
        if total + x > limit:
            return
        total += x
        yield x


print(list(take_while_sum(count(1), 20)))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)], sum(map(sum, matrix)))
print(
    sorted(["apple", "Banana", "cherry"], key=lambda s: (len(s), s.lower())),
    min(people, key=itemgetter(2)),
)
gen = (x**2 for x in range(10) if x % 3)
print(next(gen), list(gen))
print(
    any(x > 3 for x in [1, 5]), all(isinstance(x, int) for x in [1, 2.0]), sum(1 for _ in range(7))
)
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(
    sorted(set(nums)),
    sorted(nums, reverse=True)[:3],
    nums.index(5),
    nums.count(1),
    list(reversed(nums)),
)
print(dict(zip("abc", count())), {v: k for k, v in enumerate("xyz")}, list(enumerate("ab", 10)))
print(type(time.time()).__name__, time.strftime("%Y", time.gmtime(0)))

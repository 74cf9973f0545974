import itertools


def read_records(lines):
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        yield n, line.split(",")


def parse(records):
    for n, (name, qty, price) in records:
        try:
            yield name, int(qty), float(price)
        except ValueError as e:
            print(f"line {n}: skipped ({e})")


def totals(items):
    running = 0.0
    for name, qty, price in items:
        running += qty * price
        yield name, qty * price, running


data = """# inventory
apple,3,0.5
pear,x,1.0

banana,12,0.25
cherry,100,0.1
"""
for name, cost, running in totals(parse(read_records(data.splitlines()))):
    print(f"{name:<8}{cost:>8.2f}{running:>10.2f}")


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(itertools.islice(fib(), 15)))
print(next(x for x in fib() if x > 1000), sum(itertools.takewhile(lambda v: v < 100, fib())))
evens = (x for x in range(20) if x % 2 == 0)
print(next(evens), next(evens), list(evens))


def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    except GeneratorExit:
        print("closing with", received)
        raise


e = echo()
print(next(e), e.send("a"), e.send("b"))
e.close()
print(e.gi_running, e.gi_suspended if hasattr(e, "gi_suspended") else False)


def flatten(nested):
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, (4, 5)], 6], [[7]]])))


def averager():
    total, count, avg = 0, 0, None
    while True:
        term = yield avg
        if term is None:
            return total, count
        total += term
        count += 1
        avg = total / count


def grouper(results, key):
    results[key] = yield from averager()


results = {}
for key, values in [("a", [1, 2, 3]), ("b", [10, 20])]:
    g = grouper(results, key)
    next(g)
    for v in values:
        print(key, g.send(v))
    try:
        g.send(None)
    except StopIteration:
        pass
print(results)


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

    def __reversed__(self):
        return iter(range(1, self.start + 1))


c = Countdown(4)
print(list(c), list(reversed(c)), sum(c), max(c), 3 in c, sorted(c))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
print(list(zip(*[iter(range(9))] * 3)))
print(list(itertools.chain.from_iterable(["ab", "cd"])))
pairs = sorted([("b", 2), ("a", 1), ("b", 1), ("a", 3)])
for k, grp in itertools.groupby(pairs, key=lambda p: p[0]):
    print(k, [v for _, v in grp])
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])), list(enumerate(reversed("abc"))))
gen = (i * i for i in range(5))
print(sum(gen), sum(gen))


def with_return():
    yield 1
    return "ret"


g = with_return()
print(list(g))
try:
    g = with_return()
    next(g)
    next(g)
except StopIteration as stop:
    print("StopIteration value:", stop.value)


def bad_gen():
    yield 1
    raise ValueError("inside generator")


try:
    for v in bad_gen():
        print("got", v)
except ValueError as err:
    print("caught", err)


def raise_stop():
    yield 1
    raise StopIteration


try:
    list(raise_stop())
except RuntimeError as err:
    print(type(err).__name__, err)

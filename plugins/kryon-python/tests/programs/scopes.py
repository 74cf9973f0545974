counter = 0


def bump():
    global counter
    counter += 1
    return counter


print(bump(), bump(), counter)


def make_accumulator():
    total = 0

    def add(x):
        nonlocal total
        total += x
        return total

    return add


acc = make_accumulator()
print(acc(5), acc(10))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])


def outer():
    x = "outer"

    def inner():
        return x

    x = "changed"
    return inner()


print(outer())
try:

    def broken():
        print(y)
        y = 1

    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
x = 10


class Scope:
    x = 20
    values = [x for _ in range(2)]
    doubled = x * 2

    def method(self):
        return x


print(Scope.values, Scope.doubled, Scope().method())


def default_trap(item, bucket=[]):
    bucket.append(item)
    return bucket


print(default_trap(1), default_trap(2), default_trap(3, []))


def kwonly(a, /, b, *, c=3, **rest):
    return a, b, c, rest


print(kwonly(1, 2), kwonly(1, b=2, c=4, d=5))
try:
    kwonly(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)


def star(*args, **kwargs):
    return args, sorted(kwargs.items())


print(star(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c)
a, b = b, a
print(a, b)
d = {}
d["k"] = d.get("k", 0) + 1
print(d)
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("never printed")
for n in range(2, 12):
    for k in range(2, n):
        if n % k == 0:
            break
    else:
        print("prime", n)
gen_scope = [(x, y) for x in range(3) if x for y in range(x)]
print(gen_scope, x)
print({k: v for k, v in sorted({"b": 2, "a": 1}.items())}, {*"aab"} == {"a", "b"})
print(sum(x for x in range(5)), x)
lam = lambda *a, **k: (a, k)
print(lam(1, z=2), (lambda: (yield))().__class__.__name__)


def gen_with_return():
    yield 1
    return "ret"


g = gen_with_return()
print(next(g), next(g, "exhausted"))
print(globals().get("counter"), "bump" in globals(), type(locals()).__name__)
del counter
print("counter" in globals())

def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return (count, average)


def delegator(results):
    while True:
        result = yield from averager()
        results.append(result)


results = []
d = delegator(results)
next(d)
for v in (10, 20, 30):
    print(d.send(v))
d.send(None)
for v in (1, 2):
    d.send(v)
d.send(None)
print(results)


def flatten(xs):
    for x in xs:
        if isinstance(x, (list, tuple)):
            yield from flatten(x)
        else:
            yield x


print(list(flatten([1, [2, (3, [4, 5])], [], 6])))


def countdown(n):
    try:
        while n > 0:
            received = yield n
            if received == "reset":
                n = 3
            else:
                n -= 1
    except GeneratorExit:
        print("closed at", n)
        raise
    finally:
        print("cleanup")


g = countdown(5)
print(next(g), next(g), g.send("reset"), next(g))
g.close()


def gen_with_throw():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            yield f"caught {e}"


t = gen_with_throw()
print(next(t), t.throw(ValueError("boom")), next(t))
squares = (i * i for i in range(10) if i % 3)
print(sum(squares), list(squares))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


import itertools

print(list(itertools.islice(fib(), 15)))
gen = fib()
print([next(gen) for _ in range(5)], gen.__name__, type(gen).__name__)

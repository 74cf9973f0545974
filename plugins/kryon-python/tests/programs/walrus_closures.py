import re

data = [3, 8, 1, 9, 4, 12, 7]
if (n := len(data)) > 5:
    print(f"long list of {n}")
print([y for x in data if (y := x * 2) > 10])
print(total := sum(data), total)
lines = ["key=value", "junk", "a=1", "b = 2"]
for line in lines:
    if m := re.match(r"\s*(\w+)\s*=\s*(\w+)", line):
        print(m.group(1), "->", m.group(2))
stack = [1, 2, 3]
while (top := stack.pop() if stack else None) is not None:
    print("popped", top)


def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    return increment, reset


inc, reset = make_counter(10)
print(inc(), inc(5), inc())
reset()
print(inc())
funcs = [lambda i=i: i * i for i in range(4)]
late = [lambda: i for i in range(4)]
print([f() for f in funcs], [f() for f in late])


def accumulator():
    items = []

    def add(x):
        items.append(x)
        return len(items)

    add.items = items
    return add


acc = accumulator()
acc("a")
acc("b")
print(acc.items, callable(acc))
x = "global"


def outer():
    x = "enclosing"

    def inner():
        global x
        x = "changed global"
        return x

    inner()
    return x


print(outer(), x)


def compose(*fns):
    def run(value):
        for fn in reversed(fns):
            value = fn(value)
        return value

    return run


pipeline = compose(str.upper, str.strip, lambda s: s.replace("-", " "))
print(repr(pipeline("  hello-big-world  ")))


def memo_fib():
    cache = {0: 0, 1: 1}

    def fib(n):
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]

    return fib


print(memo_fib()(80))
print([(a, b) for a in range(4) if (b := a**2) % 2 == 0])

# ruff: noqa: B007 - a plain-CPython twin of the Wren program, kept literal
fibers = []
total = [0]


def make(i):
    def body():
        total[0] += i
        if i < 299:
            next(fibers[i + 1], None)
        yield

    return body()


for i in range(300):
    fibers.append(make(i))

next(fibers[0], None)
print(total[0])


def counter():
    n = 0
    while True:
        n += 1
        yield n


gen = counter()
acc = 0
for i in range(1, 2001):
    acc += next(gen)
print(acc)

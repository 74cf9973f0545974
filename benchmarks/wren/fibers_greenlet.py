# ruff: noqa: B007 - a plain-CPython twin of the Wren program, kept literal
# The same algorithm with greenlets: stackful coroutines like Wren's fibers
# (a generator cannot yield from a nested call; a fiber or greenlet can).
from greenlet import getcurrent, greenlet

fibers = []
total = [0]


def make(i):
    def body():
        total[0] += i
        if i < 299:
            fibers[i + 1].parent = getcurrent()
            fibers[i + 1].switch()

    return greenlet(body)


for i in range(300):
    fibers.append(make(i))

fibers[0].switch()
print(total[0])

main = getcurrent()


def counter():
    n = 0
    while True:
        n += 1
        main.switch(n)


gen = greenlet(counter)
acc = 0
for i in range(1, 2001):
    acc += gen.switch()
print(acc)

# ruff: noqa: B007 - a plain-CPython twin of the Wren program, kept literal
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


for i in range(1, 4):
    print(fib(22))

nums = list(range(100000))
squares = [y for y in (x * x for x in nums) if y % 3 == 1]
total = 0
for v in squares:
    total = total + v
print(len(squares))
print(f"{total:.14g}")
counter = 0


def bump(by):
    global counter
    counter = counter + by


for i in range(100000):
    bump(i % 5)
print(counter)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(20))

import sys
from functools import lru_cache

sys.setrecursionlimit(3000)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


@lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


def hanoi(n, src="A", dst="C", via="B", moves=None):
    moves = [] if moves is None else moves
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def permutations(items):
    if len(items) <= 1:
        return [items]
    return [[x] + p for i, x in enumerate(items) for p in permutations(items[:i] + items[i + 1 :])]


def flatten(obj):
    if isinstance(obj, list):
        return [y for x in obj for y in flatten(x)]
    return [obj]


print(depth(150), partitions(60, 60), len(hanoi(10)), hanoi(3))
print(ackermann(2, 3), len(permutations(list(range(6)))), permutations([1, 2, 3]))
nested = [1]
for i in range(2, 40):
    nested = [nested, i]
print(flatten(nested)[:10], len(flatten(nested)))
try:
    depth(10**6)
except RecursionError as e:
    print("RecursionError:", str(e)[:29])
print("still running", depth(100))

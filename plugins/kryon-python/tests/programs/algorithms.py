from collections import deque, defaultdict
import heapq, sys, traceback

graph = {"A": {"B": 1, "C": 4}, "B": {"C": 2, "D": 5}, "C": {"D": 1}, "D": {}}


def dijkstra(g, s):
    dist = {s: 0}
    pq = [(0, s)]
    prev = {}
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in g[u].items():
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev


dist, prev = dijkstra(graph, "A")
print(dist, prev)


def bfs(grid, start):
    h, w = len(grid), len(grid[0])
    q = deque([start])
    seen = {start: 0}
    while q:
        r, c = q.popleft()
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < h and 0 <= nc < w and grid[nr][nc] == "." and (nr, nc) not in seen:
                seen[(nr, nc)] = seen[(r, c)] + 1
                q.append((nr, nc))
    return seen


grid = ["..#.", "...#", "#...", "...."]
print(max(bfs(grid, (0, 0)).values()), len(bfs(grid, (0, 0))))


def topo(deps):
    indeg = defaultdict(int)
    for k, vs in deps.items():
        indeg.setdefault(k, 0)
        for v in vs:
            indeg[v] += 1
    q = sorted(k for k, d in indeg.items() if d == 0)
    out = []
    while q:
        n = q.pop(0)
        out.append(n)
        for v in sorted(deps.get(n, [])):
            indeg[v] -= 1
            if indeg[v] == 0:
                q.append(v)
    return out


print(topo({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}))


def permutations(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in permutations(s[:i] + s[i + 1 :])]


print(permutations("abc"), len(permutations("abcde")))


def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0:2] = [False, False]
    for i in range(2, int(n**0.5) + 1):
        if is_p[i]:
            is_p[i * i :: i] = [False] * len(is_p[i * i :: i])
    return [i for i, p in enumerate(is_p) if p]


print(sieve(100), sum(sieve(10000)))
memo = {}


def lcs(a, b):
    if not a or not b:
        return ""
    key = (a, b)
    if key in memo:
        return memo[key]
    r = a[0] + lcs(a[1:], b[1:]) if a[0] == b[0] else max(lcs(a[1:], b), lcs(a, b[1:]), key=len)
    memo[key] = r
    return r


print(lcs("AGGTAB", "GXTXAYB"))


def qsort(xs):
    return (
        xs
        if len(xs) < 2
        else qsort([x for x in xs[1:] if x < xs[0]])
        + [xs[0]]
        + qsort([x for x in xs[1:] if x >= xs[0]])
    )


print(qsort([5, 3, 8, 1, 9, 2, 7]))
matrix = [[1, 2, 3], [4, 5, 6]]
print(
    [list(r) for r in zip(*matrix)],
    [[sum(a * b for a, b in zip(r, c)) for c in zip(*matrix)] for r in matrix],
)
text = """the cat sat on the mat the end"""
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
print(f"{'word':<6}|{'n':>3}")
for w, n in sorted(freq.items()):
    print(f"{w:<6}|{n:>3}")


class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt

    def __iter__(self):
        n = self
        while n:
            yield n.v
            n = n.nxt


def rev(n):
    p = None
    while n:
        n.nxt, p, n = p, n, n.nxt
    return p


lst = Node(1, Node(2, Node(3)))
print(list(rev(lst)))
try:

    def bad():
        return [][1]

    bad()
except IndexError:
    s = traceback.format_exc()
    print(s.splitlines()[0], s.splitlines()[-1])
print(traceback.format_exception_only(ValueError("v"))[-1], end="")
try:
    {}["missing"]
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    "x" * "y"
except TypeError as e:
    print(e)
try:
    f = lambda a: a
    f(1, 2)
except TypeError as e:
    print(e)
try:
    import math

    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    raise Exception("multi", 2)
except Exception as e:
    print(e, e.args)
print(
    sys.getsizeof(1) > 0,
    sorted({3: 1, 1: 2}),
    {1, 2, 3} & {2, 3, 4},
    {1, 2} ^ {2, 3},
    frozenset([1]),
)
print(
    round(1234.5678, -2), round(0.5), round(1.5), 10**-2, 1e-7, 123e10, 1.0 * 10**16, float(2**63)
)
print(
    divmod(7.5, 2),
    7 % 0.4,
    -7 // 2.0,
    int(-3.9),
    int(3.9),
    float("  -1.5e3 "),
    complex(1, 2) * 1j,
    abs(3 + 4j),
)
print(
    str(1.0),
    str(1e-4),
    str(0.0001),
    str(123456789012345.0),
    str(1234567890123456789.0),
    0.1 * 3,
    1 / 7,
)
print(
    chr(97) + chr(0x263A),
    "%5.2f%%" % 99.5,
    "{:e}".format(0.00012),
    "{:.3}".format(3.14159),
    "{:n}".format(1234),
)

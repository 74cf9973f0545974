from functools import lru_cache


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


print(
    [
        edit_distance(a, b)
        for a, b in [("kitten", "sitting"), ("", "abc"), ("flaw", "lawn"), ("same", "same")]
    ]
)


def lcs(a, b):
    @lru_cache(maxsize=None)
    def go(i, j):
        if i == len(a) or j == len(b):
            return ""
        if a[i] == b[j]:
            return a[i] + go(i + 1, j + 1)
        x, y = go(i + 1, j), go(i, j + 1)
        return x if len(x) >= len(y) else y

    return go(0, 0)


print(lcs("AGGTAB", "GXTXAYB"), lcs("abcdef", "acf"))


def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap]


print(knapsack([(1, 1), (3, 4), (4, 5), (5, 7)], 7))


def queens(n):
    sols = []

    def place(row, cols, d1, d2, board):
        if row == n:
            sols.append(board[:])
            return
        for c in range(n):
            if c in cols or row - c in d1 or row + c in d2:
                continue
            board.append(c)
            place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}, board)
            board.pop()

    place(0, frozenset(), frozenset(), frozenset(), [])
    return sols


s6 = queens(6)
print(len(s6), s6[0])
for r in s6[0]:
    print("".join("Q" if c == r else "." for c in range(6)))


def dijkstra(graph, start):
    import heapq

    dist = {start: 0}
    pq = [(0, start)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph.get(u, []):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dict(sorted(dist.items()))


g = {"A": [("B", 4), ("C", 1)], "C": [("B", 2), ("D", 7)], "B": [("D", 1)], "D": []}
print(dijkstra(g, "A"))


def bfs_grid(grid):
    from collections import deque

    rows, cols = len(grid), len(grid[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
    q = deque([(start, 0)])
    seen = {start}
    while q:
        (r, c), d = q.popleft()
        if grid[r][c] == "E":
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append(((nr, nc), d + 1))
    return -1


print(bfs_grid(["S..#....", ".#.#.##.", ".#...#..", ".####.#.", "......#E"]))


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:]


import random

rng = random.Random(3)
data = [rng.randint(-50, 50) for _ in range(40)]
print(merge_sort(data) == sorted(data), merge_sort(data)[:8])


def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -(lo + 1)


xs = sorted(set(data))
print([binary_search(xs, t) for t in (xs[0], xs[-1], 1000, -1000, xs[5])])


def permutations(xs):
    if len(xs) <= 1:
        yield list(xs)
        return
    for i, x in enumerate(xs):
        for rest in permutations(xs[:i] + xs[i + 1 :]):
            yield [x] + rest


print(["".join(p) for p in permutations("abc")], sum(1 for _ in permutations(list(range(5)))))


def sudoku_row_ok(row):
    nums = [n for n in row if n]
    return len(nums) == len(set(nums))


print(sudoku_row_ok([5, 3, 0, 0, 7, 0, 0, 0, 0]), sudoku_row_ok([5, 5, 0]))
print(
    sorted(["10", "9", "100", "1"], key=int),
    sorted(["b10", "a2", "b9"], key=lambda s: (s[0], int(s[1:]))),
)

def step(cells):
    counts = {}
    for r, c in cells:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in cells)}


def show(cells, rows=6, cols=6):
    return "\n".join(
        "".join("#" if (r, c) in cells else "." for c in range(cols)) for r in range(rows)
    )


glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
for gen in range(4):
    print(f"gen {gen}:")
    print(show(glider))
    glider = step(glider)


def transpose(m):
    return [list(row) for row in zip(*m)]


def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum(
        (-1) ** c * m[0][c] * det([row[:c] + row[c + 1 :] for row in m[1:]]) for c in range(len(m))
    )


A = [[2, 0, 1], [1, 3, 2], [1, 1, 1]]
B = [[1, 2], [0, 1], [4, 0]]
print(transpose(A), matmul(A, B), det(A))
identity = [[int(i == j) for j in range(3)] for i in range(3)]
print(matmul(A, identity) == A, [[round(v / 2, 1) for v in row] for row in A])
for row in matmul(A, A):
    print(" ".join(f"{v:3d}" for v in row))
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n**0.5) + 1))]
print(primes, len(primes))
sieve = bytearray([1]) * 100
sieve[0:2] = b"\x00\x00"
for i in range(2, 10):
    if sieve[i]:
        sieve[i * i :: i] = bytes(len(range(i * i, 100, i)))
print(sum(sieve), [i for i, v in enumerate(sieve) if v][-5:])

import math
from functools import total_ordering


@total_ordering
class Vec:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __format__(self, spec):
        if spec.endswith("p"):
            r, theta = abs(self), math.atan2(self.y, self.x)
            return f"({format(r, spec[:-1] + 'f')}, {format(theta, spec[:-1] + 'f')})"
        return f"<{format(self.x, spec)}, {format(self.y, spec)}>"

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y) if isinstance(o, Vec) else NotImplemented

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __bool__(self):
        return bool(self.x or self.y)

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __lt__(self, o):
        return abs(self) < abs(o)

    def __hash__(self):
        return hash((self.x, self.y))

    def __iter__(self):
        yield self.x
        yield self.y

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self


a, b = Vec(3, 4), Vec(1, -2)
print(a + b, a - b, a * 2, 3 * b, -a, a @ b, abs(a))
print(repr(a), f"{a:.2f}", f"{a:6.3p}", format(b, "+d"))
print(a > b, a <= b, sorted([a, b, Vec(0, 1)]), bool(Vec(0, 0)))
print(list(a), a[1], {a, Vec(3, 4)}, a == Vec(3, 4), a != b)
c = a
c += b
print(a, c is a)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
match Vec(0, 5):
    case Vec(0, y):
        print("on y axis at", y)
    case _:
        print("elsewhere")


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __mul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __pow__(self, n):
        result = Matrix(
            [[int(i == j) for j in range(len(self.rows))] for i in range(len(self.rows))]
        )
        for _ in range(n):
            result = result * self
        return result

    def __str__(self):
        return "\n".join(" ".join(f"{v:>5}" for v in row) for row in self.rows)


print(Matrix([[1, 1], [1, 0]]) ** 10)

class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def dot(self, o):
        return self.x * o.x + self.y * o.y


p = Vec(0, 0)
d = Vec(1, 2)
dots = 0
for i in range(100000):
    p = p + d
    dots = dots + p.dot(d)
    if i % 1000 == 0:
        p.x = 0
print(p.x)
print(p.y)
print(dots)

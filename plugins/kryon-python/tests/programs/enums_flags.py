from enum import Enum, IntEnum, Flag, auto, unique


@unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return f"{self.name.lower()}={self.value}"


class Priority(IntEnum):
    LOW = 10
    MID = 20
    HIGH = 30


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(list(Color))
print(Color(2), Color["BLUE"], Color.RED.describe())
print(repr(Color.GREEN), Color.GREEN.name, Color.GREEN.value)
print(Color.RED is Color(1), Color.RED == 1)
print(sorted([Priority.HIGH, Priority.LOW, Priority.MID]))
print(Priority.HIGH > Priority.LOW, Priority.MID + 5, int(Priority.LOW))
p = Perm.R | Perm.X
print(p, Perm.W in p, Perm.R in p, bool(Perm.W & p))
print(Perm.RW, Perm(3), [m.name for m in Perm if m in Perm.RW])
for planet in Planet:
    print(f"{planet.name:8} {planet.gravity:6.2f}")
print(len(Color), Color.__members__.keys())
try:
    Color(7)
except ValueError as e:
    print("error:", e)
print({c: c.value * 2 for c in Color})
print(f"{Color.RED}", str(Priority.LOW), format(Priority.LOW), f"{Priority.MID:>6}")

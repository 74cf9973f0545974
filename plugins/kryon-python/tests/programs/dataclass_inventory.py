from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import ClassVar


@dataclass(order=True)
class Item:
    sort_key: float = field(init=False, repr=False)
    name: str
    price: float
    qty: int = 0
    tags: list = field(default_factory=list)
    count: ClassVar[int] = 0

    def __post_init__(self):
        self.sort_key = self.price * self.qty
        Item.count += 1


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

    def moved(self, dx, dy):
        return replace(self, x=self.x + dx, y=self.y + dy)


items = [
    Item("widget", 2.5, 10, ["small"]),
    Item("gadget", 12.0, 2),
    Item("doohickey", 0.75, 40, ["tiny", "cheap"]),
]
for it in sorted(items):
    print(it, it.sort_key)
print(max(items).name, min(items).name)
print(Item.count, [f.name for f in fields(Item)])
print(asdict(items[0]))
print(astuple(items[1]))
p = Point(1)
q = p.moved(2, 3)
print(p, q, p == Point(1, 0), hash(p) == hash(Point(1, 0)))
try:
    p.x = 5
except FrozenInstanceError as e:
    print("frozen:", e)
print({q: "q"}[Point(3, 3)])
print(Item("a", 1.0) < Item("b", 2.0, 1))


@dataclass
class Node:
    value: int
    children: list["Node"] = field(default_factory=list)

    def total(self):
        return self.value + sum(c.total() for c in self.children)


tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(tree.total())
print(tree)
print(repr(Node(5)) == "Node(value=5, children=[])")

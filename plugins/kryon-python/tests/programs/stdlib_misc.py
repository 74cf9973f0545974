import copy
import pprint
import random
import hashlib
import base64
import struct
import array
import operator
import reprlib
import uuid
from collections import OrderedDict

random.seed(1234)
print(random.randint(1, 100), random.random(), random.choice("abcdef"), random.sample(range(50), 5))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.uniform(1, 2), random.gauss(0, 1), random.choices("xyz", weights=[5, 1, 1], k=6))
rng = random.Random(7)
print(rng.randrange(0, 100, 5), rng.getrandbits(16), [rng.randint(0, 9) for _ in range(8)])
original = {"a": [1, 2, {"b": 3}], "c": (4, [5])}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original["a"][2]["b"] = 99
print(shallow["a"][2]["b"], deep["a"][2]["b"], shallow is not original, deep == original)


class Node:
    def __init__(self, v):
        self.v, self.links = v, []

    def __deepcopy__(self, memo):
        print("deepcopy hook")
        n = Node(self.v)
        memo[id(self)] = n
        n.links = copy.deepcopy(self.links, memo)
        return n


a = Node(1)
a.links.append(a)
b = copy.deepcopy(a)
print(b.links[0] is b, b is not a)
data = {
    "users": [
        {"name": f"user{i}", "roles": ["admin", "dev"][: i % 3], "score": i * 1.5} for i in range(4)
    ],
    "meta": OrderedDict(version=2, tags=("x", "y")),
}
pprint.pprint(data, width=60)
print(pprint.pformat(list(range(30)), width=40, compact=True))
pprint.pprint({"z": 1, "a": 2, "m": {"k": [1] * 3}}, sort_dicts=False)
print(hashlib.md5(b"hello").hexdigest(), hashlib.sha256("données".encode()).hexdigest()[:16])
h = hashlib.sha1()
h.update(b"part1")
h.update(b"part2")
print(h.hexdigest(), h.digest_size, hashlib.blake2b(b"x", digest_size=8).hexdigest())
print(
    base64.b64encode(b"kryon script"),
    base64.b64decode("a3J5b24="),
    base64.urlsafe_b64encode(b"\xff\xfe"),
)
packed = struct.pack("<IhB3s", 1, -2, 255, b"abc")
print(packed, struct.unpack("<IhB3s", packed), struct.calcsize(">qd"))
arr = array.array("i", [3, 1, 2])
arr.append(10)
print(arr, arr.tolist(), arr.itemsize, sum(arr))
print(
    operator.add(2, 3),
    operator.itemgetter(1, 0)("ab"),
    operator.attrgetter("real")(3 + 4j),
    operator.neg(5),
)
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100))
u = uuid.UUID("12345678123456781234567812345678")
print(
    u,
    u.hex,
    u.version,
    uuid.uuid5(uuid.NAMESPACE_DNS, "example.com"),
    uuid.uuid3(uuid.NAMESPACE_URL, "x"),
)
print(
    bytes(range(5)),
    bytearray(b"abc").upper(),
    b"a,b".split(b","),
    memoryview(b"xyz")[1:].tobytes(),
    b"\x00\xff".hex(),
)
print(list(zip(*[iter(range(9))] * 3)), dict(zip("abc", range(3))), list(map(pow, [2, 3], [3, 2])))
print(all([]), any([]), sum([[1], [2]], []), min([], default="none"), max("a", "B"), divmod(7.5, 2))
print(
    list(enumerate("abc", start=1)),
    list(reversed(range(3))),
    sorted({3: 1, 1: 2}),
    frozenset([1, 2]) | {3},
)
print(
    isinstance(True, int),
    True + True,
    None is None,
    type(None).__name__,
    NotImplemented,
    Ellipsis,
    ...,
)
print(
    round(5 / 3, 4),
    abs(-0.0),
    int(True),
    float("1e-3"),
    str(b"x"),
    bool(""),
    bool(" "),
    len({1: 2}),
)

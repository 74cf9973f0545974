from operator import itemgetter, attrgetter, methodcaller
from dataclasses import dataclass

people = [
    {"name": "alice", "age": 30, "city": "Paris"},
    {"name": "bob", "age": 25, "city": "Berlin"},
    {"name": "carol", "age": 30, "city": "Athens"},
    {"name": "dave", "age": 25, "city": "Paris"},
]
print([p["name"] for p in sorted(people, key=itemgetter("age", "name"))])
print([p["name"] for p in sorted(people, key=lambda p: (-p["age"], p["city"]))])
print([p["name"] for p in sorted(people, key=itemgetter("city"), reverse=True)])


@dataclass
class Emp:
    name: str
    dept: str
    salary: int


emps = [Emp("z", "eng", 100), Emp("y", "ops", 90), Emp("x", "eng", 120), Emp("w", "ops", 90)]
print([e.name for e in sorted(emps, key=attrgetter("dept", "salary"))])
print([e.name for e in sorted(emps, key=lambda e: e.salary, reverse=True)])
print(max(emps, key=attrgetter("salary")).name, min(emps, key=lambda e: (e.salary, e.name)).name)
words = ["Banana", "apple", "cherry", "Apple", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=methodcaller("casefold")))
print(sorted(words, key=len), sorted(words, key=lambda w: (len(w), w.lower())))
nums = [5, -3, 2, -8, 0, 7]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (n % 2, n)))
data = [("a", 3), ("b", 1), ("c", 3), ("d", 2)]
data.sort(key=itemgetter(1))
print(data)
print(sorted({"x": 3, "y": 1, "z": 2}.items(), key=lambda kv: kv[1]))
print(sorted([[3, 1], [1, 2], [1, 1]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(list(reversed(sorted(range(10), key=lambda n: n % 3))))
matrix = [[3, 1, 2], [9, 8, 7], [6, 5, 4]]
print(sorted(matrix, key=itemgetter(2)), [sorted(r) for r in matrix])
import heapq

print(heapq.nlargest(2, emps, key=attrgetter("salary")))
print(heapq.nsmallest(3, nums), sorted(nums)[:3])
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(sorted("hello world".split(), key=lambda w: w[-1]))
stable = sorted([("b", 1), ("a", 1), ("c", 0)], key=lambda t: t[1])
print(stable)

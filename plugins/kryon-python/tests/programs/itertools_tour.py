import itertools as it
from itertools import groupby, product, permutations, combinations, accumulate, chain, islice
import operator

data = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("fruit", "fig"), ("veg", "leek")]
for key, group in groupby(sorted(data), key=lambda p: p[0]):
    print(key, [name for _, name in group])
print([k for k, _ in groupby("aaabbbcccaaa")])
print(["".join(p) for p in product("ab", repeat=2)])
print(list(product([1, 2], "xy")))
print(len(list(permutations(range(5)))), list(permutations("abc", 2))[:4])
print(list(combinations([1, 2, 3, 4], 3)))
print(list(it.combinations_with_replacement("ab", 2)))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(islice(it.count(10, 5), 4)), list(islice(it.cycle("xyz"), 7)))
print(list(it.repeat("r", 3)), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(
    list(it.takewhile(lambda x: x < 4, [1, 3, 5, 2])),
    list(it.dropwhile(lambda x: x < 4, [1, 3, 5, 2])),
)
print(
    list(it.filterfalse(lambda x: x % 2, range(8))), list(it.compress("abcdef", [1, 0, 1, 0, 1, 1]))
)
print(list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")))
a, b = it.tee([1, 2, 3])
print(list(a), sum(b))
print(list(it.pairwise([1, 4, 9, 16])))
pairs = sorted(it.product(range(3), repeat=2), key=lambda t: (-sum(t), t))
print(pairs)
running = list(accumulate(range(1, 8), lambda acc, x: acc * x))
print(running, running[-1])
print(sum(1 for _ in it.permutations(range(6)) if _[0] < _[-1]))

from collections import Counter, defaultdict, deque, namedtuple, OrderedDict, ChainMap

text = "the quick brown fox jumps over the lazy dog the end"
words = Counter(text.split())
print(words.most_common(3))
letters = Counter(c for c in text if c.isalpha())
print(letters.most_common(5), letters["z"], letters["?"])
print(sorted((letters & Counter("hello")).elements()))
c1, c2 = Counter(a=3, b=1), Counter(a=1, b=2, c=5)
print(c1 + c2, c1 - c2, c1 | c2, sum(c2.values()), c2.total())
groups = defaultdict(list)
for w in text.split():
    groups[len(w)].append(w)
print(dict(sorted(groups.items())))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
print({k: dict(v) for k, v in nested.items()})
dq = deque(range(5), maxlen=5)
dq.append(5)
dq.appendleft(-1)
dq.rotate(2)
print(dq, dq[0], dq.pop(), dq.popleft(), len(dq))
Point = namedtuple("Point", "x y", defaults=[0])
p = Point(3)
print(p, p._replace(y=4), p._asdict(), Point._fields, Point._make([7, 8]))
x, y = Point(1, 2)
print(x + y, p == (3, 0))
od = OrderedDict(b=2, a=1, c=3)
od.move_to_end("b")
print(list(od), od.popitem(last=False), od)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), dict(cm.new_child({"c": 4})))
window = deque(maxlen=3)
for i in range(1, 8):
    window.append(i)
    print(sum(window) / len(window), end=" ")
print()
print(repr(Counter()), repr(deque()), repr(defaultdict(int)))

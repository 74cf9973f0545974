import itertools, functools, collections, heapq, bisect, re, json, math, decimal, fractions, datetime
import operator, string, textwrap, statistics, random, copy, pprint, struct, base64, hashlib, zlib
from decimal import Decimal, getcontext
from fractions import Fraction
from collections import Counter, defaultdict, deque, OrderedDict, ChainMap

print(list(itertools.permutations("abc", 2)))
print(
    list(itertools.combinations(range(4), 2)),
    list(itertools.combinations_with_replacement("ab", 2)),
)
print(list(itertools.product([1, 2], "xy")), list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.chain([1], (2, 3), "ab")))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdd")])
print(
    list(itertools.zip_longest("ab", "wxyz", fillvalue="-")),
    list(itertools.starmap(pow, [(2, 3), (3, 2)])),
)
print(
    list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])),
    list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])),
)
print(
    list(itertools.pairwise("abcd")),
    list(itertools.compress("abcd", [1, 0, 1, 0])),
    list(itertools.repeat("z", 3)),
)
print(list(itertools.batched(range(7), 3)) if hasattr(itertools, "batched") else "nobatched")
print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(operator.add, [], 0))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
p = functools.partial(int, base=2)
print(p("1011"), p.func.__name__, p.keywords)


@functools.singledispatch
def show(x):
    return f"obj {x}"


@show.register
def _(x: int):
    return f"int {x}"


print(show(1), show("s"), show(2.5))
c = Counter("mississippi")
print(c, c.most_common(2), c["s"], c["z"], sorted(c.elements())[:5])
print(Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=1) + Counter(a=2, c=1))
dd = defaultdict(list)
for w in "apple bat cat avocado banana".split():
    dd[w[0]].append(w)
print(dict(dd), dd["z"], len(dd))
dq = deque([1, 2, 3], maxlen=4)
dq.appendleft(0)
dq.append(4)
dq.rotate(1)
print(dq, dq.popleft(), dq.pop(), list(dq))
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
print(od, list(od.keys()), od.popitem(last=False))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], dict(cm))
h = [5, 1, 8, 3, 9, 2]
heapq.heapify(h)
print(h, heapq.heappop(h), heapq.nlargest(2, h), heapq.nsmallest(2, h), heapq.heappushpop(h, 0))
print(list(heapq.merge([1, 4, 7], [2, 5, 8])))
a = [1, 3, 3, 5, 7]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4))
bisect.insort(a, 4)
print(a)
print(
    re.findall(r"\d+", "a1b22c333"),
    re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"),
    re.split(r"[,;]\s*", "a, b;c"),
)
m = re.match(r"(?P<user>\w+)@(?P<host>[\w.]+)", "joe@example.com")
print(m.group(0), m.group("user"), m.groupdict(), m.span(2), m.start(), m.end())
print(re.search(r"o+", "foo boo").group(), [x.group() for x in re.finditer(r"b\w", "ba be bi")])
print(
    re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"),
    re.fullmatch(r"\d+", "12a"),
)
pat = re.compile(r"^(\s*)#\s*(.*)$", re.M)
print(pat.findall("  # one\nx\n# two"), re.escape("a.b*c"), re.subn("a", "b", "aaa"))
print(re.sub(r"(?i)HELLO", "bye", "Hello hello"), re.compile(r"x").pattern)
data = {"name": "Ada", "langs": ["py", "lua"], "age": 36, "ok": True, "none": None, "pi": 3.14}
s = json.dumps(data, sort_keys=True)
print(s)
print(json.dumps(data, indent=2)[:40])
print(
    json.loads(s) == data,
    json.loads('[1, 2.5, "x", null, true]'),
    json.dumps("é"),
    json.dumps("é", ensure_ascii=False),
)
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("json error:", e)
print(
    math.gcd(12, 18),
    math.lcm(4, 6),
    math.isqrt(99),
    math.factorial(20),
    math.comb(10, 3),
    math.perm(5, 2),
)
print(
    math.floor(-2.5),
    math.ceil(2.1),
    math.trunc(-2.7),
    round(2.5),
    round(3.5),
    round(2.675, 2),
    round(-0.5),
)
print(
    math.inf,
    -math.inf,
    math.nan,
    math.isclose(0.1 + 0.2, 0.3),
    math.hypot(3, 4),
    math.log2(1024),
    math.copysign(1, -0.0),
)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.dist((0, 0), (3, 4)))
getcontext().prec = 30
print(
    Decimal(1) / Decimal(7),
    Decimal("0.1") + Decimal("0.2"),
    Decimal("1.10").quantize(Decimal("0.1")),
)
print(
    Decimal("3.14159").quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP), Decimal(2).sqrt()
)
print(
    Fraction(1, 3) + Fraction(1, 6),
    Fraction("0.75"),
    Fraction(3.5),
    Fraction(1, 3) ** 2,
    float(Fraction(1, 8)),
)
print(Fraction(355, 113).limit_denominator(10), Fraction(10, 4).numerator)
d = datetime.date(2024, 2, 28)
print(
    d + datetime.timedelta(days=2),
    d.weekday(),
    d.isoformat(),
    d.strftime("%A %d %B %Y"),
    d.replace(day=1),
)
dt = datetime.datetime(2024, 1, 15, 13, 45, 30)
print(
    dt,
    dt.isoformat(),
    dt + datetime.timedelta(hours=12),
    dt.strftime("%Y/%m/%d %I:%M %p"),
    repr(dt),
)
print(
    datetime.datetime.strptime("2023-12-25 08:00", "%Y-%m-%d %H:%M"),
    datetime.timedelta(days=1, seconds=3661),
)
print(
    datetime.datetime(2024, 3, 1) - datetime.datetime(2024, 2, 1),
    datetime.date(2024, 1, 1).isocalendar(),
)
utc = datetime.timezone.utc
print(
    datetime.datetime(2024, 1, 1, tzinfo=utc).isoformat(),
    datetime.datetime.fromtimestamp(0, tz=utc),
)
print(
    statistics.mean([1, 2, 3, 4]),
    statistics.median([3, 1, 2]),
    statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]),
    statistics.mode("aab"),
)
rng = random.Random(42)
print(rng.randint(1, 100), rng.random(), rng.choice("abc"), rng.sample(range(10), 3))
lst = list(range(10))
rng.shuffle(lst)
print(lst)
random.seed(1)
print(random.random(), random.randrange(100))
print(string.ascii_lowercase, string.digits, string.Template("$x and ${y}").substitute(x=1, y=2))
print(textwrap.wrap("the quick brown fox jumps over the lazy dog", 12), textwrap.dedent("  a\n  b"))
print(textwrap.fill("word " * 10, 20))
x = [[1, 2], [3]]
y = copy.deepcopy(x)
y[0].append(9)
print(x, y, copy.copy(x)[0] is x[0])
pprint.pprint({"k" + str(i): list(range(i)) for i in range(8)})
print(struct.pack("<iH", 1, 2), struct.unpack(">I", b"\x00\x00\x01\x00"), struct.calcsize("<qd"))
print(
    base64.b64encode(b"hello"),
    base64.b64decode("aGVsbG8="),
    hashlib.md5(b"x").hexdigest(),
    zlib.crc32(b"abc"),
)
print(
    operator.itemgetter(1, 0)("ab"),
    operator.attrgetter("real")(3),
    sorted(["bb", "a", "ccc"], key=len, reverse=True),
)

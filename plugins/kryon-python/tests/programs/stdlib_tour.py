import itertools as it
import functools
import collections
import operator
import heapq
import bisect
import re
import textwrap
import string
import json
from decimal import Decimal, getcontext, ROUND_HALF_UP, ROUND_HALF_EVEN, InvalidOperation
from fractions import Fraction
import math
import statistics
import random
import datetime as dt
import calendar
import time

print(
    list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([3, 1, 4], max, initial=2))
)
print(list(it.chain.from_iterable([[1], [2, 3]])), list(it.compress("abcd", [1, 0, 1, 0])))
print(
    list(it.islice(it.count(10, 5), 3)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3))
)
print([(k, list(g)) for k, g in it.groupby("aaabccaa")], list(it.pairwise("abcd")))
print(
    list(it.product("ab", repeat=2)),
    len(list(it.permutations(range(4), 2))),
    list(it.combinations_with_replacement("ab", 2)),
)
print(
    list(it.zip_longest("abc", "x", fillvalue="-")),
    list(it.starmap(pow, [(2, 3), (3, 2)])),
    list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])),
    list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])),
    list(it.filterfalse(None, [0, 1, "", "a"])),
)
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.batched(range(7), 3)) if hasattr(it, "batched") else "nobatched")
print(functools.reduce(lambda x, y: x * 10 + y, [1, 2, 3]), functools.reduce(operator.add, [], 0))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(100), fib.cache_info())
p = functools.partial(int, base=2)
print(p("1010"), p.func.__name__, p.keywords)


@functools.singledispatch
def show(x):
    return f"obj {x!r}"


@show.register
def _(x: int):
    return f"int {x}"


@show.register(list)
def _(x):
    return f"list of {len(x)}"


print(show(1), show([1, 2]), show("s"), show(True))
print(
    sorted(
        ["b", "A", "c"],
        key=functools.cmp_to_key(lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower())),
    )
)


@functools.wraps(print)
def wrapper(*a):
    pass


print(wrapper.__name__, wrapper.__wrapped__ is print)
c = collections.Counter("mississippi")
print(
    c,
    c.most_common(2),
    c["z"],
    sorted(c.elements())[:4],
    c + collections.Counter("ss"),
    c - collections.Counter("iiii"),
)
print(
    collections.Counter(a=3, b=1) & collections.Counter(a=1, b=2),
    (collections.Counter(a=3) | collections.Counter(a=5)),
    c.total(),
)
dd = collections.defaultdict(list)
for w in "apple avocado banana blueberry cherry".split():
    dd[w[0]].append(w)
print(dd, dict(dd), dd["z"], len(dd))
od = collections.OrderedDict.fromkeys("abc", 0)
od.move_to_end("a")
print(od, od.popitem(last=False), list(od))
dq = collections.deque([1, 2, 3], maxlen=4)
dq.appendleft(0)
dq.append(4)
dq.rotate(1)
print(dq, dq.maxlen, dq[0], list(reversed(dq)))
Pt = collections.namedtuple("Pt", "x y", defaults=[0])
pt = Pt(1)
print(pt, pt._asdict(), pt._replace(y=5), Pt._fields, pt._fields, Pt._make([3, 4]), pt.x + pt.y)
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], dict(cm), cm.maps, cm.new_child({"c": 4}))
h = [5, 1, 8, 3, 9, 2]
heapq.heapify(h)
print(
    h,
    heapq.heappop(h),
    heapq.nlargest(2, h),
    heapq.nsmallest(2, h, key=lambda x: -x),
    list(heapq.merge([1, 4], [2, 3])),
)
print(heapq.heappushpop(h, 0), heapq.heapreplace(h, 10), sorted(h))
arr = [1, 3, 3, 5, 7]
print(bisect.bisect_left(arr, 3), bisect.bisect_right(arr, 3), bisect.bisect(arr, 10))
bisect.insort(arr, 4)
print(arr, bisect.bisect_left(arr, 5, key=None))
print(
    re.findall(r"(\w)(\d)", "a1 b2 c3"),
    re.sub(r"(?P<w>\w+)@(\w+)", r"\g<w> at \2", "me@host you@there"),
)
print(
    re.split(r"[,;]\s*", "a, b;c,  d"),
    re.split(r"(,)", "a,b"),
    re.fullmatch(r"\d{3}", "123") is not None,
)
m = re.search(r"(?P<year>\d{4})-(?P<mon>\d\d)", "on 2024-03-15")
print(m.group(0), m.group("year"), m.groupdict(), m.span(), m.start("mon"), m.groups(), m)
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1b22c333"), re.subn("a", "b", "aaa"))
print(
    re.compile(r"^\s*#", re.M).findall("# a\n  # b\nc"),
    re.escape("a.b*c"),
    bool(re.match("a", "ba")),
)
print([m.group() for m in re.finditer(r"\b\w{5}\b", "hello there world quick brown")], re.I | re.S)
print(re.sub(r"(?i)HELLO", "bye", "Hello hello"), re.findall(r"(?<=\$)\d+", "$10 and $20"))
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error:", e, e.pos)
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.fill(text, width=30))
print(textwrap.wrap("short", 10), textwrap.shorten(text, 40), repr(textwrap.dedent("   a\n   b\n")))
print(
    textwrap.indent("x\ny\n", "> "),
    textwrap.fill("a " * 5, 4, initial_indent="*", subsequent_indent="-"),
)
print(string.ascii_letters, string.digits, string.punctuation, string.capwords("hello  world"))
print(
    string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"),
    string.Template("$a $b").safe_substitute(a=1),
)
print(
    "{:>10}|{:<5}|{:^7}|{:*^9}".format("r", "l", "c", "mid"),
    "{0}{1}{0}".format("a", "b"),
    "{x[1]}".format(x=[0, 9]),
)
print(
    "{:,}".format(1234567),
    "{:_}".format(1234567),
    "{:e}".format(12345.678),
    "{:%}".format(0.25),
    "{:#b}".format(5),
    "{:08.3f}".format(-3.14159),
)
print(
    format(1e16, "g"),
    format(123.456, ".2g"),
    format(0.000012345, ".3"),
    format(12, "c"),
    format(255, "X"),
    format(-42, "+05d"),
)
getcontext().prec = 30
print(
    Decimal(1) / Decimal(7),
    Decimal("0.1") + Decimal("0.2"),
    Decimal("1.005").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
)
print(
    Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN),
    Decimal(0.1),
    Decimal("1e3").normalize(),
    Decimal("-0"),
    Decimal("NaN"),
)
print(
    Decimal(10) ** -3,
    Decimal("3.14159").as_tuple(),
    Decimal(2).sqrt(),
    Decimal("1.50").to_integral_value(),
    repr(Decimal("7.0")),
)
try:
    Decimal("abc")
except InvalidOperation as e:
    print("invalid", type(e).__name__)
print(
    Fraction(3, 4) + Fraction(1, 6),
    Fraction("0.125"),
    Fraction(1.5),
    Fraction(1, 3) ** 2,
    Fraction(7, 3).limit_denominator(2),
    repr(Fraction(2, 4)),
)
print(
    math.comb(10, 3),
    math.perm(5, 2),
    math.factorial(20),
    math.gcd(12, 18, 24),
    math.lcm(4, 6),
    math.isqrt(99),
    math.prod([1, 2, 3, 4]),
)
print(
    math.inf,
    -math.inf,
    math.nan,
    math.isclose(0.1 + 0.2, 0.3),
    math.copysign(1, -0.0),
    math.trunc(-3.7),
    math.floor(-3.2),
    round(2.5),
    round(3.5),
    round(-0.5),
    round(1.2345, 2),
    round(1234, -2),
)
print(
    math.fsum([0.1] * 10),
    sum([0.1] * 10),
    math.hypot(3, 4),
    math.dist((0, 0), (1, 1)),
    math.degrees(math.pi),
    math.log2(1024),
    math.log10(0.001),
    math.log(math.e),
)
print(
    statistics.mean([1, 2, 3, 4]),
    statistics.median([3, 1, 2, 4]),
    statistics.mode("aabbb"),
    statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]),
    statistics.pvariance([1, 2, 3]),
)
rng = random.Random(12345)
print(
    rng.randint(1, 100),
    rng.random(),
    rng.choice("abcdef"),
    rng.sample(range(100), 5),
    rng.uniform(1, 2),
    rng.gauss(0, 1),
)
lst = list(range(10))
rng.shuffle(lst)
print(
    lst, rng.choices("abc", weights=[1, 0, 5], k=5), rng.getrandbits(16), rng.randrange(0, 100, 7)
)
random.seed(7)
print(random.randint(0, 1000), random.random())
d0 = dt.date(2024, 2, 28)
print(
    d0 + dt.timedelta(days=2),
    d0.isoformat(),
    d0.weekday(),
    d0.strftime("%A %d %B %Y %j"),
    d0.isocalendar(),
    dt.date.fromisoformat("2023-12-31").toordinal(),
)
t0 = dt.datetime(2024, 3, 10, 14, 30, 15, 123456)
print(
    t0,
    repr(t0),
    t0.strftime("%Y/%m/%d %I:%M %p %f"),
    t0.timestamp() if t0.tzinfo else "naive",
    t0.replace(hour=0) - t0,
    (t0 - dt.datetime(2024, 1, 1)).total_seconds(),
)
tz = dt.timezone(dt.timedelta(hours=5, minutes=30))
print(
    dt.datetime(2024, 1, 1, tzinfo=tz).isoformat(),
    dt.datetime.fromtimestamp(0, dt.timezone.utc),
    dt.datetime(2020, 5, 17, tzinfo=dt.timezone.utc).timestamp(),
)
print(
    dt.datetime.strptime("2024-07-04 09:05", "%Y-%m-%d %H:%M"),
    dt.timedelta(days=1, seconds=3661, microseconds=5),
    dt.timedelta(hours=-1),
    str(dt.time(9, 5)),
)
print(
    calendar.isleap(2024),
    calendar.monthrange(2024, 2),
    calendar.weekday(2024, 1, 1),
    calendar.month_name[3],
    calendar.day_abbr[0],
)
print(calendar.month(2024, 2))
print(
    time.gmtime(0).tm_year,
    time.strftime("%Y-%m-%d", time.gmtime(86400 * 365)),
    type(time.time()),
    type(time.perf_counter()),
    type(time.monotonic()),
)
print(
    json.dumps({"b": [1, 2.5, None, True], "a": "é\n", "c": {"x": 1}}, sort_keys=True, indent=2),
    json.dumps("é", ensure_ascii=False),
)
print(
    json.loads('{"a": [1, 2, {"b": null}], "c": 1e3, "d": "\\u00e9"}'),
    json.dumps([1, (2, 3)], separators=(",", ":")),
    json.dumps(float("inf")),
)
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("json error:", e, e.lineno, e.colno)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(
    operator.itemgetter(1, 0)("ab"),
    operator.attrgetter("real")(3),
    operator.methodcaller("upper")("x"),
    sorted([(1, "b"), (1, "a"), (0, "z")], key=operator.itemgetter(0)),
)

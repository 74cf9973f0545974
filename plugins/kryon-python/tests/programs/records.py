import json
import csv
import io
from collections import defaultdict, namedtuple, OrderedDict
from dataclasses import dataclass, field, asdict
from datetime import date, timedelta
import heapq
import bisect

raw = """id,name,dept,salary,start
1,Ada,eng,120000,2019-03-01
2,Grace,eng,135000,2015-07-15
3,Linus,ops,99000,2021-01-10
4,Barbara,research,150000,2012-11-30
5,Ken,ops,87000,2023-05-05
"""
Employee = namedtuple("Employee", "id name dept salary start")
rows = [
    Employee(int(r["id"]), r["name"], r["dept"], int(r["salary"]), date.fromisoformat(r["start"]))
    for r in csv.DictReader(io.StringIO(raw))
]
print(rows[0], rows[0]._fields)
by_dept = defaultdict(list)
for e in rows:
    by_dept[e.dept].append(e)
for dept in sorted(by_dept):
    staff = by_dept[dept]
    avg = sum(e.salary for e in staff) / len(staff)
    print(
        f"{dept:<9} n={len(staff)} avg={avg:>10,.1f} senior={min(staff, key=lambda e: e.start).name}"
    )
today = date(2024, 6, 1)
tenure = {e.name: (today - e.start).days // 365 for e in rows}
print(json.dumps(tenure, sort_keys=True))
print(
    heapq.nlargest(2, rows, key=lambda e: e.salary)[1].name,
    [e.name for e in sorted(rows, key=lambda e: (e.dept, -e.salary))],
)
out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow(["name", "note"])
w.writerow(["Ada", 'said "hi", then left'])
w.writerow(["Ken", "multi\nline"])
print(out.getvalue(), end="")
print(list(csv.reader(io.StringIO(out.getvalue())))[1:])


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    due: date = field(default=date(2024, 1, 1), compare=False)
    tags: list = field(default_factory=list, compare=False, repr=False)


tasks = [Task(3, "write"), Task(1, "review", date(2024, 2, 1), ["urgent"]), Task(2, "deploy")]
heap = []
for t in tasks:
    heapq.heappush(heap, t)
print([heapq.heappop(heap).name for _ in range(len(heap))])
print(asdict(tasks[1]), tasks[1])
encoded = json.dumps([asdict(t) for t in tasks], default=str, indent=1)
print(encoded.splitlines()[:6])
decoded = json.loads(encoded)
print(decoded[1]["due"], type(decoded[1]["due"]).__name__, decoded[1]["tags"])
print(
    json.dumps(
        {"b": [1, 2.5, None, True], "a": {"nested": "é✓"}}, sort_keys=True, separators=(",", ":")
    )
)
print(
    json.dumps('line\nbreak\t"q"'),
    json.dumps(1e100),
    json.dumps(float("inf")),
    json.loads("NaN") != json.loads("NaN"),
)
print(
    json.loads('{"a": [1, {"b": null}], "c": 1.5e3, "d": "\\u00e9"}'),
    json.loads("123456789012345678901234567890"),
)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print("decode error:", e.msg, e.lineno, e.colno)


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, date):
            return {"__date__": o.isoformat()}
        return super().default(o)


def hook(d):
    return date.fromisoformat(d["__date__"]) if "__date__" in d else d


s = json.dumps({"when": date(2024, 5, 6), "n": 1}, cls=Enc)
print(s, json.loads(s, object_hook=hook))
grades = [60, 70, 80, 90]
letters = "FDCBA"
print([letters[bisect.bisect(grades, score)] for score in [33, 99, 77, 70, 89, 90, 100]])
lru = OrderedDict()
for key in "abcabdae":
    lru[key] = lru.pop(key, 0) + 1
    if len(lru) > 3:
        lru.popitem(last=False)
print(list(lru.items()))
calendar = defaultdict(lambda: defaultdict(int))
d = date(2024, 2, 26)
for i in range(10):
    day = d + timedelta(days=i)
    calendar[day.strftime("%B")][day.strftime("%a")] += 1
print({m: dict(v) for m, v in calendar.items()})
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(
    [list(row) for row in zip(*matrix[::-1])],
    [matrix[i][i] for i in range(3)],
    sum(map(sum, matrix)),
)
inventory = {"apple": 3, "pear": 0, "fig": 12}
print(
    {k: v for k, v in sorted(inventory.items(), key=lambda kv: kv[1], reverse=True) if v},
    inventory | {"kiwi": 1},
)
print(
    dict.fromkeys("abc", 0),
    list(inventory.keys() & {"fig", "plum"}),
    inventory.get("plum", "none"),
    inventory.setdefault("plum", 7),
)

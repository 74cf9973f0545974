import json
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum


class Status(Enum):
    ACTIVE = "active"
    CLOSED = "closed"


@dataclass
class Order:
    id: int
    placed: date
    total: Decimal
    status: Status
    lines: list


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (date, datetime)):
            return o.isoformat()
        if isinstance(o, Decimal):
            return str(o)
        if isinstance(o, Enum):
            return o.value
        if is_dataclass(o):
            return asdict(o)
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


orders = [
    Order(1, date(2024, 1, 5), Decimal("19.99"), Status.ACTIVE, [{"sku": "A1", "qty": 2}]),
    Order(2, date(2024, 2, 29), Decimal("5"), Status.CLOSED, []),
]
text = json.dumps(
    {"orders": orders, "tags": {"b", "a"}, "when": datetime(2024, 3, 1, 8, 30)},
    cls=Encoder,
    indent=2,
    sort_keys=True,
)
print(text)


def hook(d):
    if "placed" in d:
        d["placed"] = date.fromisoformat(d["placed"])
        d["total"] = Decimal(d["total"])
        d["status"] = Status(d["status"])
    return d


back = json.loads(text, object_hook=hook)
print(back["orders"][0]["placed"].year, back["orders"][1]["status"], back["orders"][0]["total"] * 2)
print(
    json.dumps(3.0),
    json.dumps(1e20),
    json.dumps(0.1),
    json.dumps(-0.0),
    json.dumps(10**20),
    json.dumps("\u2603"),
    json.dumps("\u2603", ensure_ascii=False),
)
print(
    json.dumps({"b": 1, "a": [1, {"c": None}]}, separators=(",", ":")),
    json.dumps([], indent=4),
    json.dumps({}, indent=4),
)
print(json.dumps({1: "int key", True: "bool key", None: "none key", 2.5: "float"}))
print(
    json.loads("[1.0, 1e2, -0, 12345678901234567890, 0.1]"),
    json.loads('"\\ud83d\\ude00"'),
    json.loads("NaN"),
    json.loads(" true "),
)
print(
    json.loads('{"a": 1, "a": 2}'),
    json.loads("[]", object_pairs_hook=list),
    json.loads('{"x": {"y": 1}}', object_pairs_hook=lambda p: dict(reversed(p))),
)
print(json.loads("1.5", parse_float=Decimal), json.loads("7", parse_int=str))
for bad in ['{"a": }', "[1, 2", '{"a" 1}', "", "[1,]", "'single'", '{"a": 1} x', '"\\x"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(f"{bad!r:>12}: {e.msg} @ {e.pos}")
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
circular = []
circular.append(circular)
try:
    json.dumps(circular)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"z": 1, "y": {"b": 2, "a": 1}}, sort_keys=True, indent="\t"))

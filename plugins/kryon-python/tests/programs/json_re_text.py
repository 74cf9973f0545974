import json
import re
import textwrap

doc = {
    "name": "Widget",
    "tags": ["a", "b"],
    "price": 9.99,
    "stock": None,
    "ok": True,
    "nested": {"x": [1, 2.5, {"y": "ü"}]},
}
s = json.dumps(doc)
print(s)
print(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False))
print(
    json.dumps(doc, separators=(",", ":"))[:40],
    json.dumps("é☃"),
    json.dumps([1e20, 1.0, -0.0, 10**20]),
)
back = json.loads(s)
print(back == doc, type(back["nested"]["x"][1]).__name__, json.loads('[1, 2.0, "3", null, true]'))
print(json.loads('{"a": 1, "a": 2}'), json.dumps({1: "int key", "b": (1, 2)}))
try:
    json.loads("{'single': 1}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.pos, e.lineno, e.colno)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps(float("nan")), json.dumps({"k": float("inf")}))
log = """2024-01-05 10:15:32 ERROR [db] connection lost (code=17)
2024-01-05 10:16:01 INFO [web] request GET /index.html 200
2024-01-05 10:17:45 WARN [db] slow query 2.5s
2024-01-06 08:00:00 ERROR [auth] bad token for user=bob"""
pattern = re.compile(
    r"^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>\w+) \[(?P<src>\w+)\] (?P<msg>.*)$",
    re.M,
)
for m in pattern.finditer(log):
    print(m.group("level"), m["src"], m.group("msg")[:20], m.span("level"))
print(re.findall(r"\d+(?:\.\d+)?s\b", log), re.findall(r"(\w+)=(\w+)", log))
print(re.sub(r"(\d{4})-(\d\d)-(\d\d)", r"\3/\2/\1", log.splitlines()[0]))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(
    re.split(r"[,;]\s*", "a, b;c,  d"),
    re.split(r"(\d)", "x1y2z"),
    re.fullmatch(r"[a-z]+", "abc") is not None,
)
print(re.search(r"(?i)hello", "Say HELLO").group(), re.match(r"a", "ba"), re.escape("1+1=2?"))
print(
    pattern.pattern[:20],
    bool(re.compile(r"x", re.I | re.X).flags & re.I),
    re.subn("o", "0", "foo boo"),
)
m = re.match(r"(\w+) (\w+)?", "one ")
print(m.groups(), m.groups("-"), m.group(0), m.lastindex, m.groupdict())
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.fill(text, width=30))
print(textwrap.shorten(text, width=40, placeholder=" [...]"))
print(textwrap.indent("line one\nline two\n\nline four", "> "))
print(repr(textwrap.dedent("    a\n      b\n    c")))
for line in textwrap.wrap("supercalifragilisticexpialidocious word", width=10):
    print(f"|{line:<10}|")

import base64
import csv
import hashlib
import io
import struct
import zlib
import binascii
import difflib
import pprint
import unicodedata
import html
import urllib.parse
import uuid
import ipaddress
import fnmatch
import shlex
import graphlib
import array
import copy

raw = 'name,age,city\nAnn,30,"New York, NY"\nBob,25,Paris\n"Smith, J",41,"He said ""hi"""\n'
rows = list(csv.reader(io.StringIO(raw)))
print(rows)
for rec in csv.DictReader(io.StringIO(raw)):
    print(dict(rec))
out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
w.writerows([["a", "b,c", 'd"e'], [1, 2.5, None]])
print(repr(out.getvalue()))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["x", "y"], lineterminator="\r\n")
dw.writeheader()
dw.writerow({"x": 1, "y": "two"})
print(repr(out.getvalue()))
packed = struct.pack("<ihd3s?", -2, 513, 2.5, b"abc", True)
print(
    packed,
    len(packed),
    struct.unpack("<ihd3s?", packed),
    struct.calcsize(">qHb"),
    struct.pack(">I", 0xDEADBEEF).hex(),
)
try:
    struct.pack("b", 300)
except struct.error as e:
    print("struct.error:", e)
print(
    base64.b64encode(b"hello world"),
    base64.b64decode("aGk="),
    base64.urlsafe_b64encode(b"\xfb\xff"),
    base64.b32encode(b"ab"),
    base64.b16encode(b"\x01\xab"),
)
print(
    hashlib.sha256(b"abc").hexdigest(),
    hashlib.md5("é".encode()).hexdigest(),
    hashlib.sha1(b"").hexdigest()[:10],
    hashlib.blake2b(b"x", digest_size=8).hexdigest(),
)
h = hashlib.sha256()
h.update(b"a")
h.update(b"bc")
print(h.hexdigest() == hashlib.sha256(b"abc").hexdigest(), h.name, h.digest_size)
comp = zlib.compress(b"a" * 1000)
print(
    len(comp),
    zlib.decompress(comp)[:5],
    zlib.crc32(b"hello"),
    binascii.hexlify(b"\x00\xff"),
    binascii.crc32(b"x"),
)
a_lines = ["one", "two", "three", "four"]
b_lines = ["one", "2", "three", "four", "five"]
print("\n".join(difflib.unified_diff(a_lines, b_lines, "a", "b", lineterm="")))
print(
    difflib.SequenceMatcher(None, "kitten", "sitting").ratio(),
    difflib.get_close_matches("appel", ["ape", "apple", "peach"]),
)
pprint.pprint({"z": list(range(30)), "a": {"nested": ["x" * 30, "y" * 30]}, "m": (1, 2)}, width=60)
print(pprint.pformat({"b": 1, "a": 2}), pprint.pformat(list(range(5)), width=10))
print(
    unicodedata.name("é"),
    unicodedata.category("A"),
    unicodedata.normalize("NFD", "é").encode(),
    unicodedata.lookup("SNOWMAN"),
    unicodedata.numeric("½"),
)
print(html.escape('<a href="x">&</a>'), html.unescape("&lt;&amp;&#39;&eacute;"))
u = urllib.parse.urlparse("https://user@example.com:8080/path/a%20b?q=1&r=two#frag")
print(
    u.scheme,
    u.hostname,
    u.port,
    u.path,
    urllib.parse.unquote(u.path),
    urllib.parse.parse_qs(u.query),
    u.fragment,
)
print(
    urllib.parse.urlencode({"a": "x y", "b": ["1", "2"]}, doseq=True),
    urllib.parse.quote("a/b c&d"),
    urllib.parse.urljoin("http://a/b/c", "../d"),
)
print(
    uuid.uuid5(uuid.NAMESPACE_DNS, "example.com"),
    uuid.UUID("12345678123456781234567812345678").hex[:8],
    uuid.uuid3(uuid.NAMESPACE_URL, "x").version,
)
net = ipaddress.ip_network("192.168.1.0/28")
print(
    net.num_addresses,
    list(net.hosts())[:3],
    ipaddress.ip_address("10.0.0.1") in ipaddress.ip_network("10.0.0.0/8"),
    ipaddress.ip_address("::1").is_loopback,
)
print(
    fnmatch.fnmatch("data.csv", "*.csv"),
    fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"),
    fnmatch.translate("*.x"),
)
print(
    shlex.split("cmd --opt \"quoted arg\" 'single' esc\\ aped"),
    shlex.quote("it's"),
    shlex.join(["a b", "c"]),
)
ts = graphlib.TopologicalSorter({"c": {"b"}, "b": {"a"}, "d": {"a", "c"}})
print(list(ts.static_order()))
try:
    list(graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}}).static_order())
except graphlib.CycleError as e:
    print("cycle", e.args[1])
arr = array.array("i", [3, 1, 2])
arr.append(10)
print(arr, arr.tobytes()[:8], arr.itemsize, sorted(arr), array.array("d", [1.5]) * 2)
orig = {"a": [1, [2, 3]], "b": {"c": {4, 5}}}
shallow, deep = copy.copy(orig), copy.deepcopy(orig)
orig["a"][1].append(99)
print(shallow["a"], deep["a"], deep == orig, shallow["a"] is orig["a"])


class Node:
    def __init__(self, v):
        self.v = v
        self.children = []

    def __deepcopy__(self, memo):
        print("custom deepcopy", self.v)
        n = Node(self.v)
        n.children = copy.deepcopy(self.children, memo)
        return n


root = Node(1)
root.children.append(Node(2))
clone = copy.deepcopy(root)
print(clone.children[0].v, clone is not root)

import unicodedata

words = [
    "naïve",
    "café",
    "Straße",
    "ǅemal",
    "ﬁne",
    "İstanbul",
    "ΣΊΣΥΦΟΣ",
    "日本語",
    "😀👍🏽",
    "e\u0301",
]
for w in words:
    print(
        f"{w!r:16} len={len(w):2} upper={w.upper()!r:14} lower={w.lower()!r:14} casefold={w.casefold()!r:14} title={w.title()!r}"
    )
print(sorted(words), sorted(words, key=str.casefold)[:3])
print([unicodedata.normalize("NFC", w) == w for w in words])
print(
    len("e\u0301"),
    len(unicodedata.normalize("NFC", "e\u0301")),
    "é" == "e\u0301",
    unicodedata.normalize("NFC", "e\u0301") == "é",
)
print(
    "straße".upper(),
    "STRASSE".lower() == "straße".casefold(),
    "ß".casefold(),
    "ς".upper(),
    "Σ".lower(),
)
print(
    [c.isalpha() for c in "a1_é😀"],
    "١٢٣".isdigit(),
    int("١٢٣"),
    "Ⅻ".isnumeric(),
    "½".isdecimal(),
    "\u00a0".isspace(),
    "\u2028".isspace(),
)
print(
    "αβγ".encode("utf-8"),
    "αβγ".encode("utf-16")[:2],
    len("😀".encode("utf-16-le")),
    "€".encode("cp1252"),
    b"\xe2\x82\xac".decode(),
)
try:
    "日本".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff\xfe\xfa".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(
    b"\xff".decode("utf-8", "replace"),
    "日本".encode("ascii", "ignore"),
    "日本".encode("ascii", "xmlcharrefreplace"),
    "é".encode("ascii", "backslashreplace"),
)
print(
    [hex(ord(c)) for c in "a€😀"],
    chr(0x10FFFF).encode("utf-8"),
    "\N{GREEK SMALL LETTER ALPHA}",
    "\u00e9\U0001f600",
)
s = "Hello, Wörld! 123"
print(s[::-1], s.swapcase(), s.center(25, "·"), s.encode("latin-1"), s.isascii(), "abc".isascii())
print(
    "x".join("abc"),
    "a\tb".expandtabs(),
    "  \t\n".strip() == "",
    "line1\nline2\r\nline3".splitlines(),
    "a\x0bb\x0cc\x1cd".splitlines(),
)
print(
    unicodedata.name("😀"),
    unicodedata.category("€"),
    unicodedata.east_asian_width("日"),
    unicodedata.combining("\u0301"),
    unicodedata.decimal("٣"),
)
print(ascii("naïve 😀"), repr("tab\there"), "%r" % "ü", str("ü".encode()), "{!a}".format("ø"))
text = "the quick brown fox"
print(
    " ".join(reversed(text.split())),
    text.replace(" ", "_").upper(),
    max(text.split(), key=len),
    text.index("q"),
)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print("".join(chr((ord(c) - 97 + 13) % 26 + 97) if c.islower() else c for c in "hello, world"))
print(str.maketrans({"a": "1", "b": None}), "abcab".translate(str.maketrans({"a": "1", "b": None})))
print(f"{'日本':>6}|{'😀':^5}|{'ab':*<4}|", len(f"{'日本':>6}"))

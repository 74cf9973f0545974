import re
import textwrap
import string
from collections import Counter

text = """Call me Ishmael. Some years ago - never mind how long precisely - having
little or no money in my purse, and nothing particular to interest me on
shore, I thought I would sail about a little and see the watery part of the world."""
words = re.findall(r"[a-z']+", text.lower())
print(len(words), Counter(words).most_common(4))
print(sorted(set(w for w in words if len(w) > 7)))
print(re.sub(r"\s+", " ", text)[:60], "...")
print(re.findall(r"\b(\w)(\w*)\1\b", "anna bob civic level noon xyz"))
print(re.split(r"(?<=[.!?])\s+", "One. Two! Three? Four"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "John Smith"))
print(
    re.findall(r"(\d{3})-(\d{4})", "call 555-1234 or 555-9876"),
    re.search(r"^\s*$", "  ") is not None,
)
log = """2024-01-15 10:23:45 ERROR [db] connection lost
2024-01-15 10:24:00 INFO [web] request ok
2024-01-15 10:25:13 WARN [db] slow query (1532 ms)
2024-01-16 08:00:00 ERROR [web] timeout after 30s"""
pattern = re.compile(
    r"^(?P<date>\S+) (?P<time>\S+) (?P<level>\w+) \[(?P<mod>\w+)\] (?P<msg>.*)$", re.M
)
for m in pattern.finditer(log):
    if m["level"] != "INFO":
        print(m.group("date"), m["level"].ljust(5), m["mod"], "|", m["msg"])
print(Counter(m["level"] for m in pattern.finditer(log)))
print([m.span() for m in re.finditer(r"db", log)][:2], re.subn(r"\d", "#", "a1b22")[1])
print(
    re.match(r"(a)(b)?", "ac").groups(),
    re.match(r"(a)(b)?", "ac").groups("-"),
    re.fullmatch(r"a|ab", "ab"),
)
print(re.sub(r"(?i)python", lambda m: m.group().swapcase(), "Python python PYTHON"))
print(re.findall(r"<.*?>", "<a><b></b></a>"), re.findall(r"<.*>", "<a><b>"), re.escape("1+1=2?"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("regex error:", e.msg, e.pos)
s = "Hello, World"
print(s.center(20, "."), s.count("l"), s.index("W"), s.find("z"), s.split(", "), s.partition(","))
print(
    s.casefold(),
    s.encode("ascii"),
    s.translate(str.maketrans("lo", "01", ",")),
    s.removeprefix("Hello").strip(", "),
)
print(
    "-".join(reversed(s.split())),
    " ".join(w.capitalize() for w in "the old man".split()),
    "abc".isidentifier(),
)
print(
    "a1b2".isalnum(),
    "ABC".isupper(),
    "  x ".strip(" x"),
    "x".zfill(3),
    "%".join("abc"),
    "a\nb".splitlines(True),
)
print(textwrap.fill(text, width=40))
print(textwrap.shorten(text, width=50, placeholder=" [...]"))
print(textwrap.indent("a\nb\n", "> "), end="")
tmpl = string.Template("$who likes $what; $$5 for ${what}s")
print(tmpl.substitute(who="tim", what="kung pao"), tmpl.safe_substitute(who="x"))
print(string.capwords("hello   world"), string.punctuation[:10], string.hexdigits)
caesar = str.maketrans(
    string.ascii_lowercase, string.ascii_lowercase[3:] + string.ascii_lowercase[:3]
)
print("attack at dawn".translate(caesar))


def is_palindrome(s):
    clean = [c.lower() for c in s if c.isalnum()]
    return clean == clean[::-1]


print([is_palindrome(p) for p in ["A man, a plan, a canal: Panama", "race a car", ""]])
print(
    sorted(["banana", "Apple", "cherry", "apple"], key=str.casefold),
    sorted("hello"),
    "".join(sorted("hello")),
)
print(ord("A"), chr(0x1F40D), "ß".upper(), "ﬁ".upper(), "Straße".lower(), "ǅ".title(), "i̇".upper())
print("{:-^30}".format(" report "), "x" * 3 + "y" * 2, "abc" < "abd", "Z" < "a", "10" < "9")

import re
from collections import Counter, defaultdict

TEXT = """\
Call me Ishmael. Some years ago—never mind how long precisely—having
little or no money in my purse, and nothing particular to interest me on
shore, I thought I would sail about a little and see the watery part of
the world. It is a way I have of driving off the spleen and regulating the
circulation. Whenever I find myself growing grim about the mouth; whenever
it is a damp, drizzly November in my soul; whenever I find myself
involuntarily pausing before coffin warehouses...
"""

words = re.findall(r"[a-z']+", TEXT.lower())
counts = Counter(words)
print(len(words), len(counts))
for word, n in counts.most_common(6):
    print(f"{word:>10} {n:2d} {'#' * n}")
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
for length in sorted(by_len)[-3:]:
    print(length, by_len[length])
sentences = [s.strip() for s in re.split(r"(?<=[.;])\s+", TEXT) if s.strip()]
print(len(sentences))
for s in sentences[:3]:
    print(repr(s[:40]), len(s.split()))
letters = Counter(c for c in TEXT.lower() if c.isalpha())
print("".join(c for c, _ in letters.most_common(10)), sum(letters.values()))
print(TEXT.count("\n"), TEXT.splitlines()[1].title(), TEXT[:4].upper(), TEXT.find("Ishmael"))
caps = re.findall(r"\b[A-Z][a-z]+\b", TEXT)
print(caps)
print(re.sub(r"(\w+)ly\b", r"<\1>", "slowly and quickly but not fly"))
print(" ".join(w.capitalize() for w in "the old man and the sea".split()))
print(re.sub(r"\s+", " ", "  lots   of\t\twhite \n space ").strip())
acronym = "".join(w[0] for w in "portable network graphics".split()).upper()
print(acronym, "level"[::-1] == "level", sorted("listen") == sorted("silent"))
table = str.maketrans("aeiou", "AEIOU", "-")
print("co-operate and re-enter".translate(table))
vowel_runs = re.findall(r"[aeiou]{2,}", TEXT.lower())
print(Counter(vowel_runs).most_common(3))
print(f"{'centered':^20}|{'right':>8}|{'left':<8}|")
lines = TEXT.splitlines()
longest = max(lines, key=len)
print(len(longest), lines.index(longest))
print("—" in TEXT, TEXT.encode("utf-8")[:20], len(TEXT.encode()), len(TEXT))

s = "  Hello, World! Hello, Python.  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip(" .")))
t = s.strip()
print(t.lower(), t.upper(), t.swapcase(), t.title(), "hello world".capitalize())
print(t.count("Hello"), t.find("Python"), t.rfind("Hello"), t.find("zzz"), t.index("World"))
print(
    t.replace("Hello", "Bye", 1),
    t.split(", "),
    t.rsplit(" ", 1),
    t.partition(","),
    t.rpartition(","),
)
print(
    "a,b,,c".split(","),
    "  a  b  ".split(),
    "line1\nline2\r\nline3".splitlines(),
    "x\ny\n".splitlines(True),
)
print("-".join(["a", "b", "c"]), "".join(reversed("stressed")), "abc" * 3)
print(
    t.startswith("Hello"),
    t.endswith(("Python.", "x")),
    "42".isdigit(),
    "4.2".isdigit(),
    "abc".isalpha(),
)
print(
    "Abc1".isalnum(),
    "   ".isspace(),
    "Title Case".istitle(),
    "UP".isupper(),
    "²".isdecimal(),
    "²".isdigit(),
)
print(
    "42".zfill(5),
    "-42".zfill(5),
    "ab".center(7, "*"),
    "ab".ljust(5, ".") + "|",
    "ab".rjust(5) + "|",
)
print("tab\tsep".expandtabs(4), "hello".encode(), b"bytes".decode(), "ß".casefold(), "ß".upper())
table = str.maketrans("aeiou", "12345", "xyz")
print("the quick xyz brown".translate(table))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"))
print("%s has %d chars" % (t, len(t)), min("banana"), max("banana"), sorted("banana"))
print("a" < "b", "B" < "a", "apple" < "apples", ord("A"), chr(9731), "é".encode("utf-8"))
words = "the rain in spain stays mainly in the plain".split()
print(sorted(set(words), key=lambda w: (-len(w), w)))
print(" ".join(w[::-1] for w in words), words[::2], words[-2:])
print("Mississippi".count("ss"), "Mississippi".replace("ss", "SS"), "abc"[::-1], "abcdef"[1:5:2])


def is_palindrome(text):
    cleaned = [c.lower() for c in text if c.isalnum()]
    return cleaned == cleaned[::-1]


for phrase in [
    "A man, a plan, a canal: Panama",
    "Not a palindrome",
    "Was it a car or a cat I saw?",
]:
    print(f"{phrase!r:40} {is_palindrome(phrase)}")
import string

print(
    string.ascii_lowercase,
    string.digits,
    string.punctuation[:10],
    string.capwords("hello   big world"),
)
tpl = string.Template("$who likes ${what}s")
print(tpl.substitute(who="tim", what="kung pao"), tpl.safe_substitute(who="ann"))
print("{:>6}".format("x").replace(" ", "."), "CamelCaseString".swapcase(), "snake_case".split("_"))

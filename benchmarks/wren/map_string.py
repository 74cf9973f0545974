# ruff: noqa: UP031 - a plain-CPython twin of the Wren program, kept literal
adjectives = [
    "small",
    "big",
    "red",
    "blue",
    "fast",
    "slow",
    "old",
    "new",
    "hot",
    "cold",
    "soft",
    "hard",
    "dark",
    "bright",
    "long",
    "short",
]
nouns = [
    "apple",
    "banana",
    "cherry",
    "grape",
    "lemon",
    "mango",
    "olive",
    "peach",
    "pear",
    "plum",
    "melon",
    "berry",
    "fig",
    "date",
    "lime",
    "kiwi",
]

m = {}
for adjective in adjectives:
    for noun in nouns:
        for i in range(1, 21):
            m["%s %s %d" % (adjective, noun, i)] = i

total = 0
for _ in range(10):
    for adjective in adjectives:
        for noun in nouns:
            for i in range(1, 21):
                total += m["%s %s %d" % (adjective, noun, i)]
print(total)

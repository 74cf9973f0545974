# ruff: noqa: B007, PLR0133 - a plain-CPython twin of the Wren program, kept literal
count = 0
for i in range(1, 200001):
    if "abc" == "abc":
        count += 1
    if "a slightly longer string" == "a slightly longer string":
        count += 1
    if (
        "a significantly longer string but still not overwhelmingly long string"
        == "a significantly longer string but still not overwhelmingly long string"
    ):
        count += 1
    if "" == "abc":
        count += 1
    if "abc" == "abcd":
        count += 1
    if "changed one character" == "changed !ne character":
        count += 1
    if "123" == 123:
        count += 1
    if "a slightly longer string" == "a slightly longer string!":
        count += 1
print(count)

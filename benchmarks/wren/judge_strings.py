s = ""
for _ in range(100000):
    s = s + "x"
print(len(s))


def line(n):
    out = ""
    for i in range(n):
        out = out + f"{i},"
    return out


print(len(line(30000)))
parts = []
for i in range(30000):
    parts.append(f"item{i}")
print(len(";".join(parts)))

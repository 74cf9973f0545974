lst = []
for i in range(500000):
    lst.append(i)

total = 0
for i in lst:
    total += i
print(total)

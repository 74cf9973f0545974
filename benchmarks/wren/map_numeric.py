m = {}
for i in range(1, 200001):
    m[i] = i

total = 0
for i in range(1, 200001):
    total += m[i]
print(total)

for i in range(1, 200001):
    del m[i]
print(len(m))

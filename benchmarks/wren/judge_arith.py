total = 0
odd = 0
for i in range(300000):
    total = total + i * 2 % 7
    if i % 3 == 1:
        odd = odd + i // 4
print(total)
print(odd)

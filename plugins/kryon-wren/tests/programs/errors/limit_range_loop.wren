var n = 0
for (i in 1..1e18) n = n + 1

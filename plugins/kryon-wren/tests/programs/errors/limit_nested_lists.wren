var l = []
for (i in 1..5000) l = [l]
System.print(l)

var l = [1, 2, 3, 4]
while (true) l.addAll(l)

var m = {}
m["a"] = 1
System.print(m)
m[[1, 2]] = 3

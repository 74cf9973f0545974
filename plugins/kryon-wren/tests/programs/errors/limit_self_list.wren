var l = [1]
l.add(l)
System.print(l)

var l = [1, 2, 3]
System.print(l[0..1])
System.print(l[1..5])

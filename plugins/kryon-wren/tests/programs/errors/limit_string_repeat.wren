System.print("x" * 3)
var big = "x" * 1e9
System.print(big.count)

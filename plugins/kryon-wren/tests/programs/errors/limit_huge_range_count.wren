System.print((1..10).count)
System.print((1..1e15).count)

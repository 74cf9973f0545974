var items = [1, 2, "three", 4]
var doubled = items.map {|x| x - 1 }
System.print("mapped lazily")
System.print(doubled.take(2).toList)
System.print(doubled.toList)

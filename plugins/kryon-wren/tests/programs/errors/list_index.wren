var items = [1, 2, 3]
System.print(items[2])
var f = Fn.new {|i| items[i] }
System.print(f.call(-3))
System.print(f.call(3))

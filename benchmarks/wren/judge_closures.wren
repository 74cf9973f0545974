// Closures and the Sequence helpers over 100k elements, plus fib(20).
var nums = (0...100000).toList
var squares = nums.map {|x| x * x }.where {|x| x % 3 == 1 }.toList
var total = squares.reduce(0) {|a, b| a + b }
System.print(squares.count)
System.print(total)
var counter = 0
var bump = Fn.new {|by| counter = counter + by }
for (i in 0...100000) bump.call(i % 5)
System.print(counter)
var fib
fib = Fn.new {|n| n < 2 ? n : fib.call(n - 1) + fib.call(n - 2) }
System.print(fib.call(20))

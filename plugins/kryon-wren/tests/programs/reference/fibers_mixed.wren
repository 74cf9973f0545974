var producer = Fiber.new {
  for (i in 1..3) {
    System.print("produce %(i)")
    Fiber.yield(i)
  }
  return null
}
var consumer = Fiber.new {
  while (true) {
    var v = producer.call()
    if (v == null) break
    System.print("consume %(v)")
  }
}
consumer.call()
System.print(producer.isDone)
var f = Fiber.new {|x| x * 2 }
System.print(f.call(21))
var g = Fiber.new { Fiber.yield() }
System.print(g.call())
System.print(g.isDone)
g.call()
System.print(g.isDone)
var e1 = Fiber.new { Fiber.abort([1, 2]) }
var r1 = e1.try()
System.print(r1)
System.print(r1 is List)
var deep = Fiber.new {
  var level2 = Fiber.new {
    var level3 = Fiber.new { Fiber.abort("deep error") }
    level3.call()
  }
  level2.call()
}
System.print(deep.try())
System.print(deep.error)
var retry = Fiber.new { "first" }
retry.call()
var r = Fiber.new { retry.call() }.try()
System.print(r)
var abortedTwice = Fiber.new { Fiber.abort("x") }
abortedTwice.try()
System.print(Fiber.new { abortedTwice.call() }.try())
var self
self = Fiber.new { self.call() }
System.print(self.try())
var tryArg = Fiber.new {|v| Fiber.abort("got %(v)") }
System.print(tryArg.try("val"))
var gen = Fn.new {|n|
  return Fiber.new {
    for (i in 0...n) Fiber.yield(i)
  }
}
var it = gen.call(4)
var collected = []
while (true) {
  var v = it.call()
  if (it.isDone) break
  collected.add(v)
}
System.print(collected)
var main = Fiber.current
var other = Fiber.new {
  System.print("in other")
  main.transfer("from other")
}
System.print(other.transfer())
System.print("back in main")

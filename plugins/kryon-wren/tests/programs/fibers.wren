var gen = Fiber.new {
  for (i in 1..3) Fiber.yield(i)
  return "done"
}
while (!gen.isDone) System.print(gen.call())
System.print(gen.isDone)
var f = Fiber.new {|x|
  System.print("got %(x)")
  var y = Fiber.yield(x * 2)
  System.print("then %(y)")
  var z = Fiber.yield()
  System.print("z %(z)")
  return 7
}
System.print(f.call(5))
System.print(f.call(6))
System.print(f.call())
System.print(f.isDone)
var bad = Fiber.new { Fiber.abort("boom") }
System.print(bad.try())
System.print(bad.error)
System.print(bad.isDone)
var bad2 = Fiber.new { 1 + null }
System.print(bad2.try())
var bad3 = Fiber.new { [1][5] }
System.print(bad3.try())
var bad4 = Fiber.new { "x".foo }
System.print(bad4.try())
var bad5 = Fiber.new { Fiber.abort(123) }
System.print(bad5.try())
System.print(bad5.error)
var bad6 = Fiber.new { Fiber.abort(null) }
System.print(bad6.try())
System.print(bad6.error)
System.print(bad6.isDone)
var ok = Fiber.new { "fine" }
System.print(ok.try())
System.print(ok.error)
var nested = Fiber.new {
  var inner = Fiber.new {
    Fiber.yield("inner1")
    Fiber.yield("inner2")
  }
  Fiber.yield(inner.call())
  Fiber.yield(inner.call())
  Fiber.yield("outer")
}
System.print(nested.call())
System.print(nested.call())
System.print(nested.call())
System.print(nested.call())
System.print(nested.isDone)
var e = Fiber.new { Fiber.yield(1) }
e.call()
e.call()
var r = Fiber.new { e.call() }.try()
System.print(r)
System.print(Fiber.current is Fiber)
var self = null
self = Fiber.new { self.call() }
System.print(self.try())
var te = Fiber.new { Fiber.new { Fiber.abort("deep") }.call() }
System.print(te.try())
System.print(Fiber.new {|a| a }.call(9))
var seq = Fiber.new {
  var a = 0
  var b = 1
  while (true) {
    Fiber.yield(a)
    var t = a + b
    a = b
    b = t
  }
}
var fibs = []
for (i in 1..10) fibs.add(seq.call())
System.print(fibs)
var tr = Fiber.new {|v|
  System.print("transfer got %(v)")
}
var main = Fiber.current
var t2 = Fiber.new {
  System.print("t2 start")
  tr.transfer("hi")
}
t2.call()
System.print("after t2")

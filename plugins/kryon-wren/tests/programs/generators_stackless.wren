var a
a = Fiber.new {|first|
  System.print("first %(first)")
  var second = Fiber.yield(Fiber.yield(first + 1) * 10)
  System.print("second %(second)")
  for (i in 1..3) {
    if (i == 2) {
      Fiber.yield("loop %(i)")
    } else {
      System.print("i=%(i) current is a: %(Fiber.current == a) done? %(a.isDone)")
    }
  }
  var k = 0
  while (true) {
    k = k + 1
    if (k > 2) return "ret %(k)"
    Fiber.yield("w%(k)")
  }
}
System.print(a.call(1))
System.print(a.call(2))
System.print(a.call(3))
System.print(a.call(4))
System.print(a.call(5))
System.print(a.call(6))
System.print(a.isDone)
var b = Fiber.new {
  Fiber.yield(1)
  null.crash
}
System.print(b.try())
System.print(b.try())
System.print(b.error)
var c = Fiber.new {
  var inner = Fiber.new {
    Fiber.yield("i1")
    Fiber.abort("inner died")
  }
  System.print(inner.call())
  var r = inner.try()
  Fiber.yield("outer saw: %(r)")
  Fiber.yield(inner.isDone)
}
System.print(c.call())
System.print(c.call())
System.print(c.call())
System.print(c.isDone)
var d = Fiber.new { Fiber.yield() }
System.print(d.call())
System.print(d.call(5))
var e = Fiber.new {
  var x = Fiber.yield(1)
  return x
}
e.call()
System.print(e.call([1, 2]))
var gen = Fn.new {|n|
  return Fiber.new {
    for (i in 0...n) Fiber.yield(i * i)
  }
}
var sq = gen.call(4)
var res = []
while (true) {
  var v = sq.call()
  if (sq.isDone) break
  res.add(v)
}
System.print(res)
var f = Fiber.new {
  Fiber.yield(1)
}
f.call()
f.call()
System.print(f.isDone)

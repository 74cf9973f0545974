class Tree {
  construct new(v, l, r) {
    _v = v
    _l = l
    _r = r
  }
  walk() {
    if (_l != null) _l.walk()
    Fiber.yield(_v)
    if (_r != null) _r.walk()
  }
}
var t = Tree.new(4, Tree.new(2, Tree.new(1, null, null), Tree.new(3, null, null)), Tree.new(6, null, Tree.new(7, null, null)))
var f = Fiber.new { t.walk() }
var out = []
while (true) {
  var v = f.call()
  if (f.isDone) break
  out.add(v)
}
System.print(out)
// producer/consumer
var producer = Fiber.new {
  for (i in 1..3) {
    System.print("produce %(i)")
    Fiber.yield(i)
  }
}
var consumer = Fiber.new {
  while (!producer.isDone) {
    var x = producer.call()
    if (x != null) System.print("consume %(x)")
  }
}
consumer.call()
// error inside nested generator
var g = Fiber.new {
  [1, 2, 3].each {|x|
    if (x == 3) Fiber.abort("bad %(x)")
    Fiber.yield(x)
  }
}
System.print(g.try())
System.print(g.try())
System.print(g.try())
System.print(g.error)
System.print(g.isDone)
// yield inside a map closure
var h = Fiber.new {
  var r = (1..3).map {|x| Fiber.yield(x) }.toList
  return r
}
System.print(h.call())
System.print(h.call("a"))
System.print(h.call("b"))
System.print(h.call("c"))
// transfer ping-pong
var ping
var pong
var main = Fiber.current
var n = 0
ping = Fiber.new {
  while (n < 3) {
    System.print("ping %(n)")
    n = n + 1
    pong.transfer()
  }
  main.transfer("done")
}
pong = Fiber.new {
  while (true) {
    System.print("pong")
    ping.transfer()
  }
}
System.print(ping.transfer())

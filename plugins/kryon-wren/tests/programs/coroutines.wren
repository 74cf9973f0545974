// Fibers as generators and coroutines; error handling with Fiber.try.
class Gen {
  static range(from, to) {
    return Fiber.new {
      var i = from
      while (i <= to) {
        Fiber.yield(i)
        i = i + 1
      }
    }
  }
  static take(fiber, n) {
    var out = []
    while (out.count < n) {
      var v = fiber.call()
      if (fiber.isDone) break
      out.add(v)
    }
    return out
  }
}
System.print(Gen.take(Gen.range(1, 10), 4))
System.print(Gen.take(Gen.range(1, 3), 10))

var fibs = Fiber.new {
  var a = 0
  var b = 1
  while (true) {
    Fiber.yield(a)
    var t = a + b
    a = b
    b = t
  }
}
System.print((1..10).map {|i| fibs.call() }.toList)

// A consumer that receives values through call(value).
var acc = Fiber.new {|first|
  var total = first
  while (true) {
    var next = Fiber.yield(total)
    if (next == null) return "final %(total)"
    total = total + next
  }
}
System.print(acc.call(1))
System.print(acc.call(2))
System.print(acc.call(3))
System.print(acc.call())
System.print(acc.isDone)
System.print(Fiber.new { acc.call(1) }.try())

// Nested fibers: yield returns to the immediate caller.
var inner = Fiber.new {
  Fiber.yield("inner 1")
  Fiber.yield("inner 2")
}
var outer = Fiber.new {
  System.print("outer got " + inner.call())
  Fiber.yield("outer paused")
  System.print("outer got " + inner.call())
}
System.print(outer.call())
System.print(outer.call())
System.print(outer.isDone)

// Errors inside fibers.
var risky = Fiber.new {|n|
  if (n > 2) Fiber.abort("too big: %(n)")
  return n * 10
}
System.print(risky.try(1))
var risky2 = Fiber.new {|n|
  if (n > 2) Fiber.abort("too big: %(n)")
  return n * 10
}
System.print(risky2.try(5))
System.print(risky2.error)
System.print(risky2.isDone)
System.print(Fiber.new { risky2.call() }.try())

var safeDiv = Fn.new {|a, b|
  var f = Fiber.new {
    if (b == 0) Fiber.abort("division by zero")
    return a / b
  }
  var r = f.try()
  return f.error == null ? r : "error: %(f.error)"
}
System.print(safeDiv.call(10, 4))
System.print(safeDiv.call(1, 0))

// Fiber.current and transfer.
var main = Fiber.current
var worker = Fiber.new {
  System.print("worker running")
  main.transfer("from worker")
  System.print("never printed")
}
System.print(worker.transfer())
System.print(worker.isDone)
var f = Fiber.new { Fiber.current }
System.print(f.call() == f)

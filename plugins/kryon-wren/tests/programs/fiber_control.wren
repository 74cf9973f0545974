// Fibers: yield and resume with values, transfer, try, error handling.
var gen = Fiber.new {|start|
  var n = start
  while (true) {
    var cmd = Fiber.yield(n)
    if (cmd == "stop") return "stopped at %(n)"
    n = n + (cmd == null ? 1 : cmd)
  }
}
System.print(gen.call(10))
System.print(gen.call())
System.print(gen.call(5))
System.print(gen.isDone)
System.print(gen.call("stop"))
System.print(gen.isDone)
var e = Fiber.new { gen.call() }.try()
System.print(e)

var failing = Fiber.new {
  System.print("before")
  Fiber.abort("boom")
  System.print("never")
}
System.print(failing.try())
System.print(failing.error)
System.print(failing.isDone)

var numErr = Fiber.new { 1 + "a" }
System.print(numErr.try())
var nested = Fiber.new {
  var inner = Fiber.new { Fiber.abort({"code": 42}) }
  var r = inner.try()
  System.print("inner said %(r["code"])")
  Fiber.abort("outer")
}
System.print(nested.try())

var main = Fiber.current
var log = []
var ping
var pong = Fiber.new {
  log.add("pong 1")
  ping.transfer()
  log.add("pong 2")
  main.transfer("done")
}
ping = Fiber.new {
  log.add("ping 1")
  pong.transfer()
  log.add("ping 2")
  pong.transfer()
}
var result = ping.transfer()
System.print(log)
System.print(result)

var producer = Fiber.new {
  for (i in 1..3) Fiber.yield(i * i)
}
while (true) {
  var v = producer.call()
  if (producer.isDone) break
  System.print("got %(v)")
}
var noArgs = Fiber.new { "returned" }
System.print(noArgs.call())
var oneArg = Fiber.new {|x| x * 2 }
System.print(oneArg.call(21))
System.print(Fiber.current != null)
var yielder = Fiber.new {
  Fiber.yield()
  return 1
}
System.print(yielder.call())
System.print(yielder.call())
var abortNull = Fiber.new { Fiber.abort(null) }
System.print(abortNull.try())
System.print(abortNull.isDone)
var fnInside = Fiber.new {
  var helper = Fn.new {|x| Fiber.yield(x + 1) }
  helper.call(1)
  helper.call(2)
  "end"
}
System.print(fnInside.call())
System.print(fnInside.call())
System.print(fnInside.call())
System.print(fnInside.isDone)

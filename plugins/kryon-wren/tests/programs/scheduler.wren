// A round-robin scheduler of fibers with a shared queue.
class Scheduler {
  construct new() {
    _tasks = []
    _log = []
  }
  log { _log }
  spawn(name, steps) {
    var log = _log
    _tasks.add(Fiber.new {
      for (i in 1..steps) {
        log.add("%(name)%(i)")
        Fiber.yield()
      }
      return name
    })
  }
  run() {
    var finished = []
    while (!_tasks.isEmpty) {
      var task = _tasks.removeAt(0)
      var result = task.call()
      if (task.isDone) {
        finished.add(result)
      } else {
        _tasks.add(task)
      }
    }
    return finished
  }
}
var s = Scheduler.new()
s.spawn("a", 3)
s.spawn("b", 1)
s.spawn("c", 2)
System.print(s.run())
System.print(s.log.join(" "))

class Channel {
  construct new() {
    _items = []
  }
  send(v) { _items.add(v) }
  receive() {
    while (_items.isEmpty) Fiber.yield()
    return _items.removeAt(0)
  }
}
var ch = Channel.new()
var consumer = Fiber.new {
  var total = 0
  while (true) {
    var v = ch.receive()
    if (v == null) break
    total = total + v
  }
  return total
}
consumer.call()
for (i in 1..4) {
  ch.send(i * 10)
  consumer.call()
}
ch.send(null)
System.print(consumer.call())
System.print(consumer.isDone)

var gen = Fn.new {|from, to|
  return Fiber.new {
    for (i in from..to) Fiber.yield(i)
  }
}
var g = gen.call(3, 6)
var seen = []
while (true) {
  var v = g.call()
  if (g.isDone) break
  seen.add(v)
}
System.print(seen)
var errs = []
for (n in [1, 0, 2]) {
  var f = Fiber.new { 10 / n > 6 ? Fiber.abort("too big: %(10 / n)") : 10 / n }
  var r = f.try()
  errs.add(f.error == null ? r : "error(%(f.error))")
}
System.print(errs)

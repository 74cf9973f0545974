// Frames of fibers that yield from nested calls, in statements over lines.
var gen = Fiber.new {
  var items = [1, 2, "three"]
  for (i in items) {
    Fiber.yield(i *
      2)
  }
}
while (!gen.isDone) {
  var v = gen.try()
  System.print(v)
}
var deep = Fn.new {|f|
  return f.call(
    10)
}
var worker = Fiber.new {
  deep.call(Fn.new {|n|
    Fiber.yield(n)
    return n.bogus
  })
}
System.print(worker.call())
worker.call()

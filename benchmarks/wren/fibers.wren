// A chain of fibers, each calling the next, then a ping-pong of yields.
var fibers = []
var sum = 0

for (i in 0...300) {
  fibers.add(Fiber.new {
    sum = sum + i
    if (i < 299) fibers[i + 1].call()
  })
}

fibers[0].call()
System.print(sum)

var counter = Fiber.new {
  var n = 0
  while (true) {
    n = n + 1
    Fiber.yield(n)
  }
}
var total = 0
for (i in 1..2000) total = total + counter.call()
System.print(total)

class Worker {
  construct new() {}
  step(n) {
    if (n == 2) return n.missing
    return n
  }
  run() {
    var f = Fiber.new {
      for (i in 0..3) System.print(step(i))
    }
    f.call()
    System.print("unreachable")
  }
}
Worker.new().run()

var spin = Fiber.new {
  while (true) {}
}
System.print("trying")
var r = spin.try()
System.print("caught %(r)")

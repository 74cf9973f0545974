var f = Fiber.new {
  System.print("in fiber")
  var x = [1, 2]
  return x["a"]
}
f.call()

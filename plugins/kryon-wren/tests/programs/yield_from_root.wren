System.print("a")
Fiber.yield(1)
System.print("b")

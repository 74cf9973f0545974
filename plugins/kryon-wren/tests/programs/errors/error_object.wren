System.print("start")
Fiber.abort(["not", "a", "string"])

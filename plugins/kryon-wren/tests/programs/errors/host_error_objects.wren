var e = Fiber.new { 1.foo }.try()
System.print(e is String)
System.print(e.type)
var f = Fiber.new { Fiber.abort(Fn.new { 42 }) }
var obj = f.try()
System.print(obj.call())
System.print(f.error.type)
System.print(Fiber.new { obj.fn }.try())
System.print(Fiber.new { obj.arity }.try())
System.print(Fiber.new { System.type.type.name }.try())
System.print(Fiber.new { Object.new() }.try())
import "io" for File

import "meta" for Meta
var src = "1"
for (i in 1..100) src = "(" + src + ")"
System.print(Meta.eval("System.print(%(src))"))
src = "[" * 200000 + "]" * 200000
var r = Fiber.new { Meta.eval(src) }.try()
System.print(r)
Meta.eval(src)

// Closures capturing locals, loop variables, and Fn.new with arities.
var makeCounter = Fn.new {
  var count = 0
  return Fn.new { count = count + 1 }
}
var c1 = makeCounter.call()
var c2 = makeCounter.call()
c1.call()
c1.call()
System.print(c1.call())
System.print(c2.call())

var fns = []
for (i in 1..3) fns.add(Fn.new { i * 10 })
System.print(fns.map {|f| f.call() }.toList)

var adders = []
var j = 0
while (j < 3) {
  var k = j
  adders.add(Fn.new {|x| x + k })
  j = j + 1
}
System.print(adders.map {|f| f.call(100) }.toList)

var zero = Fn.new { "zero" }
var one = Fn.new {|a| "one %(a)" }
var two = Fn.new {|a, b| "two %(a) %(b)" }
var three = Fn.new {|a, b, c| [a, b, c] }
System.print(zero.arity)
System.print(one.arity)
System.print(two.arity)
System.print(three.arity)
System.print(zero.call())
System.print(one.call(1))
System.print(two.call(1, 2))
System.print(three.call(1, 2, 3))
System.print(one.call(1, 2))
var e = Fiber.new { two.call(1) }.try()
System.print(e)
System.print(zero)
System.print(zero is Fn)
System.print(Fn.new {} .call())

var compose = Fn.new {|f, g| Fn.new {|x| f.call(g.call(x)) } }
var inc = Fn.new {|x| x + 1 }
var dbl = Fn.new {|x| x * 2 }
System.print(compose.call(inc, dbl).call(5))
System.print(compose.call(dbl, inc).call(5))

var memo = {}
var fib
fib = Fn.new {|n|
  if (n < 2) return n
  if (memo.containsKey(n)) return memo[n]
  var v = fib.call(n - 1) + fib.call(n - 2)
  memo[n] = v
  return v
}
System.print(fib.call(80))

class Button {
  construct new(label) {
    _label = label
    _handlers = []
  }
  onClick(fn) { _handlers.add(fn) }
  click() {
    for (h in _handlers) h.call(this)
  }
  label { _label }
}
var b = Button.new("OK")
var clicks = 0
b.onClick {|btn| clicks = clicks + 1 }
b.onClick {|btn| System.print("clicked %(btn.label) %(clicks)") }
b.click()
b.click()

var shadow = "outer"
var reader = Fn.new { shadow }
shadow = "changed"
System.print(reader.call())
{
  var shadow = "inner"
  System.print(shadow)
}
System.print(shadow)
var sixteen = Fn.new {|a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p| a + p }
System.print(sixteen.arity)
System.print(sixteen.call(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16))

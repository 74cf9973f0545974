// Closures: counters, captured loop variables, currying, Fn arity and call.
var makeCounter = Fn.new {|start|
  var n = start
  return Fn.new {
    n = n + 1
    return n
  }
}
var c1 = makeCounter.call(0)
var c2 = makeCounter.call(100)
c1.call()
c1.call()
System.print([c1.call(), c2.call()])

var adders = []
for (i in 1..3) adders.add(Fn.new {|x| x + i })
System.print(adders.map {|f| f.call(10) }.toList)

var j = 0
var later = []
while (j < 3) {
  var k = j * j
  later.add(Fn.new { "%(j):%(k)" })
  j = j + 1
}
System.print(later.map {|f| f.call() }.join(" "))

var curry = Fn.new {|a| Fn.new {|b| Fn.new {|c| a * 100 + b * 10 + c } } }
System.print(curry.call(1).call(2).call(3))

var fns = [Fn.new { 0 }, Fn.new {|a| a }, Fn.new {|a, b| a + b }, Fn.new {|a, b, c, d, e, f| f }]
System.print(fns.map {|f| f.arity }.toList)
System.print(fns[1].call(1, 2, 3))
System.print(fns[3].call(1, 2, 3, 4, 5, 6))
System.print(fns[0])
System.print(Fn.new {}.call())
System.print(Fiber.new { fns[2].call(1) }.try())

var compose = Fn.new {|f, g| Fn.new {|x| f.call(g.call(x)) } }
var inc = Fn.new {|x| x + 1 }
var dbl = Fn.new {|x| x * 2 }
System.print(compose.call(inc, dbl).call(5))
System.print(compose.call(dbl, inc).call(5))

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
var log = []
var b = Button.new("OK")
b.onClick {|btn| log.add("first " + btn.label) }
b.onClick {|btn| log.add("second") }
b.click()
b.click()
System.print(log)

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
System.print((1..10).map {|n| fib.call(n) }.toList)
{
  var shadow = "outer"
  {
    var shadow = "inner"
    System.print(shadow)
  }
  System.print(shadow)
}

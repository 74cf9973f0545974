var x = "outer"
{
  var x = "inner"
  System.print(x)
  {
    var x = "innermost"
    System.print(x)
  }
  System.print(x)
}
System.print(x)
var c = 1
var get = Fn.new { c }
c = 2
System.print(get.call())
class Shape {
  construct new(name) {
    _name = name
    if (name == "early") return
    _extra = "set"
  }
  name { _name }
  name() { "method:" + _name }
  extra { _extra }
  describe { "%(name) / %(name()) / %(extra)" }
  static create(n) { new(n) }
  static kind { "shape" }
  kindOf { Shape.kind }
  self { this }
}
System.print(Shape.new("circle").describe)
System.print(Shape.new("early").describe)
System.print(Shape.create("sq").name)
System.print(Shape.new("x").kindOf)
System.print(Shape.new("y").self.name)
class Counter {
  static next {
    __n = (__n == null) ? 1 : __n + 1
    return __n
  }
  static reset() { __n = 0 }
}
Counter.next
Counter.next
System.print(Counter.next)
Counter.reset()
System.print(Counter.next)
class Sub is Shape {
  construct new() { super("sub") }
  describe { "Sub<" + super.describe + ">" }
  static kind { "sub-" + super.kind }
}
System.print(Sub.new().describe)
var fact
fact = Fn.new {|n| n <= 1 ? 1 : n * fact.call(n - 1) }
System.print(fact.call(10))
System.print(fact.call(20))
System.print(fact.call(25))
var memo = {}
var fibm
fibm = Fn.new {|n|
  if (n < 2) return n
  if (memo.containsKey(n)) return memo[n]
  var r = fibm.call(n - 1) + fibm.call(n - 2)
  memo[n] = r
  return r
}
System.print(fibm.call(80))
var hanoi
var moves = 0
hanoi = Fn.new {|n, a, b, c|
  if (n == 0) return
  hanoi.call(n - 1, a, c, b)
  moves = moves + 1
  hanoi.call(n - 1, c, b, a)
}
hanoi.call(10, "A", "B", "C")
System.print(moves)

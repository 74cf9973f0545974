class Vec {
  construct new(x, y) {
    _x = x
    _y = y
  }
  construct zero() {
    _x = 0
    _y = 0
  }
  x { _x }
  y { _y }
  x=(v) { _x = v }
  +(o) { Vec.new(_x + o.x, _y + o.y) }
  -(o) { Vec.new(_x - o.x, _y - o.y) }
  - { Vec.new(-_x, -_y) }
  *(s) { Vec.new(_x * s, _y * s) }
  ==(o) { o is Vec && _x == o.x && _y == o.y }
  !=(o) { !(this == o) }
  [i] { i == 0 ? _x : _y }
  [i]=(v) {
    if (i == 0) {
      _x = v
    } else {
      _y = v
    }
  }
  [a, b] { a + b + _x }
  length { (_x * _x + _y * _y).sqrt }
  ! { "not!" }
  ~ { "tilde" }
  ..(o) { "range %(this) to %(o)" }
  toString { "(%(_x), %(_y))" }
  call(a) { "one" }
  call(a, b) { "two" }
  static origin { Vec.zero() }
}
var v = Vec.new(3, 4)
System.print(v + Vec.new(1, 1))
System.print(v - Vec.new(1, 1))
System.print(-v)
System.print(v * 2)
System.print(v == Vec.new(3, 4))
System.print(v != Vec.new(3, 4))
System.print(v == 3)
System.print(v[0])
v[1] = 10
System.print(v)
System.print(v[1, 2])
System.print(v.length)
System.print(!v)
System.print(~v)
System.print(v..Vec.origin)
System.print(v.x = 7)
System.print(v)
System.print(v.call(1))
System.print(v.call(1, 2))
System.print(Vec.origin)
System.print([v, Vec.origin])
System.print(null || "x")
System.print(1 && 2)
System.print(false && 1)
System.print(null && 1)
System.print(0 || 5)
System.print("" || 5)
var fns = []
for (i in 1..3) fns.add(Fn.new { i * 10 })
System.print(fns.map {|f| f.call() }.toList)
var j = 0
var gs = []
while (j < 3) {
  var k = j
  gs.add(Fn.new { k })
  j = j + 1
}
System.print(gs.map {|f| f.call() }.toList)
var counter = Fn.new {
  var c = 0
  return Fn.new { c = c + 1 }
}.call()
counter.call()
counter.call()
System.print(counter.call())
System.print(Fn.new {|a, b| a }.arity)
System.print(Fn.new {})
System.print(counter)
for (i in 0..10) {
  if (i % 2 == 0) continue
  if (i > 7) break
  System.write("%(i) ")
}
System.print()
var b
var a = b = 3
System.print(a)
System.print(true ? "yes" : "no")
System.print(1 == 1.0)
System.print(Object.same(v, v))
System.print("abc" is String)
System.print(Vec is Class)
System.print(v.toString.count)
class Base {
  construct new() {}
  static make() { this.new() }
  name { "base" }
  greet() { "I am %(name)" }
}
class Derived is Base {
  construct new() { super() }
  name { "derived" }
}
System.print(Derived.new().greet())

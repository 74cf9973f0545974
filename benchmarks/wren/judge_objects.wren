// Small classes: constructors, getters, setters and an operator, 100k times.
class Vec {
  construct new(x, y) {
    _x = x
    _y = y
  }
  x { _x }
  y { _y }
  x=(v) { _x = v }
  +(o) { Vec.new(_x + o.x, _y + o.y) }
  dot(o) { _x * o.x + _y * o.y }
}
var p = Vec.new(0, 0)
var d = Vec.new(1, 2)
var dots = 0
for (i in 0...100000) {
  p = p + d
  dots = dots + p.dot(d)
  if (i % 1000 == 0) p.x = 0
}
System.print(p.x)
System.print(p.y)
System.print(dots)

// Operator overloading, including subscript getters and setters.
class Vec {
  construct new(x, y) {
    _x = x
    _y = y
  }
  x { _x }
  y { _y }
  +(o) { Vec.new(_x + o.x, _y + o.y) }
  -(o) { Vec.new(_x - o.x, _y - o.y) }
  *(k) { k is Num ? Vec.new(_x * k, _y * k) : _x * k.x + _y * k.y }
  -{ Vec.new(-_x, -_y) }
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
  <(o) { length < o.length }
  length { (_x * _x + _y * _y).sqrt }
  toString { "(%(_x), %(_y))" }
}

class Grid {
  construct new(w, h) {
    _w = w
    _cells = List.filled(w * h, 0)
  }
  [x, y] { _cells[y * _w + x] }
  [x, y]=(v) { _cells[y * _w + x] = v }
  toString { _cells.toString }
}

var a = Vec.new(1, 2)
var b = Vec.new(3, 4)
System.print(a + b)
System.print(a - b)
System.print(a * 3)
System.print(a * b)
System.print(-a)
System.print(a == Vec.new(1, 2))
System.print(a != b)
System.print(a == 1)
System.print(b.length)
System.print(a < b)
System.print(a[0])
a[1] = 10
System.print(a)
System.print(a[1] = 7)
var g = Grid.new(3, 2)
g[1, 1] = 5
g[2, 0] = g[1, 1] * 2
System.print(g)
System.print(g[2, 0])

class Point {
  construct new(x, y) {
    _x = x
    _y = y
  }
  x { _x }
  x { _x }
}
var p = 1
var p = 2
System.print(this)

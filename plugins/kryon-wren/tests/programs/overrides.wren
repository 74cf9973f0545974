// User toString and == in printing, interpolation, lists and joins.
class Point {
  construct new(x, y) {
    _x = x
    _y = y
  }
  x { _x }
  y { _y }
  ==(o) { (o is Point) && o.x == _x && o.y == _y }
  !=(o) { !(this == o) }
  toString { "P(%(_x),%(_y))" }
}
var p = Point.new(1, 2)
var q = Point.new(1, 2)
System.print(p == q)
System.print(p != q)
System.print(Object.same(p, q))
System.print(Object.same(p, p))
var pts = [p, Point.new(3, 4)]
System.print(pts)
System.print(pts.indexOf(q))
System.print(pts.contains(q))
System.print(pts.contains(p))
System.print(pts.join(" | "))
System.print("at %(p)")
System.print({"k": p})
System.print(p.toString.count)
System.print([p].toString)
System.write(p)
System.print()
System.printAll([p, 1, "s"])
System.writeAll([q, 2])
System.print()
class Weird {
  construct new() {}
  toString { 42 }
}
System.print(Weird.new())
System.print([1, 2] == [1, 2])
System.print("ab" == "a" + "b")
System.print((1..2) == (1..2))
System.print((1..2) == (1...2))
System.print(null == false)
System.print(1 == "1")
System.print(Object.same(1, 1.0))
System.print(Object.same("a", "a"))
System.print(Point.toString)
System.print(Point.new(0, 0).type)

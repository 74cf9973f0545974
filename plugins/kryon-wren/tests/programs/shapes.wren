// Inheritance, super calls, abstract-style methods, is checks and toString.
class Shape {
  construct new(name) { _name = name }
  name { _name }
  area { Fiber.abort("%(type.name) must define area") }
  describe { "%(name) with area %(area)" }
  <(other) { area < other.area }
  ==(other) { other is Shape && area == other.area }
  toString { "Shape(%(_name))" }
}

class Rect is Shape {
  construct new(w, h) {
    super("rect")
    _w = w
    _h = h
  }
  area { _w * _h }
  toString { "Rect(%(_w)x%(_h))" }
}

class Square is Rect {
  construct new(s) { super(s, s) }
  describe { "square! " + super.describe }
}

class Circle is Shape {
  construct new(r) {
    super("circle")
    _r = r
  }
  area { Num.pi * _r * _r }
}

var shapes = [Rect.new(2, 3), Square.new(2), Circle.new(1), Square.new(3)]
for (s in shapes) System.print(s.describe)
shapes.sort {|a, b| a.area < b.area }
System.print(Rect.new(1, 1) < Circle.new(1))
System.print(shapes)
System.print(Square.new(2) == Rect.new(1, 4))
System.print(Square.new(2) != Rect.new(1, 4))
System.print(Square.new(2) == 4)
System.print(shapes.map {|s| s.type }.toList)
System.print(shapes.where {|s| s is Rect }.count)
System.print(Square.supertype)
System.print(Square.supertype.supertype.supertype)
System.print(Square.new(1) is Shape)
System.print(Circle.new(1) is Rect)
var blob = Shape.new("blob")
System.print(Fiber.new { blob.describe }.try())
System.print(blob)

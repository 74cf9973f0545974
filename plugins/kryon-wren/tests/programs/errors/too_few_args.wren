class Shape {
  construct new() {}
  area(scale) { 1 * scale }
}
var s = Shape.new()
System.print(s.area(2))
System.print(s.area)

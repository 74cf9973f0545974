class Twice {
  static new(x) { x * 2 }
}
class Box {
  construct make() { _v = Twice.new(-3) }
  v { _v.abs }
}
var n = Twice.new(-4)
System.print(n.abs)
System.print(Box.make().v)
System.print(n == 8)
var t = Twice.new(0.5)
System.print(t == true)

class Registry {
  static init() {
    __items = []
    __count = 0
  }
  static register(name) {
    __items.add(name)
    __count = __count + 1
    return this
  }
  static count { __count }
  static items { __items }
}
Registry.init()
Registry.register("a").register("b")
System.print(Registry.count)
System.print(Registry.items)
class Base {
  static create() { this.new() }
  construct new() {}
  static kind { "base" }
  kind { this.type.kind }
}
class Derived is Base {
  construct new() { super() }
  static kind { "derived" }
}
System.print(Base.create().kind)
System.print(Derived.new().kind)
System.print(Derived.new().type)
class Shared {
  static value { __v }
  static value=(v) { __v = v }
}
class SubShared is Shared {}
Shared.value = 10
Shared.value = 20
System.print(Shared.value)
class Multi {
  construct new() { _how = "new" }
  construct fromValue(v) { _how = "fromValue %(v)" }
  construct empty() {}
  how { _how }
}
System.print(Multi.new().how)
System.print(Multi.fromValue(3).how)
System.print(Multi.empty().how)
class Point {
  construct new(x, y) {
    _x = x
    _y = y
  }
  static origin { Point.new(0, 0) }
  static distance(a, b) { ((a.x - b.x).pow(2) + (a.y - b.y).pow(2)).sqrt }
  x { _x }
  y { _y }
  toString { "(%(_x), %(_y))" }
}
System.print(Point.distance(Point.origin, Point.new(3, 4)))
System.print(Point.origin)
class Calls {
  construct new() {}
  foo { "getter" }
  foo() { "method0" }
  foo(a) { "method1 %(a)" }
  foo(a, b) { "method2 %(a) %(b)" }
  [i] { "sub %(i)" }
  [i, j] { "sub2 %(i) %(j)" }
  call() { foo + " " + foo() + " " + foo(1) + " " + foo(1, 2) }
}
var c = Calls.new()
System.print(c.foo)
System.print(c.foo())
System.print(c.foo(1))
System.print(c.foo(1, 2))
System.print(c[5])
System.print(c[1, 2])
System.print(c.call())
// Static methods are not inherited: a metaclass does not inherit its
// superclass's metaclass.
System.print(SubShared.value)

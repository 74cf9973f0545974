// Static and instance fields, static methods, getters and setters.
class Counter {
  static instances { __instances }
  static reset() { __instances = 0 }
  construct new(name) {
    _name = name
    _count = 0
    __instances = (__instances == null ? 0 : __instances) + 1
  }
  name { _name }
  count { _count }
  count=(value) {
    if (!(value is Num)) Fiber.abort("count must be a Num")
    _count = value
  }
  increment() {
    _count = _count + 1
    return this
  }
  toString { "Counter(%(_name): %(_count))" }
}

var a = Counter.new("a")
var b = Counter.new("b")
a.increment().increment().increment()
b.count = 10
System.print(a)
System.print(b)
System.print(Counter.instances)
System.print(b.count = 42)
System.print(b.count)
var err = Fiber.new { b.count = "x" }.try()
System.print(err)
Counter.reset()
System.print(Counter.instances)
Counter.new("c")
System.print(Counter.instances)
System.print(a is Counter)
System.print(a is Object)
System.print(Counter.name)
System.print(Counter.type)
System.print(Counter.type.type)
System.print(Counter.supertype)
System.print(a.type == Counter)

// Static methods and fields are per class: not inherited, not shared.
class Base {
  static create() { "Base.create" }
  static counter { __counter }
  static bump() {
    __counter = (__counter == null ? 0 : __counter) + 1
    return __counter
  }
  construct new() {}
  static new(x) { "static new with %(x)" }
  hello() { "hello from %(type.name)" }
}
class Derived is Base {
  construct new() {
    super()
  }
  static bump() {
    __counter = (__counter == null ? 100 : __counter) + 1
    return __counter
  }
  static counter { __counter }
}
System.print(Base.create())
System.print(Base.bump())
System.print(Base.bump())
System.print(Derived.bump())
System.print(Base.counter)
System.print(Derived.counter)
System.print(Derived.new().hello())
System.print(Base.new().hello())
System.print(Base.new(5))
System.print(Fiber.new { Derived.create() }.try())
System.print(Fiber.new { Derived.new(1) }.try())
System.print(Fiber.new { Base.new().create() }.try())
System.print(Fiber.new { Base.nope }.try())

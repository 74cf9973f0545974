class Animal {
  construct new(name) { _name = name }
  name { _name }
  name=(v) { _name = v }
  speak() { "..." }
  toString { "%(type.name)(%(_name))" }
  describe() { "%(name) says %(speak())" }
}
class Dog is Animal {
  construct new(name) { super(name) }
  speak() { "Woof" }
}
class Puppy is Dog {
  construct new(name) { super(name) }
  speak() { super.speak() + "!" }
  static count { __count }
  static inc() { __count = (__count == null ? 0 : __count) + 1 }
}
var a = Animal.new("generic")
var d = Dog.new("Rex")
var p = Puppy.new("Bit")
System.print(a.describe())
System.print(d.describe())
System.print(p.describe())
System.print(p)
System.print([a, d, p])
p.name = "Byte"
System.print(p.name)
System.print(p is Dog)
System.print(p is Animal)
System.print(d is Puppy)
System.print(Puppy.supertype)
System.print(Puppy.supertype.supertype.supertype)
System.print(Object.supertype)
Puppy.inc()
Puppy.inc()
System.print(Puppy.count)
System.print(Puppy.name)
System.print(Puppy.type)
System.print(Puppy.type.type)
System.print(p.type == Puppy)
System.print(Animal.new("x") == Animal.new("x"))
System.print(1.type)
System.print("s".type)
System.print(null.type)
System.print(true.type)
System.print((1..2).type)
System.print({}.type)
System.print([].type)
System.print(Fn.new{}.type)
System.print(Fiber.new{}.type)

// Inheritance, super calls in methods and constructors, overriding.
class Animal {
  construct new(name) {
    _name = name
  }
  name { _name }
  speak() { "..." }
  describe() { "%(name) says %(speak())" }
  toString { "Animal(%(_name))" }
}

class Dog is Animal {
  construct new(name, breed) {
    super(name)
    _breed = breed
  }
  breed { _breed }
  speak() { "Woof" }
  describe() { super.describe() + " (a %(_breed))" }
}

class Puppy is Dog {
  construct new(name) {
    super(name, "mutt")
  }
  speak() { super.speak() + " woof!" }
  toString { "Puppy:" + super.toString }
}

var animals = [Animal.new("Generic"), Dog.new("Rex", "collie"), Puppy.new("Bit")]
for (a in animals) System.print(a.describe())
for (a in animals) System.print(a)
System.print(Puppy.supertype)
System.print(Puppy.supertype.supertype)
System.print(Puppy.supertype.supertype.supertype)
System.print(Object.supertype)
System.print(animals[2] is Dog)
System.print(animals[1] is Puppy)
System.print(animals[2].breed)

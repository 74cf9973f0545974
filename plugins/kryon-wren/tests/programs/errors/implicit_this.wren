class Greeter {
  construct new(name) {
    _name = name
  }
  name { _name }
  greet() { "Hello, %(name)! " + suffix() }
  suffix() { "Bye, %(name)." }
  broken() { missingHelper(1) }
}
var g = Greeter.new("Ada")
System.print(g.greet())
System.print(g.broken())

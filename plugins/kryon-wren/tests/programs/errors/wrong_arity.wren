class Greeter {
  construct new() {}
  greet(name) { "hi %(name)" }
}
System.print(Greeter.new().greet("x"))
System.print(Greeter.new().greet())

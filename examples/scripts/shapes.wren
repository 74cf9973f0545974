// A Wren script: module-level Fn variables and static methods are exported.
class Shapes {
  static area(w, h) { w * h }
  static greet(name) { "Hello from Wren, %(name)!" }
}

var perimeter = Fn.new { |w, h| 2 * (w + h) }

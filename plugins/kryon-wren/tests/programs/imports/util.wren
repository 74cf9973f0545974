System.print("loading util")
class Helper {
  static greet(n) { "Hello, %(n)!" }
  static twice(f) { Fn.new {|x| f.call(f.call(x)) } }
}
var Version = "1.0"
var counter = 0

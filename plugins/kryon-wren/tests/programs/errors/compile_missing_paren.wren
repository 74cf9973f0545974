System.print("ok")
var add = Fn.new {|a, b|
  return a + b
}
System.print(add.call(1, 2)
System.print("never")

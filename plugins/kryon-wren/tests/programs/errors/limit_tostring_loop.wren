class Slow {
  construct new() {}
  toString {
    var i = 0
    while (true) i = i + 1
  }
}
System.print("%(Slow.new())")

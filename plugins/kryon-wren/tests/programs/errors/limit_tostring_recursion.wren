class Loop {
  construct new() {}
  toString { "Loop(%(this))" }
}
System.print(Loop.new())

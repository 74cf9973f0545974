class Native {
  construct new() {}
  hello { "hello" }
  foreign static now()
  foreign compute(a, b)
}
System.print("not reached")

class Walker {
  static down(n) { down(n + 1) + 1 }
}
System.print("start")
Walker.down(0)

class Foo {
  bar() {
    if (true) {
      System.print("x")
  }
}

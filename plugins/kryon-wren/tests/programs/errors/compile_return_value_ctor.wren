class A {
  construct new() {
    return 1
  }
}

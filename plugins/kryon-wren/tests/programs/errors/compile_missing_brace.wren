class Open {
  method() {
    System.print("x")
  }

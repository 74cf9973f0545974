class Validator {
  static check(x) {
    if (x < 0) Fiber.abort("negative value: %(x)")
    return x
  }
}
System.print(Validator.check(5))
System.print(Validator.check(-2))

class Temperature {
  construct celsius(c) {
    if (c < -273.15) Fiber.abort("below absolute zero: %(c)")
    _c = c
  }
  fahrenheit { _c * 9 / 5 + 32 }
}
System.print(Temperature.celsius(100).fahrenheit)
System.print(Temperature.celsius(-300).fahrenheit)

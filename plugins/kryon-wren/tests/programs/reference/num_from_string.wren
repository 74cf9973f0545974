// Num.fromString reads a number the way C's strtod does; a number out of
// range (past the largest double, or under the smallest normal one) is an
// error, even with text after it.
for (text in ["42", "  3.5  ", "-0", "1e3", "0x1F", ".5", "1.", "+4", "inf",
              "-Infinity", "nan", "", " ", "abc", "12abc", "1e", "0x", "1e300",
              "2.2250738585072014e-308", "0e500"]) {
  System.print("%(text) -> %(Num.fromString(text))")
}
var huge = Fiber.new { Num.fromString("1e400 and text") }
System.print(huge.try())
System.print(Num.fromString("1e-400"))

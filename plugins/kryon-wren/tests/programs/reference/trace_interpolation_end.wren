// A string with interpolations over several lines: its parts are joined (and
// a toString that is not a string fails) on the line the string ends.
class Odd {
  construct new() {}
  toString { 42 }
}
System.print("one %(1) two %(
  1 + 1
) three")
var s = "value: %(Odd.new())
and more"

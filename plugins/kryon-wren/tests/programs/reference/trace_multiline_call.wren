// The frame of a call whose arguments span lines is reported at the closing
// parenthesis; a call in a chain split over lines, at its own line.
class Report {
  construct new() {}
  line(label, value) { label + ": " + value.toString }
  total(values,
        scale) {
    return values.reduce {|a, b| a + b } * scale
  }
}
var r = Report.new()
System.print(r.line(
  "count",
  3))
var base = [1, 2, 3]
var values = base
  .map {|v| v * 10 }
  .toList
System.print(values)
System.print(r.total(
  values,
  "x"
))

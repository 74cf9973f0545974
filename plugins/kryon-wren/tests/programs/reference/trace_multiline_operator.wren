// An operator fails on the line of its right operand; a literal's element on
// its own line.
var total = 0
var parts = [1, 2, 3]
for (p in parts) {
  total = total +
    p
}
System.print(total)
var labels = {
  "first": parts[0],
  "second": parts[1].toString
}
System.print(labels["second"])
var names = ["a", "b", null]
var line = ""
for (n in names) {
  System.print("name: " +
    n.toString)
  line = line +
    n
}

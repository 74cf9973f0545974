// Building strings by appending and interpolation, at module level and in a method.
var s = ""
for (i in 0...100000) s = s + "x"
System.print(s.count)
class Csv {
  static line(n) {
    var out = ""
    for (i in 0...n) out = out + "%(i),"
    return out
  }
}
System.print(Csv.line(30000).count)
var parts = []
for (i in 0...30000) parts.add("item%(i)")
System.print(parts.join(";").count)

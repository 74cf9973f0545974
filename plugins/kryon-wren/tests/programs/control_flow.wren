// Control flow: if/else chains, while, for, break, continue, early returns, nesting.
var classify = Fn.new {|n|
  if (n < 0) {
    return "negative"
  } else if (n == 0) {
    return "zero"
  } else if (n < 10) {
    return "small"
  }
  return "large"
}
System.print([-5, 0, 3, 50].map {|n| classify.call(n) }.toList)

var out = []
for (i in 0...10) {
  if (i % 2 == 0) continue
  if (i > 7) break
  out.add(i)
}
System.print(out)

var pairs = []
for (i in 1..3) {
  for (j in 1..3) {
    if (j == i) continue
    if (i + j > 5) break
    pairs.add("%(i)%(j)")
  }
}
System.print(pairs)

var n = 0
while (true) {
  n = n + 1
  if (n < 5) continue
  break
}
System.print(n)

class Finder {
  static first(list, pred) {
    for (x in list) {
      if (pred.call(x)) return x
    }
    return null
  }
  static nestedFind(grid, target) {
    var r = 0
    for (row in grid) {
      var c = 0
      for (v in row) {
        if (v == target) return [r, c]
        c = c + 1
      }
      r = r + 1
    }
    return null
  }
}
System.print(Finder.first([1, 4, 9, 16], Fn.new {|x| x > 5 }))
System.print(Finder.first([], Fn.new {|x| true }))
System.print(Finder.nestedFind([[1, 2], [3, 4], [5, 6]], 4))
System.print(Finder.nestedFind([[1]], 7))

var x = 5
var label = x > 3 ? (x > 4 ? "gt4" : "4") : "le3"
System.print(label)
System.print(null || "default")
System.print(false || null)
System.print("a" && "b")
System.print(null && "never")
System.print(!null)
System.print(!0)
System.print(0 ? "0 is truthy" : "0 is falsy")
System.print("" ? "empty string is truthy" : "falsy")
var i = 0
while (i < 3) i = i + 1
System.print(i)
var count = 0
for (c in "hello") if (c == "l") count = count + 1
System.print(count)
{
  var scoped = "block"
  System.print(scoped)
}
var result = Fn.new {
  for (a in 1..10) {
    for (b in 1..10) {
      if (a * b == 42) return [a, b]
    }
  }
}.call()
System.print(result)

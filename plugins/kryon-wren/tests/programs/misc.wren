var f16 = Fn.new {|a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p| a + p }
System.print(f16.call(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16))
System.print(f16.arity)
System.gc()
class Cfg {
  static level { __level }
  static level=(v) { __level = v }
}
Cfg.level = 3
System.print(Cfg.level)
System.print(Cfg.level = 9)
var find = Fn.new {|grid, target|
  for (r in 0...grid.count) {
    for (c in 0...grid[r].count) {
      if (grid[r][c] == target) return [r, c]
    }
  }
  return null
}
System.print(find.call([[1, 2], [3, 4]], 4))
System.print(find.call([[1, 2], [3, 4]], 5))
var outer = 0
for (i in 0..5) {
  for (j in 0..5) {
    if (j > i) break
    outer = outer + 1
  }
}
System.print(outer)
System.print("He said \"%("hi" + "!")\" and %("%(1 + 1)")")
System.print("100\%")
System.print("a\%\%")
if (true) {
  import "random" for Random
  System.print(Random.new(1).int(10) >= 0)
}
var x = 5
x = x > 3 ? "big" : "small"
System.print(x)
var i = 0
while ((i = i + 1) < 5) {}
System.print(i)
System.print((1..10).where {|n| n % 2 == 0 }.map {|n| n * n }.reduce {|a, b| a + b })
System.print([1, 2, 3].map {|x| x.toString }.join(""))
var s = ""
for (c in "hello".codePoints) s = s + String.fromCodePoint(c - 32)
System.print(s)
System.print("%(1.0) %(2.50) %(-0.5) %(1e-3) %(123456789.123)")

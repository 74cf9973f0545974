// Sequence laziness: map/where run only when iterated, custom sequences.
var calls = 0
var mapped = [1, 2, 3, 4].map {|x|
  calls = calls + 1
  return x * 2
}
System.print(calls)
System.print(mapped is Sequence)
System.print(mapped.toList)
System.print(calls)
System.print(mapped.toList)
System.print(calls)

class Naturals is Sequence {
  construct new() {}
  iterate(i) { i == null ? 1 : i + 1 }
  iteratorValue(i) { i }
}
var evens = Naturals.new().where {|n| n % 2 == 0 }.map {|n| n * n }
System.print(evens.take(4).toList)
var firstBig = null
for (v in evens) {
  if (v > 500) {
    firstBig = v
    break
  }
}
System.print(firstBig)
System.print(Naturals.new().skip(10).take(3).toList)
System.print(Naturals.new().take(5).reduce {|a, b| a * b })
System.print(Naturals.new().take(5).join("-"))
System.print(Naturals.new().take(3).count)
System.print(Naturals.new().take(6).contains(6))
System.print(Naturals.new().any {|x| x > 100 })

class Countdown is Sequence {
  construct new(from) {
    _from = from
  }
  iterate(i) {
    if (i == null) return _from
    if (i <= 1) return false
    return i - 1
  }
  iteratorValue(i) { "T-%(i)" }
}
System.print(Countdown.new(3).toList)
System.print(Countdown.new(4).map {|s| s.count }.toList)
System.print(Countdown.new(2).isEmpty)
System.print(Countdown.new(5).count)
System.print(Countdown.new(5).count {|s| s.endsWith("2") || s.endsWith("4") })
System.print(Countdown.new(3).all {|s| s.startsWith("T") })
System.print(Countdown.new(3).toString)
var r = 1..10
System.print(r.where {|x| x % 3 == 0 }.toList)
System.print(r.map {|x| x / 2 }.take(3).toList)
System.print(r.min)
System.print(r.max)
System.print(r.from)
System.print(r.to)
System.print(r.isInclusive)
System.print((1...10).isInclusive)
System.print((5..1).toList)
System.print((0...0).toList)
System.print((1.5..4).toList)
System.print(r)
System.print(1...3)
System.print(r.count)
System.print(r.contains(5))
System.print(r.contains(11))
System.print((1..3).join(", "))
System.print((1..4).reduce {|a, b| a + b })
System.print(r.skip(8).toList)
var sum = 0
for (i in 10..1) sum = sum + i
System.print(sum)
for (i in -2..2) System.write("%(i) ")
System.print()

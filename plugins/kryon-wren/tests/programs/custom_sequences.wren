// User-defined sequences: the iterator protocol and the Sequence helpers.
class Countdown is Sequence {
  construct new(from) { _from = from }
  iterate(it) {
    if (it == null) return _from > 0 ? _from : false
    return it > 1 ? it - 1 : false
  }
  iteratorValue(it) { it }
}

class LinkedList is Sequence {
  construct new() {
    _head = null
    _size = 0
  }
  push(v) {
    _head = [v, _head]
    _size = _size + 1
    return this
  }
  count { _size }
  iterate(node) { node == null ? _head : node[1] }
  iteratorValue(node) { node[0] }
  toString { "(" + join(" -> ") + ")" }
}

var c = Countdown.new(5)
System.print(c.toList)
System.print(c.map {|x| x * x }.toList)
System.print(c.where {|x| x % 2 == 1 }.toList)
System.print(c.reduce {|a, b| a * b })
System.print(c.count)
System.print(c.contains(3))
System.print(c.contains(9))
System.print(c.isEmpty)
System.print(Countdown.new(0).isEmpty)
System.print(c.take(2).toList)
System.print(c.skip(3).toList)
System.print(c.join(","))
System.print(c.any {|x| x > 4 })
System.print(c.all {|x| x > 1 })
for (x in Countdown.new(3)) System.write("%(x) ")
System.print()

var list = LinkedList.new().push(1).push(2).push(3)
System.print(list)
System.print(list.count)
System.print(list.toList)
System.print(list.map {|v| v * 10 }.join(" "))
System.print(list.where {|v| v != 2 }.toList)
System.print(LinkedList.new())
System.print(list is Sequence)
System.print(list.map {|v| v }.type)
System.print(list.where {|v| true }.type)
System.print([1, 2].map {|v| v }.type.supertype)

// A lazy chain only calls its functions when iterated.
var calls = 0
var lazy = (1..1000000).map {|x|
  calls = calls + 1
  return x * 2
}.where {|x| x % 3 == 0 }
System.print(calls)
System.print(lazy.take(3).toList)
System.print(calls)

// Iterating a map gives MapEntry objects.
var m = {"a": 1}
for (e in m) System.print("%(e.key)=%(e.value) %(e)")
System.print(m.keys.type)
System.print(m.values.toList)
System.print("abc".bytes.type)
System.print("abc".codePoints.type)
System.print((1..3).type)

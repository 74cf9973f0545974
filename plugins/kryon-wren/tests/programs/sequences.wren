class Node {
  construct new(value, next) {
    _value = value
    _next = next
  }
  value { _value }
  next { _next }
  next=(n) { _next = n }
}
class LinkedList is Sequence {
  construct new() {
    _head = null
    _size = 0
  }
  add(v) {
    var n = Node.new(v, null)
    if (_head == null) {
      _head = n
    } else {
      var cur = _head
      while (cur.next != null) cur = cur.next
      cur.next = n
    }
    _size = _size + 1
    return this
  }
  count { _size }
  iterate(it) {
    if (it == null) return _head
    return it.next
  }
  iteratorValue(it) { it.value }
  toString { "LL" + toList.toString }
}
var ll = LinkedList.new()
ll.add(3).add(1).add(2)
System.print(ll)
System.print(ll.count)
System.print(ll.map {|x| x * 2 }.toList)
System.print(ll.where {|x| x > 1 }.toList)
System.print(ll.contains(2))
System.print(ll.reduce {|a, b| a + b })
System.print(ll.join("-"))
System.print(ll.skip(1).toList)
System.print(ll.take(2).toList)
System.print(ll.any {|x| x == 1 })
System.print(ll.all {|x| x < 3 })
System.print(ll.isEmpty)
System.print(ll.count {|x| x > 1 })
for (x in ll) System.write("%(x) ")
System.print()
var sorted = ll.toList
sorted.sort()
System.print(sorted)
class Stack {
  construct new() { _items = [] }
  push(x) { _items.add(x) }
  pop() { _items.removeAt(-1) }
  peek { _items[-1] }
  isEmpty { _items.isEmpty }
  count { _items.count }
}
var st = Stack.new()
for (c in "([{}])") {
  if ("([{".contains(c)) {
    st.push(c)
  } else {
    var o = st.pop()
    System.write(o + c + " ")
  }
}
System.print(st.isEmpty)
class Matrix {
  construct new(rows, cols) {
    _r = rows
    _c = cols
    _d = List.filled(rows * cols, 0)
  }
  [r, c] { _d[r * _c + c] }
  [r, c]=(v) { _d[r * _c + c] = v }
  rows { _r }
  cols { _c }
  *(o) {
    var m = Matrix.new(_r, o.cols)
    for (i in 0..._r) for (j in 0...o.cols) {
      var s = 0
      for (k in 0..._c) s = s + this[i, k] * o[k, j]
      m[i, j] = s
    }
    return m
  }
  toString {
    var lines = []
    for (i in 0..._r) {
      var row = []
      for (j in 0..._c) row.add(this[i, j])
      lines.add(row.join(" "))
    }
    return lines.join("\n")
  }
}
var m = Matrix.new(2, 2)
m[0, 0] = 1
m[0, 1] = 2
m[1, 0] = 3
m[1, 1] = 4
System.print(m * m)

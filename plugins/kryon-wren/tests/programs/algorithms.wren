// Classic algorithms: sieve, quicksort, binary search, permutations, hanoi, gcd.
var sieve = Fn.new {|n|
  var marks = List.filled(n + 1, true)
  marks[0] = false
  marks[1] = false
  var i = 2
  while (i * i <= n) {
    if (marks[i]) {
      var j = i * i
      while (j <= n) {
        marks[j] = false
        j = j + i
      }
    }
    i = i + 1
  }
  var primes = []
  for (k in 0..n) if (marks[k]) primes.add(k)
  return primes
}
System.print(sieve.call(50))
System.print(sieve.call(10000).count)

class Sorter {
  static quicksort(list) { quicksort_(list, 0, list.count - 1) }
  static quicksort_(a, lo, hi) {
    if (lo >= hi) return a
    var pivot = a[((lo + hi) / 2).floor]
    var i = lo
    var j = hi
    while (i <= j) {
      while (a[i] < pivot) i = i + 1
      while (a[j] > pivot) j = j - 1
      if (i <= j) {
        a.swap(i, j)
        i = i + 1
        j = j - 1
      }
    }
    quicksort_(a, lo, j)
    quicksort_(a, i, hi)
    return a
  }
  static bsearch(a, x) {
    var lo = 0
    var hi = a.count - 1
    while (lo <= hi) {
      var mid = ((lo + hi) / 2).floor
      if (a[mid] == x) return mid
      if (a[mid] < x) {
        lo = mid + 1
      } else {
        hi = mid - 1
      }
    }
    return -1
  }
}
var data = [38, 27, 43, 3, 9, 82, 10, 3, -4, 0.5]
System.print(Sorter.quicksort(data))
System.print(Sorter.bsearch(data, 43))
System.print(Sorter.bsearch(data, 44))

var permutations
permutations = Fn.new {|items|
  if (items.count <= 1) return [items]
  var result = []
  for (i in 0...items.count) {
    var rest = items.toList
    var head = rest.removeAt(i)
    for (p in permutations.call(rest)) result.add([head] + p)
  }
  return result
}
var perms = permutations.call([1, 2, 3])
System.print(perms)
System.print(permutations.call((1..5).toList).count)

var moves = []
var hanoi
hanoi = Fn.new {|n, from, to, via|
  if (n == 0) return
  hanoi.call(n - 1, from, via, to)
  moves.add("%(from)->%(to)")
  hanoi.call(n - 1, via, to, from)
}
hanoi.call(3, "A", "C", "B")
System.print(moves.join(" "))
System.print(moves.count)

var gcd
gcd = Fn.new {|a, b| b == 0 ? a : gcd.call(b, a % b) }
System.print(gcd.call(1071, 462))
System.print(gcd.call(17, 5))
var fact = 1
for (i in 1..20) fact = fact * i
System.print(fact)
for (i in 21..25) fact = fact * i
System.print(fact)
var collatz = Fn.new {|n|
  var steps = 0
  while (n != 1) {
    n = n % 2 == 0 ? n / 2 : 3 * n + 1
    steps = steps + 1
  }
  return steps
}
System.print(collatz.call(27))
var fibs = [0, 1]
while (fibs.count < 15) fibs.add(fibs[-1] + fibs[-2])
System.print(fibs)

// Lists and maps together: grouping, sorting with comparers, chains.
var records = [
  {"name": "ann", "dept": "eng", "salary": 120},
  {"name": "bob", "dept": "ops", "salary": 90},
  {"name": "cid", "dept": "eng", "salary": 100},
  {"name": "dee", "dept": "hr", "salary": 70},
  {"name": "eve", "dept": "ops", "salary": 95}
]
var byDept = {}
for (r in records) {
  var d = r["dept"]
  if (!byDept.containsKey(d)) byDept[d] = []
  byDept[d].add(r["name"])
}
var depts = byDept.keys.toList
depts.sort {|a, b|
  var i = 0
  while (i < a.count && i < b.count) {
    if (a[i] != b[i]) return a.bytes[i] < b.bytes[i]
    i = i + 1
  }
  return a.count < b.count
}
for (d in depts) System.print("%(d): %(byDept[d].join(", "))")

var sorted = records.toList
sorted.sort {|a, b| a["salary"] > b["salary"] }
System.print(sorted.map {|r| r["name"] }.toList)
var total = records.reduce(0) {|s, r| s + r["salary"] }
System.print("total %(total), mean %(total / records.count)")
System.print(records.where {|r| r["salary"] >= 95 }.map {|r| r["name"] }.join("+"))
System.print(records.any {|r| r["dept"] == "hr" })
System.print(records.all {|r| r["salary"] > 80 })
System.print(records.count {|r| r["dept"] == "eng" })

var matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
var transpose = (0...3).map {|c| matrix.map {|row| row[c] }.toList }.toList
System.print(transpose)
var diag = (0...3).map {|i| matrix[i][i] }.reduce {|a, b| a + b }
System.print(diag)
var flat = []
for (row in matrix) flat.addAll(row)
System.print(flat)
System.print(flat[2..5])
System.print(flat[-3..-1])
System.print(flat[5..2])
System.print(flat.take(3).toList + flat.skip(7).toList)

var stack = []
stack.add(1)
stack.add(2)
stack.add(3)
System.print(stack.removeAt(-1))
System.print(stack)
var queue = [1, 2, 3]
System.print(queue.removeAt(0))
System.print(queue)
queue.insert(1, 99)
System.print(queue)
System.print(queue.indexOf(99))
System.print(queue.remove(99))
System.print(queue)

var uniq = {}
for (w in "the cat and the hat and the bat".split(" ")) uniq[w] = true
var keys = uniq.keys.toList
keys.sort {|a, b| a.bytes[0] < b.bytes[0] || (a.bytes[0] == b.bytes[0] && a.bytes[1] < b.bytes[1]) }
System.print(keys)
System.print(uniq.count)
uniq.clear()
System.print(uniq)
var grid = List.filled(3, null).map {|x| List.filled(3, 0) }.toList
grid[1][1] = 5
System.print(grid)
var shared = List.filled(2, [])
shared[0].add("x")
System.print(shared)
var m = {1: "one", "1": "string one", true: "yes", null: "nothing", (1..2): "range"}
System.print(m[1])
System.print(m["1"])
System.print(m[true])
System.print(m[null])
System.print(m[1..2])
System.print(m.count)

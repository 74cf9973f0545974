// Maps: literal order, keys of several types, removal, iteration.
var m = {"one": 1, "two": 2, "three": 3}
System.print(m)
System.print(m.count)
System.print(m["two"])
System.print(m["four"])
m["four"] = 4
System.print(m.containsKey("four"))
System.print(m.remove("one"))
System.print(m.remove("missing"))
System.print(m)
System.print(m.keys.toList)
System.print(m.values.toList)
for (entry in m) System.print("%(entry.key)=%(entry.value)")
var nums = {}
for (i in 1..10) nums[i] = i * i
System.print(nums)
System.print(nums.keys.where {|k| k > 7 }.toList)
var mixed = {1: "num", "1": "str", true: "bool", null: "null", 1.5: "frac", (1..2): "range", Num: "class"}
System.print(mixed.count)
System.print(mixed[1])
System.print(mixed["1"])
System.print(mixed[true])
System.print(mixed[null])
System.print(mixed[1..2])
System.print(mixed[Num])
var counts = {}
for (w in "the cat and the hat and the bat".split(" ")) {
  counts[w] = (counts[w] == null ? 0 : counts[w]) + 1
}
var keys = counts.keys.toList
keys.sort {|a, b| counts[a] > counts[b] || (counts[a] == counts[b] && a.bytes[0] < b.bytes[0]) }
for (k in keys) System.print("%(k): %(counts[k])")
System.print({}.isEmpty)
var big = {}
for (i in 0...100) big["k%(i)"] = i
var total = 0
for (v in big.values) total = total + v
System.print(total)
System.print(big.count)
for (i in 0...50) big.remove("k%(i)")
System.print(big.count)
System.print(big["k75"])
m.clear()
System.print(m)
System.print({"a": {"b": [1, {"c": 2}]}})
var e = {"x": 1}
System.print(e.keys.count)
var err = Fiber.new { e[[1]] = 2 }.try()
System.print(err)

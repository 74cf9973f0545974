// The optional modules: "random" with a seed, and "meta".
import "random" for Random
import "meta" for Meta

var r = Random.new(12345)
var draws = []
for (i in 1..5) draws.add(r.int(100))
System.print(draws)
System.print(r.float() < 1)
var f = r.float(10, 20)
System.print(f >= 10 && f < 20)
var i = r.int(5, 10)
System.print(i >= 5 && i < 10 && i.isInteger)
var deck = (1..10).toList
r.shuffle(deck)
System.print(deck.count)
var sorted = deck.toList
sorted.sort()
System.print(sorted)
System.print(r.sample([1, 2, 3, 4, 5], 5).count)
var a = Random.new(7)
var b = Random.new(7)
System.print(a.int(1000000) == b.int(1000000))
System.print(Random.new(12345).int(100) == draws[0])
var pick = r.sample(["x", "y", "z"])
System.print(["x", "y", "z"].contains(pick))

var x = 10
Meta.eval("x = x * 2")
System.print(x)
Meta.eval("var y = 5")
var fn = Meta.compileExpression("x + 1")
System.print(fn.call())
var code = Meta.compile("System.print(\"compiled %(x)\")")
code.call()
System.print(Meta.getModuleVariables("random_meta").count > 3)
class Probe {}
System.print(Meta.getModuleVariables("random_meta").contains("Probe"))

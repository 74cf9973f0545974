var m = {}
var i = 0
while (true) {
  m["key %(i)"] = [i]
  i = i + 1
}

var total = 0
var items = ["1", 2]
for (i in items) {
  total = total + i
}

var map = {}

for (i in 1..200000) {
  map[i] = i
}

var sum = 0
for (i in 1..200000) {
  sum = sum + map[i]
}
System.print(sum)

for (i in 1..200000) {
  map.remove(i)
}
System.print(map.count)

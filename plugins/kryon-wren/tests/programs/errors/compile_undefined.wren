var total = 0
for (i in 1..3) {
  total = totl + i
}
System.print(total)

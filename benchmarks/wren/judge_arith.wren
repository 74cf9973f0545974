// A judge's counting loop: 300k iterations of arithmetic at module level.
var sum = 0
var odd = 0
for (i in 0...300000) {
  sum = sum + i * 2 % 7
  if (i % 3 == 1) odd = odd + (i / 4).floor
}
System.print(sum)
System.print(odd)

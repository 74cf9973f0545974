var adjectives = [
  "small", "big", "red", "blue", "fast", "slow", "old", "new",
  "hot", "cold", "soft", "hard", "dark", "bright", "long", "short"
]
var nouns = [
  "apple", "banana", "cherry", "grape", "lemon", "mango", "olive", "peach",
  "pear", "plum", "melon", "berry", "fig", "date", "lime", "kiwi"
]

var map = {}
for (adjective in adjectives) {
  for (noun in nouns) {
    for (i in 1..20) {
      map["%(adjective) %(noun) %(i)"] = i
    }
  }
}

var sum = 0
for (round in 1..10) {
  for (adjective in adjectives) {
    for (noun in nouns) {
      for (i in 1..20) {
        sum = sum + map["%(adjective) %(noun) %(i)"]
      }
    }
  }
}
System.print(sum)

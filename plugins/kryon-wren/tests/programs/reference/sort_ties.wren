var people = [["bob", 3], ["amy", 1], ["cat", 3], ["dan", 2], ["eve", 1], ["fay", 3], ["gus", 2], ["hal", 1]]
var byAge = people.toList
byAge.sort {|a, b| a[1] < b[1] }
System.print(byAge)
var byAgeLe = people.toList
byAgeLe.sort {|a, b| a[1] <= b[1] }
System.print(byAgeLe)
var desc = people.toList
desc.sort {|a, b| a[1] > b[1] }
System.print(desc)
var nums = [5, 3, 8, 1, 9, 2, 7, 3, 5, 1]
nums.sort {|a, b| a % 3 < b % 3 }
System.print(nums)
var weird = [4, 2, 6, 1]
weird.sort {|a, b| 1 }
System.print(weird)
var weird2 = [4, 2, 6, 1]
weird2.sort {|a, b| null }
System.print(weird2)
var strs = ["pear", "fig", "apple", "kiwi", "banana"]
strs.sort {|a, b| a.count < b.count }
System.print(strs)

import "util" for Helper, Version
import "./util" for Helper as H2
import "./sub/deep" for Deep
System.print(Helper.greet("Wren"))
System.print(Version)
System.print(H2 == Helper)
System.print(Helper.twice(Fn.new {|x| x * 3 }).call(2))
System.print(Deep.go())

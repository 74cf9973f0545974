import "meta" for Meta
System.print("eval")
Meta.eval("while (true) {}")

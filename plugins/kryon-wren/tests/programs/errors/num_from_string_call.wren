var parsed = ["1", "2", "x"].map {|s| Num.fromString(s) }.toList
System.print(parsed)
System.print(parsed.reduce {|a, b| a + b })

var s = "abc"
System.print(s[1])
System.print(s[1.5])

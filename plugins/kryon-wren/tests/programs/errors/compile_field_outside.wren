var f = Fn.new { _x = 1 }
System.print(__y)

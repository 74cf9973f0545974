var f = Fn.new { super.foo() }

class A {
  construct new() {}
  init() { _l = [] }
  show { _l.toString }
  cnt { _l.count }
  eq { _l == null }
  isn { _l is Null }
  str { "%(_l)" }
  typ { _l.type }
}
var a = A.new()
System.print(a.eq)
System.print(a.isn)
System.print(a.str)
System.print(a.typ)
System.print(Fiber.new { a.cnt }.try())

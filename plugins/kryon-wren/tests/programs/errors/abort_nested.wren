class Account {
  construct new(balance) { _balance = balance }
  withdraw(n) {
    if (n > _balance) Fiber.abort("Insufficient funds: %(n) > %(_balance)")
    _balance = _balance - n
  }
}
var a = Account.new(10)
var drain = Fn.new {|amounts|
  for (x in amounts) a.withdraw(x)
}
drain.call([4, 4])
System.print("drained once")
drain.call([4])

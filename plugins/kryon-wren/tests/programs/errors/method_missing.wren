class Account {
  construct new(balance) { _balance = balance }
  balance { _balance }
  withdraw(n) {
    if (n > _balance) Fiber.abort("Insufficient funds: %(n) > %(_balance)")
    _balance = _balance - n
  }
}
var a = Account.new(10)
a.withdraw(3)
System.print(a.balance)
a.deposit(5)
System.print("unreachable")

class Account {
  construct new(owner, balance) {
    _owner = owner
    _balance = balance
    _history = []
  }
  owner { _owner }
  balance { _balance }
  deposit(amount) {
    if (amount <= 0) Fiber.abort("Deposit must be positive")
    _balance = _balance + amount
    _history.add("deposit %(amount)")
    return this
  }
  withdraw(amount) {
    if (amount > _balance) Fiber.abort("Insufficient funds: balance %(_balance), requested %(amount)")
    _balance = _balance - amount
    _history.add("withdraw %(amount)")
    return this
  }
  history { _history }
  toString { "%(_owner): %(_balance)" }
}
class Savings is Account {
  construct new(owner, balance, rate) {
    super(owner, balance)
    _rate = rate
  }
  addInterest() {
    var interest = balance * _rate
    deposit(interest)
    return interest
  }
  toString { super.toString + " (savings @ %(_rate * 100)\%)" }
}
var a = Account.new("Ann", 100)
a.deposit(50).withdraw(30)
System.print(a)
System.print(a.history)
var s = Savings.new("Bob", 1000, 0.035)
System.print(s.addInterest())
System.print(s)
var result = Fiber.new { a.withdraw(1000) }.try()
System.print("Error: %(result)")
var accounts = [a, s, Account.new("Cid", 5)]
accounts.sort {|x, y| x.balance < y.balance }
for (acc in accounts) System.print(acc)
var total = accounts.reduce(0) {|sum, acc| sum + acc.balance }
System.print("Total: %(total)")
System.print(accounts.map {|acc| acc.owner }.join(", "))
a.deposit(-5)

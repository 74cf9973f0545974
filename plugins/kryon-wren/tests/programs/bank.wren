// Bank account simulation
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
    if (amount > _balance) Fiber.abort("Insufficient funds")
    _balance = _balance - amount
    _history.add("withdraw %(amount)")
    return this
  }
  history { _history }
  toString { "%(_owner): $%(_balance)" }
}
class Savings is Account {
  construct new(owner, balance, rate) {
    super(owner, balance)
    _rate = rate
  }
  addInterest() { deposit(balance * _rate) }
  toString { super.toString + " (savings @ %(_rate * 100)\%)" }
}
var a = Account.new("Alice", 100)
a.deposit(50).withdraw(30)
System.print(a)
System.print(a.history)
var f = Fiber.new { a.withdraw(1000) }
var err = f.try()
System.print("Error: %(err)")
var s = Savings.new("Bob", 1000, 0.05)
s.addInterest()
System.print(s)
s.addInterest()
System.print(s.balance)
System.print(s is Account)
var accounts = [a, s, Account.new("Carol", 5)]
accounts.sort {|x, y| x.balance < y.balance }
for (acc in accounts) System.print(acc.owner)
var total = accounts.reduce(0) {|sum, acc| sum + acc.balance }
System.print("Total: %(total)")
System.print(accounts.map {|x| x.owner }.join(", "))

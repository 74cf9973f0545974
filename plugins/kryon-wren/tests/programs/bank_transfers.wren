// A small bank: classes, maps of objects, error handling with Fiber.try.
class InsufficientFunds {
  construct new(needed) {
    _needed = needed
  }
  needed { _needed }
  toString { "insufficient funds: need %(_needed) more" }
}

class Account {
  static nextId {
    if (__nextId == null) __nextId = 100
    __nextId = __nextId + 1
    return __nextId
  }
  construct new(owner, balance) {
    _id = Account.nextId
    _owner = owner
    _balance = balance
    _history = []
  }
  id { _id }
  owner { _owner }
  balance { _balance }
  history { _history }
  deposit(amount) {
    if (amount <= 0) Fiber.abort("deposit must be positive")
    _balance = _balance + amount
    _history.add("+%(amount)")
  }
  withdraw(amount) {
    if (amount > _balance) Fiber.abort(InsufficientFunds.new(amount - _balance))
    _balance = _balance - amount
    _history.add("-%(amount)")
  }
  toString { "#%(_id) %(_owner): %(_balance)" }
}

class Bank {
  construct new() {
    _accounts = {}
  }
  open(owner, initial) {
    var a = Account.new(owner, initial)
    _accounts[a.id] = a
    return a
  }
  [id] { _accounts[id] }
  transfer(from, to, amount) {
    var f = Fiber.new {
      this[from].withdraw(amount)
      this[to].deposit(amount)
    }
    var err = f.try()
    if (err != null) return "failed: %(err)"
    return "ok"
  }
  total { _accounts.values.reduce(0) {|sum, a| sum + a.balance } }
  report() {
    var ids = _accounts.keys.toList
    ids.sort()
    for (id in ids) System.print(_accounts[id])
  }
}

var bank = Bank.new()
var alice = bank.open("alice", 100)
var bob = bank.open("bob", 50.5)
System.print(bank.transfer(alice.id, bob.id, 30))
System.print(bank.transfer(bob.id, alice.id, 1000))
System.print(bank.transfer(alice.id, bob.id, -5))
bank.report()
System.print(bank.total)
System.print(alice.history)
System.print(bob.history)
var e = Fiber.new { alice.withdraw(500) }.try()
System.print(e is InsufficientFunds)
System.print(e.needed)
System.print(bank[999])

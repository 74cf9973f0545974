class Account {
  construct new(owner) {
    _owner = owner
  }
  owner { _owner }
  balance { _balance }
  deposit(n) {
    _balance = _balance + n
  }
}
var acct = Account.new("ann")
System.print(acct.owner)
acct.deposit(10)

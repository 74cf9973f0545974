from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum, auto


class InsufficientFunds(Exception):
    def __init__(self, account: str, needed: Decimal):
        super().__init__(f"account {account} needs {needed} more")
        self.account = account
        self.needed = needed


class Kind(Enum):
    DEPOSIT = auto()
    WITHDRAW = auto()
    TRANSFER = auto()


@dataclass
class Tx:
    kind: Kind
    amount: Decimal
    memo: str = ""


@dataclass
class Account:
    owner: str
    balance: Decimal = Decimal("0.00")
    history: list[Tx] = field(default_factory=list, repr=False)

    def deposit(self, amount: Decimal | str, memo: str = "") -> None:
        amount = Decimal(amount)
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.history.append(Tx(Kind.DEPOSIT, amount, memo))

    def withdraw(self, amount: Decimal | str) -> None:
        amount = Decimal(amount)
        if amount > self.balance:
            raise InsufficientFunds(self.owner, amount - self.balance)
        self.balance -= amount
        self.history.append(Tx(Kind.WITHDRAW, amount))


class Bank:
    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}

    def open(self, owner: str, initial: str = "0") -> Account:
        if owner in self.accounts:
            raise KeyError(owner)
        acc = self.accounts[owner] = Account(owner)
        if Decimal(initial):
            acc.deposit(initial, "initial")
        return acc

    def transfer(self, src: str, dst: str, amount: str) -> bool:
        a, b = self.accounts[src], self.accounts[dst]
        try:
            a.withdraw(amount)
        except InsufficientFunds as e:
            print(f"  transfer refused: {e} (short by {e.needed})")
            return False
        else:
            b.deposit(amount, f"from {src}")
            return True
        finally:
            print(f"  transfer {src}->{dst} {amount} attempted")

    def report(self) -> None:
        width = max(len(n) for n in self.accounts)
        for name, acc in sorted(self.accounts.items(), key=lambda kv: (-kv[1].balance, kv[0])):
            kinds = ",".join(t.kind.name[0] for t in acc.history)
            print(f"{name:<{width}} {acc.balance:>10,.2f} [{kinds}]")
        total = sum((a.balance for a in self.accounts.values()), Decimal(0))
        print(f"{'total':<{width}} {total:>10,.2f}")


bank = Bank()
bank.open("alice", "100.50")
bank.open("bob")
bank.open("carol", "2500")
print(bank.transfer("alice", "bob", "30.25"))
print(bank.transfer("bob", "carol", "100"))
print(bank.transfer("carol", "alice", "1234.5"))
for bad in ("-5", "0", "abc"):
    try:
        bank.accounts["bob"].deposit(bad)
    except (ValueError, ArithmeticError) as e:
        print(type(e).__name__, e if not isinstance(e, ArithmeticError) else "invalid decimal")
try:
    bank.open("bob")
except KeyError as e:
    print("duplicate", e)
bank.report()
print(bank.accounts["alice"])
print(repr(bank.accounts["bob"].history[0]))
print(
    Decimal("0.1") * 3,
    Decimal("10") / Decimal("3"),
    round(Decimal("2.345"), 2),
    Decimal("1.10") + Decimal("2.205"),
)

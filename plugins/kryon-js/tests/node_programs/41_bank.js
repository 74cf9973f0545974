// A bank account model with private fields, static blocks and getters
class InsufficientFunds extends Error {
  constructor(needed, available, options) {
    super(`need ${needed}, have ${available}`, options);
    this.name = 'InsufficientFunds';
    this.needed = needed;
  }
}
class Account {
  #balance = 0;
  #history = [];
  static #count = 0;
  static registry;
  static {
    Account.registry = new Map();
  }
  constructor(owner) {
    this.owner = owner;
    this.id = ++Account.#count;
    Account.registry.set(this.id, this);
  }
  get balance() { return this.#balance; }
  set balance(v) { throw new TypeError('read-only'); }
  deposit(n) { this.#balance += n; this.#history.push(['dep', n]); return this; }
  withdraw(n) {
    if (n > this.#balance) throw new InsufficientFunds(n, this.#balance, { cause: { id: this.id } });
    this.#balance -= n; this.#history.push(['wd', n]); return this;
  }
  static count() { return Account.#count; }
  #secret() { return 'hidden'; }
  hasSecret(o) { return #balance in o; }
  *[Symbol.iterator]() { yield* this.#history; }
  toString() { return `Account(${this.owner}: ${this.#balance})`; }
}
const a = new Account('ann').deposit(100).withdraw(30);
const b = new Account('bob');
console.log(a.balance, `${a}`, String(b));
console.log([...a]);
console.log(Account.count(), Account.registry.size);
try { b.withdraw(5); } catch (e) {
  console.log(e.name, e.message, e.cause, e instanceof InsufficientFunds, e instanceof Error);
  console.log(e.needed);
}
try { a.balance = 5; } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
console.log(a.hasSecret(b), a.hasSecret({}));
console.log(a);
console.log(Object.keys(a), JSON.stringify(a));
console.log(Account.registry);

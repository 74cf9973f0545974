class Account {
  #balance = 0;
  static #count = 0;
  static registry = new Map();
  static { Account.bank = 'KryonBank'; }
  constructor(owner, initial = 0) {
    this.owner = owner;
    this.#balance = initial;
    Account.#count++;
    Account.registry.set(owner, this);
  }
  get balance() { return this.#balance; }
  set balance(v) { throw new Error('read-only'); }
  deposit(n) { if (n <= 0) throw new RangeError(`bad amount: ${n}`); this.#balance += n; return this; }
  #audit() { return `audit:${this.owner}`; }
  audit() { return this.#audit(); }
  static get count() { return Account.#count; }
  static isAccount(o) { return #balance in o; }
  toString() { return `Account(${this.owner}, ${this.#balance})`; }
}
class Savings extends Account {
  constructor(owner, initial, rate) { super(owner, initial); this.rate = rate; }
  addInterest() { return this.deposit(this.balance * this.rate); }
  get [Symbol.toStringTag]() { return 'SavingsAcct'; }
}
const a = new Account('ann', 10).deposit(5);
const s = new Savings('bob', 100, 0.05).addInterest();
console.log(a, s);
console.log(String(a), `${s}`, a.balance, s.balance);
console.log(Account.count, Account.bank, Account.isAccount(s), Account.isAccount({}));
console.log(a.audit(), Object.keys(a), JSON.stringify(s));
try { a.balance = 3; } catch (e) { console.log(e.message); }
try { a.deposit(-1); } catch (e) { console.log(e.name, e.message, e instanceof RangeError); }
console.log(Account.registry);
console.log(Object.getOwnPropertyNames(Account.prototype));
console.log(Account, Savings, [Account]);
console.log(typeof Account, Savings.name, Object.getPrototypeOf(Savings) === Account);
console.log(s instanceof Account, Object.prototype.toString.call(s));
class Empty {}
console.log(new Empty(), [new Empty()], { e: new Empty() });
class WithGetter { constructor() { this.x = 1; } get y() { return 2; } }
console.log(new WithGetter());
const o = { get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} };
console.log(o);

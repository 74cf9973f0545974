const secret = Symbol('secret');
const reg = Symbol.for('app.key');
const obj = { visible: 1, [secret]: 'hidden', [reg]: 2 };
console.log(obj, Object.keys(obj), Object.getOwnPropertySymbols(obj), JSON.stringify(obj));
console.log(secret.toString(), secret.description, Symbol.keyFor(reg), Symbol.keyFor(secret), Symbol() === Symbol());
class Temp {
  constructor(c) { this.c = c; }
  [Symbol.toPrimitive](hint) { return hint === 'string' ? `${this.c}°C` : hint === 'number' ? this.c : 'default:' + this.c; }
  get [Symbol.toStringTag]() { return 'Temperature'; }
  static [Symbol.hasInstance](x) { return typeof x === 'object' && x !== null && 'c' in x; }
}
const t = new Temp(21);
console.log(`${t}`, +t, t + '', t * 2, Object.prototype.toString.call(t), { c: 1 } instanceof Temp);
console.log(t);
const list = { items: [3, 1, 2], *[Symbol.iterator]() { yield* [...this.items].sort(); } };
console.log([...list]);
class Coll { static get [Symbol.species]() { return Array; } }
class MyArr extends Array { sum() { return this.reduce((a, b) => a + b, 0); } }
const m = MyArr.from([1, 2, 3]);
console.log(m, m.sum(), m.map((x) => x * 2) instanceof MyArr, m.length);
const re = { [Symbol.replace](s, r) { return s.split('a').join(r); } };
console.log('banana'.replace(re, 'o'));
const sp = { [Symbol.split](s) { return s.split('').reverse(); } };
console.log('abc'.split(sp));
const unsc = [1, 2]; unsc[Symbol.isConcatSpreadable] = false;
console.log([0].concat(unsc).length);
console.log(Symbol.iterator in [], typeof Symbol.asyncIterator, Object(Symbol('boxed')));
console.log([Symbol('a'), Symbol.for('b')], { s: Symbol() });
try { `${Symbol('x')}`; } catch (e) { console.log(e.name + ': ' + e.message); }
try { Symbol() + 1; } catch (e) { console.log(e.name + ': ' + e.message); }

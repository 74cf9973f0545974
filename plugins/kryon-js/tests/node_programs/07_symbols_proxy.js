const id = Symbol('id'), anon = Symbol(), reg = Symbol.for('app.key');
const o = { [id]: 1, name: 'x', [reg]: 'r', [anon]: null };
console.log(o, Object.keys(o), Object.getOwnPropertySymbols(o), JSON.stringify(o));
console.log(id.toString(), id.description, Symbol.keyFor(reg), typeof id, [id, anon]);
const target = { a: 1, b: 2 };
const log = [];
const p = new Proxy(target, {
  get(t, k, r) { log.push(`get ${String(k)}`); return Reflect.get(t, k, r); },
  set(t, k, v) { log.push(`set ${k}=${v}`); t[k] = v * 10; return true; },
  has(t, k) { return k.startsWith('a'); },
  deleteProperty(t, k) { log.push(`delete ${k}`); return delete t[k]; },
  ownKeys(t) { return [...Reflect.ownKeys(t), 'virtual']; },
  getOwnPropertyDescriptor(t, k) { return k === 'virtual' ? { value: 'v', enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, k); },
});
p.c = 3; console.log(p.a, 'a' in p, 'b' in p, delete p.b, Object.keys(p));
console.log(log);
console.log(target);
const fnProxy = new Proxy(function add(a, b) { return a + b; }, { apply(t, th, args) { return t(...args) * 100; } });
console.log(fnProxy(1, 2), Reflect.apply(Math.max, null, [1, 5, 3]), Reflect.has({ x: 1 }, 'x'));
console.log(Reflect.ownKeys({ b: 1, a: 2, 1: 0, [id]: 3 }), Reflect.getPrototypeOf([]) === Array.prototype);
const validator = new Proxy({}, { set(t, k, v) { if (typeof v !== 'number') throw new TypeError(`${k} must be number`); t[k] = v; return true; } });
try { validator.age = 'old'; } catch (e) { console.log(e.message); }
const revocable = Proxy.revocable({}, {}); revocable.revoke();
try { revocable.proxy.x; } catch (e) { console.log(e.constructor.name); }
const wm = new WeakMap(), ws = new WeakSet(), key = {};
wm.set(key, 'secret'); ws.add(key);
console.log(wm.get(key), wm.has({}), ws.has(key), wm, ws);
class Temp { static [Symbol.hasInstance](x) { return typeof x === 'number'; } }
console.log(5 instanceof Temp, 'x' instanceof Temp);
const money = { amount: 5, [Symbol.toPrimitive](hint) { return hint === 'number' ? this.amount : `$${this.amount}`; } };
console.log(+money, `${money}`, money + 1);
const arrLike = { length: 2, 0: 'a', 1: 'b', [Symbol.isConcatSpreadable]: true };
console.log([1].concat(arrLike));
console.log(Object.prototype.toString.call({ [Symbol.toStringTag]: 'Custom' }), { [Symbol.toStringTag]: 'Custom', v: 1 });

const log = [];
const target = { name: 'widget', price: 10, nested: { deep: true } };
const handler = {
  get(t, k, r) { log.push(`get ${String(k)}`); return Reflect.get(t, k, r); },
  set(t, k, v, r) { if (k === 'price' && typeof v !== 'number') throw new TypeError('price must be number'); log.push(`set ${k}`); return Reflect.set(t, k, v, r); },
  has(t, k) { return k.startsWith('_') ? false : k in t; },
  deleteProperty(t, k) { log.push(`delete ${k}`); return delete t[k]; },
  ownKeys(t) { return Reflect.ownKeys(t).filter((k) => k !== 'nested'); },
};
const p = new Proxy(target, handler);
p.price = 12; console.log(p.name, p.price, 'name' in p, '_x' in p);
try { p.price = 'free'; } catch (e) { console.log(e.message); }
console.log(Object.keys(p)); delete p.name; console.log(log.join(', '));
const negative = (arr) => new Proxy(arr, { get: (t, k, r) => (typeof k === 'string' && /^-\d+$/.test(k) ? t[t.length + Number(k)] : Reflect.get(t, k, r)) });
const na = negative([1, 2, 3, 4]); console.log(na[-1], na[-4], na[0], na.length);
const revocable = Proxy.revocable({ a: 1 }, {}); console.log(revocable.proxy.a); revocable.revoke();
try { revocable.proxy.a; } catch (e) { console.log(e.name + ': ' + e.message); }
const fnProxy = new Proxy(function add(a, b) { return a + b; }, { apply: (t, th, args) => t(...args) * 10, construct: (t, args) => ({ built: args }) });
console.log(fnProxy(1, 2), new fnProxy(5), typeof fnProxy);
console.log(Reflect.ownKeys({ b: 1, a: 2, 1: 3, [Symbol('s')]: 4 }), Reflect.has({ x: 1 }, 'x'), Reflect.apply(Math.max, null, [1, 5, 3]));
console.log(Reflect.construct(Date, [0]).toISOString(), Reflect.getPrototypeOf([]) === Array.prototype, Reflect.defineProperty({}, 'x', { value: 1 }));
const frozen = Object.freeze({ a: 1 }); console.log(Reflect.set(frozen, 'a', 2), frozen.a);
const observed = new Proxy({}, { get: (t, k) => (k in t ? t[k] : `<${String(k)}>`) });
console.log(observed.anything, observed.foo);
console.log(new Proxy([1, 2], {}), new Proxy({ x: 1 }, {}));
const wm = new WeakMap(); const k1 = {}; wm.set(k1, 'meta'); console.log(wm.get(k1), wm.has({}), wm);
const ws = new WeakSet([k1]); console.log(ws.has(k1), ws);
const wr = new WeakRef(k1); console.log(wr.deref() === k1, wr);

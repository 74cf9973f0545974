console.log(Proxy.name, Proxy.length, typeof Proxy.prototype, String(Proxy), Proxy, Object.getOwnPropertyNames(Proxy));
try { Proxy({}, {}); } catch (e) { console.log(e.name, e.message); }
try { class X extends Proxy {} } catch (e) { console.log(e.name); }
const log = [];
const p = new Proxy([1, 2, 3], { get(t, k, r) { log.push(String(k)); return Reflect.get(t, k, r); } });
console.log(p.join('-'), p.slice(1), [0].concat(p), p.reverse());
console.log(log.join(','));
const { proxy, revoke } = Proxy.revocable([5], {}); console.log(proxy.join(), Object.keys(Proxy.revocable({}, {})));
console.log(Reflect.construct(Proxy, [{a: 1}, {}]), new Proxy(function f() {}, {}).name);
console.log([3,1,2].sort(), [1,2,3].slice(-2), [1,[2,[3]]].flat(), [1,2,3].splice(1), [].concat(1,[2]), [1,2,3,4].copyWithin(0, 2), String([1,[2,3]]));
console.log(Array.prototype.join.length, Array.prototype.splice.length, Array.prototype.concat.length, Array.prototype.slice.name, String(Array.prototype.sort));
console.log(Array.prototype.join.call({ length: 2, 0: 'a', 1: 'b' }), Array.prototype.slice.call('abc', 1), Array.prototype.concat.call(1, 2));
const target = { secret: 1, nested: { a: [1, 2] } };
const traps = new Proxy(target, { get() { throw new Error('trap ran'); }, ownKeys() { throw new Error('ownKeys ran'); } });
console.log(traps, [traps], { traps });
const r2 = Proxy.revocable({ x: 1 }, {}); console.log(r2.proxy); r2.revoke(); console.log(r2.proxy, r2, r2.revoke.name);
console.log(new Proxy(new Proxy([1, 2], {}), {}), new Proxy(function named() {}, {}), new Proxy(new Map([[1, 2]]), {}));

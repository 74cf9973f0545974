const m = new Map([[1,'a'],[2,{x:1}]]);
console.log(m.keys());
console.log(m.values());
console.log(m.entries());
console.log(m[Symbol.iterator]());
const s = new Set([1,2,3]);
console.log(s.values());
console.log(s.entries());
const it = m.keys(); it.next();
console.log(it);
console.log([1,2][Symbol.iterator]());
console.log('abc'[Symbol.iterator]());
console.log([1,2].entries());
function* g(){ yield 1; }
console.log(g());
console.log({a: m.values()});
console.log(new Map().keys());
console.log("abc".matchAll(/b/g));
{
const m = new Map([[1,'a'],[2,{x:{y:{z:1}}}]]);
console.log({a:{b:{c:m.keys()}}});
console.log({a:{b:m.entries()}});
console.log([m.entries()]);
const big = new Set(Array.from({length:120},(_, i)=>i));
console.log(big.values());
const bm = new Map(Array.from({length:30},(_, i)=>[i, 'v'+i]));
console.log(bm.entries());
console.log(bm.values());
const it = m.keys(); it.foo = 1; console.log(it);
const e = m.entries(); e.next(); e.next(); e.next(); console.log(e);
console.log(Object.prototype.toString.call(m.keys()), typeof m.keys().next);
console.log(Map.prototype.keys.name, Map.prototype.keys.length, Map.prototype[Symbol.iterator] === Map.prototype.entries);
console.log(Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values);
console.log(String(Map.prototype.keys));
console.log(Object.getOwnPropertyNames(m.keys()));
const s = new Set(['a','b','c']); const si = s.values(); s.delete('a'); console.log(si);
const lm = new Map([['long key number one', 'x'.repeat(30)], ['long key number two', 'y'.repeat(30)]]);
console.log(lm.entries()); console.log(lm.keys());
console.log(`${[...m.keys()]}`);
}
{
  // iterators keep their place as they are consumed, mutated and exhausted
  const s = new Set([1, 2, 3, 4]);
  const it = s.values();
  for (const v of it) { if (v === 2) break; }
  console.log(it, [...it], it);
  const m = new Map([['a', 1]]);
  const e = m.entries();
  m.set('b', 2);
  console.log(e, e.next().value, e);
  const ks = m.keys(); m.clear(); console.log(ks);
  const si = new Set([{ a: [1, { b: { c: 1 } }] }]).entries();
  console.log(si, { deep: { deeper: si } });
  console.log([m.values(), new Set().entries()]);
  class Tagged extends Map {}
  console.log(new Tagged([[1, 2]]).keys(), Object.keys(new Map().keys()));
  console.log(String(Map.prototype.keys), String(Set.prototype.entries), String(Object.getPrototypeOf(new Map().keys()).next));
  console.log(String(Promise.any), String(JSON.parse), String(Math.max), String(function () {}.bind(null)));
  console.log(Number.prototype, String.prototype, Boolean.prototype, Object(5), Object('s'));
}

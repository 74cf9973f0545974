const data = { items: [1, 2, 3], name: 'd' };
const tryIt = (label, f) => { try { f(); } catch (e) { console.log(label.padEnd(10), `${e.name}: ${e.message}`); } };
tryIt('map', () => data.map(item => item * 2));
tryIt('forEach', () => data.forEach(function (x) { console.log(x); }));
tryIt('multi', () => data.filter(
  (x) => x > 1,
));
tryIt('block', () => data.reduce((acc, x) => {
  return acc + x;
}, 0));
tryIt('nested', () => console.log(data.keys()));
tryIt('json', () => JSON.stringify(data.toJSONString()));
tryIt('ctorarg', () => data.items.push(new Date(0), data.missing()));
tryIt('new', () => new data.name(1));
tryIt('newarg', () => new data.items(String(1)));
tryIt('undef', () => undefinedFunction(Math.max(1, 2)));
tryIt('string', () => 'abc'.push(String.fromCharCode(100)));
tryIt('number', () => (5).toUpperCase([].concat([1])));
tryIt('promise', () => Promise.resolve(1).success(v => v));
tryIt('callback', () => setTimeout(data.name, 10));
tryIt('arrow', () => [1, 2].forEach(n => n.toFixed(2).padStart(5).reverse()));
tryIt('method', () => data.items.map(n => n * 2).filter(Boolean).sum());
tryIt('method2', () => data.items.find(n => n > 5).toString());
class Repo {
  constructor() { this.store = new Map(); }
  save(entity) { return this.store.put(entity.id, { ...entity }); }
  load(id) { return this.cache.get(id); }
}
const repo = new Repo();
tryIt('class', () => repo.save({ id: 1 }));
tryIt('class2', () => repo.load(Number('1')));
tryIt('compute', () => data.items.map(x => x * 2).join(', ').split(', ').map(Number).total());
tryIt('obj arg', () => data.run({ fast: true, when: Date.now() }));
tryIt('arr arg', () => data.run([1, 2, () => 3]));
tryIt('tmpl', () => data.run(`x ${String(1)}`));
const fns = { a: 1 };
tryIt('computed', () => fns['a'](fns.b()));
tryIt('chain', () => data.items.map(String).join('').replaceAll('1', '').toNumber());

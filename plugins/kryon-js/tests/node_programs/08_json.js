const data = { name: 'Widget', price: 9.99, tags: ['a', 'b'], meta: { created: new Date(0), secret: 'x' }, nothing: undefined, fn() {}, n: null, nan: NaN, inf: -Infinity, nested: [undefined, () => 1, Symbol('s')] };
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(data, ['name', 'meta', 'created']));
console.log(JSON.stringify(data, (k, v) => k === 'secret' ? undefined : typeof v === 'number' ? Math.round(v) : v, '\t'));
console.log(JSON.stringify({ a: [1, { b: 2 }] }, null, '--'));
console.log(JSON.stringify([new Map([[1, 2]]), new Set([1]), /re/g, new Error('e')]));
class Point { constructor(x, y) { this.x = x; this.y = y; } toJSON(key) { return `P(${this.x},${this.y})@${key}`; } }
console.log(JSON.stringify({ p: new Point(1, 2), list: [new Point(3, 4)] }));
const parsed = JSON.parse('{"a":1,"b":[true,false,null],"c":{"d":"e"},"big":12345678901234567890}', (k, v) => typeof v === 'number' && k !== 'big' ? v * 2 : v);
console.log(parsed);
try { JSON.parse('{bad json}'); } catch (e) { console.log(e.name + ': ' + e.message); }
try { JSON.parse(''); } catch (e) { console.log(e.message); }
try { JSON.parse('[1, 2,]'); } catch (e) { console.log(e.message); }
const circ = { name: 'c' }; circ.self = circ;
try { JSON.stringify(circ); } catch (e) { console.log(e.message); }
try { JSON.stringify({ n: 1n }); } catch (e) { console.log(e.message); }
console.log(JSON.stringify('\u2028\ud800'), JSON.stringify({ '\n': 1 }), JSON.stringify(Object.create({ inherited: 1 })));
console.log(JSON.stringify([], null, 2), JSON.stringify({}, null, 2), JSON.stringify([[]], null, 2), JSON.stringify(null), JSON.stringify(undefined));
console.log(JSON.stringify({ a: 1 }, null, 20).split('\n')[1].length, JSON.stringify(new Date(Date.UTC(2020, 0, 1))));

const data = { id: 7, name: 'Widget', price: 9.5, tags: ['a', 'b'], meta: { created: new Date(0), secret: 'x', nested: { n: null, u: undefined, f() {} } }, list: [undefined, () => 1, Symbol('s'), NaN, -Infinity] };
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(data, ['id', 'name', 'meta', 'created']));
console.log(JSON.stringify(data, (k, v) => (k === 'secret' ? undefined : typeof v === 'number' ? v * 2 : v), '\t'));
console.log(JSON.stringify([1, [2, [3]]], null, '--'), JSON.stringify({}, null, 4), JSON.stringify([], null, 4), JSON.stringify({ a: [] }, null, 20));
class Money { constructor(a, c) { this.a = a; this.c = c; } toJSON(key) { return `${this.a.toFixed(2)} ${this.c} (${key})`; } }
console.log(JSON.stringify({ total: new Money(5, 'EUR'), list: [new Money(1, 'USD')] }));
const text = '{"a":1,"b":[true,false,null],"c":{"d":"e\\u00e9"},"n":-1.5e3,"big":12345678901234567890}';
console.log(JSON.parse(text));
console.log(JSON.parse(text, (k, v) => (typeof v === 'number' ? v + 1 : v)));
console.log(JSON.parse('"\\ud83d\\ude00"'), JSON.parse(' [1 , 2 ] '), JSON.parse('null'), JSON.stringify('\ud800'));
for (const bad of ['{a:1}', '[1,]', "{'a':1}", '', '01', '{"a":1}x', '"\t"']) {
  try { JSON.parse(bad); } catch (e) { console.log(e.name + ': ' + e.message); }
}
const cyc = { a: 1 }; cyc.me = cyc;
try { JSON.stringify(cyc); } catch (e) { console.log(e.name + ': ' + e.message.split('\n')[0]); }
console.log(JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1])), JSON.stringify(Object.create({ inh: 1 })), JSON.stringify('\u2028'));
console.log(JSON.stringify({ [Symbol('s')]: 1, k: Symbol('v') }), JSON.stringify(undefined), JSON.stringify(null), JSON.stringify(function () {}));
console.log(JSON.stringify(new Boolean(false)), JSON.stringify(new String('s')), JSON.stringify(Object(3)), JSON.stringify([new Date(86400000)]));
console.log(JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 } }, ['a', 'c']), JSON.stringify([1, 2], null, 0), JSON.stringify({ x: 1 }, null, ''));
console.log(JSON[Symbol.toStringTag], JSON.stringify({ deep: { deeper: { deepest: [1, { x: [2] }] } } }, null, 1));

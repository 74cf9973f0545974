const people = [
  { name: 'Ann', age: 31, tags: ['a', 'b'] }, { name: 'bob', age: 25, tags: [] },
  { name: 'Cy', age: 31, tags: ['c'] }, { name: 'dee', age: 19, tags: ['a'] },
];
console.log(people.flatMap((p) => p.tags), people.map((p) => p.age).at(-1), people.at(-10));
console.log(people.findLast((p) => p.age === 31).name, people.findLastIndex((p) => p.age > 100));
const sorted = people.toSorted((a, b) => a.age - b.age || a.name.localeCompare(b.name));
console.log(sorted.map((p) => p.name), people[0].name);
console.log(people.map((p) => p.name).toSorted(), people.map((p) => p.name).sort((a, b) => a.localeCompare(b)));
console.log([3, 1, 2].toReversed(), [1, 2, 3].with(1, 9), [1, 2, 3, 4].toSpliced(1, 2, 'x'));
const grouped = people.reduce((acc, p) => ((acc[p.age] ??= []).push(p.name), acc), {});
console.log(grouped);
const clone = structuredClone({ d: new Date(0), m: new Map([[1, [2]]]), s: new Set([1]), r: /x/gi, nested: { arr: [1, { b: 2 }] } });
console.log(clone);
const cyc = { name: 'c' }; cyc.self = cyc; const cc = structuredClone(cyc); console.log(cc.self === cc, cc !== cyc);
try { structuredClone({ f() {} }); } catch (e) { console.log(e.name, e.message); }
console.log([1, [2, [3, [4, [5]]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity), Array.from({ length: 5 }, (_, i) => i * i));
console.log([1, 2, 3].includes(NaN), [NaN].includes(NaN), [NaN].indexOf(NaN), Array.of(7, 8), new Array(3), [, 1, , 2]);
console.log([10, 1, 5, 100].sort(), [10, 1, 5, 100].sort((a, b) => b - a), ['b', 'a', 'C'].sort());
console.log([1, 2, 3, 4, 5].copyWithin(0, 3), new Array(3).fill(0), [1, 2, 3].reduceRight((a, b) => a + '-' + b));
console.log([1, 2, 3].entries().toString(), Array.prototype.slice.call('abc'), Array.isArray(Array.prototype));
console.log([['a', 1], ['b', 2]].map(([k, v]) => ({ [k]: v })), Object.fromEntries([['a', 1], ['b', [2]]]));
const big = Array.from({ length: 120 }, (_, i) => i); console.log(big);
console.log(Array.from({ length: 30 }, (_, i) => 'item' + i));
console.log([1.5, -2, 'str', null, undefined, true, 10n, Symbol('q'), [], {}, function named() {}, () => {}, class K {}]);
const sparse = [1, , 3]; sparse[10] = 'ten'; console.log(sparse, sparse.length);
const withProps = [1, 2]; withProps.extra = 'x'; console.log(withProps);
console.log([[1, 2], [3, 4]].join(';'), [null, undefined, 1].join('-'), [1, [2, [3]]].toString());
const typed = new Uint8Array([1, 2, 255, 256]); console.log(typed, new Float64Array(3), new Int16Array([-1, 40000]));
console.log(typed.buffer.byteLength, new DataView(new ArrayBuffer(4)).getInt32(0), Array.from(typed.subarray(1, 3)));

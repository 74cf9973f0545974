const grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
outer: for (let i = 0; i < grid.length; i++) {
  for (let j = 0; j < grid[i].length; j++) {
    if (grid[i][j] === 5) { console.log('found 5 at', i, j); break outer; }
    if (j === 1) continue outer;
    console.log('visit', grid[i][j]);
  }
}
let count = 0;
loop1: while (true) { do { count++; if (count > 5) break loop1; } while (count % 2); }
console.log('count', count);
block: { console.log('in block'); if (count) break block; console.log('unreached'); }
const { a = 1, b: { c = 2, d: [e = 3, f = 4] = [] } = {}, ...others } = { b: { d: [undefined, 40] }, g: 7, h: 8 };
console.log(a, c, e, f, others);
function opts({ name = 'anon', tags = [], retries = 3 } = {}, ...extra) { return `${name}|${tags.join('+')}|${retries}|${extra.length}`; }
console.log(opts(), opts({ name: 'x', tags: ['a', 'b'] }, 1, 2), opts(undefined, null));
let p = 1, q = 2; [p, q] = [q, p]; console.log(p, q);
const arr = [1, [2, [3, [4]]]]; const [one, [two, [three, [four]]]] = arr; console.log(one + two + three + four);
for (const [k, v] of Object.entries({ x: 1, y: 2 })) console.log(k, v);
for (const { id, val = 'def' } of [{ id: 1 }, { id: 2, val: 'v' }]) console.log(id, val);
switch (3) { case 1: console.log(1); case 3: console.log(3); case 4: console.log(4); break; default: console.log('d'); }
let s = ''; for (const ch of 'héllo👍') s += `[${ch}]`; console.log(s);
for (const k in { z: 1, 2: 'b', 1: 'a', y: 2 }) console.log('key', k);
console.log([..."ab"].map((c, i, all) => c + i + all.length));
const x = null; console.log(x ?? 'dflt', x?.foo, 0 || 'or', 0 ?? 'nn');
let z = null; z ??= 5; z ||= 6; z &&= z + 1; console.log(z);
console.log(2 ** 10, (-8) % 3, 7 / 2 | 0, -7 >>> 28, 1 << 31, ~5);

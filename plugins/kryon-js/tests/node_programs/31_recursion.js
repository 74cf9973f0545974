const permutations = (arr) => arr.length <= 1 ? [arr] : arr.flatMap((x, i) => permutations([...arr.slice(0, i), ...arr.slice(i + 1)]).map(p => [x, ...p]));
console.log(permutations([1, 2, 3]));
const fib = (n, memo = {}) => n < 2 ? n : memo[n] ??= fib(n - 1, memo) + fib(n - 2, memo);
console.log(fib(90), fib(50), [...Array(15).keys()].map(n => fib(n)));
const deepClone = (o) => o === null || typeof o !== 'object' ? o : Array.isArray(o) ? o.map(deepClone) : Object.fromEntries(Object.entries(o).map(([k, v]) => [k, deepClone(v)]));
const orig = { a: [1, { b: 2 }], c: { d: { e: [3] } } }; const cl = deepClone(orig); cl.c.d.e.push(4);
console.log(orig, cl, structuredClone(orig));
const hanoi = (n, from = 'A', to = 'C', via = 'B') => n === 0 ? [] : [...hanoi(n - 1, from, via, to), `${from}->${to}`, ...hanoi(n - 1, via, to, from)];
console.log(hanoi(3), hanoi(10).length);
const flatten = (o, prefix = '') => Object.entries(o).reduce((acc, [k, v]) => typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...acc, ...flatten(v, prefix + k + '.') } : { ...acc, [prefix + k]: v }, {});
console.log(flatten({ a: 1, b: { c: 2, d: { e: 3, f: [4] } } }));
const gcd = (a, b) => b ? gcd(b, a % b) : a; console.log(gcd(1071, 462), [12, 18, 24].reduce(gcd));
const power = (base, exp) => exp === 0n ? 1n : base * power(base, exp - 1n); console.log(power(2n, 100n));
function ackermann(m, n) { return m === 0 ? n + 1 : n === 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1)); }
console.log(ackermann(2, 3));
const tree = { v: 1, kids: [{ v: 2, kids: [{ v: 4, kids: [] }] }, { v: 3, kids: [] }] };
const sumTree = (t) => t.v + t.kids.reduce((s, k) => s + sumTree(k), 0);
console.log(sumTree(tree), JSON.stringify(tree));
console.log(tree);

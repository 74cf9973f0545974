const data = [
  { n: 'delta', v: 3, d: '2024-01-03' }, { n: 'alpha', v: 1, d: '2023-12-31' },
  { n: 'Charlie', v: 3, d: '2024-01-01' }, { n: 'bravo', v: 2, d: '2024-01-02' }, { n: 'echo', v: 1, d: '2024-01-05' },
];
const by = (...keys) => (a, b) => { for (const k of keys) { const desc = k.startsWith('-'); const key = desc ? k.slice(1) : k; const x = a[key], y = b[key]; const r = typeof x === 'string' ? x.localeCompare(y) : x - y; if (r) return desc ? -r : r; } return 0; };
console.log(data.toSorted(by('v', 'n')).map((x) => x.n));
console.log(data.toSorted(by('-v', 'd')).map((x) => `${x.n}:${x.v}`));
console.log(data.toSorted(by('n')).map((x) => x.n), data.map((x) => x.n).sort());
const stable = Array.from({ length: 20 }, (_, i) => ({ i, k: i % 3 })).sort((a, b) => a.k - b.k).map((x) => x.i); console.log(stable.join(' '));
const binarySearch = (arr, t) => { let lo = 0, hi = arr.length - 1; while (lo <= hi) { const mid = (lo + hi) >>> 1; if (arr[mid] === t) return mid; arr[mid] < t ? (lo = mid + 1) : (hi = mid - 1); } return -(lo + 1); };
const sortedNums = [1, 3, 5, 7, 9, 11]; console.log([5, 6, 0, 12].map((t) => binarySearch(sortedNums, t)));
function quick(a) { if (a.length < 2) return a; const [p, ...r] = a; return [...quick(r.filter((x) => x < p)), p, ...quick(r.filter((x) => x >= p))]; }
let seed = 42; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const arr = Array.from({ length: 25 }, () => Math.floor(rnd() * 100)); console.log(quick(arr).join(','), arr.toSorted((a, b) => a - b).join(',') === quick(arr).join(','));
const uniq = [...new Set(arr)].length; const counts = arr.reduce((m, x) => ({ ...m, [x % 10]: (m[x % 10] ?? 0) + 1 }), {}); console.log(uniq, counts);
console.log(['10', '9', '1', '100'].sort(), ['10', '9', '1', '100'].sort((a, b) => a - b), [true, false, true].sort(), [undefined, 3, null, 1].sort());
console.log(['b', 'a', 'B', 'A', 'é', 'e'].sort(), ['b', 'a', 'B', 'A'].sort((a, b) => a.localeCompare(b)), 'a'.localeCompare('B'), 'résumé'.localeCompare('resume'));

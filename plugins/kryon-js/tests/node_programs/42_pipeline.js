// generators and lazy iterator pipelines
function* naturals(start = 1) { let n = start; while (true) yield n++; }
function* take(it, n) { for (const x of it) { if (n-- <= 0) return; yield x; } }
function* map(it, f) { for (const x of it) yield f(x); }
function* filter(it, p) { for (const x of it) if (p(x)) yield x; }
const primes = filter(naturals(2), (n) => { for (let d = 2; d * d <= n; d++) if (n % d === 0) return false; return true; });
console.log([...take(primes, 15)].join(','));
const squares = map(naturals(), (x) => x * x);
console.log(Array.from(take(squares, 6)));
function* fib() { let [a, b] = [0n, 1n]; for (;;) { yield a; [a, b] = [b, a + b]; } }
let i = 0; let last;
for (const f of fib()) { if (i++ === 100) { last = f; break; } }
console.log(last, typeof last, last.toString(16));
function* talk() {
  const name = yield 'name?';
  const age = yield `hello ${name}, age?`;
  try { yield `ok ${age}`; } finally { console.log('cleanup'); }
  return 'done';
}
const g = talk();
console.log(g.next().value, g.next('zoe').value, g.next(33).value);
console.log(g.return('early'), g.next());
class Range {
  constructor(a, b, step = 1) { Object.assign(this, { a, b, step }); }
  [Symbol.iterator]() {
    let cur = this.a; const { b, step } = this;
    return { next: () => cur < b ? { value: (cur += step) - step, done: false } : { value: undefined, done: true }, [Symbol.iterator]() { return this; } };
  }
}
console.log([...new Range(0, 10, 3)], Math.max(...new Range(1, 5)));
const [x, , y = 99, ...rest] = new Range(0, 6);
console.log(x, y, rest);
const it = [10, 20, 30].entries();
console.log(it.next(), [...it]);
console.log(Object.prototype.toString.call(naturals()), String(naturals));
const gen = naturals();
console.log(gen[Symbol.iterator]() === gen, typeof gen.throw);
try { const t = talk(); t.next(); t.throw(new Error('boom')); } catch (e) { console.log('caught', e.message); }

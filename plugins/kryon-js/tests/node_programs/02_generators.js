function* range(start, end, step = 1) { for (let i = start; i < end; i += step) yield i; }
console.log([...range(0, 10, 3)]);
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const take = (n, it) => { const out = []; for (const x of it) { if (out.length >= n) break; out.push(x); } return out; };
console.log(take(10, fib()));
function* delegating() { const r = yield* inner(); console.log('inner returned', r); yield 'after'; }
function* inner() { const x = yield 1; console.log('got', x); yield 2; return 'done'; }
const g = delegating();
console.log(g.next(), g.next('hello'), g.next(), g.next(), g.next());
const g2 = range(0, 5);
console.log(g2.next(), g2.return(42), g2.next());
function* withFinally() { try { yield 1; yield 2; } finally { console.log('cleanup'); } }
for (const v of withFinally()) { console.log(v); break; }
const g3 = withFinally(); g3.next();
try { g3.throw(new Error('boom')); } catch (e) { console.log('caught', e.message); }
class Tree {
  constructor(v, l, r) { this.v = v; this.l = l; this.r = r; }
  *[Symbol.iterator]() { if (this.l) yield* this.l; yield this.v; if (this.r) yield* this.r; }
}
const t = new Tree(4, new Tree(2, new Tree(1), new Tree(3)), new Tree(6, new Tree(5)));
console.log([...t], Math.max(...t));
const iterable = { from: 1, to: 4, [Symbol.iterator]() { let c = this.from, t = this.to; return { next: () => c <= t ? { value: c++, done: false } : { value: undefined, done: true }, [Symbol.iterator]() { return this; } }; } };
console.log(Array.from(iterable), Array.from(iterable, x => x * x));
const [first, , third, ...rest] = range(10, 20);
console.log(first, third, rest);
console.log(g, range, fib(), Object.prototype.toString.call(fib()));
const entries = Object.entries({ a: 1, b: 2 });
for (const [k, v] of entries) console.log(`${k}=${v}`);
console.log(new Map(entries), Object.fromEntries(new Map(entries)));
async function* agen() { yield 1; yield 2; }
(async () => { for await (const x of agen()) console.log('async', x); console.log(agen); })();

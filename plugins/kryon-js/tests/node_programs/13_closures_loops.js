function counter() { let c = 0; return { inc: () => ++c, dec: () => --c, get value() { return c; } }; }
const c1 = counter(), c2 = counter();
c1.inc(); c1.inc(); c2.dec();
console.log(c1.value, c2.value, c1);
const fns = []; for (var i = 0; i < 3; i++) fns.push(() => i); console.log(fns.map(f => f()));
const fns2 = []; for (let j = 0; j < 3; j++) fns2.push(() => j); console.log(fns2.map(f => f()));
outer: for (let a = 0; a < 3; a++) {
  inner: for (let b = 0; b < 3; b++) {
    if (b === 1) continue outer;
    if (a === 2) break outer;
    console.log('pair', a, b);
  }
}
block: { console.log('in block'); if (true) break block; console.log('never'); }
let n = 0; do { n++; } while (n < 5); console.log(n);
const memo = (fn, cache = new Map()) => x => cache.has(x) ? cache.get(x) : (cache.set(x, fn(x)), cache.get(x));
const slowSq = memo(x => { console.log('computing', x); return x * x; });
console.log(slowSq(4), slowSq(4));
const compose = (...fs) => x => fs.reduceRight((v, f) => f(v), x);
console.log(compose(x => x + 1, x => x * 2)(5));
function curry(fn) { return function curried(...args) { return args.length >= fn.length ? fn.apply(this, args) : (...more) => curried.apply(this, [...args, ...more]); }; }
console.log(curry((a, b, c) => a + b + c)(1)(2)(3));
for (const k in { x: 1, y: 2, __proto__: { z: 3 } }) console.log('key', k);
for (const idx in ['a', 'b']) console.log(typeof idx, idx);
switch (3) { case 1: console.log(1); case 3: console.log(3); case 4: console.log(4); break; default: console.log('d'); }
const once = fn => { let done = false, r; return (...a) => done ? r : (done = true, r = fn(...a)); };
const init = once(() => { console.log('init!'); return 42; }); console.log(init(), init());
function debounceLike() { let calls = 0; return function named() { calls++; return named.name + calls; }; }
const d = debounceLike(); d(); console.log(d());
console.log((function () { return typeof this; })(), (function () { 'use strict'; return typeof this; })(), (() => typeof this)());
var hoisted = typeof laterFn; function laterFn() {} console.log(hoisted);
try { tdz; let tdz = 1; } catch (e) { console.log(e.name, e.message); }
console.log([1, 2, 3].map(parseInt), ['1', '2', '3'].map(Number));
const gen = (function* () { let i = 0; while (true) { const cmd = yield i++; if (cmd === 'stop') return 'stopped'; } })();
console.log(gen.next(), gen.next(), gen.next('stop'), gen.next());

function counter() { let c = 0; return { inc: () => ++c, dec: () => --c, get value() { return c; } }; }
const c1 = counter(), c2 = counter(); c1.inc(); c1.inc(); c2.dec(); console.log(c1.value, c2.value, c1);
const fns = []; for (var i = 0; i < 3; i++) fns.push(() => i); console.log(fns.map((f) => f()));
const fns2 = []; for (let j = 0; j < 3; j++) fns2.push(() => j); console.log(fns2.map((f) => f()));
const memo = (fn) => { const cache = new Map(); return (n) => (cache.has(n) ? cache.get(n) : (cache.set(n, fn(n)), cache.get(n))); };
const fib = memo((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2))); console.log(fib(90), fib(78));
const compose = (...f) => (x) => f.reduceRight((a, g) => g(a), x); console.log(compose((x) => x + 1, (x) => x * 2)(5));
const curry = (fn) => function c(...a) { return a.length >= fn.length ? fn.apply(this, a) : (...b) => c.apply(this, [...a, ...b]); };
const add3 = curry((a, b, c) => a + b + c); console.log(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3));
const debounceLog = []; function once(fn) { let done = false, r; return (...a) => (done ? r : ((done = true), (r = fn(...a)))); }
const init = once(() => { debounceLog.push('init'); return 42; }); init(); init(); console.log(init(), debounceLog);
const o = { name: 'o', regular() { return this?.name; }, arrow: () => typeof this, nested() { return [1].map(function () { return this; })[0]; } };
console.log(o.regular(), o.arrow(), o.nested() === globalThis, (0, o.regular)());
const bound = o.regular.bind({ name: 'bound' }); console.log(bound(), bound.name, bound.length, o.regular.call({ name: 'called' }));
function Legacy(n) { if (!new.target) return new Legacy(n); this.n = n; } Legacy.prototype.get = function () { return this.n; };
console.log(Legacy(5).get(), new Legacy(6), Legacy.prototype.constructor === Legacy);
function args() { return [arguments.length, Array.from(arguments), typeof arguments]; } console.log(args(1, 'a', null));
function defaults(a, b = a * 2, c = () => a + b) { return c(); } console.log(defaults(3), defaults(3, 1));
console.log(((a, b) => a + b).length, function (...r) {}.length, ((a, b = 1, c) => 0).length);
const iife = (function () { const priv = 'p'; return { reveal: () => priv }; })(); console.log(iife.reveal());
let hoisted = typeof laterFn; function laterFn() {} console.log(hoisted);
try { tdz; let tdz = 1; } catch (e) { console.log(e.name, e.message); }
const acc = Array.from({ length: 5 }, (_, k) => (x) => x * k).map((f) => f(10)); console.log(acc);
console.log([1, 2, 3].map(parseInt), ['1', '2', '3'].map(Number), [' a ', 'b '].map(Function.prototype.call, String.prototype.trim));

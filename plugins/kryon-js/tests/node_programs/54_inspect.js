class Point { constructor(x, y) { this.x = x; this.y = y; } get len() { return Math.hypot(this.x, this.y); } }
class Point3 extends Point { constructor() { super(1, 2); this.z = 3; } }
console.log(new Point(3, 4), new Point3(), [new Point(0, 0)], { p: new Point(1, 1) });
const withGetter = { a: 1, get b() { return 2; }, set c(v) {}, get d() { return 1; }, set d(v) {} };
console.log(withGetter);
const deep = { l1: { l2: { l3: { l4: { l5: 'deep' } } } }, arr: [[[[['x']]]]] };
console.log(deep);
console.log(JSON.stringify(deep));
const circ = { name: 'root', children: [] }; circ.children.push({ parent: circ, name: 'kid' }); circ.self = circ;
console.log(circ);
const a = [1]; a.push(a); console.log(a);
const m = new Map([['k', { v: [1, 2, { w: 3 }] }], [{ obj: 1 }, 'objkey']]); m.set('m', m); console.log(m);
console.log(new Set([[1, 2], { a: new Set([1]) }]), new Map(), new Set(), [new Map([[1, 2]])]);
console.log(Object.create(null), Object.assign(Object.create(null), { x: 1 }), Object.create({ inherited: 1 }));
console.log([function foo() {}, function () {}, () => {}, async () => {}, function* gen() {}, async function* ag() {}, Math.max, class {}, class Named extends Point {}]);
const fnWithProps = function tagged() {}; fnWithProps.meta = 1; console.log(fnWithProps, [fnWithProps]);
console.log({ 'quoted-key': 1, valid_id: 2, 3: 'num', 'sp ace': 4, '': 5, [Symbol('sym')]: 6, ['ünï']: 7 });
console.log(['a\nb', "it's", 'say "hi"', `both ' and "`, 'back`tick'], 'top level \'str\'');
console.log({ s: 'x'.repeat(120) }, ['y'.repeat(20), 'z'.repeat(20), 'w'.repeat(20), 'v'.repeat(20)]);
console.log({ a: 'aaaaaaaaaaaaaaa', b: 'bbbbbbbbbbbbbbbbbbb', c: 'ccccccccccccccc', d: 'dddddddddddddddd', e: 1 });
console.log(Array.from({ length: 8 }, (_, i) => ({ id: i, name: 'n' + i })));
console.log([[1, 2, [3, 4, [5, [6, [7]]]]]], { arr: new Array(200).fill(7) });
console.log(new Error('inner message').message, [null, undefined], { u: undefined, n: null }, [true, false]);
console.log(-0, [-0], 0.1, 1e21, 1e-7, [1e21], { n: -0 });
console.log(Object.freeze({ frozen: true }), Object.seal([1]), new Number(5), new String('boxed'), new Boolean(true), Object(1n), Object(Symbol('bs')));
console.log(/re(g)ex/gimsuy, [/x/], new Date(1e12), [new Date(1e12)], { d: new Date(NaN) });
console.log(new Uint8Array(3), new ArrayBuffer(4), new SharedArrayBuffer ? 'sab' : '', Promise.resolve(5), Promise.reject(new Error('rej')).catch(() => {}) && 'x', new Promise(() => {}));
console.log(globalThis === this, typeof globalThis, [undefined, , 3]);
const big = {}; for (let i = 0; i < 30; i++) big['key' + i] = i; console.log(big);
console.log('%o', { a: [1, 2], f() {} });
console.log(Symbol('x'), [Symbol.iterator], 12345678901234567890n, [1n]);
console.log(new (class Empty {})(), new (class extends Array {})(), Object.setPrototypeOf({ a: 1 }, null));
class Base { static sp = 1; }
console.log(Base, class extends Base {}, Point3, [Point3]);
console.log(function () {}.name, (() => {}).name, Object.getOwnPropertyNames(class { static m() {} }));

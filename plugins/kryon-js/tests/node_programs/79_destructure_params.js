const t = (label, f) => { try { f(); console.log(label, 'ok'); } catch (e) { console.log(label.padEnd(8), `${e.name}: ${e.message}`); } };
function f1({ a, b }) { return a + b; }
function f2([x, y]) { return x + y; }
function f3({ a: { b } }) { return b; }
function f4({ a, b } = {}) { return [a, b]; }
function f5(first, { opt }) { return opt; }
const f6 = ({ name }) => name;
const f7 = ([h, ...rest]) => rest;
function f8({ list: [first] }) { return first; }
class K { constructor({ id }) { this.id = id; } method([a]) { return a; } }
t('f1', () => f1());
t('f2', () => f2());
t('f4', () => f4());
t('f5', () => f5(1));
t('f6', () => f6());
t('f7', () => f7());
t('K', () => new K());
t('Km', () => new K({ id: 1 }).method());
t('decl', () => { const { a } = null; });
t('nested', () => { const [[x]] = [undefined]; });
t('cb2', () => [undefined].forEach(([v]) => v));
t('url', () => new URL());
t('url2', () => new URL('nope'));
t('undef cb', () => [undefined].map(({ v }) => v));
'use strict';
const frozen = Object.freeze({ a: 1, list: [1] });
const compute = () => 5;
(function () {
  'use strict';
  t('frozen', () => { frozen.a = compute(); });
  t('frozen2', () => { frozen.b = String(3); });
  t('const', () => { const c = 1; c = compute(); });
  class T { get f() { return 1; } }
  const inst = new T();
  t('getter', () => { inst.f = compute(); });
  const plain = { get v() { return 1; } };
  t('getter2', () => { plain.v = [1].map(x => x); });
})();

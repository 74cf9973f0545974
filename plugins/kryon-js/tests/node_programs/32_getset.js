class Temperature {
  #c = 0;
  static fromF(f) { const t = new Temperature(); t.fahrenheit = f; return t; }
  get celsius() { return this.#c; }
  set celsius(v) { if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError('not a number: ' + v); this.#c = v; }
  get fahrenheit() { return this.#c * 9 / 5 + 32; }
  set fahrenheit(f) { this.celsius = (f - 32) * 5 / 9; }
  [Symbol.toPrimitive](hint) { return hint === 'string' ? `${this.#c.toFixed(1)}°C` : this.#c; }
  static [Symbol.hasInstance](o) { return #c in o; }
}
const t = Temperature.fromF(212);
console.log(t.celsius, t.fahrenheit, `${t}`, t + 0, t > 50, t);
try { t.celsius = 'hot'; } catch (e) { console.log(e.message); }
console.log(Object.getOwnPropertyNames(Temperature.prototype), {} instanceof Temperature, t instanceof Temperature);
const obj = {};
Object.defineProperties(obj, { visible: { value: 1, enumerable: true }, hidden: { value: 2 }, computed: { get() { return this.visible * 10; }, enumerable: true } });
console.log(obj, Object.keys(obj), JSON.stringify(obj), obj.hidden, Object.getOwnPropertyDescriptor(obj, 'hidden'));
'use strict';
const frozen = Object.freeze({ x: 1, nested: { y: 2 } }); frozen.nested.y = 3;
console.log(frozen, Object.isFrozen(frozen), Object.isFrozen(frozen.nested));
const counter = { count: 0, get next() { return ++this.count; } };
console.log(counter.next, counter.next, counter);
console.log(Object.entries(Object.getOwnPropertyDescriptors({ get a() { return 1; }, b: 2 })).map(([k, d]) => [k, Object.keys(d)]));

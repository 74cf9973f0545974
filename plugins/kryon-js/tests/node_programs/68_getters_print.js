class Temperature {
  #c = 0;
  constructor(c) { this.#c = c; }
  get celsius() { return this.#c; }
  set celsius(v) { this.#c = v; }
  get fahrenheit() { return this.#c * 9 / 5 + 32; }
  static from(f) { return new Temperature((f - 32) * 5 / 9); }
}
const t = new Temperature(100);
console.log(t, t.fahrenheit, Temperature.from(212).celsius, Object.getOwnPropertyNames(Temperature.prototype));
const desc = Object.getOwnPropertyDescriptor(Temperature.prototype, 'celsius'); console.log(desc, typeof desc.get);
const o = {}; Object.defineProperty(o, 'hidden', { value: 1, enumerable: false }); Object.defineProperty(o, 'acc', { get() { return 5; }, enumerable: true });
Object.defineProperty(o, 'ro', { value: 2, enumerable: true, writable: false }); console.log(o, Object.keys(o), o.hidden, JSON.stringify(o));
console.log(Object.getOwnPropertyDescriptors({ a: 1, get b() { return 2; } }));
const lazy = { get data() { delete this.data; return (this.data = [1, 2, 3]); } }; console.log(lazy, lazy.data, lazy);
const setOnly = { set v(x) {} }; console.log(setOnly, setOnly.v);
class Cnt { static #n = 0; static get next() { return ++Cnt.#n; } } console.log(Cnt.next, Cnt.next, Cnt);
console.log(Object.entries({ get a() { return 'g'; }, b: 2 }), { ...{ get spread() { return 'copied'; } } });

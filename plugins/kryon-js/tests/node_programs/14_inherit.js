class Shape {
  static #instances = 0;
  static create(...a) { return new this(...a); }
  constructor(name) { this.name = name; Shape.#instances++; }
  area() { return 0; }
  describe() { return `${this.name} with area ${this.area().toFixed(2)}`; }
  static get instances() { return Shape.#instances; }
}
class Circle extends Shape {
  #r;
  constructor(r) { super('circle'); this.#r = r; }
  area() { return Math.PI * this.#r ** 2; }
  get radius() { return this.#r; }
}
class Square extends Shape {
  constructor(s) { super('square'); this.side = s; }
  area() { return this.side ** 2; }
  describe() { return 'SQUARE: ' + super.describe(); }
}
const shapes = [Circle.create(1), Square.create(2), new Shape('blob')];
shapes.forEach(s => console.log(s.describe()));
console.log(shapes, Shape.instances);
console.log(Object.getPrototypeOf(Circle.prototype) === Shape.prototype, Circle.name, new Circle(2).radius);
function OldStyle(x) { this.x = x; }
OldStyle.prototype.getX = function () { return this.x; };
function Child(x, y) { OldStyle.call(this, x); this.y = y; }
Child.prototype = Object.create(OldStyle.prototype); Child.prototype.constructor = Child;
const ch = new Child(1, 2);
console.log(ch, ch.getX(), ch instanceof OldStyle, OldStyle.prototype, Child.prototype);
const mixin = Base => class extends Base { fly() { return `${this.name} flies`; } };
class Bird extends mixin(Shape) { constructor() { super('bird'); } }
console.log(new Bird().fly(), new Bird(), Bird.name);
class MyArray extends Array { sum() { return this.reduce((a, b) => a + b, 0); } }
const ma = MyArray.from([1, 2, 3]);
console.log(ma, ma.sum(), ma.map(x => x * 2) instanceof MyArray, ma.length);
class MyMap extends Map { getOr(k, d) { return this.has(k) ? this.get(k) : d; } }
const mm = new MyMap([['a', 1]]); console.log(mm, mm.getOr('b', 0));
class MyErr extends TypeError {} console.log(new MyErr('x').name, new MyErr('x') instanceof TypeError);
const protoObj = { greet() { return 'hi ' + this.n; } };
const inst = Object.create(protoObj, { n: { value: 'z', enumerable: true } });
console.log(inst, inst.greet(), Object.getPrototypeOf(inst) === protoObj);
class Abstract { constructor() { if (new.target === Abstract) throw new TypeError('abstract!'); } }
try { new Abstract(); } catch (e) { console.log(e.message); }
class Impl extends Abstract {} console.log(new Impl());
const objWithClass = { Klass: class {}, inst: new (class Named {})() };
console.log(objWithClass);
console.log(class {}, (class {}).name, (() => {}).name, (function () {}).name);

const util = require('util');
const EventEmitter = require('events');
const { EventEmitter: EE2 } = require('node:events');
const assert = require('assert');
console.log(util.inspect({ a: [1, { b: { c: { d: 1 } } }] }, { depth: 0 }), util.format('%s=%d', 'x', 42), EE2 === EventEmitter);
class Shop extends EventEmitter { constructor() { super(); this.items = []; } add(i) { this.items.push(i); this.emit('added', i, this.items.length); } }
const shop = new Shop();
shop.on('added', (i, n) => console.log('added', i, n));
shop.once('added', (i) => console.log('first add', i));
shop.add('apple'); shop.add('pear');
console.log(shop.listenerCount('added'), shop.eventNames(), shop);
const plain = new EventEmitter(); console.log(plain);
plain.on('x', () => {}); plain.on('x', () => {}); plain.on('y', function named() {}); console.log(plain);
try { plain.emit('error', new Error('boom')); } catch (e) { console.log('emit error:', e.message); }
function Old() { EventEmitter.call(this); this.v = 1; } util.inherits(Old, EventEmitter);
const o = new Old(); o.on('ping', function () { console.log('pong', this.v); }); o.emit('ping');
assert(true); assert.ok(1); assert.strictEqual(1, 1); assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 2] }); assert.equal('1', 1);
assert.throws(() => { throw new TypeError('t'); }, TypeError); assert.notStrictEqual(1, 2);
try { assert.strictEqual(1, 2); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
const sleep = util.promisify((ms, cb) => setTimeout(() => cb(null, 'slept ' + ms), ms));
sleep(10).then(console.log);
console.log(util.isDeepStrictEqual([1, { x: 2 }], [1, { x: 2 }]), util.isDeepStrictEqual([1], ['1']));
module.exports = { Shop }; exports.extra = 1;
console.log(typeof module, module.exports === exports, Object.keys(module.exports), typeof require);

import { EventEmitter } from 'events';
import util from 'util';
import assert from 'assert';
const wait = ms => new Promise(r => setTimeout(r, ms));
console.log('top-level start');
await wait(5);
console.log('after top-level await');
export const VERSION = '1.2.3';
export default function greet(n) { return `hi ${n}`; }
console.log(greet('mod'), VERSION, typeof import.meta, typeof require, typeof module, this);
const em = new EventEmitter();
em.on('data', d => console.log('data', d));
em.emit('data', { chunk: 1 });
console.log(util.format('%s=%d %j', 'x', 42, { a: [1] }), util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }));
console.log(util.inspect('str'), util.isDeepStrictEqual({ a: 1 }, { a: 1 }));
console.log(util.types.isPromise(Promise.resolve()), util.types.isDate(new Date()), util.inspect(new Map([[1, 2]]), { showHidden: false }));
try { assert.strictEqual(1, 2); } catch (e) { console.log(e.name, e.code, e.message.split('\n')[0]); }
try { assert.deepStrictEqual({ a: 1 }, { a: 1 }); console.log('deep ok'); } catch (e) { console.log('no'); }
try { assert(false, 'custom assert msg'); } catch (e) { console.log(e.name, e.message); }
try { assert.ok(0); } catch (e) { console.log(e.message.split('\n')[0]); }
try { assert.throws(() => { throw new TypeError('tt'); }, TypeError); console.log('throws ok'); } catch (e) { console.log('bad'); }
try { assert.equal(1, '1'); console.log('loose equal ok'); } catch (e) { console.log('bad'); }
const { promisify } = util;
const cbStyle = (x, cb) => setTimeout(() => x < 0 ? cb(new Error('negative')) : cb(null, x * 2), 1);
const p = promisify(cbStyle);
console.log(await p(21));
try { await p(-1); } catch (e) { console.log('promisified error', e.message); }
const results = await Promise.all([1, 2, 3].map(async n => { await wait(4 - n); return n * n; }));
console.log(results);
class Deferred { constructor() { this.promise = new Promise((res, rej) => Object.assign(this, { res, rej })); } }
const d = new Deferred();
setTimeout(() => d.res('deferred value'), 2);
console.log(await d.promise);
console.log(util.inspect(new Deferred(), { depth: 0 }), typeof globalThis.process);

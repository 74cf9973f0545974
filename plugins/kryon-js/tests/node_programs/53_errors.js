class ValidationError extends Error {
  constructor(field, message, options) { super(message, options); this.name = 'ValidationError'; this.field = field; }
}
class NotFound extends Error { name = 'NotFound'; status = 404; }
function validate(u) {
  if (!u.email) throw new ValidationError('email', 'email required');
  try { JSON.parse(u.raw); } catch (err) { throw new ValidationError('raw', 'bad raw', { cause: err }); }
}
try { validate({}); } catch (e) { console.log(e.name, e.field, e.message, e instanceof ValidationError, e.stack.split('\n')[0]); }
try { validate({ email: 'x', raw: '{' }); } catch (e) { console.log(e.message, '<-', e.cause.name, e.cause instanceof SyntaxError); }
const nf = new NotFound('no user'); console.log(nf.name, nf.status, String(nf), Object.prototype.toString.call(nf));
const agg = new AggregateError([new Error('a'), new TypeError('b')], 'several'); console.log(agg.name, agg.message, agg.errors.length);
console.log(new Error('with cause', { cause: 'str' }).cause, 'cause' in new Error('x'), new Error('x', {}).hasOwnProperty('cause'));
function thrower(v) { throw v; }
for (const v of [1, 'str', null, undefined, { code: 5 }, [1, 2]]) { try { thrower(v); } catch (e) { console.log(typeof e, e); } }
try { null.x; } catch (e) { console.log(e.constructor.name, e.message); }
try { undefined(); } catch (e) { console.log(e.message); }
try { const o = {}; o.method(); } catch (e) { console.log(e.message); }
try { x = y + 1; } catch (e) { console.log(e.name, e.message); }
try { new Array(-1); } catch (e) { console.log(e.name, e.message); }
try { (1).toFixed(200); } catch (e) { console.log(e.name, e.message); }
try { 'abc'.repeat(-1); } catch (e) { console.log(e.name, e.message); }
try { const c = 1; c = 2; } catch (e) { console.log(e.name, e.message); }
try { 'use strict'; Object.freeze([1]).push(2); } catch (e) { console.log(e.name); }
try { new (class A { constructor() { this.x; } })().foo.bar; } catch (e) { console.log(e.message); }
try { ({}).x.y.z; } catch (e) { console.log(e.message); }
try { let a = []; a.b.c = 1; } catch (e) { console.log(e.message); }
try { null[Symbol.iterator]; } catch (e) { console.log(e.message); }
try { const [a] = null; } catch (e) { console.log(e.message); }
try { const { a } = undefined; } catch (e) { console.log(e.message); }
try { for (const x of 5) { } } catch (e) { console.log(e.message); }
try { new 5; } catch (e) { console.log(e.message); }
try { class B extends null {} ; new B(); } catch (e) { console.log(e.name); }
try { Symbol()(); } catch (e) { console.log(e.name); }
try { BigInt('x'); } catch (e) { console.log(e.name, e.message); }
const e1 = new Error('printed'); e1.extra = { deep: [1, 2] }; console.log(Object.keys(e1), e1.message);
console.log(new RangeError('r').toString(), Error('no new').message, typeof Error.captureStackTrace);
const fin = () => { try { return 'try'; } finally { console.log('finally runs'); } }; console.log(fin());

class ValidationError extends Error {
  constructor(field, message, options) { super(message, options); this.name = 'ValidationError'; this.field = field; }
}
class DbError extends Error { constructor(msg) { super(msg); this.name = this.constructor.name; this.code = 'E_DB'; } }
function validate(u) { if (!u.email) throw new ValidationError('email', 'email required'); return true; }
try { validate({}); } catch (e) {
  console.log(e instanceof ValidationError, e instanceof Error, e.name, e.field, e.message, `${e}`);
}
try {
  try { throw new DbError('connection lost'); }
  catch (inner) { throw new ValidationError('db', 'wrapped', { cause: inner }); }
} catch (e) { console.log(e.cause.message, e.cause.code, e.cause.name, Object.keys(e)); }
const errs = [new TypeError('t'), new RangeError('r'), new SyntaxError('s'), new ReferenceError('x'), new EvalError('ev'), new URIError('u')];
console.log(errs.map(e => `${e.name}|${e.message}|${e instanceof Error}`));
try { null.prop; } catch (e) { console.log(e.constructor.name, e.message); }
try { undefinedVariable; } catch (e) { console.log(e.name, e.message); }
try { const c = 1; c = 2; } catch (e) { console.log(e.message); }
try { new Array(-1); } catch (e) { console.log(e.name, e.message); }
try { JSON.parse('{'); } catch (e) { console.log(e.name); }
try { ({}).x.y; } catch (e) { console.log(e.message); }
try { BigInt(1.5); } catch (e) { console.log(e.name); }
try { Symbol() + ''; } catch (e) { console.log(e.message); }
function finallyOrder() { try { return 'try'; } finally { console.log('finally runs'); } }
console.log(finallyOrder());
const e2 = new Error('with props'); e2.status = 404; e2.details = { path: '/x' };
console.log(Object.keys(e2), e2.status, e2.toString(), String(new Error()), new Error('').toString());
const agg = new AggregateError([new Error('a'), 'b'], 'multi');
console.log(agg.name, agg.message, agg.errors.length);
console.log(Error('no new') instanceof Error, typeof Error.captureStackTrace);
const custom = { name: 'Custom', message: 'not a real error' };
console.log(Error.prototype.toString.call(custom));
let e3 = new ValidationError('f', 'm'); console.log(e3.stack.split('\n')[0]);
try { throw { code: 42 }; } catch ({ code }) { console.log('code', code); }
try { throw 'string thrown'; } catch (s) { console.log(typeof s, s); }

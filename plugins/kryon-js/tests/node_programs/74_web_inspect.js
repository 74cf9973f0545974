const deep = (v) => ({ a: { b: { c: v } } });
console.log(deep(new URL('http://x.com/?a=1')));
console.log(deep(new URLSearchParams('a=1')));
console.log(deep(new AbortController()), deep(AbortSignal.abort()));
console.log(deep(Buffer.from('hi')), deep(new EventTarget()));
console.log(deep(new URLSearchParams('a=1').keys()));
console.log({ a: { b: new URL('http://x.com/?a=1') } });
console.log({ a: { b: new AbortController() } });
console.log(require('util').inspect(new URL('http://u.com'), { depth: 0 }));
console.log(require('util').inspect(new URLSearchParams('q=1'), { depth: -1 }));
console.log(Object.prototype.toString.call(new AbortController()), String(new URLSearchParams('a=1 2')), `${new URL('http://t.com')}`);
const u = new URL('http://x.com/'); u.extra = 1; console.log(u);
console.log([new URLSearchParams('a=1&b=2')], new Map([[1, new URL('http://m.com')]]));
const util = require('util');
class A { [util.inspect.custom](d, o) { return 'A(' + d + ',' + o.depth + ')'; } }
console.log({ a: { b: new A() } }, util.inspect({ x: new A() }, { depth: 5 }));
console.log({ a: { b: new EventTarget() } }, [new (class Bus extends EventTarget {})()]);

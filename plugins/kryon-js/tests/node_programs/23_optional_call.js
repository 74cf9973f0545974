const xs = [1];
const get = function () { return xs; };
let cb; cb?.(); console.log(cb?.(1));
const f = (x) => x * 2; console.log(f?.(21), f?.(1)?.toString?.());
const o = { m() { return this === o; } }; console.log(o.m?.(), o?.m?.());
function g(h) { return h?.(); } console.log(g(() => 5), g());
try { const n = 5; n?.(); } catch (e) { console.log(e.message); }
setImmediate?.(() => console.log("immediate"));

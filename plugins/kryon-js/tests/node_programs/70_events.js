const t = new EventTarget();
console.log(t, new Event("x").type, new CustomEvent("c", { detail: { a: 1 } }).detail);
const ac = new AbortController();
console.log(ac, ac.signal);
const seen = [];
function h(e) { seen.push([e.type, this === t, e.target === t, e.currentTarget === t]); }
t.addEventListener('ping', h);
t.addEventListener('ping', h);
t.addEventListener('ping', { handleEvent(e) { seen.push(['obj', e.type]); } });
t.addEventListener('ping', () => seen.push('once'), { once: true });
console.log(t.dispatchEvent(new Event('ping')), t.dispatchEvent(new Event('ping')));
t.removeEventListener('ping', h);
t.dispatchEvent(new Event('ping'));
console.log(seen);
const ev = new Event('c', { cancelable: true });
t.addEventListener('c', (e) => e.preventDefault());
ac.signal.addEventListener('abort', (e) => console.log('aborted', e.type, ac.signal.reason.name));
ac.signal.onabort = () => console.log('onabort');
ac.abort();
ac.abort('again');
console.log(ac, ac.signal.aborted, ac.signal.reason.name, ac.signal.reason.message);
try { ac.signal.throwIfAborted(); } catch (e) { console.log('thrown', e.name, e.message, e.code, e instanceof DOMException); }
const s2 = AbortSignal.abort('why');
console.log(s2.aborted, s2.reason, s2);
const ac2 = new AbortController(); ac2.abort(new Error('custom'));
console.log(ac2.signal.reason.message);
const st = AbortSignal.timeout(10);
st.addEventListener('abort', () => console.log('timeout', st.reason.name, st.reason.message, st.reason.code));
const ce = new CustomEvent('x', { detail: 5 }); console.log(ce.detail, ce instanceof Event, ce.type);
try { new Event(); } catch (e) { console.log(e.name, e.message, e.code); }
try { t.dispatchEvent({}); } catch (e) { console.log(e.name, e.message, e.code); }
const any = AbortSignal.any ? 'any' : 'none'; console.log(any);
class My extends EventTarget { }; const m = new My(); m.addEventListener('z', e => console.log('z', e.target instanceof My)); m.dispatchEvent(new Event('z'));
const e3 = new Event('s'); t.addEventListener('s', (e) => { e.stopImmediatePropagation(); console.log('first'); }); t.addEventListener('s', () => console.log('second')); t.dispatchEvent(e3);
console.log([new AbortController()], { s: AbortSignal.abort() }, new (class Bus extends EventTarget {})());
const ac3 = new AbortController(), t3 = new EventTarget();
t3.addEventListener('m', () => console.log('m heard'), { signal: ac3.signal });
t3.dispatchEvent(new Event('m')); ac3.abort(); t3.dispatchEvent(new Event('m'));
const both = AbortSignal.any([ac3.signal, new AbortController().signal]); console.log(both.aborted, both.reason.name);
setTimeout(() => console.log('timer at 20'), 20);

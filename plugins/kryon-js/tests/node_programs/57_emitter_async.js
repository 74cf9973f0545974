class Emitter {
  #handlers = new Map();
  on(ev, fn) { (this.#handlers.get(ev) ?? this.#handlers.set(ev, []).get(ev)).push(fn); return () => this.off(ev, fn); }
  off(ev, fn) { const l = this.#handlers.get(ev); if (l) this.#handlers.set(ev, l.filter((f) => f !== fn)); }
  once(ev, fn) { const off = this.on(ev, (...a) => { off(); fn(...a); }); }
  emit(ev, ...args) { for (const fn of this.#handlers.get(ev) ?? []) fn(...args); return (this.#handlers.get(ev) ?? []).length; }
  wait(ev) { return new Promise((res) => this.once(ev, res)); }
}
const bus = new Emitter();
const stop = bus.on('msg', (m) => console.log('A got', m));
bus.once('msg', (m) => console.log('once got', m));
console.log(bus.emit('msg', 1), bus.emit('msg', 2)); stop(); console.log(bus.emit('msg', 3));
async function producer() { for (let i = 0; i < 3; i++) { await new Promise((r) => setTimeout(r, 5)); bus.emit('data', i); } bus.emit('end'); }
async function consumer() { const got = []; bus.on('data', (d) => got.push(d)); await bus.wait('end'); return got; }
Promise.all([consumer(), producer()]).then(([got]) => console.log('consumed', got));
class Queue {
  constructor(limit) { this.limit = limit; this.active = 0; this.q = []; }
  push(task) { return new Promise((res, rej) => { this.q.push({ task, res, rej }); this.#next(); }); }
  #next() { if (this.active >= this.limit || !this.q.length) return; const { task, res, rej } = this.q.shift(); this.active++; task().then(res, rej).finally(() => { this.active--; this.#next(); }); }
}
const q = new Queue(2); const order = [];
const job = (id, ms, fail) => () => new Promise((r, j) => setTimeout(() => { order.push(id); fail ? j(new Error('job ' + id)) : r(id); }, ms));
Promise.allSettled([q.push(job(1, 30)), q.push(job(2, 10)), q.push(job(3, 5, true)), q.push(job(4, 1))]).then((rs) => { console.log(order, rs.map((r) => r.status + ':' + (r.value ?? r.reason.message))); });
const timeout = (p, ms) => Promise.race([p, new Promise((_, j) => setTimeout(() => j(new Error('timeout after ' + ms)), ms))]);
timeout(new Promise((r) => setTimeout(() => r('fast'), 5)), 50).then(console.log);
timeout(new Promise((r) => setTimeout(() => r('slow'), 80)), 20).catch((e) => console.log(e.message));
async function retry(fn, n) { for (let i = 1; ; i++) { try { return await fn(i); } catch (e) { console.log('attempt', i, 'failed:', e.message); if (i >= n) throw e; } } }
retry(async (i) => { if (i < 3) throw new Error('flaky ' + i); return 'ok on ' + i; }, 5).then((v) => console.log(v));
(async () => { try { await retry(async () => { throw new Error('always'); }, 2); } catch (e) { console.log('gave up:', e.message); } })();

const wait = (ms) => new Promise((r) => setTimeout(r, ms));
class TaskQueue {
  constructor(concurrency) { this.concurrency = concurrency; this.running = 0; this.queue = []; this.log = []; }
  push(name, ms, fail = false) {
    return new Promise((resolve, reject) => {
      this.queue.push(async () => {
        this.log.push(`start ${name}`);
        await wait(ms);
        this.log.push(`end ${name}`);
        if (fail) throw new Error(`${name} failed`);
        return name.toUpperCase();
      });
      this.queue.at(-1).resolve = resolve; this.queue.at(-1).reject = reject;
      this.next();
    });
  }
  next() {
    while (this.running < this.concurrency && this.queue.length) {
      const task = this.queue.shift(); this.running++;
      task().then(task.resolve, task.reject).finally(() => { this.running--; this.next(); });
    }
  }
}
async function main() {
  const q = new TaskQueue(2);
  const results = await Promise.allSettled([q.push('a', 30), q.push('b', 10), q.push('c', 10, true), q.push('d', 5)]);
  console.log(results.map(r => r.status === 'fulfilled' ? r.value : r.reason.message));
  console.log(q.log);
  const timeout = (p, ms) => Promise.race([p, wait(ms).then(() => { throw new Error('timeout'); })]);
  try { await timeout(wait(50), 10); } catch (e) { console.log(e.message); }
  console.log(await timeout(wait(5).then(() => 'in time'), 10));
  async function retry(fn, n) { for (let i = 1; ; i++) { try { return await fn(i); } catch (e) { console.log(`attempt ${i}: ${e.message}`); if (i >= n) throw e; } } }
  console.log(await retry(async (i) => { if (i < 3) throw new Error('flaky'); return 'ok on ' + i; }, 5));
  const t0 = Date.now(); await wait(1000); console.log('virtual clock ok', typeof (Date.now() - t0));
  let ticks = 0; const id = setInterval(() => { if (++ticks === 3) { clearInterval(id); console.log('interval done', ticks); } }, 10);
}
main().then(() => console.log('main resolved'));
console.log('sync end');

const log = [];
const sleep = (ms, v) => new Promise((r) => setTimeout(() => { log.push('t' + ms); r(v); }, ms));
const fail = (ms, m) => new Promise((_, j) => setTimeout(() => j(new Error(m)), ms));
setTimeout(() => console.log('timeout 0'), 0);
setImmediate?.(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
queueMicrotask(() => console.log('micro'));
Promise.resolve().then(() => console.log('then1')).then(() => console.log('then2'));
console.log('sync');
(async () => {
  console.log('all', await Promise.all([sleep(30, 'a'), sleep(10, 'b'), 'c']));
  console.log('race', await Promise.race([sleep(25, 'slow'), sleep(5, 'fast')]));
  const settled = await Promise.allSettled([sleep(1, 1), fail(2, 'no'), Promise.resolve(3)]);
  console.log(settled.map((r) => r.status === 'fulfilled' ? r : { status: r.status, reason: r.reason.message }));
  console.log('any', await Promise.any([fail(1, 'x'), sleep(8, 'y'), sleep(4, 'z')]));
  try { await Promise.any([fail(1, 'p'), Promise.reject(new TypeError('q'))]); }
  catch (e) { console.log(e.constructor.name, e.message, e.errors.map((x) => x.message)); }
  try { await Promise.all([sleep(5), fail(1, 'first')]); } catch (e) { console.log('all failed:', e.message); }
  console.log(log.slice(0, 5).join(' '));
  for await (const v of (async function* () { yield 1; await sleep(3); yield 2; })()) console.log('for await', v);
  const results = [];
  await Promise.all([3, 1, 2].map(async (n) => { await sleep(n * 5); results.push(n); }));
  console.log(results);
  console.log(await new Promise((r) => setTimeout(r, 1, 'arg-passed')));
  const t = setTimeout(() => console.log('never'), 5); clearTimeout(t);
  let n = 0; const iv = setInterval(() => { if (++n === 3) { clearInterval(iv); console.log('interval done', n); } }, 2);
})();

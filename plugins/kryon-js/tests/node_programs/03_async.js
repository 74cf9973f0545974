const sleep = (ms, v) => new Promise(r => setTimeout(() => r(v), ms));
console.log('start');
setTimeout(() => console.log('timeout 0'), 0);
setImmediate?.(() => console.log('immediate'));
Promise.resolve().then(() => console.log('micro 1')).then(() => console.log('micro 2'));
queueMicrotask(() => console.log('queueMicrotask'));
process.nextTick(() => console.log('nextTick'));
(async () => {
  console.log('async body');
  await null;
  console.log('after await');
  const results = await Promise.all([sleep(30, 'a'), sleep(10, 'b'), 'c']);
  console.log('all', results);
  const settled = await Promise.allSettled([sleep(5, 1), Promise.reject(new Error('nope')), 3]);
  console.log(settled.map(s => s.status + ':' + (s.value ?? s.reason.message)));
  const winner = await Promise.race([sleep(20, 'slow'), sleep(5, 'fast')]);
  console.log('race', winner);
  const any = await Promise.any([Promise.reject(1), sleep(3, 'any-ok')]);
  console.log('any', any);
  try { await Promise.any([Promise.reject(new Error('x')), Promise.reject(new Error('y'))]); }
  catch (e) { console.log(e.constructor.name, e.message, e.errors.map(x => x.message)); }
  const order = [];
  await Promise.all([1, 2, 3].map(async (n) => { await sleep(10 * (4 - n)); order.push(n); }));
  console.log('order', order);
  for (const ms of [3, 1, 2]) { await sleep(ms); console.log('seq', ms); }
  const p = new Promise((_, rej) => rej(new TypeError('bad')));
  p.catch(e => console.log('caught', e.name)).finally(() => console.log('finally'));
  console.log(Promise.resolve(5), new Promise(() => {}));
})();
console.log('end of script');

console.log('1 script start');
setTimeout(() => {
  console.log('2 timeout A');
  setTimeout(() => console.log('4 timeout inside timeout'), 0);
  process.nextTick(() => console.log('5 tick inside timeout'));
  Promise.resolve().then(() => console.log('6 promise inside timeout'));
}, 0);
setTimeout(() => console.log('7 timeout B'), 0);
Promise.resolve().then(() => {
  console.log('8 promise 1');
  process.nextTick(() => console.log('9 tick from promise'));
}).then(() => console.log('10 promise 2'));
process.nextTick(() => {
  console.log('11 tick 1');
  Promise.resolve().then(() => console.log('12 promise from tick'));
  process.nextTick(() => console.log('13 nested tick'));
});
queueMicrotask(() => console.log('14 microtask'));
(async () => {
  console.log('15 async start');
  await undefined;
  console.log('16 after await');
  await new Promise(r => setTimeout(r, 20));
  console.log('17 after timeout await');
  setImmediate(() => {
    console.log('18 immediate');
    process.nextTick(() => console.log('19 tick in immediate'));
  });
})();
const p = new Promise(resolve => { console.log('21 executor'); resolve('x'); });
p.then(v => console.log('22 then', v));
async function a1() { console.log('23 a1 start'); await a2(); console.log('24 a1 end'); }
async function a2() { console.log('25 a2'); }
a1();
Promise.resolve().then(() => console.log('26 p-a')).then(() => console.log('27 p-b')).then(() => console.log('28 p-c'));
const thenable = { then(res) { console.log('29 thenable then'); res('T'); } };
Promise.resolve(thenable).then(v => console.log('30 thenable resolved', v));
(async () => { const v = await thenable; console.log('31 awaited thenable', v); })();
setTimeout(() => console.log('33 timeout 1ms'), 1);
console.log('34 script end');

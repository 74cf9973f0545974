console.log('start');
async function fail() { await null; throw new RangeError('async boom'); }
fail();
setTimeout(() => console.log('timer never runs?'), 10);

const u = new URL('https://api.example.com/v1/items?page=2&sort=name&tag=a&tag=b');
console.log(Object.fromEntries(u.searchParams), new URLSearchParams(u.searchParams).toString());
console.log(new URL(u).href, new URL('/v2', u).href, new URL('../x', u.href).href, Array.from(u.searchParams.entries()));
const params = new URLSearchParams({ q: 'hello world', n: 5, arr: [1, 2] });
console.log(`${u.origin}/search?${params}`, params.get('arr'));
const build = (base, query) => { const x = new URL(base); for (const [k, v] of Object.entries(query)) x.searchParams.set(k, v); return x.toString(); };
console.log(build('https://h.io/p?x=1', { y: 'a&b', z: 'ü' }));
const ac = new AbortController();
const work = new Promise((resolve, reject) => { ac.signal.addEventListener('abort', () => reject(ac.signal.reason)); setTimeout(resolve, 100, 'done'); });
setTimeout(() => ac.abort(), 10);
work.then(console.log, (e) => console.log('cancelled:', e.name, e.message));
async function fetchLike(signal) { signal.throwIfAborted(); await new Promise((r) => setTimeout(r, 5)); if (signal.aborted) throw signal.reason; return 'ok'; }
fetchLike(AbortSignal.timeout(1)).then(console.log, (e) => console.log(e.name));
console.log(Buffer.from(JSON.stringify({ a: 1 })).toString('base64'), JSON.parse(Buffer.from('eyJhIjoxfQ==', 'base64').toString()));
console.log(atob(Buffer.from('plain').toString('base64')), Buffer.from(btoa('x y'), 'base64').toString());
for (const v of [new URL('http://a.com'), new URLSearchParams('a=1'), Buffer.from('hi'), new AbortController(), new Event('x')]) {
  try { const c = structuredClone(v); console.log('cloned', Object.prototype.toString.call(c), c); } catch (e) { console.log(e.name, e.message); }
}
console.log(JSON.stringify({ p: new URLSearchParams('a=1'), b: Buffer.from('hi'), u: new URL('http://j.com') }));
console.log(new URL('http://a.com') instanceof Object, Object.keys(new URLSearchParams('a=1')), Buffer.from('ab').map(x => x + 1) instanceof Buffer);
console.log(typeof Buffer.prototype.readUInt8, Buffer.name, Buffer.from('abc').reverse(), Buffer.from('héllo', 'ascii'), Buffer.from('€', 'latin1'));

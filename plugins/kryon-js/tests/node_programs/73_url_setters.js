const sets = [
  ['href', 'https://new.example/x?y#z'], ['protocol', 'https'], ['protocol', 'ftp:'], ['protocol', 'foo'], ['protocol', 'file'], ['protocol', '1bad'],
  ['username', 'us er@'], ['password', 'p:w'], ['host', 'other.org:8080'], ['host', 'other.org:80'], ['host', ''], ['host', 'a b'], ['host', 'x.com/path'],
  ['hostname', 'Host.COM'], ['hostname', 'h:1'], ['hostname', '[::1]'], ['port', '8080'], ['port', '80'], ['port', ''], ['port', '12ab'], ['port', 'ab'], ['port', '99999'], ['port', 443],
  ['pathname', 'a/b c'], ['pathname', '/x/../y'], ['pathname', '?#'], ['pathname', ''], ['search', 'q=1 2'], ['search', '?'], ['search', ''], ['search', '#x'],
  ['hash', 'frag ment'], ['hash', '#'], ['hash', ''],
];
const bases = ['http://user:pw@example.com:81/p/q?s=1#h', 'foo://host/p', 'mailto:x@y.z', 'file:///tmp/x'];
for (const b of bases) for (const [k, v] of sets) {
  const u = new URL(b);
  let r;
  try { u[k] = v; r = u.href; } catch (e) { r = 'ERR ' + e.code; }
  console.log(b, k, JSON.stringify(v), r, u.searchParams.size);
}
const q = new URLSearchParams('b=2&a=1&b=1&a=0&c'); q.sort(); console.log(q.toString(), q.size);
const q2 = new URLSearchParams('x=%zz&y=%E2%82%AC&z=a+b%2Bc&=e&f=&&g'); console.log([...q2], q2.toString());
const q3 = new URLSearchParams([['a', 'b'], ['\uD800', '~!\'()*']]); console.log(q3.toString());
try { new URLSearchParams([['a']]); } catch (e) { console.log(e.name, e.message); }
q3.delete('a', 'zz'); console.log(q3.has('a'), q3.has('a', 'b'));

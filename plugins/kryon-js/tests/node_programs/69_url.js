const u = new URL('https://User:Pa ss@EXAMPLE.com:443/a/./b/../c d?x=1&y=a b#frag');
console.log(u);
console.log(u.href, u.origin, u.host, u.port);
console.log(String(new URL('../x?q', 'http://a.com/b/c/d')));
console.log(new URL('http://a.com:8080').href, new URL('file:///C:/x/../y').href);
console.log(new URL('//h.com/p', 'https://b.org').href, new URL('?z', 'https://b.org/p/q').href);
console.log(new URL('#h', 'https://b.org/p?q').href, new URL('mailto:Joe@x.com').pathname);
console.log(new URL('http://[::1]:80/').href, new URL('http://0x7f.1/').hostname);
console.log(new URL('http://[2001:db8:0:0:1:0:0:1]').host);
try { new URL('nope'); } catch (e) { console.log(e.name, e.message, e.code, e.input, e instanceof TypeError); }
try { new URL('x', 'bad base'); } catch (e) { console.log(e.message, e.code, e.input, e.base); }
console.log(URL.canParse('http://x'), URL.canParse('x'), URL.canParse('x', 'http://y/'));
const p = new URLSearchParams('a=1&b=2&a=3&c=%20x+y');
console.log(p, p.get('a'), p.getAll('a'), p.has('b'), p.size, p.toString());
p.append('d', 'é&='); p.delete('b'); p.set('a', 'z'); p.sort();
console.log([...p], [...p.keys()], [...p.values()], String(p));
p.forEach((v, k) => console.log(k, v));
console.log(new URLSearchParams({ x: 1, y: 'two' }), new URLSearchParams([['k', 'v']]));
console.log(new URLSearchParams());
const v = new URL('https://h.com/p?a=1');
v.searchParams.append('b', 'x y'); console.log(v.href, v.search);
v.search = '?c=3'; console.log(v.searchParams.get('c'), v.searchParams.get('a'));
v.hash = 'top'; v.pathname = '/new path'; v.port = '8443'; v.hostname = 'Other.COM';
console.log(v.toString(), JSON.stringify({ v }));
v.protocol = 'http'; console.log(v.href);
console.log(new URL('http://a.com/?q=\'x\'').search, new URL('foo://Bar.com/x').host);
console.log(new URL('http://example.com').pathname, new URL('foo:bar').pathname);
console.log(p.entries(), typeof p[Symbol.iterator]);
console.log(Object.prototype.toString.call(u), Object.keys(u));
console.log(new URL('http://a/b?').href, new URL('http://a/b#').href, new URL('HTTP://a\\b\\c').href);
console.log([new URL('http://x.com')]);
console.log({ u: new URL('http://x.com/a?b=1') });
{const p=new URLSearchParams('a=1&b=2');console.log(p.keys(), new URLSearchParams().values()); const i=p.values(); i.next(); console.log(i); console.log(new URLSearchParams('a='+'x'.repeat(70)+'&b=2')); console.log(new URLSearchParams('a='+'x'.repeat(70)+'&b=2').entries())}
console.log(new URL('file://localhost/etc/x').href, new URL('x/y', 'file:///a/b').href, new URL('http://ex.com/a%2Fb/%zz/é').pathname);
console.log(new URL('http://1.2.3').host, new URL('http://example.com./').host, new URL('ws://x:80/').href, new URL('blob:https://a.com/uuid').origin);
for (const bad of ['http://', 'http://a b/', 'http://a:99999', 'http://[::1', 'http://ü.com', 'http://a:b:c/', 'https://x@']) { try { console.log(new URL(bad).href); } catch (e) { console.log('bad', bad, e.code); } }
console.log(new URL('https://x.com/a/b/c/../../d/./e/..').pathname, new URL('javascript:alert(1)').href, new URL('sc://h/p?q#f').origin);
console.log(new URL('http://München.de/').host, new URL('https://日本語.jp/x').hostname, new URL('http://a.bücher.example').href, new URL('http://ÿ.com').host);

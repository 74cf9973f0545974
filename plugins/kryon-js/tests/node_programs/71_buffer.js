const b = Buffer.from('hi');
console.log(b, b.length, b[0], b.toString(), Buffer.isBuffer(b), b instanceof Uint8Array);
console.log(Buffer.from('68656c6c6f', 'hex').toString(), Buffer.from('aGVsbG8gd29ybGQ=', 'base64').toString('utf8'));
console.log(Buffer.from('héllo wörld €😀').toString('hex'), Buffer.from('héllo wörld €😀').toString('base64'));
console.log(Buffer.from('any carnal pleas').toString('base64'), Buffer.from('any carnal pleasu').toString('base64'), Buffer.from('any carnal pleasur').toString('base64url'));
console.log(Buffer.from([1, 2, 255, 256, -1]), Buffer.alloc(4), Buffer.alloc(5, 'ab'), Buffer.alloc(3, 7));
console.log(Buffer.concat([Buffer.from('ab'), Buffer.from('cd'), new Uint8Array([101])]), Buffer.concat([Buffer.from('abc')], 2));
console.log(Buffer.from('abc').equals(Buffer.from('abc')), Buffer.from('abc').equals(Buffer.from('abd')), Buffer.compare(Buffer.from('a'), Buffer.from('b')));
console.log(Buffer.alloc(60, 1));
console.log({ buf: Buffer.from('x') }, [Buffer.from('yz')]);
console.log(JSON.stringify(Buffer.from('hi')), Buffer.byteLength('€'), Buffer.from('hello').slice(1, 3), Buffer.from('hello').subarray(2).toString());
const w = Buffer.alloc(6); console.log(w.write('hey'), w, w.toString('utf8', 0, 3));
console.log(Buffer.from('hello world').indexOf('o'), Buffer.from('hello world').includes('wor'), Buffer.from('hello').indexOf(108));
console.log(Buffer.from('hi').toString('latin1'), Buffer.from('\xe9', 'latin1'), Buffer.from(new Uint8Array([9, 8])), Buffer.from(Buffer.from('q')));
try { Buffer.from(5); } catch (e) { console.log(e.name, e.code, e.message); }
try { Buffer.from('x', 'nope'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(Buffer.from([0xff, 0xfe, 0x41]).toString(), Buffer.alloc(0), String(Buffer.from('str')), `${Buffer.from('tpl')}`);
for (const byte of Buffer.from('ab')) console.log(byte);
console.log([...Buffer.from('xyz').entries()].length, Buffer.from('a b', 'utf8').map((x) => x + 1));
console.log(Buffer.from(' aGk = ', 'base64').toString(), Buffer.from('aGk', 'base64').toString());
const { Buffer: B2 } = require('buffer'); const { URL: U2 } = require('node:url');
console.log(B2 === Buffer, U2 === URL, Buffer.isEncoding('hex'), Buffer.isEncoding('x'));

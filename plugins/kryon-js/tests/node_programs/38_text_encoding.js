const enc = new TextEncoder(), dec = new TextDecoder();
console.log(enc, dec, enc.encoding, dec.encoding, dec.fatal, dec.ignoreBOM);
const bytes = enc.encode('héllo €😀');
console.log(bytes, bytes.length, dec.decode(bytes), dec.decode(new Uint8Array([0xff, 0x41])), dec.decode());
console.log(enc.encode(), enc.encode(''), new TextDecoder('utf-8').decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x68, 0x69])), new TextDecoder('utf8', { ignoreBOM: true }).decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x68])).length);
const into = new Uint8Array(4); console.log(enc.encodeInto('añb', into), into);
console.log(dec.decode(bytes.buffer), dec.decode(new DataView(bytes.buffer, 0, 2)), dec.decode(new Uint8Array([0xe2, 0x82])), '\ud800'.length, enc.encode('\ud800'));
try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { console.log(e.name, e.code, e.message); }
try { new TextDecoder('latin9'); } catch (e) { console.log(e.name, e.message); }
console.log(Object.prototype.toString.call(enc), typeof TextEncoder.prototype.encode, String(TextEncoder).slice(0, 17));

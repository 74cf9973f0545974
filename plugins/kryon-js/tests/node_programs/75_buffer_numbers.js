const b = Buffer.alloc(16);
console.log(b.writeUInt8(255, 0), b.writeInt8(-2, 1), b.writeUInt16LE(0x1234, 2), b.writeUInt16BE(0x1234, 4), b.writeInt32LE(-5, 6), b.writeUInt32BE(0xdeadbeef, 10));
console.log(b, b.readUInt8(0), b.readInt8(1), b.readUInt16LE(2), b.readUint16BE(4), b.readInt32LE(6), b.readUInt32BE(10).toString(16), b.readUInt32LE(10));
const f = Buffer.alloc(8); f.writeDoubleLE(Math.PI); console.log(f, f.readDoubleLE(0), f.writeFloatBE(1.5, 4), f.readFloatBE(4));
const g = Buffer.alloc(8); g.writeBigUInt64LE(2n ** 63n + 5n); console.log(g, g.readBigUInt64LE(), g.readBigInt64LE(), g.readBigUInt64BE());
for (const bad of [() => b.readUInt8(16), () => b.readUInt32LE(13), () => b.writeUInt8(256, 0), () => b.writeInt16LE(40000), () => b.writeUInt32LE(-1), () => b.readUInt8(1.5), () => b.readUInt8('1'), () => Buffer.alloc(1).readUInt16LE(), () => g.writeBigInt64LE(1), () => g.writeBigUInt64LE(-1n), () => b.writeInt32BE(2 ** 31)]) {
  try { bad(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}
for (const bad of [() => g.writeBigUInt64LE(2n ** 64n), () => g.writeUInt32LE(2 ** 40), () => Buffer.from('x').readUInt8('abc')]) {
  try { bad(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}

let seed = 12345; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const dec = new TextDecoder(), enc = new TextEncoder(); let h = 0, out = [];
for (let n = 0; n < 3000; n++) {
  const len = Math.floor(rnd() * 8);
  const b = new Uint8Array(len);
  for (let i = 0; i < len; i++) b[i] = rnd() < 0.5 ? 0x80 + Math.floor(rnd() * 0x80) : rnd() < 0.5 ? 0xc0 + Math.floor(rnd() * 0x40) : Math.floor(rnd() * 256);
  const s = dec.decode(b);
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  const e = enc.encode(s); for (let i = 0; i < e.length; i++) h = (h * 31 + e[i]) >>> 0;
  if (n < 5) out.push(JSON.stringify(s));
}
console.log(h, out.join(' '));

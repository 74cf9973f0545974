class Matrix {
  constructor(rows) { this.rows = rows; }
  static identity(n) { return new Matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => +(i === j)))); }
  get size() { return [this.rows.length, this.rows[0].length]; }
  mul(o) { const [n, m] = this.size, p = o.size[1]; return new Matrix(Array.from({ length: n }, (_, i) => Array.from({ length: p }, (_, j) => { let s = 0; for (let k = 0; k < m; k++) s += this.rows[i][k] * o.rows[k][j]; return s; }))); }
  transpose() { return new Matrix(this.rows[0].map((_, j) => this.rows.map((r) => r[j]))); }
  det() { const r = this.rows; if (r.length === 1) return r[0][0]; if (r.length === 2) return r[0][0] * r[1][1] - r[0][1] * r[1][0]; return r[0].reduce((s, v, j) => s + (j % 2 ? -1 : 1) * v * new Matrix(r.slice(1).map((row) => row.filter((_, k) => k !== j))).det(), 0); }
  toString() { const w = Math.max(...this.rows.flat().map((v) => String(v).length)); return this.rows.map((r) => r.map((v) => String(v).padStart(w)).join(' ')).join('\n'); }
}
const a = new Matrix([[1, 2], [3, 4]]), b = new Matrix([[0, 1], [1, 0]]);
console.log(String(a.mul(b))); console.log(a.transpose().rows, a.det(), Matrix.identity(3));
console.log(new Matrix([[2, -3, 1], [2, 0, -1], [1, 4, 5]]).det(), `${Matrix.identity(2).mul(a)}`);
let m = a; for (let i = 0; i < 10; i++) m = m.mul(a); console.log(m.rows, m.size);
const f = new Float64Array([1.1, 2.2, 3.3]); console.log(f.map((x) => x * 2), f.reduce((s, x) => s + x), Array.from(f, (x) => x.toFixed(1)));
const u8 = Uint8Array.from([250, 5, 10]); u8[0] += 10; console.log(u8, u8.toString(), [...u8.slice(-2)], u8.sort());
const i32 = new Int32Array(new ArrayBuffer(16), 4, 2); i32[0] = 2 ** 31; console.log(i32, i32.byteOffset, i32.length);
const dv = new DataView(new ArrayBuffer(8)); dv.setFloat32(0, Math.PI); dv.setUint16(4, 0xbeef, true); console.log(dv.getFloat32(0), dv.getUint8(4).toString(16), dv.getUint16(4).toString(16));
const clamp = new Uint8ClampedArray([300, -5, 1.5]); console.log(clamp);

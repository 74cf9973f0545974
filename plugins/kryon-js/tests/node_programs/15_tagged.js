function html(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]).replace(/[<>&]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]) : ''), '');
}
const user = '<script>alert(1)</script>';
console.log(html`<p>Hello ${user} & ${42}</p>`);
function inspectTag(s, ...v) { return { strings: [...s], raw: s.raw, values: v, frozen: Object.isFrozen(s) }; }
console.log(inspectTag`a${1}b${2}c\t`);
const cache = new Set(); function same(s) { cache.add(s); return cache.size; }
for (let i = 0; i < 3; i++) same`x`;
console.log(cache.size);
console.log(`${1 + 1} ${[1, 2]} ${{}} ${null} ${undefined} ${() => 1}`);
console.log(`nested ${`inner ${'deep'}`}`);
const currency = (s, ...v) => s.raw.map((str, i) => str + (i < v.length ? `$${v[i].toFixed(2)}` : '')).join('');
console.log(currency`Total: ${12.5} and tax ${1.125}`);
console.log(String.raw({ raw: ['x', 'y', 'z'] }, 1, 2, 3));

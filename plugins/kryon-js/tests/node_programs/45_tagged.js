function html(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]) : ''), '');
}
const user = '<script>"x" & y</script>';
console.log(html`<p title="${user}">${42}</p>`);
function raw(strings, ...v) { return strings.raw.join('|') + ' :: ' + strings.join('|') + ' :: ' + v.length; }
console.log(raw`a\nb${1}c\td${2}`);
console.log(String.raw`C:\new\table${1 + 1}`);
function ident(s) { return s; }
const s1 = ident`x`; const s2 = ident`x`;
console.log(s1 === s2, Object.isFrozen(s1), Array.isArray(s1.raw));
const sql = (s, ...v) => ({ text: s.reduce((a, b, i) => a + '$' + i + b), values: v });
console.log(sql`SELECT * FROM t WHERE a = ${1} AND b = ${'two'}`);
console.log(`multi
line ${'template'}
  indented`);
console.log(`${[1, 2]} ${{}} ${null} ${undefined} ${() => 1} ${Symbol.iterator.description}`);
const nested = `outer ${`inner ${`deep ${1 + 1}`}`}`;
console.log(nested);

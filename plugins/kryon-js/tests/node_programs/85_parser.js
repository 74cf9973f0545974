function tokenize(src) {
  const re = /\s*(?:(\d+\.?\d*)|([A-Za-z_]\w*)|(\*\*|[-+*/%^(),=]))/y;
  const out = [];
  let m;
  re.lastIndex = 0;
  while (re.lastIndex < src.length) {
    const start = re.lastIndex;
    if (!(m = re.exec(src))) throw new SyntaxError(`Unexpected character '${src[start]}' at ${start}`);
    if (m[1]) out.push({ type: 'num', value: parseFloat(m[1]) });
    else if (m[2]) out.push({ type: 'id', value: m[2] });
    else if (m[3]) out.push({ type: 'op', value: m[3] });
    else break;
  }
  return out;
}
function parse(tokens) {
  let i = 0;
  const peek = () => tokens[i], next = () => tokens[i++];
  const expect = v => { const t = next(); if (t?.value !== v) throw new SyntaxError(`Expected '${v}' but got ${t ? `'${t.value}'` : 'end of input'}`); };
  function primary() {
    const t = next();
    if (!t) throw new SyntaxError('Unexpected end of input');
    if (t.type === 'num') return { num: t.value };
    if (t.type === 'id') {
      if (peek()?.value === '(') { next(); const args = []; if (peek()?.value !== ')') { do args.push(expr()); while (peek()?.value === ',' && next()); } expect(')'); return { call: t.value, args }; }
      return { ref: t.value };
    }
    if (t.value === '(') { const e = expr(); expect(')'); return e; }
    if (t.value === '-') return { neg: primary() };
    throw new SyntaxError(`Unexpected token '${t.value}'`);
  }
  function power() { const b = primary(); if (peek()?.value === '**' || peek()?.value === '^') { next(); return { op: '**', l: b, r: power() }; } return b; }
  function term() { let l = power(); while (['*', '/', '%'].includes(peek()?.value)) l = { op: next().value, l, r: power() }; return l; }
  function expr() { let l = term(); while (['+', '-'].includes(peek()?.value)) l = { op: next().value, l, r: term() }; return l; }
  const tree = expr();
  if (i < tokens.length) throw new SyntaxError(`Trailing tokens starting at '${peek().value}'`);
  return tree;
}
const env = { pi: Math.PI, x: 3, max: Math.max, sqrt: Math.sqrt };
function evaluate(n) {
  if ('num' in n) return n.num;
  if ('ref' in n) { if (!(n.ref in env)) throw new ReferenceError(`${n.ref} is not defined`); return env[n.ref]; }
  if ('neg' in n) return -evaluate(n.neg);
  if ('call' in n) return env[n.call](...n.args.map(evaluate));
  const l = evaluate(n.l), r = evaluate(n.r);
  return { '+': l + r, '-': l - r, '*': l * r, '/': l / r, '%': l % r, '**': l ** r }[n.op];
}
for (const src of ['1 + 2 * 3', '(1 + 2) * 3', '2 ** 3 ** 2', '-x + max(1, 7, x * 2)', 'sqrt(16) / 0', '10 % 4 - pi', '1 +', '3 $ 4', 'y * 2', '(1, 2)', '0.1 + 0.2']) {
  try {
    const tree = parse(tokenize(src));
    console.log(src.padEnd(22), '=>', evaluate(tree));
  } catch (e) {
    console.log(src.padEnd(22), '!!', e.name, e.message);
  }
}
console.log(parse(tokenize('1 + 2 * (3 - x)')));
console.dir(parse(tokenize('max(1, -2) ** 2')), { depth: 5 });

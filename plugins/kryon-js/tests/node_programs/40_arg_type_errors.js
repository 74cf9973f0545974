for (const v of [5, 'abc', null, undefined, {}, [1], 'x'.repeat(40), 1n, Symbol('s')]) {
  try { process.nextTick(v); } catch (e) { console.log(e.name, e.code, e.message); }
  try { queueMicrotask(v); } catch (e) { console.log(e.name, e.code, e.message); }
}
for (const c of ["x".repeat(40), 1.5, 12345678901234567890123456789, "it's", Symbol("a".repeat(40))]) { try { process.exit(c); } catch (e) { console.log(e.message); } }

console.log('before');
function level3(o) { return o.missing.field; }
function level2() { return level3({}); }
level2();
console.log('never');

const point = { x: 1, y: [2, 3], nested: { deep: true } };
function fail() { throw point; }
console.log('go');
fail();

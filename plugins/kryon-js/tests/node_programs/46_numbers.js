const nums = [0, -0, 1.005, 123.456, 0.1 + 0.2, 1e21, 1e-7, 255, -255.5, 2 ** 53, NaN, Infinity];
for (const n of nums) console.log(n, n.toFixed(2), n.toPrecision(4), n.toExponential(3), String(n));
console.log((255).toString(2), (255).toString(16), (-255).toString(36), (0.5).toString(2), (3.75).toString(8));
console.log((1234.5678).toFixed(0), (0.000001234).toPrecision(2), (1e21).toFixed(2), (123.456).toPrecision(2));
console.log(Number('0x1f'), Number('  12  '), Number(''), Number('1e3'), Number('12px'), parseInt('12px'), parseFloat('3.14abc'), parseInt('101', 2));
console.log(Number.MAX_SAFE_INTEGER, Number.EPSILON, Number.MIN_VALUE, Number.MAX_VALUE);
console.log(Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), Number.isFinite('5'), isFinite('5'));
console.log(Math.round(2.5), Math.round(-2.5), Math.trunc(-4.7), Math.sign(-3), Math.cbrt(27), Math.hypot(3, 4), Math.clz32(1), Math.fround(5.5), Math.log2(8));
console.log(0.1 * 3, 9007199254740993, 1 / 3, 100 / 3, -1e-7, 123e-20, 2e308);
const big = 2n ** 100n;
console.log(big, big * big, -big / 7n, big % 1000n, BigInt(Number.MAX_SAFE_INTEGER) + 2n);
console.log(BigInt('0x' + 'f'.repeat(20)), BigInt.asUintN(8, 257n), BigInt.asIntN(8, 255n), (123n).toString(2));
console.log(typeof 1n, 1n == 1, 1n === 1, 2n > 1, [3n, 1n, 2n].sort(), 5n / 2n, (-5n) / 2n, (-5n) % 2n);
try { 1n + 1; } catch (e) { console.log(e.name + ': ' + e.message); }
try { BigInt(1.5); } catch (e) { console.log(e.name + ': ' + e.message); }
try { JSON.stringify({ a: 1n }); } catch (e) { console.log(e.name + ': ' + e.message); }
console.log([1n, { x: 10n }], new Map([[1n, 2n]]));
console.log((1234567.891).toLocaleString === undefined, (12).toString().padStart(5, '0'));
console.log(0.1.toFixed(20), (1.45).toFixed(1), (1.55).toFixed(1), (8.345).toFixed(2));
console.log(Number.parseFloat('.5'), +'-0', Object.is(-0, 0), 1 / -0, [-0], `${-0}`, JSON.stringify(-0));
console.log(5e-324, 1.7976931348623157e308, 4.35, 0.000001, 0.0000001, 123456789012345680000, 1e20);

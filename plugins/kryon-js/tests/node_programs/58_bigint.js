function factorial(n) { let r = 1n; for (let i = 2n; i <= n; i++) r *= i; return r; }
console.log(factorial(30n), factorial(50n).toString().length, String(factorial(25n)));
function powmod(b, e, m) { let r = 1n; b %= m; while (e > 0n) { if (e & 1n) r = (r * b) % m; e >>= 1n; b = (b * b) % m; } return r; }
console.log(powmod(2n, 1000n, 1000000007n), powmod(3n, 10n ** 18n, 998244353n));
const gcd = (a, b) => (b ? gcd(b, a % b) : a); console.log(gcd(2n ** 64n, 6n ** 20n), gcd(17n, 5n));
console.log(BigInt.asUintN(64, -1n), BigInt.asIntN(64, 2n ** 63n), (-1n) >> 10n, 1n << 70n, ~0n, 0b1011n ^ 0b0110n, 0o17n | 0x10n);
console.log(BigInt(2 ** 60), Number(2n ** 64n), parseInt('123456789012345678901234567890'), BigInt('-0'), -0n, 0n === -0n);
console.log(10n ** 30n / 3n, (10n ** 30n).toString(36), BigInt('0b1010'), BigInt(' 42 '), typeof Object(1n));
console.log([5n, 3n, 10n, -2n].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 3n > 2.5, 2n == '2', 1n < 'x', 5n + BigInt(true));
try { 2n ** -1n; } catch (e) { console.log(e.name + ': ' + e.message); }
try { 1n / 0n; } catch (e) { console.log(e.name + ': ' + e.message); }
try { Math.max(1n); } catch (e) { console.log(e.name + ': ' + e.message); }
try { +1n; } catch (e) { console.log(e.name + ': ' + e.message); }
try { BigInt('1.5'); } catch (e) { console.log(e.name + ': ' + e.message); }
console.log({ big: 123n, neg: -5n, arr: [1n, 2n] }, new BigInt64Array([1n, -1n]), new BigUint64Array([2n ** 64n - 1n]));
console.log(JSON.stringify({ v: 10n }, (k, v) => (typeof v === 'bigint' ? v.toString() + 'n' : v)));
BigInt.prototype.toJSON = function () { return this.toString(); }; console.log(JSON.stringify([1n, { x: 2n }]));
console.log(`${2n ** 100n}`, (255n).toString(16).padStart(4, '0'), 12345678901234567890n.toLocaleString === undefined);

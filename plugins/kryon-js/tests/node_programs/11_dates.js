const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
console.log(d.toISOString(), d.getTime(), d.valueOf(), JSON.stringify({ d }));
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMilliseconds());
console.log(new Date(0).toISOString(), new Date('2020-01-01T00:00:00Z').getTime(), Date.UTC(1970, 0, 2));
console.log(new Date('invalid').getTime(), String(new Date(NaN)), isNaN(new Date('x')));
const e = new Date(d); e.setUTCDate(e.getUTCDate() + 1); console.log(e.toISOString());
console.log(new Date(Date.UTC(2023, 11, 31, 23, 59, 59)).toISOString(), new Date(8.64e15).toISOString());
try { new Date(8.64e15 + 1).toISOString(); } catch (err) { console.log(err.name, err.message); }
console.log((new Date(Date.UTC(2024, 0, 15)) - new Date(Date.UTC(2024, 0, 1))) / 864e5);
console.log(d, [d], { when: d });
console.log(Date.parse('2024-03-10T10:00:00.000Z'), new Date(2024, 0, 31, 12).getMonth());
console.log(d.toUTCString(), d.toJSON());
console.log(new Date(Date.UTC(-1, 0, 1)).toISOString(), new Date(Date.UTC(10000, 0, 1)).toISOString());
console.log(typeof Date.now(), Date.now() > 1.6e12);
const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2024, m + 1, 0)).getUTCDate());
console.log(months);

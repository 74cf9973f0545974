const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
console.log(d.toISOString(), d.getTime(), d.valueOf() === +d, JSON.stringify({ d }));
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMilliseconds());
console.log(d.toUTCString(), new Date(0).toISOString(), new Date(-1).toISOString());
const e = new Date(d); e.setUTCMonth(e.getUTCMonth() + 12); console.log(e.toISOString());
const f = new Date(d); f.setUTCDate(f.getUTCDate() + 1); console.log(f.toISOString(), (f - d) / 36e5);
console.log(Date.parse('2024-03-01T00:00:00Z'), Date.parse('2024-03-01T00:00:00.000+02:00'), Date.parse('not a date'));
console.log(new Date('invalid').getTime(), String(new Date(NaN)), new Date(8.64e15 + 1).getTime());
try { new Date(NaN).toISOString(); } catch (ex) { console.log(ex.name + ': ' + ex.message); }
console.log([d], { when: d }, d);
console.log(new Date(Date.UTC(1969, 11, 31, 23, 59, 59)).toISOString(), new Date(Date.UTC(99, 0)).toISOString(), Date.UTC(2000, 0, 1));
const days = (a, b) => Math.round((Date.UTC(...b) - Date.UTC(...a)) / 864e5);
console.log(days([2024, 0, 1], [2024, 11, 31]), days([2023, 0, 1], [2023, 11, 31]));
const fmt = (dt) => `${dt.getUTCFullYear()}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`;
for (let i = 0; i < 5; i++) console.log(fmt(new Date(Date.UTC(2024, 0, 31 + i * 30))));
console.log(typeof Date.now(), Date.now() > 1.7e12, new Date(2020, 0, 1) instanceof Date, Object.prototype.toString.call(d));
console.log(new Date('2024-02-29T13:45:30.123Z').getTime() === d.getTime(), new Date(Date.UTC(275760, 8, 13)).toISOString());
console.log(new Date(Date.UTC(-1, 0, 1)).toISOString(), new Date(Date.UTC(10000, 0, 1)).toISOString());

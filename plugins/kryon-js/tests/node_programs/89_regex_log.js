const log = `2024-01-15 10:23:45 ERROR [db] Connection timeout after 30s (host=db1.local, retry=3)
2024-01-15 10:24:01 WARN  [api] Slow response: 1234ms GET /users/42
2024-01-15 10:24:07 INFO  [api] 200 GET /health
2024-01-16 08:00:00 ERROR [auth] Invalid token for user "alice@example.com"
2024-01-16 08:00:05 INFO  [db] Reconnected to db2.local`;
const re = /^(?<date>\d{4}-\d{2}-\d{2}) (?<time>[\d:]+) (?<level>\w+)\s+\[(?<mod>\w+)\] (?<msg>.*)$/gm;
const entries = [...log.matchAll(re)].map(m => ({ ...m.groups }));
console.log(entries.length, entries[0]);
const byLevel = entries.reduce((acc, e) => ((acc[e.level] ||= []).push(e.mod), acc), {});
console.log(byLevel);
console.log(log.match(/\b\d+ms\b/g), log.match(/(?<=host=)[\w.]+/), log.replace(/"([^"]+)"/g, '«$1»').split('\n')[3]);
const emailRe = new RegExp('[\\w.+-]+@[\\w-]+\\.[\\w.]+', 'g');
console.log(log.match(emailRe), emailRe.source, emailRe.flags, emailRe instanceof RegExp, String(emailRe));
const sticky = new RegExp('\\d+', 'y');
sticky.lastIndex = 11; console.log(sticky.exec(log)?.[0], sticky.lastIndex);
console.log('a1b2c3'.replace(new RegExp('\\d', 'g'), d => d * 2), 'x-y_z'.split(new RegExp('[-_]')), RegExp('a|b').test('cab'));
const escape = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
console.log(escape('1+1=2? (yes) [ok] {x} a|b ^$ \\'), new RegExp(escape('a.b')).test('axb'), new RegExp(escape('a.b')).test('a.b'));
for (const p of ['(unclosed', 'fine', '[z-a]', '*bad', 'a{2,1}']) {
  try { new RegExp(p); console.log('valid:', p); } catch (e) { console.log(`invalid: ${p} -> ${e.message}`); }
}
class Matcher extends RegExp { [Symbol.replace](s, r) { return super[Symbol.replace](s, r).toUpperCase(); } }
console.log('hello world'.replace(new Matcher('o', 'g'), '0'), new Matcher('x') instanceof RegExp);
const words = log.toLowerCase().match(/[a-z]{4,}/g);
console.log(words.slice(0, 8), [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, 5));

console.log('5'.padStart(3, '0'), 'abc'.padEnd(6, '-+'), 'x'.repeat(3));
console.log(['b', 'a', 'C', 'é', 'e'].sort((a, b) => a.localeCompare(b)));
console.log('café'.normalize('NFD').length, 'café'.normalize('NFC').length);
console.log('a-b-c'.replaceAll('-', '+'), 'aaa'.replace(/a/g, (m, i) => i));
const re = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/u;
const m = '2024-03-15'.match(re);
console.log(m.groups, m.groups.year, m.index);
console.log(m);
for (const mm of 'a1b22c333'.matchAll(/[a-z](\d+)/g)) console.log(mm[0], mm[1], mm.index);
const sticky = /foo/y; sticky.lastIndex = 3; console.log(sticky.test('barfoo'), sticky.lastIndex);
console.log('Hello World'.split(/(o)/), 'a,b,,c'.split(','), 'abc'.split(''));
console.log('  trim  '.trim() + '|', '  x'.trimStart(), 'x  '.trimEnd() + '|');
console.log('abc'.at(-1), 'abcdef'.slice(-3, -1), 'abcdef'.substring(4, 1));
console.log('ß'.toUpperCase(), 'İ'.toLowerCase().length, 'Straße'.toLocaleUpperCase());
console.log('😀'.length, [...'😀👍'].length, '😀'.codePointAt(0).toString(16), String.fromCodePoint(0x1F600));
console.log(String.raw`a\nb${1}`, `multi
line`);
function tag(strings, ...vals) { return strings.raw.map((s, i) => s + (vals[i] !== undefined ? `[${vals[i]}]` : '')).join(''); }
console.log(tag`x=${1} y=${'two'} \n end`);
console.log('abc'.localeCompare('abd'), 'a'.localeCompare('B'), 'a'.localeCompare('a'));
console.log(encodeURIComponent('a b&c/é'), decodeURIComponent('%E2%9C%93'), escape ? 'has escape' : '');
console.log('%s is %d years and %i, %f, %j %o %O %%', 'Bob', 42.5, 42.9, '3.5', {a:1}, [1], {b:2});
console.log('abc'.includes('b'), 'abc'.startsWith('ab'), 'abc'.endsWith('bc'), 'abcabc'.lastIndexOf('b'));
console.log(/a.c/s.test('a\nc'), /\p{L}+/u.exec('123abc')[0], new RegExp('x+', 'gi').flags);
console.log('x'.concat(1, null, undefined), 'tab\there', JSON.stringify('quote"and\\'), ['it\'s', "say \"hi\""]);
console.log('line1\nline2', ['line1\nline2'], { s: 'multi\nline' });

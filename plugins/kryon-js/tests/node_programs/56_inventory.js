// realistic: inventory report with classes, Map, reduce, formatting
const items = [
  { sku: 'A-1', name: 'Bolt', qty: 120, price: 0.25, cat: 'hardware' },
  { sku: 'B-2', name: 'Nut', qty: 300, price: 0.1, cat: 'hardware' },
  { sku: 'C-3', name: 'Glue', qty: 12, price: 4.99, cat: 'supplies' },
  { sku: 'D-4', name: 'Tape', qty: 0, price: 2.5, cat: 'supplies' },
  { sku: 'E-5', name: 'Drill', qty: 3, price: 89.95, cat: 'tools' },
];
const money = (n) => '$' + n.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const byCat = new Map();
for (const it of items) { const g = byCat.get(it.cat) ?? { count: 0, value: 0, names: [] }; g.count += it.qty; g.value += it.qty * it.price; g.names.push(it.name); byCat.set(it.cat, g); }
for (const [cat, g] of [...byCat].sort(([, a], [, b]) => b.value - a.value)) console.log(cat.padEnd(10), String(g.count).padStart(5), money(g.value).padStart(10), g.names.join('/'));
console.log(byCat);
const total = items.reduce((s, i) => s + i.qty * i.price, 0);
console.log('total', money(total), money(1234567.891), total.toPrecision(6));
const out = items.filter((i) => i.qty === 0).map(({ sku, name }) => `${sku}:${name}`);
console.log('out of stock:', out);
const low = items.filter((i) => i.qty > 0 && i.qty < 20).sort((a, b) => a.qty - b.qty);
console.log(low.map((i) => ({ ...i, reorder: Math.ceil((20 - i.qty) / 5) * 5 })));
console.log(JSON.stringify(Object.fromEntries(byCat), null, 2));
const lines = items.map((i) => [i.sku, i.name, i.qty, i.price].join(',')); console.log(['sku,name,qty,price', ...lines].join('\n'));
const parsed = lines.map((l) => l.split(',')).map(([sku, name, qty, price]) => ({ sku, name, qty: +qty, price: parseFloat(price) }));
console.log(parsed.every((p, i) => p.qty === items[i].qty && p.price === items[i].price));
const pct = (a, b) => ((a / b) * 100).toFixed(1) + '%';
for (const [cat, g] of byCat) console.log(`${cat}: ${pct(g.value, total)}`);

class Item {
  static #nextId = 1;
  #id;
  constructor(name, price, qty = 0) { this.#id = Item.#nextId++; Object.assign(this, { name, price, qty }); }
  get id() { return this.#id; }
  get total() { return +(this.price * this.qty).toFixed(2); }
  toJSON() { return { id: this.#id, ...this }; }
}
const inv = new Map();
for (const [n, p, q] of [['apple', 0.5, 100], ['pear', 0.75, 40], ['kiwi', 1.2, 0], ['fig', 2.25, 12]]) inv.set(n, new Item(n, p, q));
console.log(inv);
console.log([...inv.values()].map(i => i.total));
const report = [...inv.values()].filter(i => i.qty > 0).sort((a, b) => b.total - a.total);
for (const { name, qty, total } of report) console.log(`${name.padEnd(8, '.')}${String(qty).padStart(5)} ${total.toFixed(2).padStart(8)}`);
console.log(JSON.stringify([...inv.values()], null, 1));
const grouped = Object.entries(Object.fromEntries([...inv].map(([k, v]) => [k, v.qty > 20 ? 'plenty' : v.qty ? 'low' : 'out'])));
console.log(grouped);
const totals = report.reduce((acc, i) => ({ ...acc, sum: acc.sum + i.total, count: acc.count + 1 }), { sum: 0, count: 0 });
console.log(totals, (totals.sum / totals.count).toFixed(3));

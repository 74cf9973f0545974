const sales = [
  { region: 'North', rep: 'Ann', q: [1200.5, 980, 1530.25, 1100] },
  { region: 'South', rep: 'Bob', q: [800, 1020.75, 640, 1210] },
  { region: 'North', rep: 'Cid', q: [400, 500, 600, 700.1] },
  { region: 'East', rep: 'Dee', q: [2000, 1800, 2200, 2500] },
  { region: 'South', rep: 'Eve', q: [0, 0, 50.5, 3000] },
];
const total = arr => arr.reduce((a, b) => a + b, 0);
const money = n => '$' + n.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const header = ['Rep', 'Region', 'Q1', 'Q2', 'Q3', 'Q4', 'Total'];
const rows = sales.map(s => [s.rep, s.region, ...s.q.map(money), money(total(s.q))]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
const line = cells => cells.map((c, i) => i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join(' | ');
console.log(line(header));
console.log(widths.map(w => '-'.repeat(w)).join('-+-'));
rows.forEach(r => console.log(line(r)));
const byRegion = sales.reduce((acc, s) => { (acc[s.region] ||= []).push(s); return acc; }, {});
for (const [region, list] of Object.entries(byRegion).sort()) {
  const t = total(list.flatMap(s => s.q));
  console.log(`${region.padEnd(6)} ${String(list.length).padStart(2)} reps ${money(t).padStart(12)} avg ${(t / list.length).toFixed(1)}`);
}
const best = sales.map(s => ({ rep: s.rep, best: Math.max(...s.q), qtr: s.q.indexOf(Math.max(...s.q)) + 1 }));
console.log(best);
console.log(best.toSorted((a, b) => b.best - a.best).map(({ rep, best }) => `${rep}:${best}`).join(', '));
const pct = (a, b) => ((a / b) * 100).toFixed(1) + '%';
const grand = total(sales.flatMap(s => s.q));
console.log(sales.map(s => `${s.rep} ${pct(total(s.q), grand)}`));
console.log('Grand total:', money(grand), grand, grand.toPrecision(6), grand.toExponential(2));
const hist = sales.map(s => `${s.rep.padEnd(4)}${'█'.repeat(Math.round(total(s.q) / 500))}`);
console.log(hist.join('\n'));
console.log(JSON.stringify(byRegion.North.map(({ rep, q }) => ({ rep, q })), null, 2));

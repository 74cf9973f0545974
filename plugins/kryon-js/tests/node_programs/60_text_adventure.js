// state machine + parser, a realistic small program
const rooms = {
  hall: { desc: 'A long hall.', exits: { north: 'kitchen', east: 'study' }, items: ['lamp'] },
  kitchen: { desc: 'Smells of bread.', exits: { south: 'hall' }, items: ['knife', 'bread'] },
  study: { desc: 'Books everywhere.', exits: { west: 'hall' }, items: [], locked: true },
};
class Game {
  #room = 'hall'; inventory = new Set(); moves = 0;
  exec(line) {
    const [verb, ...rest] = line.trim().toLowerCase().split(/\s+/); const noun = rest.join(' ');
    this.moves++;
    switch (verb) {
      case 'look': return `${this.#room}: ${rooms[this.#room].desc} Items: ${rooms[this.#room].items.join(', ') || 'none'}`;
      case 'go': { const to = rooms[this.#room].exits[noun]; if (!to) return `can't go ${noun}`; if (rooms[to].locked && !this.inventory.has('key')) return `${to} is locked`; this.#room = to; return `you enter the ${to}`; }
      case 'take': { const list = rooms[this.#room].items; const i = list.indexOf(noun); if (i < 0) return `no ${noun} here`; list.splice(i, 1); this.inventory.add(noun); return `taken ${noun}`; }
      case 'inv': return [...this.inventory].sort().join(', ') || 'empty';
      default: this.moves--; return `unknown verb "${verb}"`;
    }
  }
}
const g = new Game();
for (const cmd of ['look', 'take lamp', 'go east', 'go north', 'look', 'take bread', 'take cake', 'dance', 'go south', 'inv', 'go up']) console.log(`> ${cmd}\n${g.exec(cmd)}`);
console.log(g.moves, g);

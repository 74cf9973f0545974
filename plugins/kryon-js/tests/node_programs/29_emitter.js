class Emitter {
  #handlers = new Map();
  on(evt, fn) { (this.#handlers.get(evt) ?? this.#handlers.set(evt, []).get(evt)).push(fn); return this; }
  off(evt, fn) { const l = this.#handlers.get(evt); if (l) this.#handlers.set(evt, l.filter(f => f !== fn)); return this; }
  once(evt, fn) { const w = (...a) => { this.off(evt, w); fn(...a); }; return this.on(evt, w); }
  emit(evt, ...args) { const l = this.#handlers.get(evt) ?? []; l.forEach(f => f.apply(this, args)); return l.length > 0; }
  listenerCount(evt) { return this.#handlers.get(evt)?.length ?? 0; }
}
const e = new Emitter();
const log = (...a) => console.log('log:', ...a);
e.on('data', log).once('data', (x) => console.log('once', x));
console.log(e.emit('data', 1, { a: 1 }), e.emit('data', 2), e.emit('nothing'));
e.off('data', log); console.log(e.listenerCount('data'), e);
class Machine {
  static STATES = Object.freeze({ IDLE: Symbol('idle'), RUN: Symbol('run'), DONE: Symbol('done') });
  state = Machine.STATES.IDLE;
  history = [];
  transition(to) { this.history.push([this.state.description, to.description]); this.state = to; return this; }
}
const m = new Machine().transition(Machine.STATES.RUN).transition(Machine.STATES.DONE);
console.log(m, Machine.STATES, m.state === Machine.STATES.DONE);
console.log(Object.isFrozen(Machine.STATES), Object.getOwnPropertyNames(Machine));

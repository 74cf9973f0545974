console.log(typeof FinalizationRegistry, FinalizationRegistry.name, FinalizationRegistry.length, String(FinalizationRegistry));
const fr = new FinalizationRegistry(() => {}); console.log(fr, fr instanceof FinalizationRegistry, Object.getPrototypeOf(fr) === FinalizationRegistry.prototype, fr.constructor === FinalizationRegistry);
class Sub extends FinalizationRegistry { extra() { return 1; } } const s = new Sub(() => {}); console.log(s.extra(), s instanceof Sub, s instanceof FinalizationRegistry);
try { FinalizationRegistry(() => {}); } catch (e) { console.log(e.name); }
try { new FinalizationRegistry(5); } catch (e) { console.log(e.name); }
console.log(Object.prototype.toString.call(fr), typeof fr.register, typeof fr.unregister);

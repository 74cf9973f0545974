// What a Node CommonJS file has besides the globals: `module`, `exports` and a
// `require` that gives Node's built-in modules written here, `util`
// (inspect, format, promisify, inherits, isDeepStrictEqual...), `events`
// (EventEmitter), `assert` (ok, equal, strictEqual, deepStrictEqual, throws...),
// `timers/promises`, `path` (path.js), `buffer` ({ Buffer }) and `url` ({ URL,
// URLSearchParams });
// any other name throws Node's MODULE_NOT_FOUND error (there is no file system).
// The prelude evaluates this factory once per VM with util.inspect and util.format
// (console.js) and path.js's module; it returns { require, newModule, builtIn,
// timersPromises }.
(function (inspect, format, path, callSource) {
"use strict";
const create = Object.create, define = Object.defineProperty, keys = Object.keys;
const protoOf = Object.getPrototypeOf, setProto = Object.setPrototypeOf, is = Object.is;
const isArray = Array.isArray, PromiseCtor = Promise, ErrorCtor = Error;

// -- util ----------------------------------------------------------------------------
function isDeepStrictEqual(a, b) { return deepEqual(a, b, true, []); }
function hasOwnKey(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
function deepEqual(a, b, strict, seen) {
  const loose = !strict && (a === null || typeof a !== "object") &&
    (b === null || typeof b !== "object");  // (a value against an object is unequal)
  if (strict ? is(a, b) : loose && (a == b || (a !== a && b !== b))) return true;  // eslint-disable-line eqeqeq
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (strict && protoOf(a) !== protoOf(b)) return false;
  if (isArray(a) !== isArray(b)) return false;
  for (let i = 0; i < seen.length; i++) if (seen[i][0] === a && seen[i][1] === b) return true;
  seen[seen.length] = [a, b];
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k), strict, seen)) return false;
    return true;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const v of a) if (!b.has(v)) return false;
    return true;
  }
  const ka = keys(a), kb = keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (!Object.prototype.hasOwnProperty.call(b, ka[i])) return false;
    if (!deepEqual(a[ka[i]], b[ka[i]], strict, seen)) return false;
  }
  return true;
}
// (a function's own promise form, as setTimeout has: util.promisify.custom)
const PROMISIFY_CUSTOM = Symbol.for("nodejs.util.promisify.custom");
function promisify(original) {
  if (typeof original !== "function") {
    throw new TypeError('The "original" argument must be of type function');
  }
  if (typeof original[PROMISIFY_CUSTOM] === "function") return original[PROMISIFY_CUSTOM];
  return function (...args) {
    return new PromiseCtor((resolve, reject) => {
      original.call(this, ...args, (err, ...values) => {
        if (err) reject(err);
        else resolve(values.length > 1 ? values : values[0]);
      });
    });
  };
}
define(promisify, "custom", { value: PROMISIFY_CUSTOM, enumerable: true });
function inherits(ctor, superCtor) {
  define(ctor, "super_", { value: superCtor, writable: true, configurable: true });
  setProto(ctor.prototype, superCtor.prototype);
}
// (util.inspect.custom: the key a class's own inspect method has, as in Node)
define(inspect, "custom", { value: Symbol.for("nodejs.util.inspect.custom"), enumerable: true });
// util.types: each by its built-in's own check (a getter or method that throws for
// anything else), so a Symbol.toStringTag or a prototype cannot fool it.
function branded(check) {
  return (v) => {
    if (v === null || (typeof v !== "object" && typeof v !== "function")) return false;
    try { check(v); return true; } catch (e) { return false; }
  };
}
function getterOf(proto, key) { return Object.getOwnPropertyDescriptor(proto, key).get; }
const call = Function.prototype.call.bind(Function.prototype.call);
const tagOf = Function.prototype.call.bind(Object.prototype.toString);
const TYPED_PROTO = protoOf(Uint8Array.prototype);
const typedTag = getterOf(TYPED_PROTO, Symbol.toStringTag);
function typedAs(name) { return (v) => call(typedTag, v) === name; }
function tagged(tag) { return (v) => typeof v === "function" && tagOf(v) === "[object " + tag + "]"; }
const types = {
  isPromise: (v) => v instanceof PromiseCtor,
  isDate: branded((v) => call(Date.prototype.getTime, v)),
  isRegExp: (v) => {  // (RegExp.prototype's own getter gives undefined: no RegExp)
    try { return typeof call(getterOf(RegExp.prototype, "global"), v) === "boolean"; } catch (e) {
      return false;
    }
  },
  isMap: branded((v) => call(getterOf(Map.prototype, "size"), v)),
  isSet: branded((v) => call(getterOf(Set.prototype, "size"), v)),
  isWeakMap: branded((v) => call(WeakMap.prototype.has, v, {})),
  isWeakSet: branded((v) => call(WeakSet.prototype.has, v, {})),
  isArrayBuffer: branded((v) => call(getterOf(ArrayBuffer.prototype, "byteLength"), v)),
  isDataView: branded((v) => call(getterOf(DataView.prototype, "byteLength"), v)),
  isTypedArray: (v) => call(typedTag, v) !== undefined,
  isUint8Array: typedAs("Uint8Array"),
  isFloat64Array: typedAs("Float64Array"),
  isInt32Array: typedAs("Int32Array"),
  isNativeError: (v) => typeof Error.isError === "function" ? Error.isError(v) : v instanceof ErrorCtor,
  isAsyncFunction: (v) => tagged("AsyncFunction")(v) || tagged("AsyncGeneratorFunction")(v),
  isGeneratorFunction: (v) => tagged("GeneratorFunction")(v) || tagged("AsyncGeneratorFunction")(v),
  isBoxedPrimitive: branded((v) => {
    for (const p of [Number.prototype.valueOf, String.prototype.valueOf, Boolean.prototype.valueOf,
                     Symbol.prototype.valueOf, BigInt.prototype.valueOf]) {
      try { call(p, v); return; } catch (e) { /* not this box */ }
    }
    throw new TypeError("not boxed");
  }),
};
// (Node's warning goes to stderr once; the wrapped function runs as it is)
function deprecate(fn, message) {
  if (typeof fn !== "function") {
    throw new TypeError('The "fn" argument must be of type function');
  }
  let warned = false;
  return function deprecated(...args) {
    if (!warned) { warned = true; console.error("DeprecationWarning: " + message); }
    return new.target === undefined ? fn.apply(this, args) : Reflect.construct(fn, args, new.target);
  };
}
const util = { inspect, format, promisify, inherits, deprecate, isDeepStrictEqual, isArray, types };

// -- events --------------------------------------------------------------------------
// Stored as Node stores them (so an emitter prints the same): _events maps a name to
// its listener, or to an array once it has several; a plain function, so
// `EventEmitter.call(this)` with util.inherits works too.
const SHAPE_MODE = Symbol("shapeMode"), CAPTURE = Symbol("kCapture");
function EventEmitter(options) { EventEmitter.init.call(this, options); }
EventEmitter.init = function () {
  if (this._events === undefined || this._events === protoOf(this)._events) {
    this._events = create(null);
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
  this[SHAPE_MODE] = false;
  this[CAPTURE] = false;
};
function listenersOf(emitter, name) {
  const events = emitter._events, entry = events === undefined ? undefined : events[name];
  return entry === undefined ? [] : typeof entry === "function" ? [entry] : entry.slice();
}
function store(emitter, name, list) {
  if (emitter._events === undefined) { emitter._events = create(null); emitter._eventsCount = 0; }
  const had = emitter._events[name] !== undefined;
  if (list.length === 0) {
    if (had) { delete emitter._events[name]; emitter._eventsCount--; }
    return;
  }
  emitter._events[name] = list.length === 1 ? list[0] : list;
  if (!had) emitter._eventsCount++;
}
function addListener(emitter, name, listener, prepend) {
  if (typeof listener !== "function") {
    throw new TypeError('The "listener" argument must be of type function. Received ' +
      (listener === null ? "null" : listener === undefined ? "undefined"
        : typeof listener === "object" ? "an instance of " + (listener.constructor?.name || "Object")
          : "type " + typeof listener + " (" + inspect(listener) + ")"));
  }
  if (emitter._events !== undefined && emitter._events.newListener !== undefined) {
    emitter.emit("newListener", name, listener.listener || listener);
  }
  const list = listenersOf(emitter, name);
  if (prepend) list.unshift(listener); else list.push(listener);
  store(emitter, name, list);
  return emitter;
}
function onceWrapper(emitter, name, listener) {
  function wrapped(...args) {
    emitter.removeListener(name, wrapped);
    return listener.apply(emitter, args);
  }
  wrapped.listener = listener;
  return wrapped;
}
const emitterMethods = {
  on(name, listener) { return addListener(this, name, listener, false); },
  prependListener(name, listener) { return addListener(this, name, listener, true); },
  once(name, listener) { return addListener(this, name, onceWrapper(this, name, listener), false); },
  prependOnceListener(name, listener) {
    return addListener(this, name, onceWrapper(this, name, listener), true);
  },
  removeListener(name, listener) {
    const list = listenersOf(this, name);
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        list.splice(i, 1);
        store(this, name, list);
        if (this._events.removeListener !== undefined) this.emit("removeListener", name, listener);
        break;
      }
    }
    return this;
  },
  removeAllListeners(name) {
    if (name === undefined) { this._events = create(null); this._eventsCount = 0; }
    else store(this, name, []);
    return this;
  },
  emit(name, ...args) {
    const list = listenersOf(this, name);
    if (name === "error" && list.length === 0) {
      const er = args[0];
      if (er instanceof ErrorCtor) throw er;
      const err = new ErrorCtor("Unhandled error. (" + inspect(er) + ")");
      err.code = "ERR_UNHANDLED_ERROR";
      err.context = er;
      throw err;
    }
    for (let i = 0; i < list.length; i++) list[i].apply(this, args);
    return list.length > 0;
  },
  listenerCount(name) { return listenersOf(this, name).length; },
  listeners(name) { return listenersOf(this, name).map((f) => f.listener || f); },
  rawListeners(name) { return listenersOf(this, name); },
  eventNames() { return this._events === undefined ? [] : Reflect.ownKeys(this._events); },
  setMaxListeners(n) { this._maxListeners = n; return this; },
  getMaxListeners() { return this._maxListeners === undefined ? 10 : this._maxListeners; },
};
emitterMethods.addListener = emitterMethods.on;
emitterMethods.off = emitterMethods.removeListener;
for (const name of keys(emitterMethods)) {
  define(EventEmitter.prototype, name, { value: emitterMethods[name], writable: true, configurable: true });
}
define(EventEmitter.prototype, "_events", { value: undefined, writable: true });
define(EventEmitter.prototype, "_eventsCount", { value: 0, writable: true });
define(EventEmitter.prototype, "_maxListeners", { value: undefined, writable: true });
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;
EventEmitter.once = function once(emitter, name) {
  return new PromiseCtor((resolve) => emitter.once(name, (...args) => resolve(args)));
};

// -- assert --------------------------------------------------------------------------
class AssertionError extends ErrorCtor {
  constructor(options) {
    super(options.message);
    this.name = "AssertionError";
    this.generatedMessage = !options.given;
    this.code = "ERR_ASSERTION";
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
  }
}
function fail(given, actual, expected, operator, text) {
  if (given instanceof ErrorCtor) throw given;
  throw new AssertionError({ message: given !== undefined ? given : text, given: given !== undefined,
    actual, expected, operator });
}
function check(ok, given, actual, expected, operator, text) {
  if (!ok) fail(given, actual, expected, operator, text);
}
function shown(v) { return inspect(v); }
// How Node's AssertionError shows a value: one entry a line, keys sorted.
function inspectValue(v) {
  return inspect(v, { compact: false, customInspect: false, depth: 1000,
    maxArrayLength: Infinity, sorted: true });
}
const READABLE = {
  deepStrictEqual: "Expected values to be strictly deep-equal:",
  strictEqual: "Expected values to be strictly equal:",
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: "Expected values to be loosely deep-equal:",
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: "Values have same structure but are not reference-equal:",
};
// Node's cuts: a long inspected value to `max` characters, a value's lines past 50 to
// the first 46 and "...".
function cut(text, max) { return text.length > max ? text.slice(0, max - 3) + "..." : text; }
function shownLines(text) {
  const lines = text.split("\n");
  if (lines.length > 50) { lines[46] = "..."; lines.length = 47; }
  return lines;
}
function objectLike(v) { return (typeof v === "object" && v !== null) || typeof v === "function"; }
// The message of a failed strictEqual or deepStrictEqual, as Node writes it: two short
// primitives as "a !== b"; otherwise the inspected lines of both, the identical tail
// kept to three lines, diverging lines marked "+" (actual) and "-" (expected), runs of
// identical lines between them cut to their ends.
// (a message the script gave stands for the heading, as in Node 20)
function diffMessage(actual, expected, operator, heading) {
  const actualText = inspectValue(actual);
  const actualLines = actualText.split("\n"), expectedLines = inspectValue(expected).split("\n");
  let op = operator, indicator = "", i = 0;
  if (op === "strictEqual" && ((typeof actual === "object" && actual !== null &&
      typeof expected === "object" && expected !== null) ||
      (typeof actual === "function" && typeof expected === "function"))) {
    op = "strictEqualObject";
  }
  const title = heading === undefined ? READABLE[op] : heading;
  if (actualLines.length === 1 && expectedLines.length === 1 &&
      actualLines[0] !== expectedLines[0]) {
    const a = actualLines[0], b = expectedLines[0], total = a.length + b.length;
    if (total <= 12) {
      if (!objectLike(actual) && !objectLike(expected) && (actual !== 0 || expected !== 0)) {
        return title + "\n\n" + a + " !== " + b + "\n";
      }
    } else if (op !== "strictEqualObject" && total < 80) {
      while (a[i] === b[i]) i++;
      if (i > 2) { indicator = "\n  " + " ".repeat(i) + "^"; i = 0; }
    }
  }
  // (i goes on counting from the shared start, as in Node)
  let end = "", other = "", skipped = false;
  while (actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = actualLines.pop();
    expectedLines.pop();
    if (i++ < 3) end = "\n  " + line + end;
    else other = line;
    if (actualLines.length === 0 || expectedLines.length === 0) break;
  }
  const count = Math.max(actualLines.length, expectedLines.length);
  if (count === 0) {
    return READABLE.notIdentical + "\n\n" + shownLines(actualText).join("\n") + "\n";
  }
  if (i >= 5) { end = "\n..." + end; skipped = true; }
  if (other !== "") { end = "\n  " + other + end; other = ""; }
  let printed = 0, identical = 0, out = "";
  const head = title + "\n+ actual - expected";
  const skippedText = " ... Lines skipped";
  const longer = actualLines.length < count ? expectedLines : actualLines;
  const mark = longer === actualLines ? "+" : "-";
  const shorter = longer === actualLines ? expectedLines.length : actualLines.length;
  // the identical lines before a divergence at `at`, taken from `from` (as in Node:
  // the longer list's past the shorter's end, else the actual value's)
  const identicalBefore = (at, from) => {
    if (identical > 2) {
      if (identical > 3) {
        if (identical > 4) {
          if (identical === 5) { out += "\n  " + from[at - 3]; printed++; }
          else { out += "\n..."; skipped = true; }
        }
        out += "\n  " + from[at - 2]; printed++;
      }
      out += "\n  " + from[at - 1]; printed++;
    }
    identical = 0;
  };
  for (i = 0; i < count; i++) {
    if (shorter < i + 1) {
      identicalBefore(i, longer);
      if (longer === actualLines) out += "\n" + mark + " " + longer[i];
      else other += "\n" + mark + " " + longer[i];
      printed++;
    } else {
      const e = expectedLines[i];
      let a = actualLines[i];
      let diverging = a !== e && (!a.endsWith(",") || a.slice(0, -1) !== e);
      if (diverging && e.endsWith(",") && e.slice(0, -1) === a) { diverging = false; a += ","; }
      if (diverging) {
        identicalBefore(i, actualLines);
        out += "\n+ " + a;
        other += "\n- " + e;
        printed += 2;
      } else {
        out += other;
        other = "";
        identical++;
        if (identical <= 2) { out += "\n  " + a; printed++; }
      }
    }
    if (printed > 50 && i < count - 2) {
      return head + skippedText + "\n" + out + "\n..." + other + "\n...";
    }
  }
  return head + (skipped ? skippedText : "") + "\n" + out + other + end + indicator;
}
function failWithDiff(message, a, b, operator) {
  if (message === undefined || message instanceof ErrorCtor) {
    fail(message, a, b, operator, diffMessage(a, b, operator));
  }
  fail(diffMessage(a, b, operator, String(message)), a, b, operator);
}
// The message of a failed notStrictEqual or notDeepStrictEqual: the value once.
function sameMessage(actual, operator) {
  let base = READABLE[operator];
  if (operator === "notStrictEqual" && objectLike(actual)) base = READABLE.notStrictEqualObject;
  const lines = shownLines(inspectValue(actual));
  if (lines.length === 1) return base + (lines[0].length > 5 ? "\n\n" : " ") + lines[0];
  return base + "\n\n" + lines.join("\n") + "\n";
}
// A falsy value's message: the call as the script wrote it, as Node quotes it (read
// only when the assertion fails).
function falsyMessage(count, name, value) {
  if (count === 0) return "No value argument passed to `assert.ok()`";
  const code = callSource();
  return "The expression evaluated to a falsy value:\n\n  " +
    (code === undefined ? name + "(" + shown(value) + ")" : code) + "\n";
}
function assert(value, message) {
  if (!value) fail(message, value, true, "==", falsyMessage(arguments.length, "assert", value));
}
const asserts = {
  ok: function ok(value, message) {
    if (!value) fail(message, value, true, "==", falsyMessage(arguments.length, "assert.ok", value));
  },
  equal(a, b, message) {
    check(a == b || (a !== a && b !== b), message, a, b, "==", `${shown(a)} == ${shown(b)}`);  // eslint-disable-line eqeqeq
  },
  notEqual(a, b, message) {
    check(a != b, message, a, b, "!=", `${shown(a)} != ${shown(b)}`);  // eslint-disable-line eqeqeq
  },
  strictEqual(a, b, message) {
    if (!is(a, b)) failWithDiff(message, a, b, "strictEqual");
  },
  notStrictEqual(a, b, message) {
    if (is(a, b)) fail(message, a, b, "notStrictEqual", sameMessage(a, "notStrictEqual"));
  },
  deepEqual(a, b, message) {
    if (deepEqual(a, b, false, [])) return;
    const shownA = cut(inspectValue(a), 512), shownB = cut(inspectValue(b), 512);
    fail(message, a, b, "deepEqual", READABLE.deepEqual + "\n\n" + shownA +
      "\n\nshould loosely deep-equal\n\n" + shownB);
  },
  notDeepEqual(a, b, message) {
    if (!deepEqual(a, b, false, [])) return;
    const shownA = inspectValue(a), shownB = inspectValue(b);
    fail(message, a, b, "notDeepEqual", shownA === shownB
      ? cut(READABLE.notDeepEqual + "\n\n" + shownA, 1024)
      : "Expected values not to be loosely deep-equal:\n\n" + shownA +
        "\n\nshould not loosely deep-equal\n\n" + shownB);
  },
  deepStrictEqual(a, b, message) {
    if (!deepEqual(a, b, true, [])) failWithDiff(message, a, b, "deepStrictEqual");
  },
  notDeepStrictEqual(a, b, message) {
    if (deepEqual(a, b, true, [])) {
      fail(message, a, b, "notDeepStrictEqual", sameMessage(a, "notDeepStrictEqual"));
    }
  },
  fail(message) { fail(message === undefined ? "Failed" : message, undefined, undefined, "fail", "Failed"); },
  throws(fn, expected, message) {
    try { fn(); } catch (e) {
      if (typeof expected === "function" && expected.prototype !== undefined && !(e instanceof expected)) throw e;
      if (expected instanceof RegExp && !expected.test(String(e))) {
        fail(message, e, expected, "throws", `The input did not match the regular expression ${expected}.`);
      }
      return;
    }
    fail(typeof expected === "string" ? expected : message, undefined, expected, "throws",
      "Missing expected exception.");
  },
  doesNotThrow(fn) { fn(); },
  async rejects(promiseOrFn, expected, message) {
    try { await (typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn); } catch (e) {
      if (typeof expected === "function" && expected.prototype !== undefined && !(e instanceof expected)) throw e;
      return;
    }
    fail(message, undefined, expected, "rejects", "Missing expected rejection.");
  },
  match(text, re, message) {
    check(re.test(text), message, text, re, "match",
      `The input did not match the regular expression ${re}. Input:\n\n${shown(text)}\n`);
  },
  AssertionError,
};
for (const name of keys(asserts)) {
  define(assert, name, { value: asserts[name], writable: true, enumerable: true, configurable: true });
}
// assert.strict (also `assert/strict`): the same with the loose comparisons strict, as
// in Node (its equal is strictEqual, deepEqual deepStrictEqual...)
function strictAssert(value, message) {
  if (!value) fail(message, value, true, "==", falsyMessage(arguments.length, "assert", value));
}
const STRICT_NAMES = { equal: "strictEqual", notEqual: "notStrictEqual",
  deepEqual: "deepStrictEqual", notDeepEqual: "notDeepStrictEqual" };
for (const name of keys(asserts)) {
  const value = hasOwnKey(STRICT_NAMES, name) ? asserts[STRICT_NAMES[name]] : asserts[name];
  define(strictAssert, name, { value, writable: true, enumerable: true, configurable: true });
}
define(strictAssert, "strict", { value: strictAssert, enumerable: true });
define(assert, "strict", { value: strictAssert, enumerable: true });

// -- timers/promises ---------------------------------------------------------------
// The timers as promises, on the same virtual clock (no timers under a policy without
// them: the call throws then); also setTimeout's and setImmediate's promisify form
// (the prelude puts them on the timers).
const timersPromises = {
  setTimeout(delay, value) {
    return new PromiseCtor((resolve) => { globalThis.setTimeout(resolve, delay, value); });
  },
  setImmediate(value) {
    return new PromiseCtor((resolve) => { globalThis.setImmediate(resolve, value); });
  },
  async *setInterval(delay, value) {
    for (;;) {
      await new PromiseCtor((resolve) => { globalThis.setTimeout(resolve, delay); });
      yield value;
    }
  },
};

// (buffer and url hold the globals buffer.js and url.js made, evaluated before this)
const BUILT_IN = { util, events: EventEmitter, assert, "assert/strict": strictAssert, path,
  "path/posix": path, "timers/promises": timersPromises,
  buffer: { Buffer: globalThis.Buffer },
  url: { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams } };
function require(name) {
  const exports = builtIn(name);
  if (exports !== undefined) return exports;
  const error = new ErrorCtor("Cannot find module '" + String(name) + "'");
  error.code = "MODULE_NOT_FOUND";
  throw error;
}
// A built-in module's exports (undefined for any other name): what `import` reads too.
function builtIn(name) {
  const id = typeof name === "string" && name.slice(0, 5) === "node:" ? name.slice(5) : name;
  return typeof id === "string" && hasOwnKey(BUILT_IN, id)
    ? BUILT_IN[id] : undefined;
}
function newModule() {
  const exports = {};
  return { module: { id: ".", exports, loaded: false, children: [], paths: [] }, exports };
}
return { require, newModule, builtIn, timersPromises };
})

// Node-compatible console output for the JavaScript engine.
//
// Prints what Node 20 prints for console.log and its siblings: values rendered as
// util.inspect renders them with its defaults (quoting, depth 2, 100 items, the
// 80-column line break, up to three nested levels on one line, arrays of many
// short items laid out in columns, <ref *1> cycles, class and null-prototype
// prefixes), util.format's %-directives, and the console methods (table, group,
// count, assert, time, trace, dir).  The rules were worked out by comparing with
// node's output value by value.  A promise's state comes from the host (QuickJS's
// JS_PromiseState); where it cannot be known it prints as `Promise { <state
// unknown> }`, not guessed.  A proxy prints as its target (no trap runs), as in Node:
// Proxy and Proxy.revocable are wrapped to remember each proxy's target.
//
// The prelude evaluates this factory once per VM with write(stream, text),
// mapStack(quickjsStack) -> frames in script terms, now() -> milliseconds and
// rawStack(error) -> QuickJS's stack text of an error (not what scripts see) and
// promiseState(p) -> [state, result] (0 pending, 1 fulfilled, 2 rejected, -1
// unknown, -2 not a promise); it
// returns { console, inspect, format, proxies } (proxies.has(x): x is a proxy).  Every built-in used here is captured now,
// so a script replacing Array.prototype.push or Object.keys changes nothing printed.
(function (write, mapStack, now, rawStack, promiseState) {
"use strict";
const uncurry = Function.prototype.bind.bind(Function.prototype.call);
const protoOf = Object.getPrototypeOf, ownNames = Object.getOwnPropertyNames;
const ownSymbols = Object.getOwnPropertySymbols, descriptor = Object.getOwnPropertyDescriptor;
const ownKeys = Object.keys, isArray = Array.isArray, jsonText = JSON.stringify;
const defineProperty = Object.defineProperty, assign = Object.assign;
const hasOwn = uncurry(Object.prototype.hasOwnProperty);
const isEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
const inherits = uncurry(Object.prototype.isPrototypeOf), classOf = uncurry(Object.prototype.toString);
const fnSource = uncurry(Function.prototype.toString), applyFn = uncurry(Function.prototype.apply);
const text = String, toNumber = Number, toInt = parseInt, toFloat = parseFloat;
const sqrt = Math.sqrt, round = Math.round, floor = Math.floor, min = Math.min, max = Math.max;
const cut = uncurry(String.prototype.slice), find = uncurry(String.prototype.indexOf);
const codeAt = uncurry(String.prototype.charCodeAt), codePointAt = uncurry(String.prototype.codePointAt);
const toFixed = uncurry(Number.prototype.toFixed);
const symbolText = uncurry(Symbol.prototype.toString);
const getter = (proto, name) => uncurry(descriptor(proto, name).get);
const mapNext = uncurry(protoOf(new Map().entries()).next);
const mapSize = getter(Map.prototype, "size"), mapEntries = uncurry(Map.prototype.entries);
const mapGet = uncurry(Map.prototype.get), mapSet = uncurry(Map.prototype.set);
const mapHas = uncurry(Map.prototype.has), mapDelete = uncurry(Map.prototype.delete);
const setNext = uncurry(protoOf(new Set().values()).next);
const setSize = getter(Set.prototype, "size"), setValues = uncurry(Set.prototype.values);
const setHas = uncurry(Set.prototype.has);
const TypedArrayProto = protoOf(Uint8Array.prototype);
const typedName = getter(TypedArrayProto, Symbol.toStringTag);
const typedLength = getter(TypedArrayProto, "length");
const bufferLength = getter(ArrayBuffer.prototype, "byteLength"), Bytes = Uint8Array, MapCtor = Map;
const viewLength = getter(DataView.prototype, "byteLength");
const viewOffset = getter(DataView.prototype, "byteOffset");
const viewBuffer = getter(DataView.prototype, "buffer");
const dateTime = uncurry(Date.prototype.getTime), dateIso = uncurry(Date.prototype.toISOString);
const reSource = getter(RegExp.prototype, "source"), reFlags = getter(RegExp.prototype, "flags");
const weakMapHas = uncurry(WeakMap.prototype.has), weakSetHas = uncurry(WeakSet.prototype.has);
const RegExpProto = RegExp.prototype, ErrorProto = Error.prototype, PromiseProto = Promise.prototype, MakeError = Error;
const BOXES = [["Number", uncurry(Number.prototype.valueOf)],
  ["String", uncurry(String.prototype.valueOf)], ["Boolean", uncurry(Boolean.prototype.valueOf)],
  ["Symbol", uncurry(Symbol.prototype.valueOf)], ["BigInt", uncurry(BigInt.prototype.valueOf)]];
const TAG = Symbol.toStringTag, CUSTOM = Symbol.for("nodejs.util.inspect.custom");
// Constructors of the language itself: their toString is not "custom" for %s.
const BUILT_IN = new Set();
for (const name of ownNames(globalThis)) {
  const c = codeAt(name, 0), d = descriptor(globalThis, name);
  if (c >= 65 && c <= 90 && d && typeof d.value === "function") BUILT_IN.add(name);
}
const builtIn = uncurry(Set.prototype.has);

// -- proxies, told apart without running a trap -----------------------------------
// proxy -> its target, or REVOKED.  A bound function has no prototype property and
// constructs its target, as Proxy does.
const PROXIES = new WeakMap(), REVOKED = {}, RealProxy = Proxy, realRevocable = Proxy.revocable;
const proxyTarget = uncurry(WeakMap.prototype.get), keepProxy = uncurry(WeakMap.prototype.set);
// (has as an own property of the private map: one call, no script can replace it)
defineProperty(PROXIES, "has", { value: WeakMap.prototype.has });
const proxyMaker = function (target, handler) {
  if (new.target === undefined) throw new TypeError("Constructor Proxy requires 'new'");
  const p = new RealProxy(target, handler);
  keepProxy(PROXIES, p, target);
  return p;
}.bind();
defineProperty(proxyMaker, "name", { value: "Proxy" });
defineProperty(proxyMaker, "revocable", { writable: true, configurable: true, value: {
  revocable(target, handler) {
    const r = realRevocable(target, handler), proxy = r.proxy, revoke = r.revoke;
    keepProxy(PROXIES, proxy, target);
    r.revoke = { revoke() { keepProxy(PROXIES, proxy, REVOKED); revoke(); } }.revoke;
    defineProperty(r.revoke, "name", { value: "" });
    return r;
  },
}.revocable });
defineProperty(globalThis, "Proxy", { value: proxyMaker, writable: true, configurable: true });

// -- what Map and Set iterators have left ---------------------------------------
// Node prints an iterator's remaining items ([Map Iterator] { 2, 3 }), which no
// JavaScript can read without taking them.  The methods making Map and Set iterators
// are replaced by ones that remember each iterator's kind (Map or Set; keys, values
// or entries); `next` stays QuickJS's own (a JavaScript next would cost for...of its
// fast path: 15 times slower).  Printing an iterator takes its remaining items and
// gives it a prototype whose next hands them out again (REPLAY), so the script reads
// the same items afterwards; items the collection gains after the print are not
// seen by that iterator.
const ITERATORS = new WeakMap(), OWNERS = new WeakMap(), REPLAY = new WeakMap();
const kindOf = uncurry(WeakMap.prototype.get), keepKind = uncurry(WeakMap.prototype.set);
const replayOf = uncurry(WeakMap.prototype.get), keepReplay = uncurry(WeakMap.prototype.set);
const setProto = Object.setPrototypeOf, makeObject = Object.create;
function trackIterators(proto, kinds, isMap) {
  const iterProto = protoOf(proto.entries.call(isMap ? new Map() : new Set()));
  const native = uncurry(iterProto.next), replaying = makeObject(iterProto);
  defineProperty(replaying, "next", { writable: true, configurable: true, value: { next() {
    const r = replayOf(REPLAY, this);
    if (r === undefined) return native(this);
    while (r.at < r.keys.length) {
      const key = r.keys[r.at++];
      if (isMap ? mapHas(r.of, key) : setHas(r.of, key)) return { value: itemOf(r, key), done: false };
    }
    return { value: undefined, done: true };
  } }.next });
  const made = new Map();
  for (let i = 0; i < kinds.length; i++) {
    const name = kinds[i][0], method = proto[name];
    let wrapper = mapGet(made, method);
    if (wrapper === undefined) {
      // [a Map's?, kind, QuickJS's next, the prototype replaying a printed iterator]
      const make = uncurry(method), kind = [isMap, kinds[i][1], native, replaying];
      wrapper = { [name]() {
        const it = make(this);
        keepKind(ITERATORS, it, kind);
        keepKind(OWNERS, it, this);
        return it;
      } }[name];
      mapSet(made, method, wrapper);
    }
    defineProperty(proto, name, { value: wrapper, writable: true, configurable: true });
  }
  defineProperty(proto, Symbol.iterator,
    { value: proto[isMap ? "entries" : "values"], writable: true, configurable: true });
}
trackIterators(Map.prototype, [["entries", "entries"], ["keys", "keys"], ["values", "values"]], true);
trackIterators(Set.prototype, [["entries", "entries"], ["values", "values"], ["keys", "values"]], false);
// What an iterator has left, taken once: the remaining items are the collection's
// last ones, so their keys are kept, and the replaying next hands out the current
// item of each key still there (a deletion or a new value after the print is seen).
function iteratorRest(it, kind) {
  let r = replayOf(REPLAY, it);
  if (r === undefined) {
    const native = kind[2], of = kindOf(OWNERS, it), all = [];
    let left = 0;
    while (!native(it).done) left++;
    const list = kind[0] ? mapEntries(of) : setValues(of), next = kind[0] ? mapNext : setNext;
    for (let step = next(list); !step.done; step = next(list)) {
      push(all, kind[0] ? step.value[0] : step.value);
    }
    const keys = [];
    for (let i = max(all.length - left, 0); i < all.length; i++) push(keys, all[i]);
    r = { keys: keys, at: 0, of: of, map: kind[0], kind: kind[1] };
    keepReplay(REPLAY, it, r);
    setProto(it, kind[3]);
  }
  return r;
}
function itemOf(r, key) {
  if (r.kind === "keys" || !r.map) return r.kind === "entries" ? [key, key] : key;
  return r.kind === "values" ? mapGet(r.of, key) : [key, mapGet(r.of, key)];
}

// -- small string helpers (no String.prototype method a script could replace) ---
function spaces(n) { let s = ""; while (n-- > 0) s += " "; return s; }
function repeat(s, n) { let r = ""; while (n-- > 0) r += s; return r; }
function join(list, sep) {
  let r = "";
  for (let i = 0; i < list.length; i++) r += (i ? sep : "") + list[i];
  return r;
}
function push(list, item) { list[list.length] = item; }
function concat(a, b) { for (let i = 0; i < b.length; i++) push(a, b[i]); return a; }
function startsWith(s, p) { return cut(s, 0, p.length) === p; }
function endsWith(s, p) { return s.length >= p.length && cut(s, s.length - p.length) === p; }
function includes(s, p) { return find(s, p) >= 0; }
function replaceAll(s, from, to) {
  let r = "", at = 0;
  for (let i = find(s, from); i >= 0; i = find(s, from, at)) {
    r += cut(s, at, i) + to;
    at = i + from.length;
  }
  return at ? r + cut(s, at) : s;
}
// QuickJS keeps long concatenations as ropes, which the Python binding cannot
// convert: a slice makes the string flat before it leaves.
function flat(s) { return cut(s, 0); }
function plural(n, word) { return n + " " + word + (n > 1 ? "s" : ""); }
function brand(check, v) { try { check(v); return true; } catch (e) { return false; } }
const HEX = "0123456789ABCDEF", hex = "0123456789abcdef";

// Columns a string takes on a terminal, as Node's ICU getStringWidth counts them: wide
// East Asian characters and emoji take two (each of a sequence joined by U+200D);
// controls, format characters (but the soft hyphen) and marks none (it only matters
// for laying out columns).
const ZERO_WIDTH = /^[\p{Cc}\p{Cf}\p{Mn}\p{Me}]$/u;
const EMOJI = /^[\p{Emoji_Presentation}\p{Emoji_Modifier}]$/u;
const testRegex = uncurry(RegExp.prototype.test), fromCodePoint = String.fromCodePoint;
function widthOf(s) {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = codePointAt(s, i);
    if (c > 0xffff) i++;
    if (c >= 0x20 && c < 0x7f) { w++; continue; }
    if (c < 0x20) continue;
    const ch = fromCodePoint(c);
    if (testRegex(EMOJI, ch)) {
      w += 2;
    } else if (c !== 0xad && testRegex(ZERO_WIDTH, ch)) {
      continue;
    } else if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
             (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
             (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
             (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x1f900 && c <= 0x1f9ff) ||
             (c >= 0x20000 && c <= 0x3fffd)) w += 2;
    else w++;
  }
  return w;
}

// -- primitives ----------------------------------------------------------------
const NAMED_ESCAPES = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" };

// The body of a quoted string: `quote` and backslashes escaped, control characters
// as \xHH and lone surrogates as \uhhhh.
function escapeBody(s, quote) {
  let r = "", from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = codeAt(s, i);
    let rep;
    if (c === quote) rep = "\\" + s[i];
    else if (c === 92) rep = "\\\\";
    else if (c < 32 || (c >= 127 && c < 160)) {
      rep = NAMED_ESCAPES[c] || "\\x" + HEX[c >> 4] + HEX[c & 15];
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = codeAt(s, i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
      rep = "\\u" + hex[c >> 12] + hex[(c >> 8) & 15] + hex[(c >> 4) & 15] + hex[c & 15];
    } else continue;
    r += cut(s, from, i) + rep;
    from = i + 1;
  }
  return from ? r + cut(s, from) : s;
}

// Single quotes unless the string holds one: then double quotes, then backticks.
function quoted(s) {
  let q = "'";
  if (includes(s, "'")) {
    if (!includes(s, '"')) q = '"';
    else if (!includes(s, "`") && !includes(s, "${")) q = "`";
  }
  return q + escapeBody(s, codeAt(q, 0)) + q;
}

function numberText(n) { return n === 0 && 1 / n < 0 ? "-0" : text(n); }

function primitive(st, v) {
  switch (typeof v) {
    case "string": {
      let more = "";
      if (v.length > st.maxStringLength) {
        more = "... " + plural(v.length - st.maxStringLength, "more character");
        v = cut(v, 0, st.maxStringLength);
      }
      // A long string is shown line by line, joined with +.
      if (v.length > 16 && v.length > st.breakLength - st.indent - 4 && includes(v, "\n")) {
        const lines = [];
        let at = 0;
        for (let nl = find(v, "\n"); nl >= 0 && nl < v.length - 1; nl = find(v, "\n", at)) {
          push(lines, quoted(cut(v, at, nl + 1)));
          at = nl + 1;
        }
        push(lines, quoted(cut(v, at)));
        return join(lines, " +\n" + spaces(st.indent + 2)) + more;
      }
      return quoted(v) + more;
    }
    case "number": return numberText(v);
    case "bigint": return text(v) + "n";
    case "symbol": return symbolText(v);
    default: return text(v);
  }
}

// -- what an object is ------------------------------------------------------------
// The name of the nearest constructor on the prototype chain that the object is an
// instance of; null when the chain ends without one.
function constructorOf(st, v) {
  let o = v;
  while (o !== null && o !== undefined) {
    const d = descriptor(o, "constructor");
    if (d !== undefined && typeof d.value === "function" && d.value.name !== "") {
      const proto = d.value.prototype;
      if (proto !== null && (typeof proto === "object" || typeof proto === "function") &&
          inherits(proto, v)) {
        return text(d.value.name);
      }
    }
    o = protoOf(o);
  }
  const first = protoOf(v);
  if (first === null) return null;
  const shown = show(newState({ depth: -1 }, st.indent), first, 0);
  return (isArray(v) ? "Array" : typeof v === "function" ? "Function" : "Object") +
    " <" + shown + ">";
}

// "Foo(2) [Tag] " or "[Foo(2): null prototype] [Tag] ".
function prefix(ctor, tag, fallback, size) {
  size = size || "";
  if (ctor === null) {
    return "[" + fallback + size + ": null prototype] " +
      (tag !== "" && tag !== fallback ? "[" + tag + "] " : "");
  }
  return ctor + size + " " + (tag !== "" && tag !== ctor ? "[" + tag + "] " : "");
}

// The prefix naming an object of no known kind: with no prototype, V8's name for its
// class (Array, Map, ... or, for a plain object, its Symbol.toStringTag).
function namePrefix(ctor, tag, kind, rawTag) {
  if (ctor !== null) return prefix(ctor, tag, "Object");
  let fallback = kind === "Object" && typeof rawTag === "string" ? rawTag : kind;
  if (fallback === tag) fallback = "Object";
  return prefix(null, tag, fallback);
}

function isIndex(key) {
  if (key.length === 0 || key.length > 10) return false;
  for (let i = 0; i < key.length; i++) {
    const c = codeAt(key, i);
    if (c < 48 || c > 57 || (c === 48 && i === 0 && key.length > 1)) return false;
  }
  return toNumber(key) < 4294967295;
}

// QuickJS lists integer keys first, in ascending order: they are skipped by bisection,
// not tested one by one (printing a 200,000-item array took 400 ms).  Index keys past
// the prefix (from 2^31 up) are still tested one by one.
function indexPrefix(names) {
  let low = 0, high = names.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isIndex(names[middle])) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Own keys shown as properties: enumerable ones (all with showHidden), symbols last.
function propertyKeys(st, v, skipIndices) {
  const keys = [];
  const names = ownNames(v);
  if (skipIndices) { st.namesOf = v; st.names = names; } // arrayItems may need them next
  for (let i = skipIndices ? indexPrefix(names) : 0; i < names.length; i++) {
    const k = names[i];
    if (skipIndices && isIndex(k)) continue;
    if (st.showHidden || isEnumerable(v, k)) push(keys, k);
  }
  const symbols = ownSymbols(v);
  for (let i = 0; i < symbols.length; i++) {
    if (st.showHidden || isEnumerable(v, symbols[i])) push(keys, symbols[i]);
  }
  return keys;
}

function removeKey(keys, key) {
  const kept = [];
  for (let i = 0; i < keys.length; i++) if (keys[i] !== key) push(kept, keys[i]);
  return kept;
}

function isIdentifier(key) {
  for (let i = 0; i < key.length; i++) {
    const c = codeAt(key, i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return key.length > 0;
}

// -- labels of functions, errors and boxed primitives -----------------------------
function functionLabel(f, ctor, tag) {
  const source = fnSource(f);
  if (startsWith(source, "class") && endsWith(source, "}")) {
    const body = cut(source, 5, -1), brace = find(body, "{");
    if (brace >= 0 && !includes(cut(body, 0, brace), "(")) return classLabel(f, ctor, tag);
  }
  const kind = cut(classOf(f), 8, -1);
  const type = kind === "AsyncFunction" || kind === "GeneratorFunction" ||
    kind === "AsyncGeneratorFunction" ? kind : "Function";
  let label = "[" + type + (ctor === null ? " (null prototype)" : "");
  const name = f.name;
  label += (name === "" ? " (anonymous)" : ": " + text(name)) + "]";
  if (ctor !== type && ctor !== null) label += " " + ctor;
  if (tag !== "" && ctor !== tag) label += " [" + tag + "]";
  return label;
}

function classLabel(f, ctor, tag) {
  let label = "class " + ((hasOwn(f, "name") && f.name) || "(anonymous)");
  if (ctor !== "Function" && ctor !== null) label += " [" + ctor + "]";
  if (tag !== "" && ctor !== tag) label += " [" + tag + "]";
  if (ctor === null) label += " extends [null prototype]";
  else {
    const parent = protoOf(f).name;
    if (parent) label += " extends " + text(parent);
  }
  return "[" + label + "]";
}

function errorHeader(e) {
  const name = e.name === undefined ? "Error" : text(e.name);
  const message = e.message === undefined ? "" : text(e.message);
  if (name === "") return message;
  return message === "" ? name : name + ": " + message;
}

// "Name: message" and the frames in script terms.  QuickJS's own stack holds frames
// of its <input> (mapped to scripts here); a stack a script assigned is shown as it is.
function errorStack(e) {
  const raw = e.stack;
  if (!raw) return errorHeader(e);
  const s = text(raw);
  const at = startsWith(s, "    at ") ? 0 : find(s, "\n    at ");
  if (at < 0 || !includes(s, "<input>:")) return at === 0 ? errorHeader(e) + "\n" + s : s;
  const frames = mapStack(cut(s, at === 0 ? 0 : at + 1));
  const header = at === 0 ? errorHeader(e) : cut(s, 0, at);
  return frames ? header + "\n" + frames : header;
}

function errorLabel(st, e, ctor, tag) {
  const name = e.name === undefined || e.name === null ? "Error" : text(e.name);
  let stack = errorStack(e);
  // Name the class when the stack only names its base ("Error: x" of a MyError).
  if (ctor === null || (endsWith(name, "Error") && startsWith(stack, name) &&
      (stack.length === name.length || stack[name.length] === ":" ||
       stack[name.length] === "\n"))) {
    const own = cut(prefix(ctor, tag, name), 0, -1);
    if (own !== name) {
      stack = includes(own, name) ? own + cut(stack, name.length)
        : own + " [" + name + "]" + cut(stack, name.length);
    }
  }
  const message = e.message === undefined || e.message === null ? "" : text(e.message);
  const after = message !== "" && find(stack, message) >= 0 ? find(stack, message) + message.length : 0;
  if (find(stack, "\n    at", after) < 0) stack = "[" + stack + "]";
  if (st.indent !== 0) stack = replaceAll(stack, "\n", "\n" + spaces(st.indent));
  return stack;
}

function errorKeys(st, e, keys) {
  if (!st.showHidden && keys.length) {
    const stack = errorStack(e) + "\n" + text(e.stack);
    for (let i = 0; i < 3; i++) {
      const key = ["name", "message", "stack"][i];
      if (isEnumerable(e, key) && includes(stack, text(e[key]))) keys = removeKey(keys, key);
    }
  }
  if ("cause" in e && removeKey(keys, "cause").length === keys.length) push(keys, "cause");
  if (isArray(e.errors) && removeKey(keys, "errors").length === keys.length) push(keys, "errors");
  return keys;
}

// Number.prototype, String.prototype and Boolean.prototype hold a primitive in
// QuickJS but are plain objects to V8 (Node prints `{}`).
const BOX_PROTOS = [Number.prototype, String.prototype, Boolean.prototype];
function boxed(v) {
  if (v === BOX_PROTOS[0] || v === BOX_PROTOS[1] || v === BOX_PROTOS[2]) return undefined;
  for (let i = 0; i < BOXES.length; i++) {
    try { return [BOXES[i][0], BOXES[i][1](v)]; } catch (e) { /* not this box */ }
  }
  return undefined;
}

// -- objects -----------------------------------------------------------------------
function newState(options, indent) {
  const o = options || {};
  const depth = o.depth === null || o.depth === Infinity ? Infinity
    : o.depth === undefined ? 2 : toNumber(o.depth);
  return {
    depth: depth, showHidden: !!o.showHidden,
    maxArrayLength: o.maxArrayLength === undefined ? 100 : max(0, toNumber(o.maxArrayLength)),
    maxStringLength: o.maxStringLength === undefined ? 10000 : toNumber(o.maxStringLength),
    breakLength: o.breakLength === undefined ? 80 : toNumber(o.breakLength),
    customInspect: o.customInspect !== false, indent: indent || 0,
    seen: [], refs: new MapCtor(), lastLevel: 0, namesOf: null, names: null,
    // (compact: false puts every entry on a line of its own; sorted sorts an object's)
    compact: o.compact !== false, sorted: o.sorted === true,
  };
}

function show(st, v, level) {
  if (v === null) return "null";
  if (typeof v !== "object" && typeof v !== "function") return primitive(st, v);
  for (let target = proxyTarget(PROXIES, v); target !== undefined; target = proxyTarget(PROXIES, v)) {
    if (target === REVOKED) return "<Revoked Proxy>";
    v = target;
  }
  for (let i = 0; i < st.seen.length; i++) {
    if (st.seen[i] === v) {
      let ref = mapGet(st.refs, v);
      if (ref === undefined) { ref = mapSize(st.refs) + 1; mapSet(st.refs, v, ref); }
      return "[Circular *" + ref + "]";
    }
  }
  if (st.customInspect) {
    const custom = v[CUSTOM];
    if (typeof custom === "function" && custom !== inspect) {
      // (as Node: the depth left is the first argument, options.depth the whole depth)
      const options = { depth: st.depth, showHidden: st.showHidden,
                        breakLength: st.breakLength };
      const r = applyFn(custom, v, [st.depth - level, options, inspect]);
      if (r !== v) {
        if (typeof r !== "string") return show(st, r, level);
        return replaceAll(r, "\n", "\n" + spaces(st.indent));
      }
    }
  }
  return showObject(st, v, level);
}

function showObject(st, v, level) {
  const ctor = constructorOf(st, v);
  const rawTag = v[TAG];
  let tag = rawTag;
  if (typeof tag !== "string" || (tag !== "" && isEnumerable(v, TAG))) tag = "";
  // kind: the class V8 gives the object, named past the depth when it has no prototype.
  let keys, label = "", open = "{", close = "}", list = false, fill, kind = "Object", iterator;
  const typed = typedName(v);
  if (isArray(v)) {
    kind = "Array";
    keys = propertyKeys(st, v, true);
    const size = "(" + v.length + ")";
    open = (ctor !== "Array" || tag !== "" ? prefix(ctor, tag, "Array", size) : "") + "[";
    close = "]";
    if (v.length === 0 && keys.length === 0) return open + "]";
    list = true;
    fill = arrayItems;
  } else if (brand(setSize, v)) {
    kind = "Set";
    keys = propertyKeys(st, v, false);
    open = prefix(ctor, tag, "Set", "(" + setSize(v) + ")") + "{";
    if (setSize(v) === 0 && keys.length === 0) return open + "}";
    fill = setItems;
  } else if (brand(mapSize, v)) {
    kind = "Map";
    keys = propertyKeys(st, v, false);
    open = prefix(ctor, tag, "Map", "(" + mapSize(v) + ")") + "{";
    if (mapSize(v) === 0 && keys.length === 0) return open + "}";
    fill = mapItems;
  } else if ((iterator = kindOf(ITERATORS, v)) !== undefined) {
    const type = iterator[0] ? "Map" : "Set";
    let name = type + " Iterator";
    if (tag !== name) name = (tag !== "" ? tag + "] [" : "") + name;
    if (iterator[1] === "entries") name = cut(name, 0, -8) + "Entries";
    keys = propertyKeys(st, v, false);
    open = "[" + name + "] {";
    fill = (st2, it, inner) => iteratorItems(st2, it, iterator, inner);
  } else if (typed !== undefined) {
    kind = typed;
    keys = propertyKeys(st, v, true);
    open = prefix(ctor, tag, typed, "(" + typedLength(v) + ")") + "[";
    close = "]";
    if (typedLength(v) === 0 && keys.length === 0) return open + "]";
    list = true;
    fill = typedItems;
  } else {
    keys = propertyKeys(st, v, false);
    let box, promise;
    if (ctor === "Object" && classOf(v) === "[object Arguments]") {
      open = "[Arguments] {";
    } else if (typeof v === "function") {
      kind = "Function";
      label = functionLabel(v, ctor, tag);
      if (keys.length === 0) return label;
    } else if (brand(reSource, v) && v !== RegExpProto) {
      label = "/" + reSource(v) + "/" + reFlags(v);
      const p = prefix(ctor, tag, "RegExp");
      if (p !== "RegExp ") label = p + label;
      if (keys.length === 0) return label;
    } else if (brand(dateTime, v)) {
      label = dateTime(v) === dateTime(v) ? dateIso(v) : "Invalid Date";
      const p = prefix(ctor, tag, "Date");
      if (p !== "Date ") label = p + label;
      if (keys.length === 0) return label;
    } else if (inherits(ErrorProto, v)) {
      keys = errorKeys(st, v, keys);
      label = errorLabel(st, v, ctor, tag);
      if (keys.length === 0) return label;
    } else if (brand(bufferLength, v)) {
      open = prefix(ctor, tag, "ArrayBuffer") + "{";
      fill = bufferItems;
    } else if (brand(viewLength, v)) {
      open = prefix(ctor, tag, "DataView") + "{";
      fill = viewItems;
    } else if (inherits(PromiseProto, v) && (promise = promiseState(v))[0] !== -2) {
      open = prefix(ctor, tag, "Promise") + "{";
      fill = (st2, p, inner) => promiseItems(st2, promise, inner);
    } else if (brand((x) => weakMapHas(x, {}), v) || brand((x) => weakSetHas(x, {}), v)) {
      open = prefix(ctor, tag, tag || "Object") + "{";
      fill = () => ["<items unknown>"];
    } else if ((box = boxed(v)) !== undefined) {
      const type = box[0];
      if (type === "String") {
        const kept = [];
        for (let i = 0; i < keys.length; i++) {
          if (typeof keys[i] !== "string" || !isIndex(keys[i])) push(kept, keys[i]);
        }
        keys = kept;
      }
      label = "[" + type + (ctor !== type ? " (" + (ctor === null ? "null prototype" : ctor) + ")" : "") +
        ": " + primitive(newState(), box[1]) + "]";
      if (tag !== "" && tag !== ctor) label += " [" + tag + "]";
      if (keys.length === 0) return label;
    } else if (ctor === null && tag === "Module") {
      open = "[Module: null prototype] {";
    } else {
      open = ctor === "Object" && tag === "" ? "{" : namePrefix(ctor, tag, kind, rawTag) + "{";
      if (keys.length === 0) return open + "}";
    }
  }
  if (level > st.depth) {
    const name = cut(namePrefix(ctor, tag, kind, rawTag), 0, -1);
    return ctor === null ? name : "[" + name + "]";
  }
  level++;
  push(st.seen, v);
  st.lastLevel = level;
  const entries = fill ? fill(st, v, level) : [];
  for (let i = 0; i < keys.length; i++) push(entries, property(st, v, keys[i], level, false));
  st.seen.length--;
  const ref = mapGet(st.refs, v);
  if (ref !== undefined) label = label === "" ? "<ref *" + ref + ">" : "<ref *" + ref + "> " + label;
  return combine(st, entries, label, open, close, list, level, v);
}

function property(st, obj, key, level, bare) {
  const d = descriptor(obj, key) || { value: obj[key], enumerable: true };
  let shown;
  if (hasOwn(d, "value")) {
    st.indent += 2;
    shown = show(st, d.value, level);
    st.indent -= 2;
  } else if (d.get !== undefined) shown = d.set !== undefined ? "[Getter/Setter]" : "[Getter]";
  else shown = d.set !== undefined ? "[Setter]" : "undefined";
  if (bare) return shown;
  let name;
  if (typeof key === "symbol") name = "[" + escapeBody(symbolText(key), 39) + "]";
  else if (key === "__proto__") name = "['__proto__']";
  else if (d.enumerable === false) name = "[" + key + "]";
  else name = isIdentifier(key) ? key : quoted(key);
  return name + ": " + shown;
}

function moreItems(entries, left) {
  if (left > 0) push(entries, "... " + plural(left, "more item"));
  return entries;
}

function arrayItems(st, a, level) {
  const entries = [], length = a.length;
  let i = 0, names, prefix, large;
  while (i < length && entries.length < st.maxArrayLength) {
    if (hasOwn(a, i)) { push(entries, property(st, a, i, level, true)); i++; continue; }
    // A hole: jump to the next own index.  The own names are listed once; the next
    // index is found by bisection in their sorted integer prefix (indexPrefix), then
    // among the few index keys past it.
    if (names === undefined) {
      names = st.namesOf === a ? st.names : ownNames(a);
      prefix = indexPrefix(names);
      large = [];
      for (let k = prefix; k < names.length; k++) {
        if (isIndex(names[k])) push(large, toNumber(names[k]));
      }
    }
    let low = 0, high = prefix;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (toNumber(names[middle]) > i) high = middle;
      else low = middle + 1;
    }
    let next = low < prefix ? toNumber(names[low]) : length;
    for (let k = 0; k < large.length; k++) if (large[k] > i && large[k] < next) next = large[k];
    push(entries, "<" + plural(next - i, "empty item") + ">");
    i = next;
  }
  return moreItems(entries, length - i);
}

function promiseItems(st, promise, level) {
  if (promise[0] === 0) return ["<pending>"];
  if (promise[0] < 0) return ["<state unknown>"];
  st.indent += 2;
  const shown = show(st, promise[1], level);
  st.indent -= 2;
  return [promise[0] === 2 ? "<rejected> " + shown : shown];
}

function typedItems(st, a) {
  const entries = [], length = typedLength(a), shown = min(length, st.maxArrayLength);
  for (let i = 0; i < shown; i++) {
    const x = a[i];
    push(entries, typeof x === "bigint" ? text(x) + "n" : numberText(x));
  }
  return moreItems(entries, length - shown);
}

function setItems(st, s, level) {
  const entries = [], it = setValues(s);
  st.indent += 2;
  for (let step = setNext(it); !step.done; step = setNext(it)) {
    if (entries.length >= st.maxArrayLength) break;
    push(entries, show(st, step.value, level));
  }
  st.indent -= 2;
  return moreItems(entries, setSize(s) - entries.length);
}

function mapItems(st, m, level) {
  const entries = [], it = mapEntries(m);
  st.indent += 2;
  for (let step = mapNext(it); !step.done; step = mapNext(it)) {
    if (entries.length >= st.maxArrayLength) break;
    push(entries, show(st, step.value[0], level) + " => " + show(st, step.value[1], level));
  }
  st.indent -= 2;
  return moreItems(entries, mapSize(m) - entries.length);
}

// The items a Map or Set iterator has left; entries as [ key, value ] pairs.
function iteratorItems(st, it, kind, level) {
  const entries = [], rest = iteratorRest(it, kind), items = [];
  for (let i = rest.at; i < rest.keys.length; i++) {
    const key = rest.keys[i];
    if (rest.map ? mapHas(rest.of, key) : setHas(rest.of, key)) push(items, itemOf(rest, key));
  }
  const end = min(items.length, st.maxArrayLength);
  st.indent += 2;
  for (let i = 0; i < end; i++) {
    if (kind[1] !== "entries") { push(entries, show(st, items[i], level)); continue; }
    const pair = [show(st, items[i][0], level), show(st, items[i][1], level)];
    push(entries, combine(st, pair, "", "[", "]", true, level, pair));
  }
  st.indent -= 2;
  return moreItems(entries, items.length - end);
}

function bufferItems(st, b) {
  const bytes = new Bytes(b), shown = min(bytes.length, st.maxArrayLength);
  let shownBytes = "";
  for (let i = 0; i < shown; i++) {
    shownBytes += (i ? " " : "") + hex[bytes[i] >> 4] + hex[bytes[i] & 15];
  }
  if (bytes.length > shown) shownBytes += " ... " + plural(bytes.length - shown, "more byte");
  return ["[Uint8Contents]: <" + shownBytes + ">", "byteLength: " + bytes.length];
}

function viewItems(st, v, level) {
  st.indent += 2;
  const buffer = show(st, viewBuffer(v), level);
  st.indent -= 2;
  return ["byteLength: " + viewLength(v), "byteOffset: " + viewOffset(v), "buffer: " + buffer];
}

// One line when it fits in the width and no nested value three levels down was the
// last one shown; otherwise one entry a line, or, for lists of more than six
// items, in columns.
function combine(st, entries, label, open, close, list, level, value) {
  const head = label === "" ? open : label + " " + open;
  if (st.sorted && !list) entries = sortTexts(entries);
  let rows = entries;
  if (list && entries.length > 6 && st.compact) rows = inColumns(st, entries, value);
  if (st.compact && rows === entries && st.lastLevel - level < 3 && !includes(label, "\n")) {
    let width = 2 * entries.length + st.indent + open.length + label.length + 10;
    let fits = true;
    for (let i = 0; i < entries.length && fits; i++) {
      width += entries[i].length;
      fits = width <= st.breakLength;
    }
    if (fits) {
      const line = join(entries, ", ");
      if (!includes(line, "\n")) return head + " " + line + " " + close;
    }
  }
  const nl = "\n" + spaces(st.indent);
  return head + nl + "  " + join(rows, "," + nl + "  ") + nl + close;
}

function sortTexts(list) {  // (by code units, as Array.prototype.sort does)
  const sorted = [];
  for (let i = 0; i < list.length; i++) {
    let k = sorted.length;
    while (k > 0 && sorted[k - 1] > list[i]) { sorted[k] = sorted[k - 1]; k--; }
    sorted[k] = list[i];
  }
  return sorted;
}
function pad(s, width, atStart) {
  const fill = spaces(width - s.length);
  return atStart ? fill + s : s + fill;
}

// Lay short list items out in rows of aligned columns, about as wide as tall (a
// character taken as 2.5 times as tall as wide); numbers align right.
function inColumns(st, entries, value) {
  const count = entries.length > st.maxArrayLength ? entries.length - 1 : entries.length;
  const widths = [];
  let total = 0, widest = 0;
  for (let i = 0; i < count; i++) {
    widths[i] = widthOf(entries[i]);
    total += widths[i] + 2;
    if (widths[i] > widest) widest = widths[i];
  }
  const cell = widest + 2;
  if (cell * 3 + st.indent >= st.breakLength || !(total / cell > 5 || widest <= 6)) {
    return entries;
  }
  const bias = sqrt(cell - total / entries.length), scaled = max(cell - 3 - bias, 1);
  const columns = min(round(sqrt(2.5 * scaled * count) / scaled),
                      floor((st.breakLength - st.indent) / cell), 12, 15);
  if (columns <= 1) return entries;
  const columnWidth = [];
  for (let c = 0; c < columns; c++) {
    let w = 0;
    for (let i = c; i < count; i += columns) if (widths[i] > w) w = widths[i];
    columnWidth[c] = w + 2;
  }
  let numeric = true;
  for (let i = 0; i < entries.length && numeric; i++) {
    const d = descriptor(value, i), t = d && hasOwn(d, "value") ? typeof d.value : "";
    numeric = t === "number" || t === "bigint";
  }
  const rows = [];
  for (let start = 0; start < count; start += columns) {
    const end = min(start + columns, count);
    let row = "";
    for (let i = start; i < end; i++) {
      const extra = entries[i].length - widths[i], w = columnWidth[i - start] + extra;
      if (i < end - 1) row += pad(entries[i] + ", ", w, numeric);
      else row += numeric ? pad(entries[i], w - 2, true) : entries[i];
    }
    push(rows, row);
  }
  if (count < entries.length) push(rows, entries[count]);
  return rows;
}

function inspect(value, options) {
  if (arguments.length > 2 || typeof options === "boolean") {
    // Node's older form: inspect(value, showHidden, depth)
    const legacy = { showHidden: options === true };
    if (arguments.length > 2 && arguments[2] !== undefined) legacy.depth = arguments[2];
    if (options !== null && typeof options === "object") assign(legacy, options);
    options = legacy;
  }
  return flat(show(newState(options), value, 0));
}

// -- util.format ------------------------------------------------------------------
function customToString(v) {
  if (typeof v.toString !== "function") return false;
  if (hasOwn(v, "toString")) return true;
  let o = v;
  do { o = protoOf(o); } while (o !== null && !hasOwn(o, "toString"));
  if (o === null) return false;
  const d = descriptor(o, "constructor");
  return !(d !== undefined && typeof d.value === "function" && builtIn(BUILT_IN, d.value.name));
}

function directive(c, arg) {
  switch (c) {
    case "s":
      if (typeof arg === "number") return numberText(arg);
      if (typeof arg === "bigint") return text(arg) + "n";
      if (typeof arg !== "object" || arg === null || customToString(arg)) return text(arg);
      return inspect(arg, { depth: 0 });
    case "d":
      if (typeof arg === "bigint") return text(arg) + "n";
      return typeof arg === "symbol" ? "NaN" : numberText(toNumber(arg));
    case "i":
      if (typeof arg === "bigint") return text(arg) + "n";
      return typeof arg === "symbol" ? "NaN" : numberText(toInt(arg));
    case "f": return typeof arg === "symbol" ? "NaN" : numberText(toFloat(arg));
    case "j":
      try { return text(jsonText(arg)); } catch (e) {
        if (e !== null && typeof e === "object" && includes(text(e.message), "ircular")) {
          return "[Circular]";
        }
        throw e;
      }
    case "o": return inspect(arg, { showHidden: true, depth: 4 });
    case "O": return inspect(arg);
    case "c": return "";
  }
  return undefined;
}

function formatList(args) {
  let out = "", next = 0;
  const first = args[0];
  if (typeof first === "string" && args.length > 1) {
    next = 1;
    let from = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (codeAt(first, i) !== 37) continue;
      const c = first[i + 1];
      if (c === "%") {
        out += cut(first, from, i + 1);
        from = i + 2;
        i++;
      } else if (next < args.length) {
        const piece = directive(c, args[next]);
        if (piece === undefined) continue;
        out += cut(first, from, i) + piece;
        from = i + 2;
        next++;
        i++;
      }
    }
    out += cut(first, from);
    if (next < args.length) out += " ";
  }
  for (let i = next; i < args.length; i++) {
    const a = args[i], t = typeof a;  // a number as inspect shows it, without its state
    out += (i > next ? " " : "") + (t === "string" ? a : t === "number" ? numberText(a) : inspect(a));
  }
  return out;
}

function format(...args) { return flat(formatList(args)); }

// -- console ------------------------------------------------------------------------
let groupIndent = "";
const counts = new Map(), timers = new Map();

function emit(stream, line) {
  if (groupIndent !== "") line = groupIndent + replaceAll(line, "\n", "\n" + groupIndent);
  write(stream, line + "\n");  // write flattens what it hands on
}
function warning(message) { emit("stderr", "Warning: " + message); }

function elapsed(ms) {
  if (ms >= 60000) {
    const hours = floor(ms / 3600000), minutes = floor((ms % 3600000) / 60000);
    const secs = toFixed((ms % 60000) / 1000, 3), dot = find(secs, ".");
    const two = (n) => (n < 10 ? "0" : "") + n;
    const whole = two(toNumber(cut(secs, 0, dot))) + cut(secs, dot);
    return hours ? hours + ":" + two(minutes) + ":" + whole + " (h:mm:ss.mmm)"
      : minutes + ":" + whole + " (m:ss.mmm)";
  }
  if (ms >= 1000) return toFixed(ms / 1000, 3) + "s";
  return text(toNumber(toFixed(ms, 3))) + "ms";
}

function timerText(label, method) {
  label = label === undefined ? "default" : text(label);
  const start = mapGet(timers, label);
  if (start === undefined) {
    warning("No such label '" + label + "' for console." + method + "()");
    return undefined;
  }
  return label + ": " + elapsed(now() - start);
}

function tableCell(v) {
  const deep = v !== null && typeof v === "object" && !isArray(v) && ownKeys(v).length > 2;
  return inspect(v, { depth: deep ? -1 : 0, maxArrayLength: 3, breakLength: Infinity });
}

function renderTable(head, columns) {
  let rows = 0;
  const widths = [];
  for (let c = 0; c < head.length; c++) {
    widths[c] = widthOf(head[c]) + 2;
    if (columns[c].length > rows) rows = columns[c].length;
    for (let r = 0; r < columns[c].length; r++) {
      const cell = columns[c][r];
      if (cell !== undefined && widthOf(cell) + 2 > widths[c]) widths[c] = widthOf(cell) + 2;
    }
  }
  const line = (l, m, r) => {
    const parts = [];
    for (let c = 0; c < widths.length; c++) push(parts, repeat("─", widths[c]));
    return l + join(parts, m) + r;
  };
  const row = (cells) => {
    const parts = [];
    for (let c = 0; c < widths.length; c++) {
      const cell = cells[c] === undefined ? "" : cells[c];
      push(parts, " " + cell + spaces(widths[c] - widthOf(cell) - 1));
    }
    return "│" + join(parts, "│") + "│";
  };
  const out = [line("┌", "┬", "┐"), row(head), line("├", "┼", "┤")];
  for (let r = 0; r < rows; r++) {
    const cells = [];
    for (let c = 0; c < columns.length; c++) push(cells, columns[c][r]);
    push(out, row(cells));
  }
  push(out, line("└", "┴", "┘"));
  return join(out, "\n");
}

function table(data, properties) {
  if (data === null || typeof data !== "object") return emit("stdout", formatList([data]));
  const index = [], values = [];
  if (brand(mapSize, data) || brand(setSize, data)) {
    const isMap = brand(mapSize, data), keys = [];
    const it = isMap ? mapEntries(data) : setValues(data), next = isMap ? mapNext : setNext;
    for (let step = next(it); !step.done; step = next(it)) {
      push(index, tableCell(index.length));
      if (isMap) push(keys, tableCell(step.value[0]));
      push(values, tableCell(isMap ? step.value[1] : step.value));
    }
    return emit("stdout", isMap ? renderTable(["(iteration index)", "Key", "Values"], [index, keys, values])
      : renderTable(["(iteration index)", "Values"], [index, values]));
  }
  const names = [], columns = new MapCtor(), rowKeys = ownKeys(data);
  let primitives = false;
  for (let i = 0; i < rowKeys.length; i++) {
    push(index, rowKeys[i]);
    const item = data[rowKeys[i]];
    const plain = item === null || (typeof item !== "object" && typeof item !== "function");
    if (properties === undefined && plain) { primitives = true; values[i] = tableCell(item); continue; }
    const keys = properties || ownKeys(item);
    for (let k = 0; k < keys.length; k++) {
      const key = text(keys[k]);
      if (!mapHas(columns, key)) { push(names, key); mapSet(columns, key, []); }
      mapGet(columns, key)[i] = plain || !hasOwn(item, key) ? "" : tableCell(item[key]);
    }
  }
  const head = ["(index)"], cols = [index];
  for (let k = 0; k < names.length; k++) { push(head, names[k]); push(cols, mapGet(columns, names[k])); }
  if (primitives) { push(head, "Values"); push(cols, values); }
  return emit("stdout", renderTable(head, cols));
}

// Named as Node names them: console.log prints as [Function: log].
function printer(stream, name) {
  const f = function (...args) { emit(stream, formatList(args)); };
  defineProperty(f, "name", { value: name });
  return f;
}

const console = {
  log: printer("stdout", "log"), info: printer("stdout", "info"),
  debug: printer("stdout", "debug"), warn: printer("stderr", "warn"),
  error: printer("stderr", "error"), dirxml: printer("stdout", "dirxml"),
  dir(value, options) {
    const o = { customInspect: false };
    if (options !== null && typeof options === "object") {
      const names = ["depth", "showHidden", "maxArrayLength", "maxStringLength", "breakLength"];
      for (let i = 0; i < names.length; i++) {
        const k = names[i];
        if (options[k] !== undefined) o[k] = options[k];
      }
    }
    emit("stdout", inspect(value, o));
  },
  trace(...args) {
    const message = formatList(args);
    const frames = mapStack(rawStack(new MakeError()));
    emit("stderr", (message === "" ? "Trace" : "Trace: " + message) + (frames ? "\n" + frames : ""));
  },
  assert(ok, ...args) {
    if (ok) return;
    args[0] = "Assertion failed" + (args.length === 0 ? "" : ": " + text(args[0]));
    emit("stderr", formatList(args));
  },
  table,
  group(...labels) {
    if (labels.length) emit("stdout", formatList(labels));
    groupIndent += "  ";
  },
  groupEnd() { groupIndent = cut(groupIndent, 0, max(0, groupIndent.length - 2)); },
  count(label) {
    label = label === undefined ? "default" : text(label);
    const n = (mapGet(counts, label) || 0) + 1;
    mapSet(counts, label, n);
    emit("stdout", label + ": " + n);
  },
  countReset(label) {
    label = label === undefined ? "default" : text(label);
    if (mapHas(counts, label)) mapSet(counts, label, 0);
    else warning("Count for '" + label + "' does not exist");
  },
  time(label) {
    label = label === undefined ? "default" : text(label);
    if (mapHas(timers, label)) warning("Label '" + label + "' already exists for console.time()");
    else mapSet(timers, label, now());
  },
  timeEnd(label) {
    const shown = timerText(label, "timeEnd");
    if (shown === undefined) return;
    mapDelete(timers, label === undefined ? "default" : text(label));
    emit("stdout", shown);
  },
  timeLog(label, ...data) {
    const shown = timerText(label, "timeLog");
    if (shown !== undefined) emit("stdout", formatList(concat([shown], data)));
  },
  clear() {},
};
console.groupCollapsed = {
  groupCollapsed(...labels) { applyFn(console.group, console, labels); },
}.groupCollapsed;
return { console: console, inspect: inspect, format: format, proxies: PROXIES };
})

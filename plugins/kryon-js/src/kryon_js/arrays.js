// Array methods over huge lengths, interruptible.
//
// QuickJS runs some Array.prototype methods as C loops over every index up to
// `length` without polling its interrupt handler: on a sparse array of length
// 2**32 - 1 (`x.length = 2**32 - 1`, `new Array(1e9)`) join, toLocaleString,
// reverse, sort, slice, splice, concat, copyWithin, flat, flatMap, shift and unshift
// ran for minutes, past every time limit, until
// kryon run's watchdog ended them after seconds.  On a genuine array longer than
// HUGE (no dense array that long fits in any memory limit) these methods run the
// specification's steps written here instead, as JavaScript loops the time limit
// interrupts; shorter arrays, array-likes and proxies go to QuickJS's own method.
// The length of a genuine array is a data property, so reading it first is
// unobservable; a proxy's is not (its get trap would see one more read), so the
// prelude remembers every proxy made (console.js wraps Proxy: proxies) and
// proxies always go to the native method.
(function (proxies, timSort) {
"use strict";
const uncurry = Function.prototype.bind.bind(Function.prototype.call);
const isArray = Array.isArray, protoOf = Object.getPrototypeOf, define = Object.defineProperty;
const applyFn = uncurry(Function.prototype.apply), ArrayProto = Array.prototype;
const SPREAD = Symbol.isConcatSpreadable;
const TypeErrorCtor = TypeError, text = String;
const trunc = Math.trunc, max = Math.max, min = Math.min;
const HUGE = 1 << 24, MAX_LENGTH = 2 ** 53 - 1;

function relative(value, length, fallback) {
  const n = value === undefined ? fallback : trunc(+value) || 0;
  return n < 0 ? max(length + n, 0) : min(n, length);
}
function put(a, i, value) {
  define(a, i, { value: value, writable: true, enumerable: true, configurable: true });
}

const steps = {
  join(a, separator) {
    const length = a.length, sep = separator === undefined ? "," : text(separator);
    let r = "";
    for (let i = 0; i < length; i++) {
      const item = a[i];
      r += (i ? sep : "") + (item === undefined || item === null ? "" : text(item));
    }
    return r;
  },
  reverse(a) {
    const length = a.length, middle = Math.floor(length / 2);
    for (let lower = 0; lower < middle; lower++) {
      const upper = length - lower - 1, hasLower = lower in a, hasUpper = upper in a;
      const lowerValue = hasLower ? a[lower] : undefined, upperValue = hasUpper ? a[upper] : undefined;
      if (hasUpper) a[lower] = upperValue;
      else if (hasLower) delete a[lower];
      if (hasLower) a[upper] = lowerValue;
      else if (hasUpper) delete a[upper];
    }
    return a;
  },
  sort(a, compare) {
    if (compare !== undefined && typeof compare !== "function") {
      throw new TypeErrorCtor("The comparison function must be either a function or undefined");
    }
    const length = a.length, items = [];
    for (let i = 0; i < length; i++) if (i in a) items[items.length] = a[i];
    NATIVE.sort(items, compare);
    for (let i = 0; i < items.length; i++) a[i] = items[i];
    for (let i = items.length; i < length; i++) if (i in a) delete a[i];
    return a;
  },
  slice(a, start, end) {
    const length = a.length, from = relative(start, length, 0), to = relative(end, length, length);
    const out = [];
    let n = 0;
    for (let k = from; k < to; k++, n++) if (k in a) put(out, n, a[k]);
    out.length = max(to - from, 0);
    return out;
  },
  splice(a, ...args) {  // args: as the caller gave them (how many matters)
    const length = a.length, start = relative(args[0], length, 0);
    const count = args.length === 0 ? 0 : args.length === 1 ? length - start
      : min(max(trunc(+args[1]) || 0, 0), length - start);
    const items = args.length > 2 ? args.length - 2 : 0;
    if (length + items - count > MAX_LENGTH) throw new TypeErrorCtor("Invalid array length");
    const removed = [];
    for (let k = 0; k < count; k++) if (start + k in a) put(removed, k, a[start + k]);
    removed.length = count;
    if (items < count) {
      for (let k = start; k < length - count; k++) {
        if (k + count in a) a[k + items] = a[k + count];
        else delete a[k + items];
      }
      for (let k = length; k > length - count + items; k--) delete a[k - 1];
    } else if (items > count) {
      for (let k = length - count; k > start; k--) {
        if (k + count - 1 in a) a[k + items - 1] = a[k + count - 1];
        else delete a[k + items - 1];
      }
    }
    for (let k = 0; k < items; k++) a[start + k] = args[k + 2];
    a.length = length - count + items;
    return removed;
  },
  concat(a, ...args) {
    const out = [], parts = [a];
    for (let i = 0; i < args.length; i++) parts[parts.length] = args[i];
    let n = 0;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p];
      const flag = part !== null && typeof part === "object" ? part[SPREAD] : undefined;
      if (flag !== undefined ? !!flag : isArray(part)) {
        const length = part.length;
        if (n + length > MAX_LENGTH) throw new TypeErrorCtor("Invalid array length");
        for (let k = 0; k < length; k++, n++) if (k in part) put(out, n, part[k]);
      } else {
        put(out, n++, part);
      }
    }
    out.length = n;
    return out;
  },
  copyWithin(a, target, start, end) {
    const length = a.length, to = relative(target, length, 0), from = relative(start, length, 0);
    const final = relative(end, length, length);
    let count = min(final - from, length - to);
    if (count <= 0) return a;
    const backwards = from < to && to < from + count;
    let source = backwards ? from + count - 1 : from, dest = backwards ? to + count - 1 : to;
    const step = backwards ? -1 : 1;
    for (; count > 0; count--, source += step, dest += step) {
      if (source in a) a[dest] = a[source];
      else delete a[dest];
    }
    return a;
  },
  toLocaleString(a, locales, options) {
    const length = a.length;
    let r = "";
    for (let i = 0; i < length; i++) {
      const item = a[i];
      r += (i ? "," : "") + (item === undefined || item === null ? ""
        : text(item.toLocaleString(locales, options)));
    }
    return r;
  },
  shift(a) {
    const length = a.length;
    if (length === 0) { a.length = 0; return undefined; }
    const first = a[0];
    for (let k = 1; k < length; k++) {
      if (k in a) a[k - 1] = a[k];
      else delete a[k - 1];
    }
    delete a[length - 1];
    a.length = length - 1;
    return first;
  },
  unshift(a, ...items) {
    const length = a.length, count = items.length;
    if (count > 0) {
      if (length + count > MAX_LENGTH) throw new TypeErrorCtor("Invalid array length");
      for (let k = length; k > 0; k--) {
        if (k - 1 in a) a[k + count - 1] = a[k - 1];
        else delete a[k + count - 1];
      }
      for (let j = 0; j < count; j++) a[j] = items[j];
    }
    a.length = length + count;
    return length + count;
  },
  flatMap(a, mapper, thisArg) {
    if (typeof mapper !== "function") {
      throw new TypeErrorCtor("flatMap mapper function is not callable");
    }
    const length = a.length, out = [];
    let n = 0;
    for (let k = 0; k < length; k++) {
      if (!(k in a)) continue;
      const item = applyFn(mapper, thisArg, [a[k], k, a]);
      if (!isArray(item)) { put(out, n++, item); continue; }
      const inner = item.length;
      for (let j = 0; j < inner; j++) if (j in item) put(out, n++, item[j]);
    }
    return out;
  },
  flat(a, depth) {
    const out = [], d = depth === undefined ? 1 : trunc(+depth) || 0;
    let n = 0;
    const into = (source, level) => {
      const length = source.length;
      for (let k = 0; k < length; k++) {
        if (!(k in source)) continue;
        const item = source[k];
        if (level > 0 && isArray(item)) into(item, level - 1);
        else put(out, n++, item);
      }
    };
    into(a, d);
    return out;
  },
};

// sort/toSorted of a genuine array with a comparison function (sort.js): V8 sorts the
// values but undefined (holes skipped by sort, read as undefined by toSorted) and
// writes them back to `out`, then the undefineds, then deletes up to the length.
// Up to V8_ORDER_MAX items: the sort written in JavaScript costs about 0.3 us a
// comparison more than QuickJS's (1e5 numbers: 390 ms, QuickJS's 55 ms), and a longer
// array sorted by an inconsistent or printing comparison function is rare.
const V8_ORDER_MAX = 2048;
function sortsInV8Order(a, compare) {
  return typeof compare === "function" && isArray(a) && !proxies.has(a) &&
    a.length <= V8_ORDER_MAX;
}
function sortedInV8Order(a, compare, out) {
  const length = a.length, items = [], holes = out === a;
  let undefineds = 0;
  for (let i = 0; i < length; i++) {
    if (holes && !(i in a)) continue;
    const v = a[i];
    if (v === undefined) undefineds++;
    else items[items.length] = v;
  }
  timSort(items, compare);
  let i = 0;
  for (; i < items.length; i++) out[i] = items[i];
  for (let u = 0; u < undefineds; u++) out[i++] = undefined;
  for (; i < length; i++) if (i in out) delete out[i];
  return out;
}

// The common case costs one isArray and one WeakSet lookup per call; fixed arities
// where an absent argument means what undefined means.
const NATIVE = {};
function far(a) {
  return isArray(a) && !proxies.has(a) && a.length > HUGE && protoOf(a) === ArrayProto;
}
// (far is written out in each method: one JavaScript call less per call)
const wrappers = {
  join(separator) {
    if (isArray(this) && !proxies.has(this) && this.length > HUGE && far(this)) {
      return steps.join(this, separator);
    }
    return NATIVE.join(this, separator);
  },
  reverse() {
    if (isArray(this) && !proxies.has(this) && this.length > HUGE && far(this)) {
      return steps.reverse(this);
    }
    return NATIVE.reverse(this);
  },
  sort(compare) {
    if (isArray(this) && !proxies.has(this) && this.length > HUGE && far(this)) {
      return steps.sort(this, compare);
    }
    if (sortsInV8Order(this, compare)) return sortedInV8Order(this, compare, this);
    return NATIVE.sort(this, compare);
  },
  toSorted(compare) {
    if (sortsInV8Order(this, compare)) return sortedInV8Order(this, compare, []);
    return NATIVE.toSorted(this, compare);
  },
  slice(start, end) {
    if (isArray(this) && !proxies.has(this) && this.length > HUGE && far(this)) {
      return steps.slice(this, start, end);
    }
    return NATIVE.slice(this, start, end);
  },
  // The common arities call QuickJS's method directly: a rest list and apply made
  // concat 4 times slower.  (How many arguments splice gets matters.)
  splice(start, count, item) {
    const args = arguments, n = args.length;
    if (!far(this)) {
      if (n === 2) return NATIVE.splice(this, start, count);
      if (n === 3) return NATIVE.splice(this, start, count, item);
      if (n === 1) return NATIVE.splice(this, start);
      return applyFn(NATIVE_SPLICE, this, args);
    }
    const list = [this];
    for (let i = 0; i < n; i++) list[i + 1] = args[i];
    return applyFn(steps.splice, undefined, list);
  },
  concat(item) {
    const args = arguments, n = args.length;
    let huge = far(this);
    for (let i = 0; i < n && !huge; i++) huge = far(args[i]);
    if (!huge) {
      if (n === 1) return NATIVE.concat(this, item);
      return applyFn(NATIVE_CONCAT, this, args);
    }
    const list = [this];
    for (let i = 0; i < n; i++) list[i + 1] = args[i];
    return applyFn(steps.concat, undefined, list);
  },
  copyWithin(target, start, end) {
    return far(this) ? steps.copyWithin(this, target, start, end)
      : NATIVE.copyWithin(this, target, start, end);
  },
  flat(depth) { return far(this) ? steps.flat(this, depth) : NATIVE.flat(this, depth); },
  flatMap(mapper, thisArg) {
    return far(this) ? steps.flatMap(this, mapper, thisArg) : NATIVE.flatMap(this, mapper, thisArg);
  },
  toLocaleString(locales, options) {
    return far(this) ? steps.toLocaleString(this, locales, options)
      : NATIVE.toLocaleString(this, locales, options);
  },
  shift() { return far(this) ? steps.shift(this) : NATIVE.shift(this); },
  unshift(item) {
    const args = arguments, n = args.length;
    if (!far(this)) return n === 1 ? NATIVE.unshift(this, item) : applyFn(NATIVE_UNSHIFT, this, args);
    const list = [this];
    for (let i = 0; i < n; i++) list[i + 1] = args[i];
    return applyFn(steps.unshift, undefined, list);
  },
};
const NATIVE_SPLICE = ArrayProto.splice, NATIVE_CONCAT = ArrayProto.concat;
const NATIVE_UNSHIFT = ArrayProto.unshift;
const names = ["join", "reverse", "sort", "slice", "splice", "concat", "copyWithin", "flat",
  "flatMap", "toLocaleString", "shift", "unshift", "toSorted"];
for (let i = 0; i < names.length; i++) {
  const name = names[i], native = ArrayProto[name];
  NATIVE[name] = uncurry(native);
  define(wrappers[name], "length", { value: native.length });
  define(ArrayProto, name, { value: wrappers[name], writable: true, configurable: true });
}
})

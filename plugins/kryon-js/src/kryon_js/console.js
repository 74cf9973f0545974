// console as Node prints it: a port of Node's util.inspect, util.format and console
// methods (lib/internal/util/inspect.js, console/constructor.js and cli_table.js of
// Node 20; MIT licence, Copyright Node.js contributors).
//
// Programs are judged against what `node` prints, so the port keeps Node's rules
// whole: quoting and escaping of strings, the 80-column break, arrays of more than six
// items grouped in columns, depth 2, at most 100 items, circular references
// (<ref *1>), class and null-prototype prefixes, Map(2) {...}, getters shown as
// [Getter] (never run), errors with their stack and own properties, the %s %d %i %f
// %j %o %O %c directives, and console.table/group/count/assert/time/dir.
//
// Where QuickJS cannot tell what V8 can, the output says so instead of guessing: a
// promise's state cannot be read synchronously (Promise { <state unknown> }), proxies
// are formatted through their traps, and an error's stack lists QuickJS's frames,
// mapped by the host to script names and lines (QuickJS's `stack` holds the frames
// only, so the "Name: message" line is put first, as in V8).
//
// The engine's prelude evaluates this factory when the VM starts, so it runs inside
// the VM under the calling script's limits and uses the built-ins as they were then:
// a script replacing Array.prototype.push does not change what other scripts print.
// It takes write(stream, text), mapStack(quickjsStack) and now(), and returns
// { console, inspect, format }.
(function (write, mapStack, now) {
"use strict";
const uncurry = Function.prototype.bind.bind(Function.prototype.call);
const isArray = Array.isArray, keysOf = Object.keys, namesOf = Object.getOwnPropertyNames;
const symbolsOf = Object.getOwnPropertySymbols, describeOwn = Object.getOwnPropertyDescriptor;
const protoOf = Object.getPrototypeOf, objectIs = Object.is, stringify = JSON.stringify;
const toStr = String, toNumber = Number, parseIntFn = parseInt, parseFloatFn = parseFloat;
const mathMin = Math.min, mathMax = Math.max, mathSqrt = Math.sqrt, mathRound = Math.round;
const mathFloor = Math.floor, mathCeil = Math.ceil, isNaNFn = Number.isNaN;
const ErrorCtor = Error, PromiseCtor = Promise, MapCtor = Map, SetCtor = Set;
const hasOwn = uncurry(Object.prototype.hasOwnProperty);
const isEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
const objectTag = uncurry(Object.prototype.toString);
const fnToString = uncurry(Function.prototype.toString);
const push = uncurry(Array.prototype.push), join = uncurry(Array.prototype.join);
const indexOf = uncurry(Array.prototype.indexOf), splice = uncurry(Array.prototype.splice);
const includesItem = uncurry(Array.prototype.includes), arrayPop = uncurry(Array.prototype.pop);
const filter = uncurry(Array.prototype.filter), unshift = uncurry(Array.prototype.unshift);
const charCodeAt = uncurry(String.prototype.charCodeAt), codePointAt = uncurry(String.prototype.codePointAt);
const slice = uncurry(String.prototype.slice), strIndex = uncurry(String.prototype.indexOf);
const includes = uncurry(String.prototype.includes), startsWith = uncurry(String.prototype.startsWith);
const endsWith = uncurry(String.prototype.endsWith), repeat = uncurry(String.prototype.repeat);
const padStart = uncurry(String.prototype.padStart), padEnd = uncurry(String.prototype.padEnd);
const split = uncurry(String.prototype.split), replace = uncurry(String.prototype.replace);
const normalize = uncurry(String.prototype.normalize), trim = uncurry(String.prototype.trim);
const toLower = uncurry(String.prototype.toLowerCase);
const regexExec = uncurry(RegExp.prototype.exec), regexToString = uncurry(RegExp.prototype.toString);
const symbolToString = uncurry(Symbol.prototype.toString);
const dateTime = uncurry(Date.prototype.getTime), dateIso = uncurry(Date.prototype.toISOString);
const dateString = uncurry(Date.prototype.toString);
const errorToString = uncurry(Error.prototype.toString);
const getter = (proto, name) => uncurry(describeOwn(proto, name).get);
const setSize = getter(Set.prototype, "size"), mapSize = getter(Map.prototype, "size");
const setValues = uncurry(Set.prototype.values), mapEntries = uncurry(Map.prototype.entries);
const iterNext = uncurry(protoOf(new Set().values()).next);
const mapIterNext = uncurry(protoOf(new Map().entries()).next);
const mapGet = uncurry(Map.prototype.get), mapSet = uncurry(Map.prototype.set);
const mapHas = uncurry(Map.prototype.has), mapDelete = uncurry(Map.prototype.delete);
const TypedArray = protoOf(Uint8Array);
const typedTag = getter(TypedArray.prototype, Symbol.toStringTag);
const typedLength = getter(TypedArray.prototype, "length");
const bufferLength = getter(ArrayBuffer.prototype, "byteLength");
const sharedLength = typeof SharedArrayBuffer === "function"
  ? getter(SharedArrayBuffer.prototype, "byteLength") : null;
const viewLength = getter(DataView.prototype, "byteLength");
const regexSource = getter(RegExp.prototype, "source");
const weakMapHas = uncurry(WeakMap.prototype.has), weakSetHas = uncurry(WeakSet.prototype.has);
const boxes = [
  ["Number", uncurry(Number.prototype.valueOf)], ["String", uncurry(String.prototype.valueOf)],
  ["Boolean", uncurry(Boolean.prototype.valueOf)], ["BigInt", uncurry(BigInt.prototype.valueOf)],
  ["Symbol", uncurry(Symbol.prototype.valueOf)],
];
const SYMBOL_TAG = Symbol.toStringTag, SYMBOL_ITERATOR = Symbol.iterator;
const SYMBOL_PRIMITIVE = Symbol.toPrimitive;
const BUILTINS = new Set(filter(namesOf(globalThis), (e) => /^[A-Z][a-zA-Z0-9]+$/.test(e)));
const builtinHas = uncurry(Set.prototype.has);

// Brand checks: a method of the built-in that throws for any other object.
function brand(check, value) { try { check(value); return true; } catch (e) { return false; } }
const isSet = (v) => brand(setSize, v), isMap = (v) => brand(mapSize, v);
const isDate = (v) => brand(dateTime, v);
const isRegExp = (v) => brand(regexSource, v) && v !== RegExp.prototype;
const isTypedArray = (v) => typedTag(v) !== undefined;
const isArrayBuffer = (v) => brand(bufferLength, v);
const isSharedBuffer = (v) => sharedLength !== null && brand(sharedLength, v);
const isDataView = (v) => brand(viewLength, v);
const isWeakMap = (v) => brand((x) => weakMapHas(x, {}), v);
const isWeakSet = (v) => brand((x) => weakSetHas(x, {}), v);
const isError = (v) => objectTag(v) === "[object Error]" || v instanceof ErrorCtor;
function boxedType(v) {
  for (let i = 0; i < boxes.length; i++) if (brand(boxes[i][1], v)) return boxes[i];
  return null;
}

const kObjectType = 0, kArrayType = 1, kArrayExtrasType = 2;
const escapeTest = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const escapeAll = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const escapeTestSingle = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const escapeAllSingle = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const numberRegExp = /^(0|[1-9][0-9]*)$/;
const classRegExp = /^(\s+[^(]*?)\s*{/;
const stripCommentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;
const meta = [];
for (let i = 0; i < 0xa0; i++) {
  meta[i] = i < 0x20 || i >= 0x7f ? "\\x" + padStart(i.toString(16).toUpperCase(), 2, "0") : "";
}
meta[8] = "\\b"; meta[9] = "\\t"; meta[10] = "\\n"; meta[12] = "\\f"; meta[13] = "\\r";
meta[39] = "\\'"; meta[92] = "\\\\";

const DEFAULTS = {
  showHidden: false, depth: 2, customInspect: true, maxArrayLength: 100,
  maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false,
  numericSeparator: false,
};

function addQuotes(str, quotes) {
  if (quotes === -1) return '"' + str + '"';
  if (quotes === -2) return "`" + str + "`";
  return "'" + str + "'";
}

function escapeFn(str) {
  const code = charCodeAt(str, 0);
  return meta.length > code ? meta[code] : "\\u" + code.toString(16);
}

function strEscape(str) {
  let test = escapeTest, all = escapeAll, singleQuote = 39;
  if (includes(str, "'")) {
    if (!includes(str, '"')) singleQuote = -1;
    else if (!includes(str, "`") && !includes(str, "${")) singleQuote = -2;
    if (singleQuote !== 39) { test = escapeTestSingle; all = escapeAllSingle; }
  }
  if (str.length < 5000 && regexExec(test, str) === null) return addQuotes(str, singleQuote);
  if (str.length > 100) return addQuotes(replace(str, all, escapeFn), singleQuote);
  let result = "", last = 0;
  for (let i = 0; i < str.length; i++) {
    const point = charCodeAt(str, i);
    if (point === singleQuote || point === 92 || point < 32 || (point > 126 && point < 160)) {
      result += slice(str, last, i) + meta[point];
      last = i + 1;
    } else if (point >= 0xd800 && point <= 0xdfff) {
      if (point <= 0xdbff && i + 1 < str.length) {
        const next = charCodeAt(str, i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
      }
      result += slice(str, last, i) + "\\u" + point.toString(16);
      last = i + 1;
    }
  }
  if (last !== str.length) result += slice(str, last);
  return addQuotes(result, singleQuote);
}

function isFullWidth(code) {
  return code >= 0x1100 && (code <= 0x115f || code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) || (code >= 0x3250 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0xa4c6) || (code >= 0xa960 && code <= 0xa97c) ||
    (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) || (code >= 0xfe30 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1b000 && code <= 0x1b001) || (code >= 0x1f200 && code <= 0x1f251) ||
    (code >= 0x1f300 && code <= 0x1f64f) || (code >= 0x20000 && code <= 0x3fffd));
}
function isZeroWidth(code) {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200f) || (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0xe0100 && code <= 0xe01ef);
}
// The columns a string takes in a terminal (Node's getStringWidth without ICU).
function stringWidth(str) {
  let width = 0, ascii = true;
  for (let i = 0; i < str.length; i++) {
    const code = charCodeAt(str, i);
    if (code >= 127) { ascii = false; break; }
    width += code >= 32 ? 1 : 0;
  }
  if (ascii) return width;
  width = 0;
  str = normalize(str, "NFC");
  for (let i = 0; i < str.length; i++) {
    const code = codePointAt(str, i);
    if (code > 0xffff) i++;
    if (isFullWidth(code)) width += 2;
    else if (!isZeroWidth(code)) width++;
  }
  return width;
}

function formatNumber(n, separator) {
  if (objectIs(n, -0)) return "-0";
  const text = "" + n;
  if (!separator) return text;
  const integer = n < 0 ? mathCeil(n) : mathFloor(n);
  if (integer === n) {
    if (n !== n || n === Infinity || n === -Infinity || includes(text, "e")) return text;
    return addSeparator(text);
  }
  if (n !== n) return text;
  const dot = strIndex(text, ".");
  return addSeparator(slice(text, 0, dot)) + "." + addSeparatorEnd(slice(text, dot + 1));
}
function addSeparator(text) {
  let result = "", i = text.length;
  const start = text[0] === "-" ? 1 : 0;
  for (; i >= start + 4; i -= 3) result = "_" + slice(text, i - 3, i) + result;
  return i === text.length ? text : slice(text, 0, i) + result;
}
function addSeparatorEnd(text) {
  let result = "", i = 0;
  for (; i < text.length - 3; i += 3) result += slice(text, i, i + 3) + "_";
  return i === 0 ? text : result + slice(text, i);
}
function formatBigInt(n, separator) {
  const text = toStr(n);
  return (separator ? addSeparator(text) : text) + "n";
}

function formatPrimitive(value, ctx) {
  switch (typeof value) {
    case "string": {
      let trailer = "";
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = slice(value, 0, ctx.maxStringLength);
        trailer = "... " + remaining + " more character" + (remaining > 1 ? "s" : "");
      }
      if (ctx.compact !== true && value.length > 16 &&
          value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        const lines = split(value, /(?<=\n)/);
        const parts = [];
        for (let i = 0; i < lines.length; i++) push(parts, strEscape(lines[i]));
        return join(parts, " +\n" + repeat(" ", ctx.indentationLvl + 2)) + trailer;
      }
      return strEscape(value) + trailer;
    }
    case "number": return formatNumber(value, ctx.numericSeparator);
    case "bigint": return formatBigInt(value, ctx.numericSeparator);
    case "boolean": return value ? "true" : "false";
    case "undefined": return "undefined";
  }
  return symbolToString(value);
}

function isInstanceof(object, ctor) {
  try { return object instanceof ctor; } catch (e) { return false; }
}

function getConstructorName(obj, ctx, recurseTimes) {
  let firstProto;
  const tmp = obj;
  while (obj) {
    const descriptor = describeOwn(obj, "constructor");
    if (descriptor !== undefined && typeof descriptor.value === "function" &&
        descriptor.value.name !== "" && isInstanceof(tmp, descriptor.value)) {
      return toStr(descriptor.value.name);
    }
    obj = protoOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }
  if (firstProto === null) return null;
  const res = typeof tmp === "function" ? "Function" : "Object";
  if (recurseTimes > ctx.depth && ctx.depth !== null) return res + " <Complex prototype>";
  const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1);
  if (protoConstr === null) {
    const inner = copyContext(ctx);
    inner.customInspect = false; inner.depth = -1;
    return res + " <" + inspectWith(firstProto, inner) + ">";
  }
  return res + " <" + protoConstr + ">";
}

function getPrefix(constructor, tag, fallback, size) {
  size = size || "";
  if (constructor === null) {
    if (tag !== "" && fallback !== tag) return "[" + fallback + size + ": null prototype] [" + tag + "] ";
    return "[" + fallback + size + ": null prototype] ";
  }
  if (tag !== "" && constructor !== tag) return constructor + size + " [" + tag + "] ";
  return constructor + size + " ";
}

function getKeys(value, showHidden) {
  const symbols = symbolsOf(value);
  let keys;
  if (showHidden) {
    keys = namesOf(value);
    for (let i = 0; i < symbols.length; i++) push(keys, symbols[i]);
  } else {
    keys = keysOf(value);
    for (let i = 0; i < symbols.length; i++) {
      if (isEnumerable(value, symbols[i])) push(keys, symbols[i]);
    }
  }
  return keys;
}

// Own keys of an array or typed array that are not indices.
function getNonIndexKeys(value, showHidden) {
  const all = showHidden ? namesOf(value) : keysOf(value);
  const keys = [];
  for (let i = 0; i < all.length; i++) {
    const key = all[i];
    if (regexExec(numberRegExp, key) !== null && +key < 4294967295) continue;
    if (showHidden && key === "length" && isArray(value)) { push(keys, key); continue; }
    push(keys, key);
  }
  const symbols = symbolsOf(value);
  for (let i = 0; i < symbols.length; i++) {
    if (showHidden || isEnumerable(value, symbols[i])) push(keys, symbols[i]);
  }
  return keys;
}

function getCtxStyle(value, constructor, tag) {
  let fallback = "";
  if (constructor === null) {
    fallback = typeof value === "function" ? "Function" : "Object";
    if (fallback === tag) fallback = "Object";
  }
  return getPrefix(constructor, tag, fallback);
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(value, ctx);
  if (value === null) return "null";
  if (indexOf(ctx.seen, value) !== -1) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new MapCtor();
      mapSet(ctx.circular, value, index);
    } else {
      index = mapGet(ctx.circular, value);
      if (index === undefined) {
        index = mapSize(ctx.circular) + 1;
        mapSet(ctx.circular, value, index);
      }
    }
    return "[Circular *" + index + "]";
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let keys;
  const constructor = getConstructorName(value, ctx, recurseTimes);
  let tag = value[SYMBOL_TAG];
  if (typeof tag !== "string" ||
      (tag !== "" && (ctx.showHidden ? hasOwn : isEnumerable)(value, SYMBOL_TAG))) {
    tag = "";
  }
  let base = "", formatter = emptyFormat, braces, noIterator = true;
  let extrasType = kObjectType;
  if (SYMBOL_ITERATOR in value || constructor === null) {
    noIterator = false;
    if (isArray(value)) {
      const prefix = (constructor !== "Array" || tag !== "")
        ? getPrefix(constructor, tag, "Array", "(" + value.length + ")") : "";
      keys = getNonIndexKeys(value, ctx.showHidden);
      braces = [prefix + "[", "]"];
      if (value.length === 0 && keys.length === 0) return braces[0] + "]";
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else if (isSet(value)) {
      const size = setSize(value);
      const prefix = getPrefix(constructor, tag, "Set", "(" + size + ")");
      keys = getKeys(value, ctx.showHidden);
      formatter = formatSet;
      if (size === 0 && keys.length === 0) return prefix + "{}";
      braces = [prefix + "{", "}"];
    } else if (isMap(value)) {
      const size = mapSize(value);
      const prefix = getPrefix(constructor, tag, "Map", "(" + size + ")");
      keys = getKeys(value, ctx.showHidden);
      formatter = formatMap;
      if (size === 0 && keys.length === 0) return prefix + "{}";
      braces = [prefix + "{", "}"];
    } else if (isTypedArray(value)) {
      keys = getNonIndexKeys(value, ctx.showHidden);
      const size = typedLength(value);
      const fallback = constructor === null ? typedTag(value) : "";
      const prefix = getPrefix(constructor, tag, fallback, "(" + size + ")");
      braces = [prefix + "[", "]"];
      if (size === 0 && keys.length === 0 && !ctx.showHidden) return braces[0] + "]";
      formatter = formatTypedArray;
      extrasType = kArrayExtrasType;
    } else {
      noIterator = true;
    }
  }
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ["{", "}"];
    let boxed;
    if (typeof value === "function") {
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0) return base;
    } else if (constructor === "Object") {
      if (objectTag(value) === "[object Arguments]") braces[0] = "[Arguments] {";
      else if (tag !== "") braces[0] = getPrefix(constructor, tag, "Object") + "{";
      if (keys.length === 0) return braces[0] + "}";
    } else if (isRegExp(value)) {
      base = regexToString(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, "RegExp");
      if (prefix !== "RegExp ") base = prefix + base;
      if (keys.length === 0 || (recurseTimes > ctx.depth && ctx.depth !== null)) return base;
    } else if (isDate(value)) {
      base = isNaNFn(dateTime(value)) ? dateString(value) : dateIso(value);
      const prefix = getPrefix(constructor, tag, "Date");
      if (prefix !== "Date ") base = prefix + base;
      if (keys.length === 0) return base;
    } else if (isError(value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0) return base;
    } else if (isArrayBuffer(value) || isSharedBuffer(value)) {
      const arrayType = isArrayBuffer(value) ? "ArrayBuffer" : "SharedArrayBuffer";
      const prefix = getPrefix(constructor, tag, arrayType);
      if (typedArray === undefined) formatter = formatArrayBuffer;
      else if (keys.length === 0) {
        return prefix + "{ byteLength: " + formatNumber(value.byteLength, false) + " }";
      }
      braces[0] = prefix + "{";
      unshift(keys, "byteLength");
    } else if (isDataView(value)) {
      braces[0] = getPrefix(constructor, tag, "DataView") + "{";
      unshift(keys, "byteLength", "byteOffset", "buffer");
    } else if (value instanceof PromiseCtor) {
      braces[0] = getPrefix(constructor, tag, "Promise") + "{";
      formatter = formatPromise;
    } else if (isWeakSet(value)) {
      braces[0] = getPrefix(constructor, tag, "WeakSet") + "{";
      formatter = formatWeakCollection;
    } else if (isWeakMap(value)) {
      braces[0] = getPrefix(constructor, tag, "WeakMap") + "{";
      formatter = formatWeakCollection;
    } else if ((boxed = boxedType(value)) !== null) {
      base = getBoxedBase(value, ctx, keys, constructor, tag, boxed);
      if (keys.length === 0) return base;
    } else {
      if (keys.length === 0) return getCtxStyle(value, constructor, tag) + "{}";
      braces[0] = getCtxStyle(value, constructor, tag) + "{";
    }
  }
  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let name = slice(getCtxStyle(value, constructor, tag), 0, -1);
    if (constructor !== null) name = "[" + name + "]";
    return name;
  }
  recurseTimes += 1;
  push(ctx.seen, value);
  ctx.currentDepth = recurseTimes;
  const indentationLvl = ctx.indentationLvl;
  let output;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (let i = 0; i < keys.length; i++) {
      push(output, formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
  } catch (err) {
    if (!isStackOverflow(err)) throw err;
    arrayPop(ctx.seen);
    ctx.indentationLvl = indentationLvl;
    const name = slice(getCtxStyle(value, constructor, tag), 0, -1);
    return "[" + name + ": Inspection interrupted prematurely. Maximum call stack size exceeded.]";
  }
  if (ctx.circular !== undefined) {
    const index = mapGet(ctx.circular, value);
    if (index !== undefined) {
      const reference = "<ref *" + index + ">";
      if (ctx.compact !== true) base = base === "" ? reference : reference + " " + base;
      else braces[0] = reference + " " + braces[0];
    }
  }
  arrayPop(ctx.seen);
  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) output.sort(comparator);
    else if (keys.length > 1) {
      const sorted = output.slice(output.length - keys.length).sort(comparator);
      splice(output, output.length - keys.length, keys.length, ...sorted);
    }
  }
  const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

function emptyFormat() { return []; }

function isStackOverflow(err) {
  return err !== null && typeof err === "object" && isError(err) &&
    /stack (overflow|size exceeded)/i.test(toStr(err.message));
}

function getBoxedBase(value, ctx, keys, constructor, tag, boxed) {
  const type = boxed[0];
  if (type === "String") splice(keys, 0, value.length);
  let base = "[" + type;
  if (type !== constructor) base += constructor === null ? " (null prototype)" : " (" + constructor + ")";
  base += ": " + formatPrimitive(boxed[1](value), copyContext(DEFAULTS)) + "]";
  if (tag !== "" && tag !== constructor) base += " [" + tag + "]";
  return base;
}

function getClassBase(value, constructor, tag) {
  const name = (hasOwn(value, "name") && value.name) || "(anonymous)";
  let base = "class " + name;
  if (constructor !== "Function" && constructor !== null) base += " [" + constructor + "]";
  if (tag !== "" && constructor !== tag) base += " [" + tag + "]";
  if (constructor !== null) {
    const superName = protoOf(value).name;
    if (superName) base += " extends " + superName;
  } else {
    base += " extends [null prototype]";
  }
  return "[" + base + "]";
}

function getFunctionBase(value, constructor, tag) {
  let text = "";
  try { text = fnToString(value); } catch (e) { /* a revoked or exotic function */ }
  if (startsWith(text, "class") && endsWith(text, "}")) {
    const body = slice(text, 5, -1);
    const bracket = strIndex(body, "{");
    if (bracket !== -1 && (!includes(slice(body, 0, bracket), "(") ||
        regexExec(classRegExp, replace(body, stripCommentsRegExp, "")) !== null)) {
      return getClassBase(value, constructor, tag);
    }
  }
  const kind = objectTag(value);
  let type = "Function";
  if (kind === "[object GeneratorFunction]" || kind === "[object AsyncGeneratorFunction]") {
    type = "Generator" + type;
  }
  if (kind === "[object AsyncFunction]" || kind === "[object AsyncGeneratorFunction]") {
    type = "Async" + type;
  }
  let base = "[" + type;
  if (constructor === null) base += " (null prototype)";
  base += value.name === "" ? " (anonymous)" : ": " + value.name;
  base += "]";
  if (constructor !== type && constructor !== null) base += " " + constructor;
  if (tag !== "" && constructor !== tag) base += " [" + tag + "]";
  return base;
}

// QuickJS's stack holds frames only; V8's (which Node prints) starts with the
// error's toString().  Frames are mapped to script names and lines by the host.
function getStackString(error) {
  const stack = error.stack;
  if (!stack) return errorToString(error);
  const text = toStr(stack);
  if (text === "" || startsWith(text, "    at ")) {
    const frames = mapStack(text);
    const head = errorToString(error);
    return frames === "" ? head : head + "\n" + frames;
  }
  return text;
}

function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = indexOf(b, a[i]);
    if (pos !== -1) {
      const rest = b.length - pos;
      if (rest > 3) {
        let len = 1;
        const maxLen = mathMin(a.length - i, rest);
        while (maxLen > len && a[i + len] === b[pos + len]) len++;
        if (len > 3) return { len: len, offset: i };
      }
    }
  }
  return { len: 0, offset: 0 };
}

function getStackFrames(ctx, err, stack) {
  const frames = split(stack, "\n");
  let cause;
  try { cause = err.cause; } catch (e) { /* a throwing getter is ignored */ }
  if (cause != null && typeof cause === "object" && isError(cause)) {
    const causeStack = getStackString(cause);
    const start = strIndex(causeStack, "\n    at");
    if (start !== -1) {
      const causeFrames = split(slice(causeStack, start + 1), "\n");
      const range = identicalSequenceRange(frames, causeFrames);
      if (range.len > 0) {
        const skipped = range.len - 2;
        splice(frames, range.offset + 1, skipped,
               "    ... " + skipped + " lines matching cause stack trace ...");
      }
    }
  }
  return frames;
}

function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (constructor === null ||
      (endsWith(name, "Error") && startsWith(stack, name) &&
       (stack.length === len || stack[len] === ":" || stack[len] === "\n"))) {
    let fallback = "Error";
    if (constructor === null) {
      const start = regexExec(/^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/, stack) ||
        regexExec(/^([a-z_A-Z0-9-]*Error)$/, stack);
      fallback = (start && start[1]) || "";
      len = fallback.length;
      fallback = fallback || "Error";
    }
    const prefix = slice(getPrefix(constructor, tag, fallback), 0, -1);
    if (name !== prefix) {
      if (includes(prefix, name)) {
        stack = len === 0 ? prefix + ": " + stack : prefix + slice(stack, len);
      } else {
        stack = prefix + " [" + name + "]" + slice(stack, len);
      }
    }
  }
  return stack;
}

function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? toStr(err.name) : "Error";
  let stack = getStackString(err);
  if (!ctx.showHidden && keys.length !== 0) {
    const names = ["name", "message", "stack"];
    for (let i = 0; i < names.length; i++) {
      const index = indexOf(keys, names[i]);
      if (index !== -1 && includes(stack, err[names[i]])) splice(keys, index, 1);
    }
  }
  if ("cause" in err && (keys.length === 0 || !includesItem(keys, "cause"))) push(keys, "cause");
  if (isArray(err.errors) && (keys.length === 0 || !includesItem(keys, "errors"))) {
    push(keys, "errors");
  }
  stack = improveStack(stack, constructor, name, tag);
  let pos = (err.message && strIndex(stack, err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  const stackStart = strIndex(stack, "\n    at", pos);
  if (stackStart === -1) {
    stack = "[" + stack + "]";
  } else {
    const lines = getStackFrames(ctx, err, slice(stack, stackStart + 1));
    stack = slice(stack, 0, stackStart) + "\n" + join(lines, "\n");
  }
  if (ctx.indentationLvl !== 0) {
    stack = replace(stack, /\n/g, "\n" + repeat(" ", ctx.indentationLvl));
  }
  return stack;
}

function groupArrayElements(ctx, output, value) {
  let totalLength = 0, maxLength = 0, i = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen = [];
  for (; i < outputLength; i++) {
    const len = stringWidth(output[i]);
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
      (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = mathSqrt(actualMax - totalLength / output.length);
    const biasedMax = mathMax(actualMax - 3 - averageBias, 1);
    const columns = mathMin(
      mathRound(mathSqrt(2.5 * biasedMax * outputLength) / biasedMax),
      mathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp = [], maxLineLength = [];
    for (let c = 0; c < columns; c++) {
      let lineLength = 0;
      for (let j = c; j < output.length; j += columns) {
        if (dataLen[j] > lineLength) lineLength = dataLen[j];
      }
      push(maxLineLength, lineLength + separatorSpace);
    }
    let order = padStart;
    if (value !== undefined) {
      for (let k = 0; k < output.length; k++) {
        if (typeof value[k] !== "number" && typeof value[k] !== "bigint") {
          order = padEnd;
          break;
        }
      }
    }
    for (let k = 0; k < outputLength; k += columns) {
      const max = mathMin(k + columns, outputLength);
      let str = "", j = k;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - k] + output[j].length - dataLen[j];
        str += order(output[j] + ", ", padding, " ");
      }
      if (order === padStart) {
        const padding = maxLineLength[j - k] + output[j].length - dataLen[j] - separatorSpace;
        str += padStart(output[j], padding, " ");
      } else {
        str += output[j];
      }
      push(tmp, str);
    }
    if (ctx.maxArrayLength < output.length) push(tmp, output[outputLength]);
    output = tmp;
  }
  return output;
}

const remainingText = (n) => "... " + n + " more item" + (n > 1 ? "s" : "");

function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
  const keys = keysOf(value);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const tmp = +key;
    if (tmp > 2 ** 32 - 2) break;
    if ("" + index !== key) {
      if (regexExec(numberRegExp, key) === null) break;
      const emptyItems = tmp - index;
      push(output, "<" + emptyItems + " empty item" + (emptyItems > 1 ? "s" : "") + ">");
      index = tmp;
      if (output.length === maxLength) break;
    }
    push(output, formatProperty(ctx, value, recurseTimes, key, kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      push(output, "<" + remaining + " empty item" + (remaining > 1 ? "s" : "") + ">");
    }
  } else if (remaining > 0) {
    push(output, remainingText(remaining));
  }
  return output;
}

function formatArray(ctx, value, recurseTimes) {
  const length = value.length;
  const len = mathMin(mathMax(0, ctx.maxArrayLength), length);
  const remaining = length - len;
  const output = [];
  for (let i = 0; i < len; i++) {
    if (!hasOwn(value, i)) return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
    push(output, formatProperty(ctx, value, recurseTimes, i, kArrayType));
  }
  if (remaining > 0) push(output, remainingText(remaining));
  return output;
}

function formatTypedArray(ctx, value, recurseTimes) {
  const length = typedLength(value);
  const maxLength = mathMin(mathMax(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  for (let i = 0; i < maxLength; ++i) {
    const item = value[i];
    push(output, typeof item === "number" ? formatNumber(item, ctx.numericSeparator)
                                          : formatBigInt(item, ctx.numericSeparator));
  }
  if (remaining > 0) push(output, remainingText(remaining));
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    const names = ["BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"];
    for (let i = 0; i < names.length; i++) {
      push(output, "[" + names[i] + "]: " + formatValue(ctx, value[names[i]], recurseTimes, true));
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatArrayBuffer(ctx, value) {
  let bytes;
  try { bytes = new Uint8Array(value); } catch (e) { return ["(detached)"]; }
  const shown = mathMin(ctx.maxArrayLength, bytes.length);
  const hex = [];
  for (let i = 0; i < shown; i++) push(hex, padStart(bytes[i].toString(16), 2, "0"));
  let str = join(hex, " ");
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) str += " ... " + remaining + " more byte" + (remaining > 1 ? "s" : "");
  return ["[Uint8Contents]: <" + str + ">"];
}

function formatSet(ctx, value, recurseTimes) {
  const length = setSize(value);
  const maxLength = mathMin(mathMax(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  const it = setValues(value);
  for (let i = 0; i < maxLength; i++) {
    const step = iterNext(it);
    if (step.done) break;
    push(output, formatValue(ctx, step.value, recurseTimes));
  }
  if (remaining > 0) push(output, remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  const length = mapSize(value);
  const maxLength = mathMin(mathMax(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  const it = mapEntries(value);
  for (let i = 0; i < maxLength; i++) {
    const step = mapIterNext(it);
    if (step.done) break;
    push(output, formatValue(ctx, step.value[0], recurseTimes) + " => " +
                 formatValue(ctx, step.value[1], recurseTimes));
  }
  if (remaining > 0) push(output, remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatWeakCollection() { return ["<items unknown>"]; }

// QuickJS has no way to read a promise's state synchronously.
function formatPromise() { return ["<state unknown>"]; }

function formatProperty(ctx, value, recurseTimes, key, type, desc, original) {
  if (original === undefined) original = value;
  let name, str, extra = " ";
  desc = desc || describeOwn(value, key) || { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < stringWidth(str)) {
      extra = "\n" + repeat(" ", ctx.indentationLvl);
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? "Getter/Setter" : "Getter";
    if (ctx.getters && (ctx.getters === true ||
        (ctx.getters === "get" && desc.set === undefined) ||
        (ctx.getters === "set" && desc.set !== undefined))) {
      try {
        const tmp = desc.get.call(original);
        ctx.indentationLvl += 2;
        if (tmp === null) str = "[" + label + ": null]";
        else if (typeof tmp === "object") str = "[" + label + "] " + formatValue(ctx, tmp, recurseTimes);
        else str = "[" + label + ": " + formatPrimitive(tmp, ctx) + "]";
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = "[" + label + ": <Inspection threw (" + err.message + ")>]";
      }
    } else {
      str = "[" + label + "]";
    }
  } else if (desc.set !== undefined) {
    str = "[Setter]";
  } else {
    str = "undefined";
  }
  if (type === kArrayType) return str;
  if (typeof key === "symbol") {
    name = "[" + replace(symbolToString(key), escapeAll, escapeFn) + "]";
  } else if (key === "__proto__") {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = "[" + replace(key, escapeAll, escapeFn) + "]";
  } else if (regexExec(keyStrRegExp, key) !== null) {
    name = key;
  } else {
    name = strEscape(key);
  }
  return name + ":" + extra + str;
}

function isBelowBreakLength(ctx, output, start, base) {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    totalLength += output[i].length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === "" || !includes(base, "\n");
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === "number" && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = join(output, ", ");
          if (!includes(joined, "\n")) {
            return (base ? base + " " : "") + braces[0] + " " + joined + " " + braces[1];
          }
        }
      }
    }
    const indentation = "\n" + repeat(" ", ctx.indentationLvl);
    return (base ? base + " " : "") + braces[0] + indentation + "  " +
      join(output, "," + indentation + "  ") + indentation + braces[1];
  }
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return braces[0] + (base ? " " + base : "") + " " + join(output, ", ") + " " + braces[1];
  }
  const indentation = repeat(" ", ctx.indentationLvl);
  const ln = base === "" && braces[0].length === 1 ? " " : (base ? " " + base : "") + "\n" + indentation + "  ";
  return braces[0] + ln + join(output, ",\n" + indentation + "  ") + " " + braces[1];
}

function copyContext(options) {
  const ctx = {};
  const names = keysOf(DEFAULTS);
  for (let i = 0; i < names.length; i++) ctx[names[i]] = options[names[i]];
  return ctx;
}

function inspectWith(value, ctx) {
  ctx.budget = {}; ctx.indentationLvl = 0; ctx.seen = []; ctx.currentDepth = 0;
  ctx.circular = undefined;
  return formatValue(ctx, value, 0);
}

function inspect(value, options) {
  const ctx = copyContext(DEFAULTS);
  if (options !== null && typeof options === "object") {
    const names = keysOf(DEFAULTS);
    for (let i = 0; i < names.length; i++) {
      if (hasOwn(options, names[i]) && options[names[i]] !== undefined) {
        ctx[names[i]] = options[names[i]];
      }
    }
  }
  if (ctx.depth === Infinity) ctx.depth = null;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return inspectWith(value, ctx);
}

function hasBuiltInToString(value) {
  let hasOwnToString = hasOwn, hasOwnToPrimitive = hasOwn;
  const never = () => false;
  if (typeof value.toString !== "function") {
    if (typeof value[SYMBOL_PRIMITIVE] !== "function") return true;
    else if (hasOwn(value, SYMBOL_PRIMITIVE)) return false;
    hasOwnToString = never;
  } else if (hasOwn(value, "toString")) {
    return false;
  } else if (typeof value[SYMBOL_PRIMITIVE] !== "function") {
    hasOwnToPrimitive = never;
  } else if (hasOwn(value, SYMBOL_PRIMITIVE)) {
    return false;
  }
  let pointer = value;
  do {
    pointer = protoOf(pointer);
  } while (!hasOwnToString(pointer, "toString") && !hasOwnToPrimitive(pointer, SYMBOL_PRIMITIVE));
  const descriptor = describeOwn(pointer, "constructor");
  return descriptor !== undefined && typeof descriptor.value === "function" &&
    builtinHas(BUILTINS, descriptor.value.name);
}

function tryStringify(arg) {
  try {
    return stringify(arg);
  } catch (err) {
    if (err instanceof TypeError && /circular/i.test(toStr(err.message))) return "[Circular]";
    throw err;
  }
}

function format(args) {
  const first = args[0];
  let a = 0, str = "", glue = "";
  if (typeof first === "string") {
    if (args.length === 1) return first;
    let tempStr, lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (charCodeAt(first, i) === 37) {
        const nextChar = charCodeAt(first, ++i);
        if (a + 1 !== args.length) {
          switch (nextChar) {
            case 115: {
              const arg = args[++a];
              if (typeof arg === "number") tempStr = formatNumber(arg, false);
              else if (typeof arg === "bigint") tempStr = formatBigInt(arg, false);
              else if (typeof arg !== "object" || arg === null || !hasBuiltInToString(arg)) {
                tempStr = toStr(arg);
              } else {
                tempStr = inspect(arg, { depth: 0 });
              }
              break;
            }
            case 106: tempStr = tryStringify(args[++a]); break;
            case 100: {
              const arg = args[++a];
              if (typeof arg === "bigint") tempStr = formatBigInt(arg, false);
              else if (typeof arg === "symbol") tempStr = "NaN";
              else tempStr = formatNumber(toNumber(arg), false);
              break;
            }
            case 79: tempStr = inspect(args[++a]); break;
            case 111: tempStr = inspect(args[++a], { showHidden: true, depth: 4 }); break;
            case 105: {
              const arg = args[++a];
              if (typeof arg === "bigint") tempStr = formatBigInt(arg, false);
              else if (typeof arg === "symbol") tempStr = "NaN";
              else tempStr = formatNumber(parseIntFn(arg), false);
              break;
            }
            case 102: {
              const arg = args[++a];
              tempStr = typeof arg === "symbol" ? "NaN" : formatNumber(parseFloatFn(arg), false);
              break;
            }
            case 99: a += 1; tempStr = ""; break;
            case 37:
              str += slice(first, lastPos, i);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) str += slice(first, lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (nextChar === 37) {
          str += slice(first, lastPos, i);
          lastPos = i + 1;
        }
      }
    }
    if (lastPos !== 0) {
      a++;
      glue = " ";
      if (lastPos < first.length) str += slice(first, lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += glue;
    str += typeof value !== "string" ? inspect(value) : value;
    glue = " ";
    a++;
  }
  return str;
}

// -- console.table (Node's cli_table) ---------------------------------------------
function renderRow(row, widths) {
  let out = "\u2502 ";
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    out += cell + repeat(" ", mathCeil(widths[i] - stringWidth(cell)));
    if (i !== row.length - 1) out += " \u2502 ";
  }
  return out + " \u2502";
}

function renderTable(head, columns) {
  const rows = [], widths = [];
  let longest = 0;
  for (let i = 0; i < head.length; i++) push(widths, stringWidth(head[i]));
  for (let i = 0; i < columns.length; i++) longest = mathMax(longest, columns[i].length);
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longest; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const cell = rows[j][i] = hasOwn(column, j) ? column[j] : "";
      widths[i] = mathMax(widths[i] || 0, stringWidth(cell));
    }
  }
  const divider = [];
  for (let i = 0; i < widths.length; i++) push(divider, repeat("\u2500", widths[i] + 2));
  let result = "\u250c" + join(divider, "\u252c") + "\u2510\n" + renderRow(head, widths) + "\n" +
    "\u251c" + join(divider, "\u253c") + "\u2524\n";
  for (let i = 0; i < rows.length; i++) result += renderRow(rows[i], widths) + "\n";
  return result + "\u2514" + join(divider, "\u2534") + "\u2518";
}

function tableText(data, properties) {
  const cell = (v) => {
    const depth = v !== null && typeof v === "object" && !isArray(v) && keysOf(v).length > 2 ? -1 : 0;
    return inspect(v, { depth: depth, maxArrayLength: 3, breakLength: Infinity });
  };
  const indexColumn = (length) => { const out = []; for (let i = 0; i < length; i++) push(out, cell(i)); return out; };
  if (isMap(data)) {
    const keys = [], values = [];
    const it = mapEntries(data);
    for (let step = mapIterNext(it); !step.done; step = mapIterNext(it)) {
      push(keys, cell(step.value[0]));
      push(values, cell(step.value[1]));
    }
    return renderTable(["(iteration index)", "Key", "Values"], [indexColumn(keys.length), keys, values]);
  }
  if (isSet(data)) {
    const values = [];
    const it = setValues(data);
    for (let step = iterNext(it); !step.done; step = iterNext(it)) push(values, cell(step.value));
    return renderTable(["(iteration index)", "Values"], [indexColumn(values.length), values]);
  }
  const map = Object.create(null);
  let hasPrimitives = false;
  const valuesColumn = [];
  const indexKeys = keysOf(data);
  for (let i = 0; i < indexKeys.length; i++) {
    const item = data[indexKeys[i]];
    const primitive = item === null || (typeof item !== "function" && typeof item !== "object");
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      valuesColumn[i] = cell(item);
    } else {
      const keys = properties || keysOf(item);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        if (map[key] === undefined) map[key] = [];
        map[key][i] = (primitive && properties) || !hasOwn(item, key) ? "" : cell(item[key]);
      }
    }
  }
  const head = ["(index)"], columns = [indexKeys];
  const columnKeys = keysOf(map);
  for (let i = 0; i < columnKeys.length; i++) { push(head, columnKeys[i]); push(columns, map[columnKeys[i]]); }
  if (hasPrimitives) { push(head, "Values"); push(columns, valuesColumn); }
  return renderTable(head, columns);
}

// -- the console object -------------------------------------------------------------
let groupIndent = "";
const counts = new MapCtor(), timers = new MapCtor();
function emit(stream, text) {
  if (groupIndent.length !== 0) {
    if (includes(text, "\n")) text = replace(text, /\n/g, "\n" + groupIndent);
    text = groupIndent + text;
  }
  write(stream, text + "\n");
}
function formatTime(ms) {
  let hours = 0, minutes = 0, seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) { hours = mathFloor(ms / 3600000); ms = ms % 3600000; }
      minutes = mathFloor(ms / 60000); ms = ms % 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const parts = (seconds.toFixed(3)).split(".");
    const res = hours !== 0 ? hours + ":" + padStart("" + minutes, 2, "0") : "" + minutes;
    return res + ":" + padStart(parts[0], 2, "0") + "." + parts[1] + " (" + (hours !== 0 ? "h:m" : "") + "m:ss.mmm)";
  }
  if (seconds !== 0) return seconds.toFixed(3) + "s";
  return toNumber(ms.toFixed(3)) + "ms";
}
function timeLog(name, label, data) {
  const start = mapGet(timers, label);
  if (start === undefined) {
    emit("stderr", "Warning: No such label '" + label + "' for console." + name + "()");
    return false;
  }
  emit("stdout", format([label + ": " + formatTime(now() - start)].concat(data)));
  return true;
}
const console = {
  log(...args) { emit("stdout", format(args)); },
  warn(...args) { emit("stderr", format(args)); },
  dir(object, options) {
    const merged = { customInspect: false };
    if (options !== null && typeof options === "object") Object.assign(merged, options);
    emit("stdout", inspect(object, merged));
  },
  time(label = "default") {
    label = "" + label;
    if (mapHas(timers, label)) {
      emit("stderr", "Warning: Label '" + label + "' already exists for console.time()");
      return;
    }
    mapSet(timers, label, now());
  },
  timeEnd(label = "default") {
    label = "" + label;
    if (timeLog("timeEnd", label, [])) mapDelete(timers, label);
  },
  timeLog(label = "default", ...data) { timeLog("timeLog", "" + label, data); },
  trace(...args) {
    const frames = mapStack(toStr(new ErrorCtor().stack || ""));
    const message = format(args);
    emit("stderr", "Trace" + (message === "" ? "" : ": " + message) + (frames ? "\n" + frames : ""));
  },
  assert(expression, ...args) {
    if (!expression) {
      args[0] = "Assertion failed" + (args.length === 0 ? "" : ": " + args[0]);
      emit("stderr", format(args));
    }
  },
  clear() {},
  count(label = "default") {
    label = "" + label;
    const count = (mapGet(counts, label) || 0) + 1;
    mapSet(counts, label, count);
    emit("stdout", label + ": " + count);
  },
  countReset(label = "default") {
    if (!mapHas(counts, "" + label)) {
      emit("stderr", "Warning: Count for '" + label + "' does not exist");
      return;
    }
    mapDelete(counts, "" + label);
  },
  group(...data) {
    if (data.length > 0) emit("stdout", format(data));
    groupIndent += "  ";
  },
  groupEnd() { groupIndent = slice(groupIndent, 0, groupIndent.length - 2); },
  table(data, properties) {
    if (data === null || typeof data !== "object") { emit("stdout", format([data])); return; }
    emit("stdout", tableText(data, properties));
  },
};
console.info = console.log; console.debug = console.log; console.dirxml = console.log;
console.error = console.warn; console.groupCollapsed = console.group;
return { console: console, inspect: inspect, format: (...args) => format(args) };
})

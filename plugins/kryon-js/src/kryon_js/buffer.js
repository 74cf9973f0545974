// A small Buffer as Node 20 has it: a Uint8Array subclass with from/alloc/concat/
// isBuffer/byteLength/compare, toString and write in utf8, hex, base64, base64url,
// latin1 and ascii, equals/compare/indexOf/includes, toJSON, printed as <Buffer 68 69>.
// readUInt8/readInt16LE/writeDoubleBE/readBigUInt64LE... as well; no pooling.  Pure
// JavaScript: the prelude evaluates this factory once per VM with the global object,
// after encoding.js, and its `received` (how Node's argument errors describe a value).
(function (global, received) {
"use strict";
const define = Object.defineProperty, apply = Reflect.apply, text = String;
const CUSTOM = Symbol.for("nodejs.util.inspect.custom");
const TypeErrorCtor = TypeError, RangeErrorCtor = RangeError, Bytes = Uint8Array;
const fromCodes = String.fromCharCode;
const encodeText = TextEncoder.prototype.encode, encoder = new TextEncoder();
const decodeText = TextDecoder.prototype.decode, decoder = new TextDecoder();
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B64_VALUES = Object.create(null);
for (let i = 0; i < 64; i++) { B64_VALUES[B64[i]] = i; B64_VALUES[B64URL[i]] = i; }

function argType(name, what, v) {
  const which = name === "first" ? name : '"' + name + '"';
  const error = new TypeErrorCtor("The " + which + " argument must be " + what + ". Received" +
    received(v));
  error.code = "ERR_INVALID_ARG_TYPE";
  return error;
}

function encodingOf(encoding) {
  if (encoding === undefined || encoding === null) return "utf8";
  const e = text(encoding).toLowerCase();
  switch (e) {
    case "utf8": case "utf-8": return "utf8";
    case "hex": return "hex";
    case "base64": return "base64";
    case "base64url": return "base64url";
    case "latin1": case "binary": return "latin1";
    case "ascii": return "ascii";
    case "utf16le": case "utf-16le": case "ucs2": case "ucs-2": return "utf16le";
  }
  const error = new TypeErrorCtor("Unknown encoding: " + text(encoding));
  error.code = "ERR_UNKNOWN_ENCODING";
  throw error;
}

// -- string -> bytes -----------------------------------------------------------
function bytesOf(s, encoding) {
  switch (encoding) {
    case "utf8": return apply(encodeText, encoder, [s]);
    case "hex": {
      const out = [];
      for (let i = 0; i + 1 < s.length; i += 2) {
        const b = parseInt(s.slice(i, i + 2), 16);
        if (!/^[0-9a-fA-F]{2}$/.test(s.slice(i, i + 2))) break;
        out[out.length] = b;
      }
      return out;
    }
    case "base64": case "base64url": {
      const out = [];
      let bits = 0, count = 0;
      for (let i = 0; i < s.length; i++) {
        if (s[i] === "=") break;
        const v = B64_VALUES[s[i]];
        if (v === undefined) continue;
        bits = (bits << 6) | v; count += 6;
        if (count >= 8) { count -= 8; out[out.length] = (bits >> count) & 255; }
      }
      return out;
    }
    case "latin1": case "ascii": {
      const out = [];
      for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 255;
      return out;
    }
    case "utf16le": {
      const out = [];
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        out[out.length] = c & 255; out[out.length] = c >> 8;
      }
      return out;
    }
  }
  return [];
}

// -- bytes -> string -----------------------------------------------------------
function textOf(bytes, encoding) {
  switch (encoding) {
    case "utf8": return apply(decodeText, decoder, [bytes]);
    case "hex": {
      let out = "";
      for (let i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
      return out;
    }
    case "base64": case "base64url": {
      const alphabet = encoding === "base64" ? B64 : B64URL;
      let out = "", i = 0;
      for (; i + 2 < bytes.length; i += 3) {
        const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] +
          alphabet[n & 63];
      }
      const pad = encoding === "base64";
      if (bytes.length - i === 1) {
        const n = bytes[i] << 16;
        out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (pad ? "==" : "");
      } else if (bytes.length - i === 2) {
        const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
        out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] +
          (pad ? "=" : "");
      }
      return out;
    }
    case "latin1": case "ascii": {
      let out = "";
      const mask = encoding === "ascii" ? 127 : 255;
      for (let i = 0; i < bytes.length; i++) out += fromCodes(bytes[i] & mask);
      return out;
    }
    case "utf16le": {
      let out = "";
      for (let i = 0; i + 1 < bytes.length; i += 2) out += fromCodes(bytes[i] | (bytes[i + 1] << 8));
      return out;
    }
  }
  return "";
}

function isBytes(v) { return v instanceof Bytes; }

class Buffer extends Bytes {
  static from(value, encodingOrOffset = undefined, length = undefined) {
    if (typeof value === "string") return fromBytes(bytesOf(value, encodingOf(encodingOrOffset)));
    if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) {
      const offset = encodingOrOffset === undefined ? 0 : +encodingOrOffset;
      const size = length === undefined ? value.byteLength - offset : +length;
      return new Buffer(value, offset, size);
    }
    if (ArrayBuffer.isView(value)) {
      const out = new Buffer(value.length);
      for (let i = 0; i < value.length; i++) out[i] = value[i];
      return out;
    }
    if (value !== null && typeof value === "object") {
      if (value.type === "Buffer" && Array.isArray(value.data)) return fromBytes(value.data);
      if (typeof value.length === "number" || Array.isArray(value)) return fromBytes(value);
      const primitive = typeof value.valueOf === "function" ? value.valueOf() : value;
      if (primitive !== value && primitive !== null && primitive !== undefined) {
        return Buffer.from(primitive, encodingOrOffset, length);
      }
    }
    throw argType("first", "of type string or an instance of Buffer, ArrayBuffer, or " +
      "Array or an Array-like Object", value);
  }
  static alloc(size, fill = undefined, encoding = undefined) {
    checkSize(size);
    const out = new Buffer(size);
    if (fill !== undefined && fill !== 0) out.fill(fill, 0, size, encoding);
    return out;
  }
  static allocUnsafe(size) { checkSize(size); return new Buffer(size); }
  static allocUnsafeSlow(size) { checkSize(size); return new Buffer(size); }
  static isBuffer(v) { return v instanceof Buffer; }
  static isEncoding(e) {
    try { return typeof e === "string" && e !== "" && encodingOf(e) !== undefined; }
    catch (error) { return false; }
  }
  static byteLength(value, encoding = undefined) {
    if (typeof value === "string") return bytesOf(value, encodingOf(encoding)).length;
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
    throw argType("string", "of type string or an instance of Buffer or ArrayBuffer", value);
  }
  static concat(list, totalLength = undefined) {
    if (!Array.isArray(list)) throw argType("list", "an instance of Array", list);
    let total = 0;
    for (let i = 0; i < list.length; i++) {
      if (!isBytes(list[i])) {
        throw argType("list[" + i + "]", "an instance of Buffer or Uint8Array", list[i]);
      }
      total += list[i].length;
    }
    if (totalLength !== undefined) total = +totalLength;
    const out = new Buffer(total);
    let at = 0;
    for (let i = 0; i < list.length && at < total; i++) {
      for (let k = 0; k < list[i].length && at < total; k++) out[at++] = list[i][k];
    }
    return out;
  }
  static compare(a, b) {
    if (!isBytes(a)) throw argType("buf1", "an instance of Buffer or Uint8Array", a);
    if (!isBytes(b)) throw argType("buf2", "an instance of Buffer or Uint8Array", b);
    return compareBytes(a, b);
  }
  toString(encoding = undefined, start = 0, end = this.length) {
    start = Math.max(0, start | 0);
    end = Math.min(this.length, end === undefined ? this.length : end | 0);
    if (end <= start) return "";
    return textOf(new Bytes(this.buffer, this.byteOffset + start, end - start), encodingOf(encoding));
  }
  toLocaleString(encoding, start, end) { return this.toString(encoding, start, end); }
  toJSON() { return { type: "Buffer", data: Array.from(this) }; }
  equals(other) {
    if (!isBytes(other)) throw argType("otherBuffer", "an instance of Buffer or Uint8Array", other);
    return compareBytes(this, other) === 0;
  }
  compare(other) {
    if (!isBytes(other)) throw argType("target", "an instance of Buffer or Uint8Array", other);
    return compareBytes(this, other);
  }
  write(string, offset = 0, length = undefined, encoding = undefined) {
    if (typeof offset === "string") { encoding = offset; offset = 0; length = undefined; }
    else if (typeof length === "string") { encoding = length; length = undefined; }
    const bytes = bytesOf(text(string), encodingOf(encoding));
    const room = Math.min(this.length - offset, length === undefined ? Infinity : length);
    let n = 0;
    for (; n < bytes.length && n < room; n++) this[offset + n] = bytes[n];
    return n;
  }
  fill(value, start = 0, end = this.length, encoding = undefined) {
    if (typeof start === "string") { encoding = start; start = 0; end = this.length; }
    if (typeof value === "string") {
      const bytes = value === "" ? [0] : bytesOf(value, encodingOf(encoding));
      for (let i = start, k = 0; i < end; i++, k++) this[i] = bytes[k % bytes.length];
      return this;
    }
    if (isBytes(value)) {
      for (let i = start, k = 0; i < end; i++, k++) this[i] = value[k % value.length];
      return this;
    }
    return apply(Bytes.prototype.fill, this, [value & 255, start, end]);
  }
  indexOf(value, byteOffset = 0, encoding = undefined) {
    return search(this, value, byteOffset, encoding);
  }
  includes(value, byteOffset = 0, encoding = undefined) {
    return search(this, value, byteOffset, encoding) !== -1;
  }
  slice(start = 0, end = this.length) { return this.subarray(start, end); }
  [CUSTOM](depth, options) {
    const max = 50, shown = [];
    for (let i = 0; i < this.length && i < max; i++) {
      shown[i] = (this[i] < 16 ? "0" : "") + this[i].toString(16);
    }
    const more = this.length > max ? " ... " + (this.length - max) + " more byte" +
      (this.length - max > 1 ? "s" : "") : "";
    return "<" + (this.constructor && this.constructor.name || "Buffer") + " " +
      shown.join(" ") + more + ">";
  }
}

function checkSize(size) {
  if (typeof size !== "number") throw argType("size", "of type number", size);
  if (!(size >= 0 && size <= 4294967296)) {
    throw outOfRange("size", ">= 0 && <= 4294967296", text(size));
  }
}

function fromBytes(list) {
  const out = new Buffer(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list[i];
  return out;
}

function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function search(buf, value, from, encoding) {
  if (typeof from === "string") { encoding = from; from = 0; }
  from = from | 0;
  if (from < 0) from = Math.max(0, buf.length + from);
  let needle;
  if (typeof value === "number") needle = [value & 255];
  else if (typeof value === "string") needle = bytesOf(value, encodingOf(encoding));
  else if (isBytes(value)) needle = value;
  else throw argType("value", "one of type number or string or an instance of Buffer or Uint8Array", value);
  if (needle.length === 0) return from <= buf.length ? from : buf.length;
  outer: for (let i = from; i + needle.length <= buf.length; i++) {
    for (let k = 0; k < needle.length; k++) if (buf[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

// -- numbers: readUInt16LE, writeInt32BE, readDoubleLE... (with Node's range errors)
function outOfRange(name, range, received) {
  const error = new RangeErrorCtor('The value of "' + name + '" is out of range. It must be ' +
    range + ". Received " + received);
  error.code = "ERR_OUT_OF_RANGE";
  return error;
}
function shownNumber(n) {
  // (Node writes integers past 2 ** 32 with _ between groups of three digits)
  const t = text(n);
  if (typeof n === "bigint" ? n <= 2n ** 32n && n >= -(2n ** 32n) : !(Math.abs(n) > 2 ** 32)) {
    return typeof n === "bigint" ? t + "n" : t;
  }
  const sign = t[0] === "-" ? "-" : "", digits = sign ? t.slice(1) : t;
  let out = "";
  for (let i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out ? "_" + out : "");
  return sign + out + (typeof n === "bigint" ? "n" : "");
}
function checkOffset(buf, offset, size) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== "number") throw argType("offset", "of type number", offset);
  const last = buf.length - size;
  if (offset !== Math.floor(offset)) throw outOfRange("offset", "an integer", offset);
  if (last < 0) {
    const error = new RangeErrorCtor("Attempt to access memory outside buffer bounds");
    error.code = "ERR_BUFFER_OUT_OF_BOUNDS";
    throw error;
  }
  if (offset < 0 || offset > last) throw outOfRange("offset", ">= 0 and <= " + last, offset);
  return offset;
}
function viewOf(buf) { return new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
const NUMBERS = [
  // [name, size, DataView type, min, max]
  ["UInt8", 1, "Uint8", 0, 255], ["Int8", 1, "Int8", -128, 127],
  ["UInt16", 2, "Uint16", 0, 65535], ["Int16", 2, "Int16", -32768, 32767],
  ["UInt32", 4, "Uint32", 0, 4294967295], ["Int32", 4, "Int32", -2147483648, 2147483647],
  ["Float", 4, "Float32", null, null], ["Double", 8, "Float64", null, null],
  ["BigUInt64", 8, "BigUint64", 0n, 2n ** 64n - 1n],
  ["BigInt64", 8, "BigInt64", -(2n ** 63n), 2n ** 63n - 1n],
];
for (const [name, size, type, min, max] of NUMBERS) {
  const get = DataView.prototype["get" + type], set = DataView.prototype["set" + type];
  const big = typeof min === "bigint";
  for (const end of size === 1 ? [""] : ["LE", "BE"]) {
    const little = end === "LE";
    const read = function (offset = 0) {
      offset = checkOffset(this, offset, size);
      return apply(get, viewOf(this), [offset, little]);
    };
    const write = function (value, offset = 0) {
      if (big && typeof value !== "bigint") {
        throw new TypeErrorCtor("Cannot mix BigInt and other types, use explicit conversions");
      }
      if (min !== null && (value < min || value > max)) {
        const range = big ? ">= " + (min === 0n ? "0n" : "-(2n ** 63n)") + " and < " +
          (min === 0n ? "2n ** 64n" : "2n ** 63n") : ">= " + min + " and <= " + max;
        throw outOfRange("value", range, shownNumber(value));
      }
      offset = checkOffset(this, offset, size);
      apply(set, viewOf(this), [offset, big ? value : +value, little]);
      return offset + size;
    };
    for (const [prefix, f] of [["read", read], ["write", write]]) {
      for (const spelled of [name, name.replace("UInt", "Uint")]) {
        define(Buffer.prototype, prefix + spelled + end,
          { value: f, writable: true, enumerable: true, configurable: true });
      }
    }
  }
}

define(global, "Buffer", { value: Buffer, writable: true, configurable: true });
return Buffer;
})

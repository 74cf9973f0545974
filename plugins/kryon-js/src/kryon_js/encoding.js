// TextEncoder and TextDecoder as Node 20 has them, for UTF-8 (the WHATWG Encoding
// standard's encoder and decoder: lone surrogates encode as U+FFFD, each maximal
// invalid subpart decodes as one U+FFFD, a leading BOM is dropped unless ignoreBOM),
// printed as Node prints them.  Other encodings are Node's RangeError.  The prelude
// evaluates this factory once per VM with the global object.
(function (global) {
"use strict";
const define = Object.defineProperty, Bytes = Uint8Array, text = String;
const fromCodes = String.fromCharCode, CUSTOM = Symbol.for("nodejs.util.inspect.custom");
const isView = ArrayBuffer.isView, BufferCtor = ArrayBuffer;
const LABELS = ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
  "x-unicode20utf8"];

function utf8(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out[out.length] = c;
    else if (c < 0x800) { out[out.length] = 0xc0 | (c >> 6); out[out.length] = 0x80 | (c & 63); }
    else if (c < 0x10000) {
      out[out.length] = 0xe0 | (c >> 12); out[out.length] = 0x80 | ((c >> 6) & 63);
      out[out.length] = 0x80 | (c & 63);
    } else {
      out[out.length] = 0xf0 | (c >> 18); out[out.length] = 0x80 | ((c >> 12) & 63);
      out[out.length] = 0x80 | ((c >> 6) & 63); out[out.length] = 0x80 | (c & 63);
    }
  }
  return out;
}

class TextEncoder {
  get encoding() { return "utf-8"; }
  encode(input = "") { return new Bytes(utf8(text(input))); }
  encodeInto(source, destination) {
    const s = text(source);
    let read = 0, written = 0;
    for (let i = 0; i < s.length; ) {
      const c = s.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length &&
        s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
      const units = pair ? 2 : 1, bytes = utf8(s.slice(i, i + units));
      if (written + bytes.length > destination.length) break;
      for (let k = 0; k < bytes.length; k++) destination[written++] = bytes[k];
      read += units;
      i += units;
    }
    return { read, written };
  }
  [CUSTOM]() { return { encoding: "utf-8" }; }
}

class TextDecoder {
  #fatal; #ignoreBOM;
  constructor(label = "utf-8", options = {}) {
    const name = text(label).trim().toLowerCase();
    if (LABELS.indexOf(name) < 0) {
      throw new RangeError('The "' + text(label) + '" encoding is not supported');
    }
    this.#fatal = !!(options && options.fatal);
    this.#ignoreBOM = !!(options && options.ignoreBOM);
  }
  get encoding() { return "utf-8"; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }
  decode(input) {
    if (input === undefined) return "";
    let bytes;
    if (input instanceof BufferCtor) bytes = new Bytes(input);
    else if (isView(input)) bytes = new Bytes(input.buffer, input.byteOffset, input.byteLength);
    else {
      throw new TypeError('The "input" argument must be an instance of ArrayBuffer or ' +
        "ArrayBufferView.");
    }
    let out = "", i = 0;
    if (!this.#ignoreBOM && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    const bad = () => {
      if (this.#fatal) {
        const e = new TypeError("The encoded data was not valid for encoding utf-8");
        e.code = "ERR_ENCODING_INVALID_ENCODED_DATA";
        throw e;
      }
      return "\ufffd";
    };
    while (i < bytes.length) {
      const b = bytes[i];
      if (b < 0x80) { out += fromCodes(b); i++; continue; }
      let need = 0, code = 0, lower = 0x80, upper = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) { need = 1; code = b & 0x1f; }
      else if (b >= 0xe0 && b <= 0xef) {
        need = 2; code = b & 0xf;
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3; code = b & 0x7;
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
      } else { out += bad(); i++; continue; }
      let j = i + 1, ok = true;
      for (let k = 0; k < need; k++, j++) {
        const c = bytes[j];
        if (j >= bytes.length || c < lower || c > upper) { ok = false; break; }
        code = (code << 6) | (c & 63);
        lower = 0x80; upper = 0xbf;
      }
      if (!ok) { out += bad(); i = j; continue; }
      out += code >= 0x10000
        ? fromCodes(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff))
        : fromCodes(code);
      i = j;
    }
    return out;
  }
  [CUSTOM]() {
    return "TextDecoder { encoding: 'utf-8', fatal: " + this.#fatal + ", ignoreBOM: " +
      this.#ignoreBOM + " }";
  }
}
for (const C of [TextEncoder, TextDecoder]) {
  define(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
  define(global, C.name, { value: C, writable: true, configurable: true });
}

// atob: QuickJS's decoder with Node's errors, which tell a character outside base64
// ("Invalid character") from a length that cannot be (one character left over).
const nativeAtob = global.atob, DOMExceptionCtor = global.DOMException;
if (typeof nativeAtob === "function") {
  const atob = {
    atob(input) {
      if (arguments.length === 0) {
        const error = new TypeError('The "input" argument must be specified');
        error.code = "ERR_MISSING_ARGS";
        throw error;
      }
      const text = `${input}`;
      try {
        return nativeAtob(text);
      } catch (e) {
        let data = text.replace(/[\t\n\f\r ]/g, "");
        if (data.length % 4 === 0) data = data.replace(/={1,2}$/, "");
        throw new DOMExceptionCtor(/[^A-Za-z0-9+/]/.test(data) ? "Invalid character"
          : "The string to be decoded is not correctly encoded.", "InvalidCharacterError");
      }
    },
  }.atob;
  define(global, "atob", { value: atob, writable: true, configurable: true });
}
})

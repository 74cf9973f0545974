// URL and URLSearchParams as Node 20 has them: the WHATWG URL parser for special
// schemes (http, https, ws, wss, ftp, file) and others (opaque paths, opaque hosts),
// percent-encoding by the standard's sets, IPv4 and IPv6 hosts serialized, default
// ports dropped, a live searchParams, printed as Node prints them.  A host that is not
// ASCII is lower-cased, NFKC-normalized and Punycoded, without UTS 46's full mapping
// table.  Pure JavaScript: the prelude evaluates this factory once per VM with the
// global object, after encoding.js.
(function (global) {
"use strict";
const define = Object.defineProperty, text = String, apply = Reflect.apply;
const CUSTOM = Symbol.for("nodejs.util.inspect.custom"), ITER = Symbol.iterator;
const TypeErrorCtor = TypeError, fromCodes = String.fromCharCode;
const encodeText = TextEncoder.prototype.encode, encoder = new TextEncoder();
const decodeText = TextDecoder.prototype.decode, decoder = new TextDecoder();
const SPECIAL = { "ftp:": 21, "file:": null, "http:": 80, "https:": 443, "ws:": 80, "wss:": 443 };
const isSpecialScheme = (s) => Object.prototype.hasOwnProperty.call(SPECIAL, s);
const HEX = "0123456789ABCDEF";

function fail(input, base) {
  const error = new TypeErrorCtor("Invalid URL");
  error.code = "ERR_INVALID_URL";
  error.input = input;
  if (base !== undefined) error.base = base;
  return error;
}

// -- percent-encoding ----------------------------------------------------------
// (each set as a table of the ASCII codes it encodes; every code past ASCII is encoded)
function table(encodes) {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) t[c] = encodes(c) ? 1 : 0;
  return t;
}
const inC0 = (c) => c < 0x20 || c > 0x7e;
const inFragment = (c) => inC0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e ||
  c === 0x60;
const inQuery = (c) => inC0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c ||
  c === 0x3e;
const inPath = (c) => inQuery(c) || c === 0x3f || c === 0x60 || c === 0x7b || c === 0x7d;
const C0 = table(inC0), FRAGMENT = table(inFragment), QUERY = table(inQuery);
const SPECIAL_QUERY = table((c) => inQuery(c) || c === 0x27), PATH = table(inPath);
const USERINFO = table((c) => inPath(c) || c === 0x2f || c === 0x3a || c === 0x3b ||
  c === 0x3d || c === 0x40 || (c >= 0x5b && c <= 0x5e) || c === 0x7c);
const FORM = table((c) => !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) || c === 0x2a || c === 0x2d || c === 0x2e || c === 0x5f));

function utf8(s) { return apply(encodeText, encoder, [s]); }
function hex(b) { return "%" + HEX[b >> 4] + HEX[b & 15]; }

function encode(s, set, spaceAsPlus) {
  let i = 0;
  for (; i < s.length; i++) {  // most text needs nothing: returned as it is
    const c = s.charCodeAt(i);
    if (c >= 0x80 || set[c] === 1) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (spaceAsPlus && c === 0x20) out += "+";
      else out += set[c] === 1 ? hex(c) : s[i];
      continue;
    }
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length &&
      (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const bytes = utf8(pair ? s.slice(i, i + 2) : s[i]);
    if (pair) i++;
    for (let k = 0; k < bytes.length; k++) out += hex(bytes[k]);
  }
  return out;
}

function isHex(c) { return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102); }

function decodeBytes(s) {
  const bytes = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < s.length && isHex(s.charCodeAt(i + 1)) &&
        isHex(s.charCodeAt(i + 2))) {
      bytes[bytes.length] = parseInt(s.slice(i + 1, i + 3), 16);
      i += 2;
    } else if (c < 0x80) bytes[bytes.length] = c;
    else {
      const pair = c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      const b = utf8(pair ? s.slice(i, i + 2) : s[i]);
      if (pair) i++;
      for (let k = 0; k < b.length; k++) bytes[bytes.length] = b[k];
    }
  }
  return bytes;
}
function decode(s) {
  if (!/[%\u0080-\uffff]/.test(s)) return s;
  return apply(decodeText, decoder, [new Uint8Array(decodeBytes(s))]);
}

// -- hosts ---------------------------------------------------------------------
const FORBIDDEN_HOST = /[\0\t\n\r #/:<>?@[\\\]^|]/;
const FORBIDDEN_DOMAIN = /[\0-\x20#/:<>?@[\\\]^|%\x7f-\uffff]/;

function parseIPv4Number(part) {
  if (part === "") return NaN;
  let radix = 10;
  if (part.length >= 2 && (part.slice(0, 2) === "0x" || part.slice(0, 2) === "0X")) {
    part = part.slice(2); radix = 16;
  } else if (part.length >= 2 && part[0] === "0") { part = part.slice(1); radix = 8; }
  if (part === "") return 0;
  const digits = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  return digits.test(part) ? parseInt(part, radix) : NaN;
}

function endsInNumber(host) {
  const end = host[host.length - 1] === "." ? host.length - 1 : host.length;
  const last = host.slice(host.lastIndexOf(".", end - 1) + 1, end);
  if (last !== "" && /^[0-9]+$/.test(last)) return true;
  return !Number.isNaN(parseIPv4Number(last)) && /^0[xX]/.test(last);
}

function parseIPv4(host) {
  const parts = host.split(".");
  if (parts[parts.length - 1] === "" && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const numbers = [];
  for (let i = 0; i < parts.length; i++) {
    const n = parseIPv4Number(parts[i]);
    if (Number.isNaN(n)) return null;
    numbers[i] = n;
  }
  for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return null;
  if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return null;
  let address = numbers[numbers.length - 1];
  for (let i = 0; i < numbers.length - 1; i++) address += numbers[i] * 256 ** (3 - i);
  const out = [];
  for (let i = 3; i >= 0; i--) out[out.length] = Math.floor(address / 256 ** i) % 256;
  return out.join(".");
}

function parseIPv6(input) {
  const pieces = [0, 0, 0, 0, 0, 0, 0, 0];
  let piece = 0, compress = null, i = 0;
  const at = (k) => input.charCodeAt(k);
  if (at(0) === 58) {
    if (at(1) !== 58) return null;
    i = 2; piece = 1; compress = 1;
  }
  while (i < input.length) {
    if (piece === 8) return null;
    if (at(i) === 58) {
      if (compress !== null) return null;
      i++; piece++; compress = piece;
      continue;
    }
    let value = 0, length = 0;
    while (length < 4 && i < input.length && isHex(at(i))) {
      value = value * 16 + parseInt(input[i], 16); i++; length++;
    }
    if (at(i) === 46) {
      if (length === 0 || piece > 6) return null;
      i -= length;
      const v4 = input.slice(i).split(".");
      if (v4.length !== 4) return null;
      for (let k = 0; k < 4; k++) {
        if (!/^(0|[1-9][0-9]{0,2})$/.test(v4[k]) || +v4[k] > 255) return null;
      }
      pieces[piece++] = +v4[0] * 256 + +v4[1];
      pieces[piece++] = +v4[2] * 256 + +v4[3];
      i = input.length;
      break;
    }
    if (at(i) === 58) { i++; if (i >= input.length) return null; }
    else if (i < input.length) return null;
    pieces[piece++] = value;
  }
  if (compress !== null) {
    let swaps = piece - compress;
    piece = 7;
    while (piece !== 0 && swaps > 0) {
      const k = compress + swaps - 1;
      const t = pieces[piece]; pieces[piece] = pieces[k]; pieces[k] = t;
      piece--; swaps--;
    }
  } else if (piece !== 8) return null;
  // the longest run of two or more zero pieces is written "::"
  let best = -1, bestLen = 1;
  for (let k = 0; k < 8; ) {
    let end = k;
    while (end < 8 && pieces[end] === 0) end++;
    if (end - k > bestLen) { best = k; bestLen = end - k; }
    k = end === k ? k + 1 : end;
  }
  let out = "[";
  for (let k = 0; k < 8; k++) {
    if (k === best) { out += k === 0 ? "::" : ":"; k += bestLen - 1; continue; }
    out += pieces[k].toString(16) + (k < 7 ? ":" : "");
  }
  return out + "]";
}

// RFC 3492's Punycode of one label (parameters base 36, tmin 1, tmax 26, skew 38,
// damp 700, initial bias 72, initial n 128).
function adapt(delta, points, first) {
  delta = first ? Math.floor(delta / 700) : delta >> 1;
  delta += Math.floor(delta / points);
  let k = 0;
  for (; delta > 455; k += 36) delta = Math.floor(delta / 35);
  return k + Math.floor(36 * delta / (delta + 38));
}
function digit(d) { return fromCodes(d < 26 ? d + 97 : d + 22); }
function punycode(label) {
  const codes = Array.from(label, (ch) => ch.codePointAt(0));
  let out = "";
  for (let i = 0; i < codes.length; i++) if (codes[i] < 0x80) out += fromCodes(codes[i]);
  const basic = out.length;
  let handled = basic, n = 128, delta = 0, bias = 72;
  if (basic > 0) out += "-";
  while (handled < codes.length) {
    let m = Infinity;
    for (let i = 0; i < codes.length; i++) if (codes[i] >= n && codes[i] < m) m = codes[i];
    delta += (m - n) * (handled + 1);
    n = m;
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] < n) delta++;
      if (codes[i] !== n) continue;
      let q = delta;
      for (let k = 36; ; k += 36) {
        const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (q < t) break;
        out += digit(t + (q - t) % (36 - t));
        q = Math.floor((q - t) / (36 - t));
      }
      out += digit(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++; n++;
  }
  return out;
}
// Domain to ASCII without UTS 46's mapping table: its ignored code points dropped,
// lower case and NFKC (close to its mapping), then Punycode for each label that is
// not ASCII.
function toASCII(domain) {
  if (!/[^\x00-\x7f]/.test(domain)) return domain;
  const labels = domain.replace(/[\u00ad\u034f\u180b-\u180d\u200b\u2060\ufe00-\ufe0f\ufeff]/g, "")
    .toLowerCase().normalize("NFKC").split(/[.\u3002\uff0e\uff61]/);
  for (let i = 0; i < labels.length; i++) {
    if (/[^\x00-\x7f]/.test(labels[i])) labels[i] = "xn--" + punycode(labels[i]);
  }
  return labels.join(".");
}

function parseHost(input, special) {
  if (input[0] === "[") {
    if (input[input.length - 1] !== "]") return null;
    return parseIPv6(input.slice(1, -1));
  }
  if (!special) {
    if (FORBIDDEN_HOST.test(input)) return null;
    return encode(input, C0, false);
  }
  const domain = toASCII(decode(input));
  if (domain === null) return null;
  if (domain === "" || FORBIDDEN_DOMAIN.test(domain)) return null;
  const ascii = domain.toLowerCase();
  return endsInNumber(ascii) ? parseIPv4(ascii) : ascii;
}

// -- the parser ----------------------------------------------------------------
// A record: scheme ("http:"), username, password, host (null: none), port (null or
// number), path (a list, or a string when opaque), query and fragment (null: none).
function isDot(s) { return s === "." || s.toLowerCase() === "%2e"; }
function isDoubleDot(s) {
  s = s.toLowerCase();
  return s === ".." || s === ".%2e" || s === "%2e." || s === "%2e%2e";
}
function isDriveLetter(s, normalized) {
  return s.length === 2 && /[a-zA-Z]/.test(s[0]) && (s[1] === ":" || (!normalized && s[1] === "|"));
}
function startsWithDrive(s) {
  return s.length >= 2 && isDriveLetter(s.slice(0, 2), false) &&
    (s.length === 2 || "/\\?#".includes(s[2]));
}

function shorten(url) {
  const path = url.path;
  if (url.scheme === "file:" && path.length === 1 && isDriveLetter(path[0], true)) return;
  path.pop();
}

// Appends the path segments of `s` (already cut before ? and #) to url.path.
function parsePath(url, s, special) {
  const segments = special && s.indexOf("\\") >= 0 ? s.split(/[\/\\]/) : s.split("/");
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i], last = i === segments.length - 1;
    if (isDoubleDot(seg)) {
      shorten(url);
      if (last) url.path.push("");
    } else if (isDot(seg)) {
      if (last) url.path.push("");
    } else {
      let piece = encode(seg, PATH, false);
      if (url.scheme === "file:" && url.path.length === 0 && isDriveLetter(piece, false)) {
        piece = piece[0] + ":";
      }
      url.path.push(piece);
    }
  }
}

// Cuts the rest of a URL after its authority or path start into path, query, fragment.
function parseRest(url, rest, special) {
  let hashAt = rest.indexOf("#");
  if (hashAt >= 0) {
    url.fragment = encode(rest.slice(hashAt + 1), FRAGMENT, false);
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf("?");
  if (queryAt >= 0) {
    url.query = encode(rest.slice(queryAt + 1), special ? SPECIAL_QUERY : QUERY, false);
    rest = rest.slice(0, queryAt);
  }
  return rest;
}

function parseAuthority(url, s, special) {
  const at = s.lastIndexOf("@");
  if (at >= 0) {
    const info = s.slice(0, at), colon = info.indexOf(":");
    url.username = encode(colon < 0 ? info : info.slice(0, colon), USERINFO, false);
    url.password = colon < 0 ? "" : encode(info.slice(colon + 1), USERINFO, false);
    s = s.slice(at + 1);
    if (s === "") return false;
  }
  let hostText = s, portText = null;
  const close = s.lastIndexOf("]"), colon = s.lastIndexOf(":");
  if (colon > close) { hostText = s.slice(0, colon); portText = s.slice(colon + 1); }
  if (hostText === "") {
    if (special || portText !== null || at >= 0) return false;
    url.host = "";
  } else {
    const host = parseHost(hostText, special);
    if (host === null) return false;
    url.host = host;
  }
  if (portText !== null && portText !== "") {
    if (!/^[0-9]+$/.test(portText)) return false;
    const port = +portText;
    if (port > 65535) return false;
    url.port = SPECIAL[url.scheme] === port ? null : port;
  }
  return true;
}

function blank(scheme) {
  return { scheme, username: "", password: "", host: null, port: null, path: [],
    query: null, fragment: null };
}

function parseFile(url, s, base) {
  url.host = "";
  const slashes = /^[\/\\]{2}/.test(s);
  if (slashes) {
    s = s.slice(2);
    let end = s.search(/[\/\\?#]/);
    if (end < 0) end = s.length;
    const hostText = s.slice(0, end);
    if (startsWithDrive(s)) {
      // file://C:/x is a path, not a host
    } else {
      s = s.slice(end);
      if (hostText !== "") {
        const host = parseHost(hostText, true);
        if (host === null) return false;
        url.host = host === "localhost" ? "" : host;
      }
    }
    const rest = parseRest(url, s, true);
    parsePath(url, rest.replace(/^[\/\\]/, ""), true);
    return true;
  }
  if (/^[\/\\]/.test(s)) {
    if (base && base.scheme === "file:") {
      url.host = base.host;
      if (!startsWithDrive(s.slice(1)) && base.path.length > 0 && isDriveLetter(base.path[0], true)) {
        url.path.push(base.path[0]);
      }
    }
    parsePath(url, parseRest(url, s, true).slice(1), true);
    return true;
  }
  if (base && base.scheme === "file:") {
    url.host = base.host;
    if (s === "" || s[0] === "?" || s[0] === "#") {
      url.path = base.path.slice();
      url.query = base.query;
      const rest = parseRest(url, s, true);
      if (rest !== "") return false;
      return true;
    }
    if (!startsWithDrive(s)) {
      url.path = base.path.slice();
      shorten(url);
    }
  }
  parsePath(url, parseRest(url, s, true), true);
  return true;
}

function parse(input, base) {
  let start = 0, end = input.length;
  while (start < end && input.charCodeAt(start) <= 0x20) start++;
  while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
  if (start !== 0 || end !== input.length) input = input.slice(start, end);
  if (input.indexOf("\t") >= 0 || input.indexOf("\n") >= 0 || input.indexOf("\r") >= 0) {
    input = input.replace(/[\t\n\r]/g, "");
  }
  const m = /^([a-zA-Z][a-zA-Z0-9+\-.]*):/.exec(input);
  let url, s;
  if (m) {
    url = blank(m[1].toLowerCase() + ":");
    s = input.slice(m[0].length);
    const special = isSpecialScheme(url.scheme);
    if (url.scheme === "file:") return parseFile(url, s, base) ? url : null;
    if (special) {
      if (base && base.scheme === url.scheme && s.slice(0, 2) !== "//") return relative(url, s, base);
      s = s.replace(/^[\/\\]*/, "");
      return authority(url, s, true) ? url : null;
    }
    if (s.slice(0, 2) === "//") return authority(url, s.slice(2), false) ? url : null;
    if (s[0] === "/") {
      parsePath(url, parseRest(url, s, false).slice(1), false);
      return url;
    }
    const rest = parseRest(url, s, false);
    url.path = encode(rest, C0, false);
    return url;
  }
  if (!base) return null;
  if (typeof base.path === "string") {
    if (input[0] !== "#") return null;
    url = blank(base.scheme);
    url.path = base.path; url.query = base.query;
    url.fragment = encode(input.slice(1), FRAGMENT, false);
    return url;
  }
  url = blank(base.scheme);
  if (url.scheme === "file:") return parseFile(url, input, base) ? url : null;
  return relative(url, input, base);
}

function relative(url, s, base) {
  const special = isSpecialScheme(url.scheme);
  const slash = special ? /^[\/\\]/ : /^\//, twoSlashes = special ? /^[\/\\]{2}/ : /^\/\//;
  if (twoSlashes.test(s)) {
    return authority(url, special ? s.replace(/^[\/\\]+/, "") : s.slice(2), special) ? url : null;
  }
  url.username = base.username; url.password = base.password;
  url.host = base.host; url.port = base.port;
  if (slash.test(s)) {
    parsePath(url, parseRest(url, s, special).slice(1), special);
    return url;
  }
  url.path = base.path.slice();
  if (s === "" || s[0] === "?" || s[0] === "#") {
    url.query = base.query;
    parseRest(url, s, special);
    return url;
  }
  url.path.pop();
  parsePath(url, parseRest(url, s, special), special);
  return url;
}

function authority(url, s, special) {
  let end = s.search(special ? /[\/\\?#]/ : /[\/?#]/);
  if (end < 0) end = s.length;
  if (!parseAuthority(url, s.slice(0, end), special)) return false;
  const rest = parseRest(url, s.slice(end), special);
  if (rest !== "" || special) parsePath(url, rest.slice(1), special);
  return true;
}

function pathText(url) {
  if (typeof url.path === "string") return url.path;
  if (url.path.length === 0) return "";
  return "/" + url.path.join("/");
}

function hostText(url) {
  if (url.host === null) return "";
  return url.port === null ? url.host : url.host + ":" + url.port;
}

function serialize(url, noFragment) {
  let out = url.scheme;
  if (url.host !== null) {
    out += "//";
    if (url.username !== "" || url.password !== "") {
      out += url.username + (url.password !== "" ? ":" + url.password : "") + "@";
    }
    out += hostText(url);
  } else if (typeof url.path !== "string" && url.path.length > 1 && url.path[0] === "") {
    out += "/.";
  }
  out += pathText(url);
  if (url.query !== null) out += "?" + url.query;
  if (!noFragment && url.fragment !== null) out += "#" + url.fragment;
  return out;
}

function origin(url) {
  if (url.scheme === "blob:") {
    const inner = parse(pathText(url), null);
    return inner && (inner.scheme === "http:" || inner.scheme === "https:") ? origin(inner) : "null";
  }
  if (!isSpecialScheme(url.scheme) || url.scheme === "file:") return "null";
  return url.scheme + "//" + hostText(url);
}

// -- URLSearchParams -------------------------------------------------------------
function parseQuery(s) {
  const list = [], parts = s.split("&");
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === "") continue;
    const eq = parts[i].indexOf("=");
    const name = eq < 0 ? parts[i] : parts[i].slice(0, eq);
    const value = eq < 0 ? "" : parts[i].slice(eq + 1);
    list.push([decode(name.replace(/\+/g, " ")), decode(value.replace(/\+/g, " "))]);
  }
  return list;
}
function serializeQuery(list) {
  let out = "";
  for (let i = 0; i < list.length; i++) {
    out += (i ? "&" : "") + encode(list[i][0], FORM, true) + "=" + encode(list[i][1], FORM, true);
  }
  return out;
}
function usv(v) { return text(v).toWellFormed(); }

const lists = new WeakMap(), owners = new WeakMap();
const listOf = (p) => {
  const l = lists.get(p);
  if (l === undefined) throw new TypeErrorCtor("Value of \"this\" must be of type URLSearchParams");
  return l;
};

class URLSearchParams {
  constructor(init = undefined) {
    let list = [];
    if (init === undefined || init === null) list = [];
    else if (typeof init === "object" || typeof init === "function") {
      const method = init[ITER];
      if (method !== undefined && method !== null) {
        if (typeof method !== "function") {
          throw new TypeErrorCtor("Query pairs must be iterable");
        }
        for (const pair of init) {
          if ((typeof pair !== "object" && typeof pair !== "function") || pair === null ||
              typeof pair[ITER] !== "function") {
            throw new TypeErrorCtor("Each query pair must be an iterable [name, value] tuple");
          }
          const items = [...pair];
          if (items.length !== 2) {
            throw new TypeErrorCtor("Each query pair must be an iterable [name, value] tuple");
          }
          list.push([usv(items[0]), usv(items[1])]);
        }
      } else {
        const keys = Reflect.ownKeys(init);
        for (let i = 0; i < keys.length; i++) {
          const d = Reflect.getOwnPropertyDescriptor(init, keys[i]);
          if (typeof keys[i] === "string" && d !== undefined && d.enumerable) {
            list.push([usv(keys[i]), usv(init[keys[i]])]);
          }
        }
      }
    } else {
      let s = usv(init);
      if (s[0] === "?") s = s.slice(1);
      list = parseQuery(s);
    }
    lists.set(this, list);
  }
  get size() { return listOf(this).length; }
  append(name, value) {
    if (arguments.length < 2) throw missing('"name" and "value"');
    listOf(this).push([usv(name), usv(value)]);
    update(this);
  }
  delete(name, value) {
    if (arguments.length < 1) throw missing('"name"');
    const list = listOf(this), n = usv(name), v = value === undefined ? undefined : usv(value);
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i][0] === n && (v === undefined || list[i][1] === v)) list.splice(i, 1);
    }
    update(this);
  }
  get(name) {
    if (arguments.length < 1) throw missing('"name"');
    const list = listOf(this), n = usv(name);
    for (let i = 0; i < list.length; i++) if (list[i][0] === n) return list[i][1];
    return null;
  }
  getAll(name) {
    if (arguments.length < 1) throw missing('"name"');
    const list = listOf(this), n = usv(name), out = [];
    for (let i = 0; i < list.length; i++) if (list[i][0] === n) out.push(list[i][1]);
    return out;
  }
  has(name, value) {
    if (arguments.length < 1) throw missing('"name"');
    const list = listOf(this), n = usv(name), v = value === undefined ? undefined : usv(value);
    for (let i = 0; i < list.length; i++) {
      if (list[i][0] === n && (v === undefined || list[i][1] === v)) return true;
    }
    return false;
  }
  set(name, value) {
    if (arguments.length < 2) throw missing('"name" and "value"');
    const list = listOf(this), n = usv(name), v = usv(value);
    let found = false;
    for (let i = 0; i < list.length; i++) {
      if (list[i][0] !== n) continue;
      if (found) { list.splice(i, 1); i--; } else { list[i][1] = v; found = true; }
    }
    if (!found) list.push([n, v]);
    update(this);
  }
  sort() {
    const list = listOf(this);
    // stable, by UTF-16 code units
    const sorted = list.map((p, i) => [p, i]).sort((a, b) =>
      a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]);
    for (let i = 0; i < list.length; i++) list[i] = sorted[i][0];
    update(this);
  }
  forEach(callback, thisArg = undefined) {
    if (typeof callback !== "function") {
      const error = new TypeErrorCtor('The "callback" argument must be of type function.' +
        " Received " + (callback === undefined ? "undefined" : typeof callback));
      error.code = "ERR_INVALID_ARG_TYPE";
      throw error;
    }
    const list = listOf(this);
    for (let i = 0; i < list.length; i++) {
      apply(callback, thisArg, [list[i][1], list[i][0], this]);
    }
  }
  entries() { return iterate(this, "entries"); }
  keys() { return iterate(this, "keys"); }
  values() { return iterate(this, "values"); }
  toString() { return serializeQuery(listOf(this)); }
  [CUSTOM](depth, options, inspect) {
    const list = listOf(this);
    if (typeof depth === "number" && depth < 0) return "[Object]";
    const inner = innerOptions(options, depth);
    const parts = list.map((p) => inspect(p[0], inner) + " => " + inspect(p[1], inner));
    // (Node compares the entries' length alone with breakLength)
    let length = -2;
    for (let i = 0; i < parts.length; i++) length += parts[i].length + 2;
    const name = (this.constructor && this.constructor.name) || "URLSearchParams";
    if (length > ((options && options.breakLength) || 80)) {
      return name + " {\n  " + parts.join(",\n  ") + " }";
    }
    return parts.length ? name + " { " + parts.join(", ") + " }" : name + " {}";
  }
}
URLSearchParams.prototype[ITER] = URLSearchParams.prototype.entries;
define(URLSearchParams.prototype, Symbol.toStringTag,
  { value: "URLSearchParams", configurable: true });
for (const name of ["entries", "keys", "values", "toString", "forEach"]) {
  const d = Reflect.getOwnPropertyDescriptor(URLSearchParams.prototype, name);
  d.enumerable = true;
  define(URLSearchParams.prototype, name, d);
}

// (the options a custom inspect passes on: one level less)
function innerOptions(options, depth) {
  return { ...options, depth: typeof depth === "number" ? depth - 1 : depth };
}

function missing(names) {  // (Node: "argument" for one name, "arguments" for more)
  const plural = names.indexOf(" and ") >= 0 ? " arguments" : " argument";
  const error = new TypeErrorCtor("The " + names + plural + " must be specified");
  error.code = "ERR_MISSING_ARGS";
  return error;
}

function itemOf(kind, pair) {
  return kind === "keys" ? pair[0] : kind === "values" ? pair[1] : [pair[0], pair[1]];
}
const IteratorProto = Object.getPrototypeOf(Object.getPrototypeOf([][ITER]()));
const ParamsIterator = Object.create(IteratorProto, {
  next: {
    value: function next() {
      const state = iterators.get(this);
      if (state === undefined) throw new TypeErrorCtor("Value of \"this\" must be of type URLSearchParamsIterator");
      const list = listOf(state.params);
      if (state.at >= list.length) return { value: undefined, done: true };
      return { value: itemOf(state.kind, list[state.at++]), done: false };
    },
    writable: true, configurable: true, enumerable: true,
  },
  [Symbol.toStringTag]: { value: "URLSearchParams Iterator", configurable: true },
  [CUSTOM]: {
    value: function (depth, options, inspect) {
      if (typeof depth === "number" && depth < 0) return "[Object]";
      const inner = innerOptions(options, depth);
      const state = iterators.get(this), list = listOf(state.params), items = [];
      for (let i = state.at; i < list.length; i++) items.push(itemOf(state.kind, list[i]));
      const parts = items.map((v) => inspect(v, inner));
      return "URLSearchParams Iterator {" + (inspect(items, inner).includes("\n")
        ? "\n  " + parts.join(",\n  ") : " " + parts.join(", ")) + " }";
    },
    writable: true, configurable: true,
  },
});
const iterators = new WeakMap();
function iterate(params, kind) {
  listOf(params);
  const it = Object.create(ParamsIterator);
  iterators.set(it, { params, kind, at: 0 });
  return it;
}

function update(params) {
  const url = owners.get(params);
  if (url === undefined) return;
  const record = records.get(url), list = lists.get(params);
  record.query = list.length === 0 ? null : serializeQuery(list);
}

// -- URL -----------------------------------------------------------------------
const records = new WeakMap(), paramsOf = new WeakMap();
const recordOf = (u) => {
  const r = records.get(u);
  if (r === undefined) throw new TypeErrorCtor("Value of \"this\" must be of type URL");
  return r;
};
function refreshParams(url) {
  const params = paramsOf.get(url);
  if (params !== undefined) {
    const q = records.get(url).query;
    lists.set(params, q === null ? [] : parseQuery(q));
  }
}

function parseWithBase(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = parse(text(base), null);
    if (baseRecord === null) return null;
  }
  return parse(text(input), baseRecord);
}

// (the accessors a URL is printed with, enumerable as Node's)
const URL_PARTS = ["href", "origin", "protocol", "username", "password", "host", "hostname",
  "port", "pathname", "search", "searchParams", "hash"];

class URL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw missing('"url"');
    input = text(input);
    if (base !== undefined) base = text(base);
    const record = parseWithBase(input, base);
    if (record === null) throw fail(input, base);
    records.set(this, record);
  }
  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw missing('"url"');
    return parseWithBase(text(input), base === undefined ? undefined : text(base)) !== null;
  }
  get href() { return serialize(recordOf(this), false); }
  set href(value) {
    const record = parse(text(value), null);
    if (record === null) throw fail(text(value));
    records.set(this, record);
    refreshParams(this);
  }
  get origin() { return origin(recordOf(this)); }
  get protocol() { return recordOf(this).scheme; }
  set protocol(value) {
    const r = recordOf(this), m = /^([a-zA-Z][a-zA-Z0-9+\-.]*)(:|$)/.exec(text(value));
    if (!m) return;
    const scheme = m[1].toLowerCase() + ":";
    if (isSpecialScheme(scheme) !== isSpecialScheme(r.scheme)) return;
    if (scheme === "file:" && (r.username !== "" || r.password !== "" || r.port !== null)) return;
    if (r.scheme === "file:" && r.host === "") return;
    r.scheme = scheme;
    if (r.port === SPECIAL[scheme]) r.port = null;
  }
  get username() { return recordOf(this).username; }
  set username(value) {
    const r = recordOf(this);
    if (cannotHaveCredentials(r)) return;
    r.username = encode(text(value), USERINFO, false);
  }
  get password() { return recordOf(this).password; }
  set password(value) {
    const r = recordOf(this);
    if (cannotHaveCredentials(r)) return;
    r.password = encode(text(value), USERINFO, false);
  }
  get host() { return hostText(recordOf(this)); }
  set host(value) { setHost(recordOf(this), text(value), true); }
  get hostname() { const r = recordOf(this); return r.host === null ? "" : r.host; }
  set hostname(value) { setHost(recordOf(this), text(value), false); }
  get port() { const r = recordOf(this); return r.port === null ? "" : text(r.port); }
  set port(value) {
    const r = recordOf(this);
    if (cannotHaveCredentials(r)) return;
    const s = text(value);
    if (s === "") { r.port = null; return; }
    const m = /^[0-9]+/.exec(s);
    if (!m || +m[0] > 65535) return;
    r.port = SPECIAL[r.scheme] === +m[0] ? null : +m[0];
  }
  get pathname() { return pathText(recordOf(this)); }
  set pathname(value) {
    const r = recordOf(this);
    if (typeof r.path === "string") return;
    const special = isSpecialScheme(r.scheme);
    let s = text(value).replace(/[\t\n\r]/g, "");
    r.path = [];
    if (!special && s === "") return;
    if (special ? /^[\/\\]/.test(s) : s[0] === "/") s = s.slice(1);
    parsePath(r, s.replace(/[?#]/g, (c) => (c === "?" ? "%3F" : "%23")), special);
  }
  get search() { const r = recordOf(this); return r.query === null || r.query === "" ? "" : "?" + r.query; }
  set search(value) {
    const r = recordOf(this);
    let s = text(value);
    if (s === "") r.query = null;
    else {
      if (s[0] === "?") s = s.slice(1);
      r.query = encode(s.replace(/[\t\n\r]/g, ""), isSpecialScheme(r.scheme) ? SPECIAL_QUERY : QUERY, false);
    }
    refreshParams(this);
  }
  get searchParams() {
    recordOf(this);
    let params = paramsOf.get(this);
    if (params === undefined) {
      params = new URLSearchParams();
      paramsOf.set(this, params);
      owners.set(params, this);
      refreshParams(this);
    }
    return params;
  }
  get hash() {
    const r = recordOf(this);
    return r.fragment === null || r.fragment === "" ? "" : "#" + r.fragment;
  }
  set hash(value) {
    const r = recordOf(this);
    let s = text(value);
    if (s === "") { r.fragment = null; return; }
    if (s[0] === "#") s = s.slice(1);
    r.fragment = encode(s.replace(/[\t\n\r]/g, ""), FRAGMENT, false);
  }
  toString() { return serialize(recordOf(this), false); }
  toJSON() { return serialize(recordOf(this), false); }
  [CUSTOM](depth, options, inspect) {
    if (typeof depth === "number" && depth < 0) return "URL {}";
    const shown = {};
    for (let i = 0; i < URL_PARTS.length; i++) shown[URL_PARTS[i]] = this[URL_PARTS[i]];
    const name = (this.constructor && this.constructor.name) || "URL";
    return name + " " + inspect(shown, options);
  }
}

// (the standard's "cannot have a username/password/port")
function cannotHaveCredentials(r) {
  return r.host === null || r.host === "" || r.scheme === "file:";
}

function setHost(r, s, withPort) {
  if (typeof r.path === "string") return;
  const special = isSpecialScheme(r.scheme);
  let end = s.search(special ? /[\/\\?#]/ : /[\/?#]/);
  if (end < 0) end = s.length;
  s = s.slice(0, end);
  let hostPart = s, portPart = null;
  const close = s.lastIndexOf("]"), colon = s.lastIndexOf(":");
  if (colon > close) { hostPart = s.slice(0, colon); portPart = s.slice(colon + 1); }
  if ((!withPort || r.scheme === "file:") && portPart !== null) return;
  if (hostPart === "") { if (special) return; }
  const host = hostPart === "" ? "" : parseHost(hostPart, special);
  if (host === null) return;
  r.host = r.scheme === "file:" && host === "localhost" ? "" : host;
  if (withPort && portPart !== null && /^[0-9]+/.test(portPart)) {
    const port = +/^[0-9]+/.exec(portPart)[0];
    if (port <= 65535) r.port = SPECIAL[r.scheme] === port ? null : port;
  }
}

define(URL.prototype, Symbol.toStringTag, { value: "URL", configurable: true });
for (const name of [...URL_PARTS, "toString", "toJSON"]) {
  const d = Reflect.getOwnPropertyDescriptor(URL.prototype, name);
  d.enumerable = true;
  define(URL.prototype, name, d);
}
for (const C of [URL, URLSearchParams]) {
  define(global, C.name, { value: C, writable: true, configurable: true });
}
})

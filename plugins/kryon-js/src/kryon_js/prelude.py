"""The JavaScript half of the engine, evaluated once in every new VM.

It owns everything that must run *inside* the VM (and so under the time
limit): converting values to and from the wire format, calling script
functions and catching their errors, the ``kryon`` and ``console`` objects,
the module registry, and the disarm token of the time limit (see
``timelimit.py``).  It is a closure: nothing here is reachable from scripts
except ``kryon``, ``console``, ``window`` and the two module helpers.

Wire format (see ``wire.py``): JSON where a special value is an object with
the key ``TAG``.  Results of calls are primitives when they can be passed as
they are, otherwise a string starting with ``\\x01`` (a value), ``\\x02`` (an
error) or ``\\x03`` (a promise id).
"""

from __future__ import annotations

from importlib import resources

__all__ = [
    "ARRAYS",
    "BUFFER",
    "CLONE",
    "COMMONJS",
    "CONSOLE",
    "CONVERSIONS",
    "ENCODING",
    "EVENTS",
    "JSON_ERRORS",
    "LOCALE",
    "PARTS",
    "PRELUDE",
    "PRELUDE_LINES",
    "TAG",
    "URL",
]

CONSOLE = resources.files("kryon_js").joinpath("console.js").read_text("utf-8")
"""The ``console`` factory (``console.js``), put into the prelude as ``%(console)s``."""
LOCALE = resources.files("kryon_js").joinpath("locale.js").read_text("utf-8")
"""localeCompare and toLocaleString as Node gives them (``locale.js``): ``%(locale)s``."""
CLONE = resources.files("kryon_js").joinpath("clone.js").read_text("utf-8")
"""``structuredClone`` as Node gives it (``clone.js``): ``%(clone)s``."""
ARRAYS = resources.files("kryon_js").joinpath("arrays.js").read_text("utf-8")
"""Array methods interruptible over huge lengths, proxies remembered (``arrays.js``):
``%(arrays)s``."""
COMMONJS = resources.files("kryon_js").joinpath("commonjs.js").read_text("utf-8")
"""``module``, ``exports`` and ``require`` of a classic script (``commonjs.js``):
``%(commonjs)s``."""
CONVERSIONS = resources.files("kryon_js").joinpath("conversions.js").read_text("utf-8")
"""``BigInt`` and ``String.prototype.repeat`` with Node's messages (``conversions.js``):
``%(conversions)s``."""
ENCODING = resources.files("kryon_js").joinpath("encoding.js").read_text("utf-8")
"""``TextEncoder``/``TextDecoder`` for UTF-8 as Node has them (``encoding.js``):
``%(encoding)s``."""
EVENTS = resources.files("kryon_js").joinpath("events.js").read_text("utf-8")
"""``EventTarget``, ``Event``, ``AbortController`` and the rest (``events.js``):
``%(events)s``."""
BUFFER = resources.files("kryon_js").joinpath("buffer.js").read_text("utf-8")
"""A small ``Buffer`` as Node has it (``buffer.js``): ``%(buffer)s``."""
URL = resources.files("kryon_js").joinpath("url.js").read_text("utf-8")
"""``URL`` and ``URLSearchParams`` as Node has them (``url.js``): ``%(url)s``."""
PATH = resources.files("kryon_js").joinpath("path.js").read_text("utf-8")
"""Node's ``path`` module, POSIX (``path.js``): ``%(path)s``."""
SORT = resources.files("kryon_js").joinpath("sort.js").read_text("utf-8")
"""V8's TimSort for a comparison function's sort (``sort.js``): ``%(sort)s``."""
JSON_ERRORS = resources.files("kryon_js").joinpath("json.js").read_text("utf-8")
"""``JSON.parse``/``JSON.stringify`` with V8's error messages (``json.js``): ``%(json)s``."""

PARTS = {
    "console": CONSOLE,
    "locale": LOCALE,
    "clone": CLONE,
    "arrays": ARRAYS,
    "sort": SORT,
    "path": PATH,
    "commonjs": COMMONJS,
    "encoding": ENCODING,
    "url": URL,
    "buffer": BUFFER,
    "events": EVENTS,
    "conversions": CONVERSIONS,
    "json": JSON_ERRORS,
}
"""Each factory above by the ``%(name)s`` that puts it into the prelude."""

TAG = "\u0000kryon:t"

PRELUDE = r"""
(function (global, host) {
"use strict";
const TAG = "\u0000kryon:t", MAX_SAFE = 9007199254740991, MAX_DEPTH = %(max_depth)d;
const I64_MIN = -(2n ** 63n), I64_MAX = 2n ** 63n - 1n;
const FN_IDS = new Map(), FNS = new Map(), OPAQUE = new WeakMap(), UDS = new Map();
const MODULES = new Map(), PENDING = new Map();
let nextId = 1, token;
// Built-ins are captured now, so a script that replaces JSON.parse or
// Map.prototype.get cannot see or forge the values other scripts exchange.
const uncurry = Function.prototype.bind.bind(Function.prototype.call);
const isArray = Array.isArray, keys = Object.keys, stringify = JSON.stringify;
const parse = JSON.parse, toString = String, isInteger = Number.isInteger, makeBigInt = BigInt;
const freeze = Object.freeze, create = Object.create, define = Object.defineProperty;
const PromiseCtor = Promise, ErrorCtor = Error, DateCtor = Date, SetCtor = Set;
const TypeErrorCtor = TypeError, RangeErrorCtor = RangeError;
const objectKind = uncurry(Object.prototype.toString);
const hasOwn = uncurry(Object.prototype.hasOwnProperty);
const dateIso = uncurry(Date.prototype.toISOString), dateTime = uncurry(Date.prototype.getTime);
const promiseThen = uncurry(Promise.prototype.then);
const mapGet = uncurry(Map.prototype.get), mapSet = uncurry(Map.prototype.set);
const mapDelete = uncurry(Map.prototype.delete), mapClear = uncurry(Map.prototype.clear);
const weakGet = uncurry(WeakMap.prototype.get);
const weakSet = uncurry(WeakMap.prototype.set), setHas = uncurry(Set.prototype.has);
const setAdd = uncurry(Set.prototype.add), setDelete = uncurry(Set.prototype.delete);
const charCode = uncurry(String.prototype.charCodeAt), strIndex = uncurry(String.prototype.indexOf);
const strSlice = uncurry(String.prototype.slice), arraySlice = uncurry(Array.prototype.slice);
const wellFormed = uncurry(String.prototype.isWellFormed);
const applyFn = uncurry(Function.prototype.apply), strSplit = uncurry(String.prototype.split);
const sameValue = Object.is, strLastIndex = uncurry(String.prototype.lastIndexOf);

class ConversionFailure { constructor(message) { this.message = message; } }

function encodeNumber(v) {
  if (v !== v) return '{"\\u0000kryon:t":"nan"}';
  if (v === Infinity) return '{"\\u0000kryon:t":"inf"}';
  if (v === -Infinity) return '{"\\u0000kryon:t":"-inf"}';
  if (v === 0 && 1 / v < 0) return "-0.0";
  const s = toString(v);
  if (isInteger(v) && (v > MAX_SAFE || v < -MAX_SAFE) && strIndex(s, "e") < 0) return s + ".0";
  return s;
}

function opaqueFor(kind, id) {
  const object = freeze(create(null));
  weakSet(OPAQUE, object, kind + ":" + id);
  return object;
}

function encode(v, depth, active) {
  switch (typeof v) {
    case "number": return encodeNumber(v);
    case "string": return stringify(v);
    case "boolean": return v ? "true" : "false";
    case "undefined": return "null";
    case "bigint":
      if (v < I64_MIN || v > I64_MAX) {
        throw new ConversionFailure("BigInt " + v + " is outside the 64-bit range");
      }
      return '{"\\u0000kryon:t":"big","v":"' + v + '"}';
    case "function": {
      let id = mapGet(FN_IDS, v);
      if (id === undefined) { id = nextId++; mapSet(FN_IDS, v, id); mapSet(FNS, id, v); }
      const name = stringify(toString(v.name || "anonymous"));
      return '{"\\u0000kryon:t":"fn","id":' + id + ',"name":' + name + "}";
    }
    case "symbol": throw new ConversionFailure("a Symbol cannot leave JavaScript");
  }
  if (v === null) return "null";
  const opaque = weakGet(OPAQUE, v);
  if (opaque !== undefined) {
    const cut = strIndex(opaque, ":"), kind = strSlice(opaque, 0, cut);
    return '{"\\u0000kryon:t":"' + kind + '","id":' + strSlice(opaque, cut + 1) + "}";
  }
  if (v instanceof DateCtor) {
    const time = dateTime(v);
    return time === time ? stringify(dateIso(v)) : "null";
  }
  if (v instanceof PromiseCtor) {
    throw new ConversionFailure("a Promise cannot be converted (await it first)");
  }
  if (depth >= MAX_DEPTH) {
    throw new ConversionFailure("nesting deeper than " + MAX_DEPTH + " levels");
  }
  if (setHas(active, v)) throw new ConversionFailure("value contains itself (a cycle)");
  setAdd(active, v);
  let out;
  if (isArray(v)) {
    out = "[";
    for (let i = 0; i < v.length; i++) out += (i ? "," : "") + encode(v[i], depth + 1, active);
    out += "]";
  } else {
    const names = keys(v);
    out = "{";
    for (let i = 0; i < names.length; i++) {
      const k = names[i];
      out += (i ? "," : "") + stringify(k) + ":" + encode(v[k], depth + 1, active);
    }
    out += "}";
  }
  setDelete(active, v);
  return out;
}

function special(v) {
  switch (v[TAG]) {
    case "nan": return NaN;
    case "inf": return Infinity;
    case "-inf": return -Infinity;
    case "big": return makeBigInt(v.v);
    case "jsfn": {
      const f = mapGet(FNS, v.id);
      if (f === undefined) throw new TypeErrorCtor("the function was released");
      return f;
    }
    case "fn": return hostFunction(v.id, v.name);
    case "ud": case "el": {
      const key = v[TAG] + ":" + v.id;
      let object = mapGet(UDS, key);
      if (object === undefined) { object = opaqueFor(v[TAG], v.id); mapSet(UDS, key, object); }
      return object;
    }
  }
  return v;
}

function revive(k, v) {
  const tagged = v !== null && typeof v === "object" && !isArray(v) && hasOwn(v, TAG);
  return tagged ? special(v) : v;
}

function decode(text) {
  return charCode(text, 0) === 82 ? parse(strSlice(text, 1), revive) : parse(strSlice(text, 1));
}

// The binding stops a string at a NUL and cannot decode a lone surrogate: such
// strings (and ones that look like result markers) cross as wire text instead.
// Not a result marker (a first character \x01..\x03: string comparisons, which no
// script can replace, cost no call), no NUL, no lone surrogate.
function plainString(s) {
  return (s < "\u0001" || s >= "\u0004") && strIndex(s, "\u0000") < 0 && wellFormed(s);
}

// QuickJS-ng keeps a long string built by concatenation as a rope, which the binding
// cannot convert ("Unknown quickjs tag: -6"): every string that leaves for Python is
// made flat by a slice first.
function flat(s) { return strSlice(s, 0); }

// Every entry from Python ends here: a plain string, the common non-number result,
// is checked inline (plainString) and made flat with no further call.
function out(r) {
  const v = typeof r === "string" && (r < "\u0001" || r >= "\u0004") &&
    strIndex(r, "\u0000") < 0 && wellFormed(r) ? strSlice(r, 0) : outValue(r);
  if (outCount !== 0) flushOut();
  return v;
}

function outValue(r) {
  const t = typeof r;
  if (t === "number" || t === "boolean" || r == null) return r;
  if (t === "string" && plainString(r)) return flat(r);
  if (r instanceof PromiseCtor) {
    const id = nextId++;
    const entry = { state: "pending", value: undefined };
    mapSet(PENDING, id, entry);
    promiseThen(r, (value) => { entry.state = "fulfilled"; entry.value = value; },
                       (error) => { entry.state = "rejected"; entry.value = error; });
    return "\u0003" + id;
  }
  return flat("\u0001" + encode(r, 0, new SetCtor()));
}

// -- throw sites (source.py) -----------------------------------------------------
// Each `throw X` of a script runs as `throw $kt$[n]=X`: the setter records the value
// and where it was thrown, which QuickJS keeps only for error objects (in their
// stack).  A value that ends a call with no stack is reported at its site.
let thrownValue, thrownAt = "";
// A value to destructure or iterate runs through setter -n first (checks.py), which
// throws V8's TypeError for a value that cannot be: [kind, if undefined, if null,
// if not iterable].
const ITERATOR = Symbol.iterator;
function checkSite(check) {
  return (v) => {
    if (v === undefined) throw new TypeErrorCtor(check[1]);
    if (v === null) throw new TypeErrorCtor(check[2]);
    if (check[0] === "i" && typeof v[ITERATOR] !== "function") throw new TypeErrorCtor(check[3]);
  };
}
function throwSites(table, checks) {
  const sites = create(null), list = table === "" ? [] : strSplit(table, ";");
  for (let i = 0; i < list.length; i++) {
    const at = list[i];
    define(sites, i, { set: (v) => { thrownValue = v; thrownAt = at; } });
  }
  const values = checks === undefined ? [] : parse(checks);
  for (let i = 0; i < values.length; i++) define(sites, -(i + 1), { set: checkSite(values[i]) });
  // an inline check (`X ?? $kt$.u(-n, X)`): X was null or undefined
  define(sites, "u", {
    value: (n, v) => {
      throw new TypeErrorCtor(values[-n - 1][v === undefined ? 1 : v === null ? 2 : 3]);
    },
  });
  define(sites, "s", { value: ITERATOR });
  define(sites, "c", { value: caught });  // each catch clause's first step (shape.py)
  return freeze(sites);
}
// Function.prototype.toString gives a function's source as the script wrote it.
// (an inline check, ` ?? $kt$.u(-n, X)`, repeats X: names, dots, brackets, literals)
const INLINE_MARK = / \?\? \$kt\$\.u\(-\d+, (?:[^)"']|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')*\)/g;
// (a name checked as iterable: `typeof X?.[$kt$.s] === "function" ? X : $kt$.u(-n, X)`)
const ITERATED_MARK =
  /typeof ([\w$]+)\?\.\[\$kt\$\.s\] === "function" \? \1 : \$kt\$\.u\(-\d+, \1\)/g;
const SITE_MARK = /\$kt\$\[-?\d+\]=/g, fnSource = uncurry(Function.prototype.toString);
const replaceText = uncurry(String.prototype.replace);
// Built-ins read as V8 writes them, on one line (`function max() { [native code] }`,
// a bound function `function () { [native code] }`), the ones the prelude wrote too
// (NATIVE: Promise.any, JSON.parse...).
const NATIVE = new WeakMap(), NATIVE_END = "() {\n    [native code]\n}";
const sourceText = {
  toString() {
    const native = weakGet(NATIVE, this);
    if (native !== undefined) return "function " + native + "() { [native code] }";
    const s = fnSource(this);
    if (strIndex(s, "$kt$") >= 0) {
      const marked = replaceText(replaceText(s, SITE_MARK, ""), INLINE_MARK, "");
      return replaceText(marked, ITERATED_MARK, "$1");
    }
    if (strSlice(s, -NATIVE_END.length) !== NATIVE_END) return s;
    const name = strSlice(s, 9, -NATIVE_END.length);
    return "function " + (strSlice(name, 0, 6) === "bound " ? "" : name) + "() { [native code] }";
  },
}.toString;
define(Function.prototype, "toString", { value: sourceText, writable: true, configurable: true });

// Records for the host are written field by field: JSON.stringify of an object calls
// a toJSON a script put on Object.prototype or Array.prototype (which could loop or
// forge the record); of a string or number it looks up nothing.  Fields are defined,
// never assigned (a script's setter on Object.prototype would take the value).
function wireList(list) {
  let s = "[";
  for (let i = 0; i < list.length; i++) s += (i ? "," : "") + stringify(list[i]);
  return s + "]";
}
function wireRecord(o) {
  const names = keys(o);
  let s = "{";
  for (let i = 0; i < names.length; i++) {
    const v = o[names[i]];
    s += (i ? "," : "") + stringify(names[i]) + ":" +
      (v === undefined ? "null" : isArray(v) ? wireList(v) : stringify(v));
  }
  return s + "}";
}

function describe(e) {
  if (e instanceof ConversionFailure) {
    return { kind: "conversion", name: "ConversionError", message: e.message, stack: "" };
  }
  const info = describeValue(e);
  if (thrownAt !== "" && info.stack === "" && sameValue(e, thrownValue)) {
    define(info, "site", { value: thrownAt, enumerable: true });
  }
  thrownValue = undefined; thrownAt = "";
  return info;
}

function describeValue(e) {
  let name = "Error", message, stack = "", host = 0;
  try {
    if (e !== null && typeof e === "object" && !(e instanceof ErrorCtor) &&
        toString(e.stack === undefined ? "" : e.stack) === "") {
      // A thrown non-error is reported as Node reports it: its inspection.
      name = "uncaught"; message = inspect(e);
    } else if (e !== null && typeof e === "object") {
      // The stack first: a name or message getter that throws still leaves the place.
      stack = rawStackOf(e);
      asRangeError(e);
      host = typeof e.kryonHostError === "number" ? e.kryonHostError : 0;
      name = toString(e.name === undefined ? "Error" : e.name);
      message = e.message === undefined ? toString(e) : v8MessageOf(e, toString(e.message));
    } else {
      name = "uncaught"; message = toString(e);
    }
  } catch (inner) {
    message = "(the thrown value could not be described)";
  }
  return { kind: "error", name: name, message: message, stack: stack, host: host };
}

// An error of a job or tick that must end the program leaves the VM as the string of
// its description (described): the binding would read an error object reaching
// Python itself, with no limit (a proxy's looping trap hung the host).
// jserrors.from_exception reads it back; fail passes it on as it is.
let lastDescribed;
function description(e) {
  return flat("\u0002" + wireRecord(describe(e)));
}
function described(e) {
  lastDescribed = description(e);
  return lastDescribed;
}

function fail(e) {
  const v = typeof e === "string" && e === lastDescribed ? e : description(e);
  if (outCount !== 0) {
    try { flushOut(); } catch (inner) { /* the call fails with e all the same */ }
  }
  return v;
}

function hostError(text) {
  const info = parse(text);
  const error = new ErrorCtor(info.message);
  error.name = info.name;
  if (info.id) define(error, "kryonHostError", { value: info.id });
  return error;
}

function fromHost(r) {
  if (typeof r === "string" && r.length > 0) {
    const c = charCode(r, 0);
    if (c === 1) return decode(strSlice(r, 1));
    if (c === 2) throw hostError(strSlice(r, 1));
    // The program is ending (exits.py): wait here for the uncatchable interrupt.
    if (c === 5) for (;;) { /* spin */ }
  }
  return r;
}

function simpleArgs(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i], t = typeof a;
    if (t === "string") { if (strIndex(a, "\u0000") >= 0 || !wellFormed(a)) return false; }
    else if (!(t === "number" || t === "boolean" || a == null)) return false;
  }
  return true;
}

// -- output (console, process.stdout.write) ----------------------------------------
// Writes wait here, both streams in one queue in order, each as \x01 and a letter,
// then the text: "o"/"e" (stdout/stderr) the text as it is, "O"/"E" its JSON (a text
// holding \x01, a NUL or a lone surrogate, which the binding could not pass).  They reach
// Python in one host call (OP_FLUSH) when the queue passes OUT_PIECES or OUT_CHARS,
// before any other host call (so output keeps its place among host effects), and as
// every entry from Python ends (out, fail, the api wrappers).  An entry that ends by
// an uncatchable interrupt (a limit) leaves the queue to the host: it takes it with
// api.takeOutput (runtime.flush_output), which makes no host call.  A piece of
// OUT_CHARS or more goes on its own, as it is (its JSON text could be six times as
// long: a big print would need that much memory more).  Only a VM with a short time
// limit batches (runtime.BATCH_LIMIT_MS): a queue waits at most that long, where a
// script without one could print "ready" and then run for minutes.
const OUT_BATCH = %(batch_output)s, OUT_PIECES = 256, OUT_CHARS = 16384;
// Any surrogate (a pair too) sends the text as JSON: one check, and both stay exact.
const OUT_UNSAFE = /[\u0000\u0001\ud800-\udfff]/, regexExec = uncurry(RegExp.prototype.exec);
let outText = "", outCount = 0;
function queueWrite(stream, text) {
  if (!OUT_BATCH || text.length >= OUT_CHARS) { hostCall(%(op_write)d, [stream, text]); return; }
  const err = stream === "stderr";
  if (regexExec(OUT_UNSAFE, text) === null) outText += (err ? "\u0001e" : "\u0001o") + text;
  else outText += (err ? "\u0001E" : "\u0001O") + stringify(text);
  if (++outCount >= OUT_PIECES || outText.length >= OUT_CHARS) flushOut();
}
function takeOutput() {
  const text = flat(outText);  // first: out of memory, the queue stays for the host
  outText = ""; outCount = 0;
  return text;
}
function flushOut() {
  const text = takeOutput();
  if (token !== undefined) token = undefined;  // disarm (timelimit.py), as hostCall does
  fromHost(host(%(op_flush)d, text));
}

// Never `host(op, ...args)`: spreading runs Array.prototype[Symbol.iterator], which a
// script can replace to hand Python raw JS objects instead of the values checked here.
function hostCall(op, args) {
  if (outCount !== 0) flushOut();
  // Disarm (timelimit.py): lets this call reach Python; the time limit stays armed.
  if (token !== undefined) token = undefined;
  if (args.length <= 3 && simpleArgs(args)) {
    switch (args.length) {
      case 0: return fromHost(host(op));
      case 1: return fromHost(host(op, pass(args[0])));
      case 2: return fromHost(host(op, pass(args[0]), pass(args[1])));
      default: return fromHost(host(op, pass(args[0]), pass(args[1]), pass(args[2])));
    }
  }
  let text = "R[";
  for (let i = 0; i < args.length; i++) text += (i ? "," : "") + encode(args[i], 0, new SetCtor());
  return fromHost(host(-op, flat(text + "]")));
}

function pass(x) { return typeof x === "string" ? flat(x) : x; }

// An argument as the binding can take it as it is (a string made flat), or NOT_PLAIN.
const NOT_PLAIN = freeze(create(null));
function passable(x) {
  const t = typeof x;
  if (t === "string") {
    return strIndex(x, "\u0000") < 0 && wellFormed(x) ? strSlice(x, 0) : NOT_PLAIN;
  }
  return t === "number" || t === "boolean" || x == null ? x : NOT_PLAIN;
}

// A kryon.* function: up to three plain arguments go straight to Python.  This runs
// once per callback, so a number (the common argument) costs one typeof, and only a
// string result that may be a marker (a first character below \x06) goes through
// fromHost.  (Strict code: reassigning a parameter leaves `arguments` as passed.)
function kryonFunction(id) {
  return function (a, b, c) {
    if (outCount !== 0) flushOut();
    if (token !== undefined) token = undefined;
    const n = arguments.length;
    if (n > 3 ||
        (n > 0 && typeof a !== "number" && (a = passable(a)) === NOT_PLAIN) ||
        (n > 1 && typeof b !== "number" && (b = passable(b)) === NOT_PLAIN) ||
        (n > 2 && typeof c !== "number" && (c = passable(c)) === NOT_PLAIN)) {
      return hostCall(id, arraySlice(arguments));
    }
    const r = n === 2 ? host(id, a, b) : n === 1 ? host(id, a)
      : n === 0 ? host(id) : host(id, a, b, c);
    return typeof r !== "string" || r >= "\u0006" ? r : fromHost(r);
  };
}

function hostFunction(id, name) {
  const f = function (...args) { return hostCall(%(ref_base)d + id, args); };
  define(f, "name", { value: toString(name) });
  return f;
}

// -- error stacks ------------------------------------------------------------
// QuickJS keeps an error's frames inside it and shows them through an accessor of
// Error.prototype, as "    at f (<input>:4003:9)" in the VM's numbering and with the
// engine's own frames.  Scripts see V8's text instead: "Name: message" and the
// frames in script terms, made on first read (when V8 makes it too, so a name set
// after super() shows) and kept.  It is made here, from the line bands the host
// sends (source.LineBands), never by calling the host: the binding reads the stack
// of an error that reaches Python while it holds no Python thread state.
// The engine reads the raw frames (rawStackOf) to place errors.
const stackAccess = Object.getOwnPropertyDescriptor(ErrorCtor.prototype, "stack");
const quickStack = stackAccess && typeof stackAccess.get === "function"
  ? uncurry(stackAccess.get) : (e) => undefined;
const RAW_STACKS = new WeakMap(), SHOWN_STACKS = new WeakMap();
const captureStack = ErrorCtor.captureStackTrace, ownDescriptor = Object.getOwnPropertyDescriptor;
const toNumber = Number, strJoin = uncurry(Array.prototype.join);
// [first line, last line, script, {script line: [[start, end, added], ...]}], by line.
let BANDS = [];

function bandOf(line) {
  let low = 0, high = BANDS.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (BANDS[middle][0] <= line) low = middle + 1;
    else high = middle;
  }
  return low > 0 && line <= BANDS[low - 1][1] ? BANDS[low - 1] : undefined;
}
// LineBands.column: a column after an edit that made the line longer moves back.
function bandColumn(band, line, column) {
  const edits = band[3][line - band[0]];
  if (edits === undefined) return column;
  let at = column - 1, moved = 0;
  for (let i = 0; i < edits.length; i++) {
    const start = edits[i][0], end = edits[i][1], added = edits[i][2];
    if (at < start + moved) break;
    if (at < end + moved + added) return start + 1;
    moved += added;
  }
  return at - moved + 1;
}
// The frames of a QuickJS stack in script terms, as V8 writes them: engine frames
// dropped with the native calls that entered them, an anonymous function's frame
// its place alone, a classic script's top level (run by `load`) Object.<anonymous>.
function scriptFrames(raw) {
  const lines = strSplit(raw, "\n"), shown = [];
  let topLevel = -1;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const at = strIndex(line, "at ");
    if (at < 0) continue;
    line = strSlice(line, at + 3);
    let fn = "", place = line;
    if (line.length > 0 && charCode(line, line.length - 1) === 41) {  // ")"
      const open = strLastIndex(line, " (");
      if (open < 0) continue;
      fn = strSlice(line, 0, open);
      place = strSlice(line, open + 2, line.length - 1);
    }
    if (place === "native") { shown[shown.length] = "    at " + fn + " (native)"; continue; }
    if (strSlice(place, 0, 8) !== "<input>:") continue;
    const colon = strLastIndex(place, ":");
    const vmLine = toNumber(strSlice(place, 8, colon));
    const vmColumn = toNumber(strSlice(place, colon + 1));
    const band = bandOf(vmLine);
    if (band === undefined) {
      while (shown.length && strSlice(shown[shown.length - 1], -9) === " (native)") shown.length--;
      if (topLevel >= 0 && topLevel === shown.length - 1 && fn === "load") {
        shown[topLevel] = "    at Object.<anonymous> (" + strSlice(shown[topLevel], 7) + ")";
      }
      topLevel = -1;
      continue;
    }
    const scriptLine = vmLine - band[0];
    const where = band[2] + ":" + (scriptLine < 1 ? 1 : scriptLine > band[1] - band[0] - 1
      ? band[1] - band[0] - 1 : scriptLine) + ":" + bandColumn(band, vmLine, vmColumn);
    const anonymous = fn === "" || fn === "<anonymous>" || fn === "<eval>";
    shown[shown.length] = anonymous ? "    at " + where : "    at " + fn + " (" + where + ")";
    topLevel = anonymous ? shown.length - 1 : -1;
  }
  return strJoin(shown, "\n");
}
// An error made by `new C(...)` of a class C extending an error class: V8 leaves the
// frames of the constructors of C's class chain out of its stack (it skips frames
// until C's own), so the stack starts where `new C` was evaluated.  QuickJS keeps
// them, top first from the base class's super() call: the frames up to C's are cut
// when their names are the chain's (C and the classes between it and the built-in
// error class), read from the prototypes' own data properties (no getter runs).
const ERROR_PROTOS = new SetCtor();
for (const C of [ErrorCtor, TypeErrorCtor, RangeErrorCtor, SyntaxError, ReferenceError,
                 EvalError, URIError, AggregateError, typeof InternalError === "function"
                   ? InternalError : ErrorCtor]) {
  setAdd(ERROR_PROTOS, C.prototype);
}
const protoOf = Object.getPrototypeOf;
const isErrorObject = typeof Error.isError === "function" ? Error.isError
  : (e) => e instanceof ErrorCtor;
function dataValue(object, key) {
  const own = ownDescriptor(object, key);
  return own === undefined ? undefined : own.value;
}
function classChain(e) {
  let names, p = protoOf(e);
  for (let n = 0; n < 64 && p !== null && !setHas(ERROR_PROTOS, p); n++) {
    const C = dataValue(p, "constructor"), name = C ? dataValue(C, "name") : undefined;
    if (typeof C !== "function" || typeof name !== "string" || name === "") break;
    if (names === undefined) names = [];
    names[names.length] = name;
    p = protoOf(p);
  }
  return names;
}
function frameName(line) {
  const at = strIndex(line, "at "), open = strLastIndex(line, " (");
  return at < 0 || open < at ? "" : strSlice(line, at + 3, open);
}
function withoutClassFrames(e, lines) {
  let names;
  try { names = classChain(e); } catch (x) { return lines; }
  if (names === undefined) return lines;
  for (let i = 0; i < lines.length; i++) {
    const name = frameName(lines[i]);
    if (name === names[0]) return arraySlice(lines, i + 1);
    let known = false;
    for (let j = 1; j < names.length && !known; j++) known = names[j] === name;
    if (!known) break;
  }
  return lines;
}
// V8 places a `new C(...)` call at its `new`; QuickJS at the constructor expression
// after it (`new Error('x')` was column 5 where Node says 1, across lines too).
function isKeywordAt(text, at, word) {
  if (at < 0 || strSlice(text, at, at + word.length) !== word) return false;
  const before = at > 0 ? charCode(text, at - 1) : 32;
  return !isNameCode(before) && before !== 46;  // not part of a name, not `.new`
}
function newBefore(band, vmLine, column) {
  let line = vmLine, text = sourceLine(line), at = column - 2;
  for (let lines = 0; text !== undefined && lines < 4;) {
    while (at >= 0) {
      const c = charCode(text, at);
      if (c === 32 || c === 9 || c === 40) at--;  // space, tab, "("
      else break;
    }
    if (at >= 0) {
      return isKeywordAt(text, at - 2, "new") ? [line, at - 1] : undefined;
    }
    line--; lines++;
    if (line - band[0] < 1) return undefined;
    text = sourceLine(line);
    at = text === undefined ? -1 : text.length - 1;
  }
  return undefined;
}
// The VM's column of a script's own column (bandColumn reversed): after each edit
// that made the line longer, the text moved by what the edit added.
function vmColumnOf(band, line, column) {
  const edits = band[3][line - band[0]];
  if (edits === undefined) return column;
  let moved = 0;
  for (let i = 0; i < edits.length && edits[i][1] <= column - 1; i++) moved += edits[i][2];
  return column + moved;
}
function placedFrame(line) {
  const open = strLastIndex(line, "(<input>:");
  if (open < 0 || charCode(line, line.length - 1) !== 41) return line;
  const place = strSlice(line, open + 9, line.length - 1), colon = strIndex(place, ":");
  const vmLine = toNumber(strSlice(place, 0, colon));
  const vmColumn = toNumber(strSlice(place, colon + 1));
  const band = bandOf(vmLine);
  if (band === undefined) return line;
  const found = newBefore(band, vmLine, bandColumn(band, vmLine, vmColumn));
  if (found === undefined) return line;
  return strSlice(line, 0, open) + "(<input>:" + found[0] + ":" +
    vmColumnOf(band, found[0], found[1]) + ")";
}
// QuickJS's stack of an error as V8 would have taken it (frames in the VM's numbering).
function placedStack(e, raw) {
  try {
    let lines = strSplit(raw, "\n");
    if (isErrorObject(e)) lines = withoutClassFrames(e, lines);
    for (let i = 0; i < lines.length; i++) lines[i] = placedFrame(lines[i]);
    return strJoin(lines, "\n");
  } catch (x) {
    return raw;
  }
}
function rawStackOf(e) {
  const kept = weakGet(RAW_STACKS, e);
  if (kept !== undefined) return kept;
  let s;
  try { s = quickStack(e); } catch (x) { s = undefined; }
  if (typeof s === "string" && s !== "") return placedStack(e, s);
  s = e.stack;  // a thrown object carrying a stack of its own
  return typeof s === "string" ? s : "";
}
function errorHeader(e) {
  try {
    const name = e.name === undefined ? "Error" : toString(e.name);
    const message = e.message === undefined ? "" : v8MessageOf(e, toString(e.message));
    if (name === "") return message;
    return message === "" ? name : name + ": " + message;
  } catch (x) {
    return "<error>";
  }
}
function shownStack(e, raw) {
  let s = weakGet(SHOWN_STACKS, e);
  if (s === undefined) {
    const frames = scriptFrames(raw);
    s = typeof userPrepare === "function" ? preparedStack(e, frames)
      : flat(frames === "" ? errorHeader(e) : errorHeader(e) + "\n" + frames);
    weakSet(SHOWN_STACKS, e, s);
  }
  return s;
}
// Error.prepareStackTrace as V8 has it: a script's function, called with the error and
// its call sites (in script terms) when the stack is first read, makes the stack.  The
// property is the prelude's: QuickJS's own hook (called as each error is made, with
// the VM's numbering) stays unset, so no script can take it over: with it set, the
// error of a stack overflow, where no JavaScript can run, had no stack at all.
let userPrepare;
const nativeFrame = / \(native\)$/;
function callSite(line) {
  let fn = null, place = strSlice(line, 7);
  if (charCode(place, place.length - 1) === 41) {
    const open = strLastIndex(place, " (");
    fn = strSlice(place, 0, open);
    place = strSlice(place, open + 2, place.length - 1);
  }
  const native = place === "native", c2 = strLastIndex(place, ":");
  const c1 = native ? -1 : strLastIndex(strSlice(place, 0, c2), ":");
  const file = native ? null : strSlice(place, 0, c1);
  const lineNo = native ? null : toNumber(strSlice(place, c1 + 1, c2));
  const column = native ? null : toNumber(strSlice(place, c2 + 1));
  const top = fn === "Object.<anonymous>";
  return freeze({
    getFileName: () => file, getScriptNameOrSourceURL: () => file,
    getLineNumber: () => lineNo, getColumnNumber: () => column,
    getFunctionName: () => (top ? null : fn), getMethodName: () => null,
    getTypeName: () => (top ? "Object" : null), getThis: () => undefined,
    getFunction: () => undefined, getEvalOrigin: () => undefined,
    isNative: () => native, isToplevel: () => top || fn === null, isEval: () => false,
    isConstructor: () => false, isAsync: () => false, isPromiseAll: () => false,
    getPromiseIndex: () => null,
    toString: () => strSlice(line, 7),
  });
}
function preparedStack(e, frames) {
  const lines = frames === "" ? [] : strSplit(frames, "\n"), sites = [];
  for (let i = 0; i < lines.length; i++) sites[i] = callSite(lines[i]);
  const hook = userPrepare;
  userPrepare = undefined;  // an error made inside the hook gets V8's default stack
  try { return applyFn(hook, ErrorCtor, [e, sites]); } finally { userPrepare = hook; }
}
{
  const prepareAccess = ownDescriptor(ErrorCtor, "prepareStackTrace");
  if (prepareAccess !== undefined && typeof prepareAccess.set === "function") {
    applyFn(prepareAccess.set, ErrorCtor, [undefined]);
  }
  define(ErrorCtor, "prepareStackTrace", {
    get: function prepareStackTrace() { return userPrepare; },
    set: function prepareStackTrace(v) { userPrepare = v; },
    enumerable: false, configurable: true,
  });
}
function setStack(v) {
  define(this, "stack", { value: v, writable: true, enumerable: false, configurable: true });
}
if (stackAccess && typeof stackAccess.get === "function") {
  define(ErrorCtor.prototype, "stack", {
    get: function stack() {
      const t = typeof this;
      if (this === null || (t !== "object" && t !== "function")) return undefined;
      const raw = quickStack(this);
      if (typeof raw !== "string") return raw;
      const shown = weakGet(SHOWN_STACKS, this);
      return shown !== undefined ? shown : shownStack(this, placedStack(this, raw));
    },
    set: setStack, enumerable: false, configurable: true,
  });
}
if (typeof captureStack === "function") {
  define(ErrorCtor, "captureStackTrace", {
    value: function captureStackTrace(object, constructorOpt) {
      applyFn(captureStack, ErrorCtor, [object, constructorOpt]);
      const own = ownDescriptor(object, "stack");
      if (own === undefined || typeof own.value !== "string") return;
      weakSet(RAW_STACKS, object, own.value);
      define(object, "stack", {
        get: function stack() { return shownStack(object, own.value); },
        set: setStack, enumerable: false, configurable: true,
      });
    },
    writable: true, enumerable: false, configurable: true,
  });
}

// -- V8's messages for the errors QuickJS makes itself ------------------------------
// An error that reaches the host (describe) or is shown (its stack, console.log) has
// V8's message where QuickJS's own one has another text ("Cannot read properties of
// null (reading 'x')", "o.method is not a function", whose callee is read from the
// script's source at the error's column).  A caught error gets it in its own message
// too (`caught` below): QuickJS's Error.prepareStackTrace hook could rewrite every
// message as it is made, but the hook cannot run at a stack overflow, whose error then
// has no stack at all (no line).
const SOURCES = new Map();  // band's first line -> [script source, its lines or undefined]
const NATIVE_MESSAGES = {
  "toFixed": "toFixed() digits argument must be between 0 and 100",
  "toPrecision": "toPrecision() argument must be between 1 and 100",
  "toExponential": "toExponential() argument must be between 0 and 100",
};
const FIXED_MESSAGES = {  // the same whatever raised them
  "invalid array length": "Invalid array length",
  "invalid string length": "Invalid string length",
  "string too long": "Invalid string length",
  "this is not initialized": "Must call super constructor in derived class before " +
    "accessing 'this' or returning from derived constructor",
  "cannot convert symbol to string": "Cannot convert a Symbol value to a string",
  "Date value is NaN": "Invalid time value",
  "toPrimitive": "Cannot convert object to primitive value",
  "cannot convert symbol to number": "Cannot convert a Symbol value to a number",
  "bigint argument with unary +": "Cannot convert a BigInt value to a number",
  "BigInt division by zero": "Division by zero",
  "BigInt negative exponent": "undefined must be positive",  // Node 20's V8 says so
  "invalid value used as WeakMap key": "Invalid value used as weak map key",
  "invalid value used as WeakSet key": "Invalid value used in weak set",
  "invalid value used as WeakRef target": "WeakRef: target must be an object",
  "bad normalization form": "The normalization form should be one of NFC, NFD, NFKC, NFKD.",
  "'this' can be initialized only once": "Super constructor may only be called once",
  "parent class must be constructor": "Class extends value undefined is not a constructor or null",
  "circular prototype chain": "Cyclic __proto__ value",
  "derived class constructor must return an object or undefined":
    "Derived constructors may only return object or undefined",
  "cannot invoke a running generator": "Generator is already running",
  // (V8 says "is not callable" for an object that is no function: rarer)
  "invalid 'instanceof' right operand": "Right-hand side of 'instanceof' is not an object",
  // (V8 names the descriptor, always an object: a plain one prints #<Object>)
  "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute":
    "Invalid property descriptor. Cannot both specify accessors and a value or writable " +
    "attribute, #<Object>",
  // decodeURI/encodeURI's: V8 has one text for every malformed URI
  "expecting %%": "URI malformed",
  "expecting hex digit": "URI malformed",
  "malformed UTF-8": "URI malformed",
  "expecting surrogate pair": "URI malformed",
};
const FIXED = create(null);  // no prototype: any text can be looked up
for (const m of keys(FIXED_MESSAGES)) FIXED[m] = FIXED_MESSAGES[m];
function isSpaceCode(c) { return c === 32 || c === 10 || c === 9 || c === 13; }
function isNameCode(c) {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    c === 36 || c === 95 || c > 127;
}
function sourceLine(vmLine) {
  const band = bandOf(vmLine);
  if (band === undefined) return undefined;
  const entry = mapGet(SOURCES, band[0]);
  if (entry === undefined) return undefined;
  if (entry[1] === undefined) entry[1] = strSplit(entry[0], "\n");
  return entry[1][vmLine - band[0] - 1];
}
// The callee ending at `at` (0-based start of its last name) as V8 prints it:
// names joined by "." or "?.", a call's arguments as "(...)", an index as written.
// A computed key as V8 shows it: a quoted one as ".text", anything else "[key]".
function keyShown(inner) {
  const n = inner.length, q = n >= 2 ? charCode(inner, 0) : 0;
  if ((q === 34 || q === 39) && charCode(inner, n - 1) === q && strIndex(inner, "\\") < 0) {
    return "." + strSlice(inner, 1, n - 1);
  }
  return "[" + inner + "]";
}
// QuickJS places some calls' errors at the start of the callee (obj["key"](),
// cbs[0](), new obj.a()): the member accesses after the name, up to the call's "(",
// belong to the callee.
function calleeAfter(text, end, anyEnd) {
  let shown = "";
  for (;;) {
    const c = charCode(text, end);
    if (c === 46 || (c === 63 && charCode(text, end + 1) === 46 &&
                     charCode(text, end + 2) !== 91)) {  // "." or "?."
      const from = c === 46 ? end + 1 : end + 2;
      let k = from;
      while (k < text.length && isNameCode(charCode(text, k))) k++;
      if (k === from) return shown;
      shown += (c === 46 ? "." : "?.") + strSlice(text, from, k);
      end = k;
    } else if (c === 91 || (c === 63 && charCode(text, end + 1) === 46 &&
                            charCode(text, end + 2) === 91)) {  // "[" or "?.[": to "]"
      const optional = c === 63;
      if (optional) end += 2;
      let depth = 0, k = end;
      for (; k < text.length; k++) {
        const d = charCode(text, k);
        if (d === 91) depth++;
        else if (d === 93 && --depth === 0) break;
      }
      if (k >= text.length) return shown;
      const key = keyShown(strSlice(text, end + 1, k));
      shown += optional ? "?" + (charCode(key, 0) === 46 ? key : "." + key) : key;
      end = k + 1;
    } else {
      return c === 40 || anyEnd ? shown : "";  // only a call's callee
    }
  }
}
// What is not iterable, as V8 names it: QuickJS places the error at the value
// (for-of, a spread) or at a destructuring declaration's start.
function notIterable(text, at) {
  let from = at;
  while (charCode(text, from) === 32) from++;
  const declared = /^(?:(?:const|let|var)\s+)?\[/.exec(strSlice(text, from, from + 7));
  if (declared !== null) at = from;
  if (declared !== null) {
    let depth = 0, k = at + declared[0].length - 1;
    for (; k < text.length; k++) {
      const d = charCode(text, k);
      if (d === 91) depth++;
      else if (d === 93 && --depth === 0) break;
    }
    const value = /^\]\s*=\s*/.exec(strSlice(text, k));
    if (value === null) return undefined;
    at = k + value[0].length;
  } else if (strSlice(text, at - 3, at) === "...") {
    let k = at - 4;
    while (k >= 0 && charCode(text, k) === 32) k--;
    if (k >= 0 && charCode(text, k) === 40) {  // f(...x): a call's spread
      return "Spread syntax requires ...iterable[Symbol.iterator] to be a function";
    }
  } else if (!/\bof\s+$/.test(strSlice(text, at > 8 ? at - 8 : 0, at))) {
    return undefined;  // the column is elsewhere: no guess
  }
  let end = at;
  while (end < text.length && isNameCode(charCode(text, end))) end++;
  if (end === at) return undefined;
  return strSlice(text, at, end) + calleeAfter(text, end, true) + " is not iterable";
}
// Where the name chain (a.b.c) that `at` is in or ends at starts.
function chainStart(text, at) {
  let start = at;
  while (start > 0 && (isNameCode(charCode(text, start - 1)) || charCode(text, start - 1) === 46)) {
    start--;
  }
  return start;
}
// The ")" or "]" closing the "(" or "[" at `open`, or -1.
function closingBracket(text, open) {
  const opening = charCode(text, open), closing = opening === 40 ? 41 : 93;
  for (let k = open, depth = 0; k < text.length; k++) {
    const c = charCode(text, k);
    if (c === opening) depth++;
    else if (c === closing && --depth === 0) return k;
  }
  return -1;
}
// The "[" opening the computed key that holds `at` (obj[key], o.a[o.k], placed at the
// key's last name), or -1.
function keyStart(text, at) {
  const start = chainStart(text, at);
  if (start < 2 || charCode(text, start - 1) !== 91 || !isNameCode(charCode(text, start - 2))) {
    return -1;
  }
  return start - 1;
}
// The "]" closing the computed key that holds `at`, or -1.
function keyEnd(text, at) {
  if (keyStart(text, at) < 0) return -1;
  for (let k = at; k < text.length; k++) {
    const c = charCode(text, k);
    if (c === 93) return k;
    if (c === 91 || c === 40 || c === 41 || c === 10) return -1;
  }
  return -1;
}
function calleeAt(text, at) {
  // obj[key](): QuickJS places it at the key; the callee starts before the "["
  if (keyEnd(text, at) >= 0) {
    at = keyStart(text, at) - 1;
    while (at > 0 && isNameCode(charCode(text, at - 1))) at--;
  }
  let end = at;
  while (end < text.length && isNameCode(charCode(text, end))) end++;
  if (end === at) return undefined;
  let shown = strSlice(text, at, end) + calleeAfter(text, end), i = at, called = "";
  for (;;) {
    let j = i;
    if (j > 0 && charCode(text, j - 1) === 46) j--; else break;  // "."
    const optional = j > 0 && charCode(text, j - 1) === 63;     // "?."
    if (optional) j--;
    let k = j;
    while (k > 0 && isSpaceCode(charCode(text, k - 1))) k--;  // a chain across lines
    let close = k > 0 ? charCode(text, k - 1) : 0, part;
    if (close === 41 || close === 93) {  // ")" or "]": back to the opening bracket
      let depth = 0, m = k - 1;
      for (; m >= 0; m--) {
        const c = charCode(text, m);
        if (c === 41 || c === 93) depth++;
        else if ((c === 40 || c === 91) && --depth === 0) break;
      }
      if (m < 0) return undefined;
      const inner = close === 41 ? "(...)" : keyShown(strSlice(text, m + 1, k - 1));
      let n = m;
      while (n > 0 && isNameCode(charCode(text, n - 1))) n--;
      if (n === m) {  // a literal: [1, 2].map, (5).toFixed, as V8 prints them; or no guess
        part = literalShown(strSlice(text, m, k));
        if (part === undefined) return undefined;
        shown = part + (optional ? "?." : ".") + shown;
        i = m;
        break;
      }
      part = strSlice(text, n, m) + inner; k = n;
      called = close === 41 ? part : "";
    } else if (close === 34 || close === 39) {  // "abc".push: V8 quotes it with "
      const open = strLastIndex(text, close === 34 ? '"' : "'", k - 2);
      if (open < 0) return undefined;
      part = literalShown(strSlice(text, open, k));
      if (part === undefined) return undefined;
      shown = part + (optional ? "?." : ".") + shown;
      i = open;
      break;
    } else {
      let n = k;
      while (n > 0 && isNameCode(charCode(text, n - 1))) n--;
      if (n === k) return undefined;
      part = strSlice(text, n, k); k = n;
      called = "";
    }
    shown = part + (optional ? "?." : ".") + shown;
    i = k;
  }
  const before = strSlice(text, i > 4 ? i - 4 : 0, i);
  if (before === "new " && called !== "") {  // new Map(x).map(): V8 names the new object so
    return ["(intermediate value)" + strSlice(shown, called.length), "function"];
  }
  return [shown, before === "new " ? "constructor" : "function"];
}
// A literal receiver as V8's call printer shows it: a string in double quotes, a
// number, an array of those or of names ([1,2]); undefined for anything else.
const NUMBER_TEXT = /^-?(?:\d+\.?\d*(?:e[-+]?\d+)?|0x[\da-f]+)$/i, NAME_TEXT = /^[A-Za-z_$][\w$]*$/;
function literalShown(text) {
  const n = text.length, c = charCode(text, 0);
  if ((c === 34 || c === 39) && n >= 2 && charCode(text, n - 1) === c) {
    const inner = strSlice(text, 1, n - 1);
    return strIndex(inner, "\\") < 0 && strIndex(inner, '"') < 0 ? '"' + inner + '"' : undefined;
  }
  if (c === 40 && charCode(text, n - 1) === 41) {  // (5)
    const inner = strSlice(text, 1, n - 1).trim();
    return NUMBER_TEXT.test(inner) ? inner : undefined;
  }
  if (c === 91 && charCode(text, n - 1) === 93) {
    const inner = strSlice(text, 1, n - 1).trim();
    if (inner === "") return "[]";
    const items = strSplit(inner, ","), shown = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i].trim();
      const one = NUMBER_TEXT.test(item) || NAME_TEXT.test(item) ? item : literalShown(item);
      if (one === undefined) return undefined;
      shown[i] = one;
    }
    return "[" + strJoin(shown, ",") + "]";
  }
  return undefined;
}
// Whether the name chain at `at` is called there (f(, a.b(, a?.b.c( ...).
function calledAt(text, at) {
  let end = at;
  while (end < text.length && isNameCode(charCode(text, end))) end++;
  if (end === at || CALL_KEYWORDS[strSlice(text, at, end)] === true) return false;
  const key = keyEnd(text, at);
  if (key >= 0) end = key + 1;  // obj[key](): placed at the key, as calleeAt reads it
  while (charCode(text, end) === 32) end++;
  return charCode(text, end) === 40 || calleeAfter(text, end) !== "";
}
// Whether the call whose callee is the name chain at `at` is itself called: f()(),
// o.fn()() (the first call's result, V8's "f(...)", is then the other callee).
function calledAgain(text, at) {
  let k = at;
  for (;;) {
    while (k < text.length && isNameCode(charCode(text, k))) k++;
    const c = charCode(text, k);
    if (c === 46 || (c === 63 && charCode(text, k + 1) === 46)) { k += c === 46 ? 1 : 2; continue; }
    if (c === 91) {
      k = closingBracket(text, k);
      if (k < 0) return false;
      k++;
      continue;
    }
    break;
  }
  if (charCode(text, k) !== 40) return false;
  const close = closingBracket(text, k);
  return close >= 0 && charCode(text, close + 1) === 40;
}
// QuickJS places a failed call at the last place it noted before the call, which is
// in its arguments when they hold a call, a `new` or a function (`data.map(item =>
// ...)` fails at `item`).  The callee is the call at the column or one whose
// arguments hold it: of those of the failed kind (new or not), the innermost not
// known to be callable.  (A few lines before the error's are read: arguments may
// span lines; strings and comments are not told apart.)
const CALL_KEYWORDS = { "if": true, "for": true, "while": true, "switch": true, "catch": true,
  "with": true, "return": true, "typeof": true, "await": true, "yield": true, "in": true,
  "of": true, "void": true, "delete": true, "instanceof": true, "case": true, "do": true,
  "else": true, "new": true, "throw": true, "function": true, "async": true };
function failedCallee(vmLine, line, at, constructing) {
  const band = bandOf(vmLine);
  let text = line;
  for (let n = 1; n <= 8 && vmLine - n > band[0]; n++) {
    const previous = sourceLine(vmLine - n);
    if (previous === undefined) break;
    text = previous + "\n" + text;
    at += previous.length + 1;
  }
  const found = calleesAround(text, at);
  if (found.length === 0) return calleeAt(line, at - (text.length - line.length));
  return likeliestCallee(found, constructing, vmLine);
}
// The calls at `at` of `text` or whose arguments hold it, innermost first, each as
// calleeAt gives it ([undefined, "function"] for one not named).
function calleesAround(text, at) {
  const found = [];
  if (calledAt(text, at)) {
    const here = calleeAt(text, at);
    if (here !== undefined) {
      found[found.length] = here;
      if (calledAgain(text, at)) found[found.length] = [here[0] + "(...)", "function"];
    }
  }
  let depth = 0;
  for (let k = at - 1; k >= 0 && found.length < 8; k--) {
    const c = charCode(text, k);
    if (c === 41 || c === 93 || c === 125) { depth++; continue; }  // ) ] }
    if (depth === 0 && (c === 59 || (c === 62 && charCode(text, k - 1) === 61))) {
      break;  // ; or =>: the statement before, the function around
    }
    if (c !== 40 && c !== 91 && c !== 123) continue;
    if (depth > 0) { depth--; continue; }
    let e = k;
    while (e > 0 && (charCode(text, e - 1) === 32 || charCode(text, e - 1) === 10)) e--;
    if (c === 123) {  // a function's body or a block ends the search; an object or a
      const p = e > 0 ? charCode(text, e - 1) : 0;  // template's ${ goes on
      if (p === 41 || p === 62 || (isNameCode(p) && !(p === 36 && e === k))) break;
      continue;
    }
    if (c === 91) continue;  // an array literal holding the column
    let s = e;
    while (s > 0 && isNameCode(charCode(text, s - 1))) s--;
    if (s === e || CALL_KEYWORDS[strSlice(text, s, e)] === true) continue;  // (a, b) =>, if (
    if (/function\s*\*?\s*$/.test(strSlice(text, s > 12 ? s - 12 : 0, s))) break;
    const callee = calleeAt(text, s);
    // (a callee V8 would print from literals, [1, 2].map(...).sum: not named)
    found[found.length] = callee === undefined ? [undefined, "function"] : callee;
  }
  return found;
}
// The one of the callees found that V8 names: of the failed kind (QuickJS's "not a
// function" is also new's of a value that is no function); then not a function that
// exists (console.log(data.keys())), unless all are; the innermost not a built-in
// method's name, else the innermost.
function likeliestCallee(found, constructing, vmLine) {
  let kind = [];
  for (let i = 0; i < found.length; i++) {
    if (!constructing || found[i][1] === "constructor") kind[kind.length] = found[i];
  }
  const unknown = [];
  for (let i = 0; i < kind.length; i++) {
    if (kind[i][0] === undefined || knownCallable(kind[i][0], vmLine) !== 2) {
      unknown[unknown.length] = kind[i];
    }
  }
  if (unknown.length > 0) kind = unknown;
  for (let i = 0; i < kind.length; i++) {
    if (kind[i][0] === undefined || knownCallable(kind[i][0], vmLine) === 0) {
      return kind[i][0] === undefined ? undefined : kind[i];
    }
  }
  return kind.length > 0 && kind[0][0] !== undefined ? kind[0] : undefined;
}
// How surely a callee names a function: 2 a global function (`Date`, `Math.max`) or
// one the script declares, 1 a method name of the built-in prototypes (`s.split`),
// 0 not known.
const METHOD_NAMES = create(null);
for (const holder of [Array.prototype, String.prototype, Map.prototype, Set.prototype,
                      PromiseCtor.prototype, Object.prototype, Number.prototype,
                      DateCtor.prototype, RegExp.prototype, Function.prototype]) {
  const names = Object.getOwnPropertyNames(holder);
  for (let i = 0; i < names.length; i++) METHOD_NAMES[names[i]] = true;
}
function knownCallable(shown, vmLine) {
  const c = charCode(shown, 0), dot = strLastIndex(shown, ".");
  if (c === 34 || c === 91 || (c >= 48 && c <= 57)) {  // "abc".trim, [1].map, 5.toFixed
    const receiver = strSlice(shown, 0, dot), method = strSlice(shown, dot + 1);
    if (literalShown(c === 34 || c === 91 ? receiver : "(" + receiver + ")") !== receiver) return 0;
    const holder = c === 34 ? String.prototype : c === 91 ? Array.prototype : Number.prototype;
    return typeof holder[method] === "function" ? 2 : 0;
  }
  const parts = strSplit(shown, ".");
  const last = parts[parts.length - 1];
  let value = global;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i];
    if (/[^\w$]/.test(name)) { value = undefined; break; }
    let d, o = value;
    while (o !== null && (d = ownDescriptor(o, name)) === undefined) o = protoOf(o);
    value = d === undefined ? undefined : d.value;
    if (value === null || (typeof value !== "object" && typeof value !== "function")) break;
  }
  if (typeof value === "function") return 2;
  if (parts.length > 1) return METHOD_NAMES[last] === true ? 1 : 0;
  if (!/^\w+$/.test(last)) return 0;
  const band = bandOf(vmLine), entry = band && mapGet(SOURCES, band[0]);
  if (entry === undefined) return 0;
  return new RegExp("\\b(?:function\\s*\\*?\\s*" + last + "\\s*\\(|class\\s+" + last +
    "\\b|(?:const|let|var)\\s+" + last + "\\s*=\\s*(?:async\\b\\s*)?" +
    "(?:function\\b|\\([^()]*\\)\\s*=>|[\\w$]+\\s*=>))").test(entry[0]) ? 2 : 0;
}
// Text tests: one slice each (a call through an uncurried built-in costs about 0.2 us
// in QuickJS, a loop over the characters more).
function startsWithText(s, prefix) { return strSlice(s, 0, prefix.length) === prefix; }
function endsWithText(s, suffix) { return strSlice(s, -suffix.length) === suffix; }
const READ_PREFIX = "cannot read property '", SET_PREFIX = "cannot set property '";
// V8's wording of QuickJS's `message` of the error `e` (undefined: no other wording).
// The messages that name a callee or a binding are placed by the top frame of e's
// QuickJS stack, read only for them.
function v8Message(message, e) {
  const first = message[0];
  const reading = first === "c" && startsWithText(message, READ_PREFIX);
  if (reading || (first === "c" && startsWithText(message, SET_PREFIX))) {
    const cut = strLastIndex(message, "' of ");
    const what = strSlice(message, cut + 5);
    if (cut < 0 || (what !== "null" && what !== "undefined")) return undefined;
    const key = strSlice(message, reading ? 22 : 21, cut);
    if (reading && key === "Symbol.iterator") {  // a spread or a pattern of null/undefined
      return (what === "null" ? "object null" : what) +
        " is not iterable (cannot read property Symbol(Symbol.iterator))";
    }
    return (reading ? "Cannot read properties of " : "Cannot set properties of ") + what +
      (reading ? " (reading '" : " (setting '") + key + "')";
  }
  if (endsWithText(message, " is not initialized") && FIXED[message] === undefined) {
    return "Cannot access '" + strSlice(message, 0, -19) + "' before initialization";
  }
  // Other texts to reword start with one of these (a property lookup by a long text
  // costs its interning: the first character is tested before it).
  if (!(first === "i" || first === "t" || first === "c" || first === "D" || first === "n" ||
        first === "e" || first === "'" || first === "m" || first === "b" || first === "B" ||
        first === "v" || first === "o" || first === "r" || first === "p" || first === "s" ||
        first === "C" || first === "d" || first === "I")) {
    return undefined;
  }
  if (FIXED[message] !== undefined) return FIXED[message];
  if (REWORDED[message] !== true && !(first === "'" && endsWithText(message, "' is read-only")) &&
      !(first === "p" && startsWithText(message, PRIVATE_PREFIX))) {
    return undefined;
  }
  const raw = quickStack(e);
  if (typeof raw !== "string") return undefined;
  const top = rawSites(raw)[0];
  if (top === undefined) return undefined;
  if (top.isNative()) {
    const name = top.getFunctionName();
    if (message === "invalid number of digits" && hasOwn(NATIVE_MESSAGES, name)) {
      return NATIVE_MESSAGES[name];
    }
    if (message === "empty array" && (name === "reduce" || name === "reduceRight")) {
      return "Reduce of empty array with no initial value";
    }
    if (message === BIGINT_MIXED) return "Cannot convert a BigInt value to a number";
    if ((message === NOT_CONFIGURABLE || message === NOT_EXTENSIBLE) &&
        (name === "defineProperty" || name === "defineProperties")) {
      return definedKeyMessage(message, raw);
    }
    if (message === NOT_ITERABLE && typeof name === "string") return builtInNotIterable(name, raw);
    if (message === "not a function" && typeof name === "string" &&
        hasOwn(CALLBACK_TAKERS, name)) {
      return callbackMessage(name, raw);
    }
    if (message === "'length' is read-only") {  // push, pop... of a fixed-length array
      return "Cannot assign to read only property 'length' of object '[object Array]'";
    }
    if (message === NOT_EXTENSIBLE && name === "setPrototypeOf") {
      return "#<Object> is not extensible";
    }
    return nativeMessage(message, name);
  }
  if (message === BIGINT_MIXED) {  // an operator of the script's (1n + 1)
    return "Cannot mix BigInt and other types, use explicit conversions";
  }
  const line = sourceLine(top.getLineNumber());
  if (line === undefined) return undefined;
  const band = bandOf(top.getLineNumber());
  const at = bandColumn(band, top.getLineNumber(), top.getColumnNumber()) - 1;
  if (message === "not a function" || message === "not a constructor" ||
      message === "class constructors must be invoked with 'new'") {
    const callee = message[0] === "c" ? undefined
      : failedCallee(top.getLineNumber(), line, at, message === "not a constructor");
    if (callee === undefined && message[0] !== "c") return undefined;
    if (message[0] === "c") {  // reported in the class itself, whose frame has its name
      const name = top.getFunctionName();
      return name ? "Class constructor " + name + " cannot be invoked without 'new'" : undefined;
    }
    return callee[0] + " is not a " + (message === "not a constructor" ? "constructor" : callee[1]);
  }
  if (message === NOT_ITERABLE) return notIterable(line, at);
  if (message === BAD_BRAND) {  // a private method or accessor of another object
    const name = enclosingClass(top.getLineNumber(), at);
    return name === undefined ? undefined : "Receiver must be an instance of class " + name;
  }
  if (message === TO_OBJECT) {
    return parameterMessage(top.getLineNumber(), line, at) ||
      nestedPatternMessage(top.getLineNumber(), line, at);
  }
  if (message === REVOKED) {
    return "Cannot perform '" + (ASSIGNMENT.test(strSlice(line, at)) ? "set" : "get") +
      "' on a proxy that has been revoked";
  }
  if (message[0] === "p" && startsWithText(message, PRIVATE_PREFIX)) {
    const name = strSlice(message, PRIVATE_PREFIX.length, -16);
    const written = assignedBefore(line, at, (p) => {
      const m = ASSIGNMENT.exec(strSlice(line, p));
      return m !== null && strIndex(m[0], "." + name) >= 0;
    }) >= 0;
    return "Cannot " + (written ? "write" : "read") + " private member " + name +
      (written ? " to" : " from") + " an object whose class did not declare it";
  }
  if (message[0] === "'" && endsWithText(message, "' is read-only")) {
    // a constant: its name stands alone at the column (a property has "." before it)
    const name = strSlice(message, 1, -14);
    const constant = assignedBefore(line, at, (p) =>
      (p === 0 || charCode(line, p - 1) !== 46) && strSlice(line, p, p + name.length) === name &&
      (p === at || /^\s*(?:[-+*\/%%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=(?![=>])/.test(
        strSlice(line, p + name.length))));
    if (constant >= 0) return "Assignment to constant variable.";
    if (assignedBefore(line, at, (p) => assignedKey(line, p) === name) < 0) return undefined;
    return "Cannot assign to read only property '" + name + "' of object '" +
      objectGuess(name) + "'";
  }
  if (message === NOT_EXTENSIBLE) {
    const key = keyAssignedBefore(line, at);
    return key === undefined ? undefined
      : "Cannot add property " + key + ", object is not extensible";
  }
  if (message === NO_SETTER) {
    const key = keyAssignedBefore(line, at);
    if (key === undefined) return undefined;
    return "Cannot set property " + key + " of " + getterHolder(key, top.getLineNumber()) +
      " which has only a getter";
  }
  if (message === NOT_DELETED) {
    const key = assignedKey(line, at, true);
    return key === undefined ? undefined
      : "Cannot delete property '" + key + "' of " + objectGuess(key);
  }
  return undefined;
}
// The messages below read the script's call of the built-in that failed: its line,
// and where the arguments of its call of `callee` start there (undefined when the
// call is not in a script's source).
function calledWith(raw, callee) {
  const caller = rawSites(raw, 2)[1];
  if (caller === undefined || caller.isNative()) return undefined;
  const vmLine = caller.getLineNumber(), line = sourceLine(vmLine);
  if (line === undefined) return undefined;
  const at = bandColumn(bandOf(vmLine), vmLine, caller.getColumnNumber()) - 1;
  const call = strLastIndex(line, callee + "(", at + callee.length + 1);
  return call < 0 ? undefined : [line, call + callee.length + 1];
}
// Where the argument `count` arguments on from `k` starts (past that many commas
// outside brackets); -1 when the call closes first.
function pastArguments(line, k, count) {
  for (let depth = 0; count > 0 && k < line.length; k++) {
    const c = charCode(line, k);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) { if (--depth < 0) return -1; }
    else if (c === 44 && depth === 0) count--;
  }
  return k;
}
// A built-in given something it cannot iterate (new Set(5), new Map(obj),
// Promise.all(x), Object.fromEntries(x)): V8 names its type, and the value of a
// number or boolean, read here from the script's first argument when it is written
// as a literal; any other argument is taken to be an object (the usual mistake).
const NOT_ITERABLE_LITERAL = new RegExp(
  "^\\s*(?:(-?(?:\\d[\\d_]*\\.?\\d*(?:e[-+]?\\d+)?|0x[\\da-f]+))(n?)|(true|false)|" +
  "(function\\b|async\\b|\\([^()]*\\)\\s*=>|[\\w$]+\\s*=>)|(Symbol\\s*\\())", "i");
function builtInNotIterable(name, raw) {
  const call = calledWith(raw, name);
  if (call === undefined) return undefined;
  const literal = NOT_ITERABLE_LITERAL.exec(strSlice(call[0], call[1]));
  const shown = literal === null ? "object"
    : literal[1] === undefined ? (literal[3] !== undefined ? "boolean " + literal[3]
      : literal[4] !== undefined ? "function" : "symbol")
    : literal[2] ? "bigint" : "number " + toNumber(replaceText(literal[1], /_/g, ""));
  return shown + " is not iterable (cannot read property Symbol(Symbol.iterator))";
}
// A built-in given a callback that is no function ([1].map(5), arr.forEach(cb)): V8
// prints the value, read here from the script's argument when it is a literal (a
// number, a string's text, null, true, #<Object> for {...}, [object Array] for [...]);
// any other argument is taken to be undefined (a missing method: arr.map(o.nope)).
const CALLBACK_TAKERS = { map: 0, forEach: 0, filter: 0, reduce: 0, reduceRight: 0, find: 0,
  findIndex: 0, findLast: 0, findLastIndex: 0, some: 0, every: 0, from: 1, Promise: 0 };
const CALLBACK_LITERAL = new RegExp(
  "^\\s*(?:(\\)|$)|(-?[\\d.]+(?:e[-+]?\\d+)?)\\s*[,)]|'([^'\\\\]*)'\\s*[,)]|" +
  "\"([^\"\\\\]*)\"\\s*[,)]|(null|true|false|undefined)\\s*[,)]|(\\{)|(\\[))");
function callbackMessage(name, raw) {
  const call = calledWith(raw, name);
  if (call === undefined) return undefined;
  const k = pastArguments(call[0], call[1], CALLBACK_TAKERS[name]);
  const m = k < 0 ? null : CALLBACK_LITERAL.exec(strSlice(call[0], k));
  const shown = m === null ? "undefined" : m[1] !== undefined ? "undefined"
    : m[2] !== undefined ? toString(toNumber(m[2]))
      : m[3] !== undefined ? m[3] : m[4] !== undefined ? m[4] : m[5] !== undefined ? m[5]
        : m[6] !== undefined ? "#<Object>" : "[object Array]";
  return (name === "Promise" ? "Promise resolver " : "") + shown + " is not a function";
}
// Object.defineProperty(o, 'key', ...) of a property that cannot be redefined, or
// of a new one on a non-extensible object: V8 names the key, read here from the
// script's call when it is written as a string or number (else no other wording).
function definedKeyMessage(message, raw) {
  const call = calledWith(raw, "defineProperty");
  if (call === undefined) return undefined;
  const k = pastArguments(call[0], call[1], 1);
  if (k < 0) return undefined;
  const key = /^\s*(?:'([^'\\]*)'|"([^"\\]*)"|`([^`\\$]*)`|(\d+))\s*[,)]/
    .exec(strSlice(call[0], k));
  if (key === null) return undefined;
  const name = key[1] !== undefined ? key[1] : key[2] !== undefined ? key[2]
    : key[3] !== undefined ? key[3] : key[4];
  return message === NOT_CONFIGURABLE ? "Cannot redefine property: " + name
    : "Cannot define property " + name + ", object is not extensible";
}
// A destructured parameter of undefined or null (`function f({ a }) {}; f()`):
// QuickJS places it at the function's start, V8 names the pattern's first property.
// Which argument was undefined or null is not known: the first pattern without a
// default, taken to be undefined (a missing argument), is named.
const PARAMETERS_START =
  /^(?:async\s+)?(?:function\b\s*\*?\s*)?(?:(?:get|set|static)\s+)?(?:[\w$]+\s*)?\(/;
function parameterMessage(vmLine, line, at) {
  return patternParameter(withLinesAfter(vmLine, strSlice(line, at), 4), 0);
}
// `text` (of the script's line `vmLine`) and the `count` lines after it.
function withLinesAfter(vmLine, text, count) {
  for (let n = 1; n <= count; n++) {
    const next = sourceLine(vmLine + n);
    if (next === undefined) break;
    text += "\n" + next;
  }
  return text;
}
function patternParameter(text, nested) {
  const start = PARAMETERS_START.exec(text);
  if (start === null) return undefined;
  // a callback's error is placed at the call that takes it: [null].map(({ v }) => v)
  const inner = /^\s*(?=\(|function\b|async\b)/.exec(strSlice(text, start[0].length));
  if (inner !== null && nested < 2) {
    const shown = patternParameter(strSlice(text, start[0].length + inner[0].length), nested + 1);
    if (shown !== undefined) return shown;
  }
  let depth = 0, param = true;
  for (let k = start[0].length; k < text.length; k++) {
    const c = charCode(text, k);
    if (c === 32 || c === 10) continue;
    if (depth === 0 && param && c === 123) {  // { of a parameter: its first key
      let close = k, d = 0;
      for (; close < text.length; close++) {
        const e = charCode(text, close);
        if (e === 123 || e === 91 || e === 40) d++;
        else if ((e === 125 || e === 93 || e === 41) && --d === 0) break;
      }
      if (/^\s*=(?!=)/.test(strSlice(text, close + 1))) { param = false; continue; }
      const name = patternKey(text, k);
      if (name === undefined) return "Cannot destructure 'undefined' as it is undefined.";
      return "Cannot destructure property '" + name + "' of 'undefined' as it is undefined.";
    }
    param = false;
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) { if (--depth < 0) return undefined; }
    else if (c === 44 && depth === 0) param = true;
  }
  return undefined;
}
// The first key of the object pattern whose "{" is at `k` (a quoted one unquoted), or
// undefined.
function patternKey(text, k) {
  const key = /^\s*([\w$]+|'[^']*'|"[^"]*")\s*[,:}=]/.exec(strSlice(text, k + 1));
  if (key === null) return undefined;
  const c = charCode(key[1], 0);
  return c === 34 || c === 39 ? strSlice(key[1], 1, -1) : key[1];
}
// The name of the class whose body opens at `k` of `source` (its head read before
// the "{"), or undefined.
const CLASS_HEAD = /class\s+([\w$]+)(?:\s+extends\s+[^{]*)?\s*$/;
function classOpenedAt(source, k) {
  const head = CLASS_HEAD.exec(strSlice(source, k > 200 ? k - 200 : 0, k));
  return head === null ? undefined : head[1];
}
// The name of the class whose body holds the script's column `at` of `vmLine`.
function enclosingClass(vmLine, at) {
  const band = bandOf(vmLine), entry = band && mapGet(SOURCES, band[0]);
  if (entry === undefined) return undefined;
  if (entry[1] === undefined) entry[1] = strSplit(entry[0], "\n");
  const lines = entry[1], index = vmLine - band[0] - 1;
  let offset = at;
  for (let i = 0; i < index && i < lines.length; i++) offset += lines[i].length + 1;
  const source = entry[0];
  let depth = 0;
  for (let k = offset; k >= 0; k--) {
    const c = charCode(source, k);
    if (c === 125) depth++;
    else if (c === 123 && depth-- === 0) {
      depth = 0;
      const name = classOpenedAt(source, k);
      if (name !== undefined) return name;
    }
  }
  return undefined;
}
// A declaration's nested pattern of undefined or null (`const { a: { b } } = {}`): the
// value itself was checked before (shape.py), so QuickJS's error is a nested pattern's,
// which V8 words as reading its first key.  QuickJS places it at the start of the
// function (or elsewhere on the line): the first declaration with a nested object
// pattern from there on (a few lines), else before it on the line, is named, its value
// taken to be undefined (QuickJS's error does not say which).
const DECLARED_PATTERN = /\b(?:const|let|var)\s*(?=[{[])/g;
function nestedPatternMessage(vmLine, line, at) {
  const text = withLinesAfter(vmLine, line, 6);
  const starts = [];
  for (const m of text.matchAll(DECLARED_PATTERN)) starts.push(m.index + m[0].length);
  const after = starts.filter((k) => k >= at), before = starts.filter((k) => k < at).reverse();
  for (const start of after.concat(before)) {
    const shown = nestedKey(text, start);
    if (shown !== undefined) return "Cannot read properties of undefined (reading '" + shown + "')";
  }
  return undefined;
}
// The first key of the first object pattern nested in the pattern at `start`.
function nestedKey(line, start) {
  let depth = 0;
  for (let k = start; k < line.length; k++) {
    const c = charCode(line, k);
    if (c === 123 || c === 91) {
      if (depth++ > 0 && c === 123) return patternKey(line, k);
    } else if (c === 125 || c === 93) {
      if (--depth === 0) return undefined;
    }
  }
  return undefined;
}
// Where the assignment the error is about starts: at the column, or the nearest start
// of a name chain before it that `accepts` (QuickJS places an assignment at the last
// call of its value: `o.a = compute()` is at `compute`); -1 for none.
function assignedBefore(line, at, accepts) {
  let depth = 0;
  for (let p = at; p >= 0; p--) {
    const c = charCode(line, p);  // within the statement: an object literal goes on
    if (c === 125) depth++;
    else if (c === 123 && depth > 0) depth--;
    else if (depth === 0 && p < at && (c === 59 || (c === 123 &&
             !/[=(,:[]\s*$/.test(strSlice(line, p > 20 ? p - 20 : 0, p))))) {
      return -1;
    }
    const before = p > 0 ? charCode(line, p - 1) : 32;
    if (isNameCode(charCode(line, p)) && !isNameCode(before) && before !== 46 && before !== 35 &&
        accepts(p)) {
      return p;
    }
  }
  return -1;
}
// The key that the assignment found by assignedBefore sets, or undefined.
function keyAssignedBefore(line, at) {
  let key;
  assignedBefore(line, at, (p) => (key = assignedKey(line, p)) !== undefined);
  return key;
}
// V8 names the object that has only a getter for `key` as #<Class>: the class of the
// script that declares such a getter, else #<Object>.
function getterHolder(key, vmLine) {
  const band = bandOf(vmLine), entry = band && mapGet(SOURCES, band[0]);
  if (entry === undefined || !/^[\w$]+$/.test(key)) return "#<Object>";
  const source = entry[0], name = replaceText(key, /\$/g, "\\$");
  const getter = new RegExp("(^|[^\\w$])get\\s+" + name + "\\s*\\(", "g");
  for (let m = regexExec(getter, source); m !== null; m = regexExec(getter, source)) {
    let depth = 0, k = m.index;
    for (; k >= 0; k--) {  // back to the brace that holds the getter
      const c = charCode(source, k);
      if (c === 125) depth++;
      else if (c === 123 && depth-- === 0) break;
    }
    const at = m.index + m[1].length;
    if (/static\s*$/.test(strSlice(source, at > 20 ? at - 20 : 0, at))) continue;
    const name = classOpenedAt(source, k);
    return name === undefined ? "#<Object>" : "#<" + name + ">";
  }
  return "#<Object>";
}
// The property an assignment at `at` sets (o.b = ..., o["b"] = ..., a[0] = ...;
// `deleted`: the operand of a delete), or undefined.
const ASSIGNED = new RegExp(/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*|\[[^\]]*\])*?/.source +
                            /(?:\??\.([A-Za-z_$][\w$]*)|\[\s*(?:(["'])([^"'\]]*)\2|(\d+))\s*\])/.source);
function assignedKey(text, at, deleted) {
  const rest = strSlice(text, at), m = ASSIGNED.exec(rest);
  if (m === null) return undefined;
  const after = strSlice(rest, m[0].length);
  if (deleted ? !/^\s*(?:[;)}]|$)/.test(after) : !/^\s*=(?!=)/.test(after)) return undefined;
  return m[1] !== undefined ? m[1] : m[3] !== undefined ? m[3] : m[4];
}
// V8 names the object; QuickJS's error does not hold it: an index is taken to be
// an array's, any other key a plain object's.
function objectGuess(key) {
  return /^\d+$/.test(key) ? "[object Array]" : "#<Object>";
}
// Texts a built-in's own frame words (its name is the top frame's): V8 names the
// method, or has one text for it.
const BY_NATIVE = {
  "regexp must have the 'g' flag": (name) => name === "matchAll" || name === "replaceAll"
    ? "String.prototype." + name + " called with a non-global RegExp argument" : undefined,
  "null or undefined are forbidden": (name) =>
    "String.prototype." + name + " called on null or undefined",
  "not a function": (name) => name === "sort" || name === "toSorted"
    ? "The comparison function must be either a function or undefined"
    : name === "bind" ? "Bind must be called on a function"
      : name === "flatMap" ? "flatMap mapper function is not callable" : undefined,
  "out of bound": (name) => /^[gs]et(?:Big)?(?:Int|Uint|Float)\d+$/.test(name)
    ? "Offset is outside the bounds of the DataView" : undefined,
  "not a constructor": (name) =>
    name === "BigInt" || name === "Symbol" ? name + " is not a constructor" : undefined,
  "not an object": (name) => name === "defineProperty" || name === "defineProperties"
    ? "Object." + name + " called on non-object"
    : name === "Proxy" ? "Cannot create proxy with a non-object as target or handler" : undefined,
  "invalid array index": (name) =>
    name === "ArrayBuffer" ? "Invalid array buffer length" : undefined,
};
function nativeMessage(message, name) {
  const reword = hasOwn(BY_NATIVE, message) ? BY_NATIVE[message] : undefined;
  return reword === undefined || typeof name !== "string" ? undefined : reword(name);
}
const REVOKED = "revoked proxy", PRIVATE_PREFIX = "private class field '";
// (an assignment to the member chain at the error's column: `p.proxy.a = 1`, `o.#x = 2`)
const ASSIGNMENT = /^[\w$.#?]*(?:\[[^\]]*\][\w$.#?]*)*\s*=(?!=)/;
const REWORDED = create(null);  // texts reworded from the error's top frame
const BIGINT_MIXED = "cannot convert BigInt to number", NOT_ITERABLE = "value is not iterable";
const NOT_EXTENSIBLE = "object is not extensible", NOT_DELETED = "could not delete property";
const NO_SETTER = "no setter for property", NOT_CONFIGURABLE = "property is not configurable";
const BAD_BRAND = "invalid brand on object";
const TO_OBJECT = "Cannot convert undefined or null to object";
for (const m of ["not a function", "not a constructor", "invalid number of digits",
                 "empty array", "class constructors must be invoked with 'new'", BIGINT_MIXED,
                 NOT_ITERABLE, NOT_EXTENSIBLE, NOT_DELETED, NO_SETTER, TO_OBJECT, REVOKED,
                 NOT_CONFIGURABLE, BAD_BRAND,
                 "regexp must have the 'g' flag", "null or undefined are forbidden",
                 "not an object", "invalid array index", "out of bound"]) {
  REWORDED[m] = true;
}
// The frames of a raw QuickJS stack as the call sites v8Message reads: the top
// `count` (1 if not given: the first line, or the first with a frame).
function rawSites(raw, count) {
  const first = strIndex(raw, "\n"), wanted = count || 1;
  const lines = wanted === 1 && (first < 0 || strIndex(raw, "at ") < first)
    ? [first < 0 ? raw : strSlice(raw, 0, first)] : strSplit(raw, "\n");
  const sites = [];
  for (let i = 0; i < lines.length && sites.length < wanted; i++) {
    let line = lines[i];
    const at = strIndex(line, "at ");
    if (at < 0) continue;
    line = strSlice(line, at + 3);
    let fn = null, place = line;
    if (line.length > 0 && charCode(line, line.length - 1) === 41) {
      const open = strLastIndex(line, " (");
      if (open < 0) continue;
      fn = strSlice(line, 0, open);
      place = strSlice(line, open + 2, line.length - 1);
    }
    const native = place === "native", colon = strLastIndex(place, ":");
    const rest = strSlice(place, 0, colon), colon2 = strLastIndex(rest, ":");
    const vmLine = native ? 0 : toNumber(strSlice(rest, colon2 + 1));
    const vmColumn = native ? 0 : toNumber(strSlice(place, colon + 1));
    sites[sites.length] = {
      isNative: () => native, getFunctionName: () => fn,
      getLineNumber: () => vmLine, getColumnNumber: () => vmColumn,
    };
  }
  return sites;
}
const V8_MESSAGES = new WeakMap();  // error -> [its message, V8's]
// The message of `e` as V8 would have made it (its own message otherwise).
function v8MessageOf(e, message) {
  const kept = weakGet(V8_MESSAGES, e);
  if (kept !== undefined && kept[0] === message) return kept[1];
  let shown = message;
  try {
    const own = ownDescriptor(e, "message");
    if (own !== undefined && own.value === message && typeof message === "string") {
      shown = v8Message(message, e) || message;
    }
    weakSet(V8_MESSAGES, e, [message, shown]);
  } catch (ignored) { /* shown as it is */ }
  return shown;
}
// An error the engine raised gets V8's message before the script sees it: every catch
// clause of a script starts with `$kt$.c(e)` (shape.py) and every rejection handler
// given to Promise.prototype.then is called through it, so `e.message`, `${e}` and
// JSON of the message read V8's text.  QuickJS's Error.prepareStackTrace hook would do
// it as the error is made, but with that hook set, an error made at a stack overflow
// (where the hook cannot run) gets no stack at all: no line for the RecursionLimitError.
// A value the script threw itself (a throw site's last value) is left alone, as is
// anything that is not an error object (Error.isError: no proxy trap runs).
function caught(e) {
  if (typeof e === "object" && e !== null && !sameValue(e, thrownValue) && isErrorObject(e)) {
    try { toV8Message(e); } catch (ignored) { /* left as it is */ }
  }
  return e;
}
// A string past QuickJS's length limit (`s += s` in a loop: ropes reach it before
// the memory limit) is its InternalError "string too long"; V8's is a RangeError,
// "Invalid string length".  Error objects only (Error.isError: no proxy trap runs).
const INTERNAL_PROTO = typeof InternalError === "function" ? InternalError.prototype : null;
const setProtoOf = Object.setPrototypeOf;
function asRangeError(e) {
  if (INTERNAL_PROTO === null || !isErrorObject(e) || protoOf(e) !== INTERNAL_PROTO) return;
  const own = ownDescriptor(e, "message");
  if (own !== undefined && own.value === "string too long") {
    setProtoOf(e, RangeErrorCtor.prototype);
  }
}
function toV8Message(e) {
  asRangeError(e);
  // No WeakMap here (it cost 5 us an error): V8's texts are not reworded again.
  const own = ownDescriptor(e, "message");
  if (own === undefined || typeof own.value !== "string" || !own.configurable) return;
  const shown = v8Message(own.value, e);
  if (shown === undefined || shown === own.value) return;
  if (own.writable) e.message = shown;  // an own data property: no setter runs
  else define(e, "message", { value: shown });
}
define(PromiseCtor.prototype, "then", {
  value: {
    then(onFulfilled, onRejected) {
      const handler = typeof onRejected === "function"
        ? (reason) => onRejected(caught(reason)) : onRejected;
      return promiseThen(this, onFulfilled, handler);
    },
  }.then,
  writable: true, enumerable: false, configurable: true,
});

// String(error) and "" + error show the message V8 would have made too.
define(ErrorCtor.prototype, "toString", {
  value: {
    toString() {
      if (this === null || (typeof this !== "object" && typeof this !== "function")) {
        throw new TypeErrorCtor("Error.prototype.toString requires that 'this' be an Object");
      }
      const n = this.name, m = this.message;
      const name = n === undefined ? "Error" : toString(n);
      const message = m === undefined ? "" : v8MessageOf(this, toString(m));
      if (name === "") return message;
      return message === "" ? name : name + ": " + message;
    },
  }.toString,
  writable: true, enumerable: false, configurable: true,
});
// Math.cbrt: QuickJS takes pow(x, 1/3), which misses exact roots (Math.cbrt(27) was
// 3.0000000000000004); one Newton step from it gives V8's result for every exact cube
// and in 9 of 10 other cases (measured against Node on 10,000 values; 44 in 100 before).
const powFn = Math.pow;
define(Math, "cbrt", {
  value: {
    cbrt(x) {
      const v = +x;
      if (v === 0 || v !== v || v === Infinity || v === -Infinity) return v;
      const a = v < 0 ? -v : v;
      let y = powFn(a, 1 / 3);
      y = y - (y * y * y - a) / (3 * y * y);
      return v < 0 ? -y : y;
    },
  }.cbrt,
  writable: true, enumerable: false, configurable: true,
});

// RegExp: the constructor is QuickJS's behind a function that gives a pattern's
// SyntaxError V8's message ("Invalid regular expression: /(/: Unterminated group",
// "Invalid flags supplied to RegExp constructor 'gg'"), which names the pattern that
// QuickJS's ("expecting ')'") does not.  It constructs through Reflect.construct (so a
// subclass's instances are its own), is the prototype's constructor and the global,
// and returns a RegExp called without new as the specification says.
const NativeRegExp = RegExp, regexSource = uncurry(ownDescriptor(RegExp.prototype, "source").get);
const regexFlags = uncurry(ownDescriptor(RegExp.prototype, "flags").get);
const reflectConstruct = Reflect.construct, isRegExpSymbol = Symbol.match;
const REGEX_TEXTS = {
  "expecting ')'": "Unterminated group",
  "extraneous characters at the end": "Unmatched ')'",
  "nothing to repeat": "Nothing to repeat",
  "invalid repetition count": "numbers out of order in {} quantifier",
  "duplicate group name": "Duplicate capture group name",
  "invalid group name": "Invalid capture group name",
  "invalid class range": "Range out of order in character class",
  "group name not defined": "Invalid named capture referenced",
  "invalid group": "Invalid group",
  "unknown unicode property name": "Invalid property name",
  "invalid escape sequence in regular expression": "Invalid escape",
};
function regexMessage(message, pattern, flags) {
  if (message === "invalid regular expression flags") {
    return "Invalid flags supplied to RegExp constructor '" + flags + "'";
  }
  let text = hasOwn(REGEX_TEXTS, message) ? REGEX_TEXTS[message] : undefined;
  if (message === "unexpected end") {  // what is left open, read from the pattern
    let escaped = false, inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = charCode(pattern, i);
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
    }
    text = escaped ? "\\ at end of pattern" : inClass ? "Unterminated character class"
      : "Unexpected end";
  }
  if (text === undefined) return undefined;
  if (message === "invalid escape sequence in regular expression" &&
      strIndex(pattern, "\\u{") >= 0) {
    text = "Invalid Unicode escape";
  }
  return "Invalid regular expression: /" + pattern + "/" + flags + ": " + text;
}
const RegExpWrapper = function RegExp(pattern, flags) {
  {
    const args = arguments;
    if (new.target === undefined && flags === undefined && pattern !== null &&
        typeof pattern === "object" && (pattern[isRegExpSymbol] !== undefined
          ? !!pattern[isRegExpSymbol] : isRegExpObject(pattern)) &&
        pattern.constructor === RegExpWrapper) {
      return pattern;  // RegExp(re) is re itself
    }
    try {
      return reflectConstruct(NativeRegExp, args,
        new.target === undefined || new.target === RegExpWrapper ? NativeRegExp : new.target);
    } catch (e) {
      if (isErrorObject(e) && protoOf(e) === SyntaxError.prototype) {
        const own = ownDescriptor(e, "message");
        let source = "(?:)", shown = "";
        try {
          source = isRegExpObject(pattern) ? regexSource(pattern)
            : pattern === undefined ? "(?:)" : toString(pattern);
          shown = flags !== undefined ? toString(flags)
            : isRegExpObject(pattern) ? regexFlags(pattern) : "";
        } catch (ignored) { /* QuickJS's text stays */ }
        const text = own === undefined ? undefined : regexMessage(own.value, source, shown);
        if (text !== undefined) {
          define(e, "message", { value: text, writable: true, configurable: true });
        }
      }
      throw e;
    }
  }
};
function isRegExpObject(v) {  // (the source getter checks the brand; flags' does not)
  try { regexSource(v); return v !== NativeRegExp.prototype; } catch (e) { return false; }
}
define(RegExpWrapper, "prototype", { value: NativeRegExp.prototype, writable: false });
Object.setPrototypeOf(RegExpWrapper, NativeRegExp);  // its statics (RegExp[Symbol.species])
define(NativeRegExp.prototype, "constructor",
  { value: RegExpWrapper, writable: true, configurable: true });
define(global, "RegExp", { value: RegExpWrapper, writable: true, configurable: true });

// Math.hypot: QuickJS's is the C library's, correctly rounded; V8 scales every
// argument by the largest, sums the squares with Kahan's compensation and scales the
// square root back, which differs in the last digit for about 1 in 3 pairs
// (Math.hypot(1.5, 2.7)).  The same steps give V8's result bit for bit.
const sqrtFn = Math.sqrt, absFn = Math.abs;
define(Math, "hypot", {
  value: {
    hypot(a, b) {  // (its length is 2, as V8's)
      const n = arguments.length;
      if (n === 2) {  // the common case, the same steps without a list
        const x = absFn(+a), y = absFn(+b);
        if (x === Infinity || y === Infinity) return Infinity;
        if (x !== x || y !== y) return NaN;
        const max = x > y ? x : y;
        if (max === 0) return 0;
        const p = x / max, q = y / max;
        return sqrtFn(p * p + q * q) * max;
      }
      const values = [];
      let max = 0, nan = false;
      for (let i = 0; i < n; i++) {
        const v = +arguments[i];  // every argument is converted, in order
        if (v !== v) { nan = true; continue; }
        const magnitude = absFn(v);
        values[i] = magnitude;
        if (magnitude > max) max = magnitude;
      }
      if (max === Infinity) return Infinity;
      if (nan) return NaN;
      if (max === 0) return 0;
      let sum = 0, compensation = 0;
      for (let i = 0; i < n; i++) {
        const scaled = values[i] / max, summand = scaled * scaled - compensation;
        const preliminary = sum + summand;
        compensation = (preliminary - sum) - summand;
        sum = preliminary;
      }
      return sqrtFn(sum) * max;
    },
  }.hypot,
  writable: true, enumerable: false, configurable: true,
});

// -- the script's call as Node's assert quotes it --------------------------------
// The source of the script's call that the prelude's caller was called from (assert(x
// > 1)), as Node's assert quotes it: the call around the first script frame's column
// whose callee is named assert, ok or strict, else the innermost; undefined when the
// source cannot be read.
function scriptCallSource() {
  let raw;
  try { raw = quickStack(new ErrorCtor()); } catch (e) { return undefined; }
  if (typeof raw !== "string") return undefined;
  const sites = rawSites(raw, 16);
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i];
    if (site.isNative()) continue;
    const vmLine = site.getLineNumber(), band = bandOf(vmLine);
    if (band === undefined) continue;  // the prelude's own frames
    const line = sourceLine(vmLine);
    if (line === undefined) return undefined;
    return callAround(line, bandColumn(band, vmLine, site.getColumnNumber()) - 1);
  }
  return undefined;
}
function callAround(line, at) {
  const calls = [];  // [start, end, callee] of the calls around the column, innermost first
  let end = at;
  while (end < line.length && isNameCode(charCode(line, end))) end++;
  const start = chainStart(line, at);
  if (charCode(line, end) === 40) {
    const close = closingBracket(line, end);
    if (close > 0) calls[calls.length] = [start, close + 1, strSlice(line, start, end)];
  }
  for (let k = start - 1, depth = 0; k >= 0; k--) {
    const c = charCode(line, k);
    if (c === 41) { depth++; continue; }
    if (c !== 40) continue;
    if (depth > 0) { depth--; continue; }
    const from = chainStart(line, k), close = closingBracket(line, k);
    if (from < k && close > 0) calls[calls.length] = [from, close + 1, strSlice(line, from, k)];
  }
  if (calls.length === 0) return undefined;
  let chosen = calls[0];
  for (let i = 0; i < calls.length; i++) {
    if (/(?:^|\.)(?:assert|ok|strict)$/.test(calls[i][2])) { chosen = calls[i]; break; }
  }
  return strSlice(line, chosen[0], chosen[1]);
}

// -- console, kryon, window --------------------------------------------------
// console.js: Node's console and util.inspect, writing through the host.
const consoleParts = (%(console)s)(
  queueWrite,
  scriptFrames, performance.now.bind(performance), rawStackOf, promiseState);
const console = consoleParts.console, inspect = consoleParts.inspect;
(%(locale)s)();
(%(json)s)();
(%(clone)s)(global);
(%(encoding)s)(global);
(%(url)s)(global);
(%(buffer)s)(global, received);
(%(conversions)s)(global);
(%(arrays)s)(consoleParts.proxies, (%(sort)s)());
const commonjs = (%(commonjs)s)(inspect, consoleParts.format, (%(path)s)(received),
                                scriptCallSource);
const deniedProbe = new Proxy(create(null), {
  get(target, name) {
    if (typeof name !== "string") return undefined;
    const denied = hostCall(%(op_denied)d, [name]);
    if (!denied) return undefined;
    return function () { return hostCall(%(op_denied)d, [name, true]); };
  },
});
const kryon = Object.create(deniedProbe);
Object.defineProperty(global, "console", { value: console, writable: true, configurable: true });
Object.defineProperty(global, "kryon", { value: kryon, writable: true, configurable: true });
Object.defineProperty(global, "window", { value: global, writable: true, configurable: true });
// Node's name for the global object.
Object.defineProperty(global, "global", { value: global, writable: true, configurable: true });

// -- process: the part of Node's object a sandboxed script can use ------------------
// process.stdout.write prints without a newline; argv is "node", the program's name
// and its arguments (kryon run FILE ARG...: setArgv), and env is empty (nothing of
// the host's); nextTick's callbacks run before the promise jobs, as
// Node runs them.  exit ends the program
// (exits.py: nothing can catch it); exitCode is checked as Node checks it.
function processStream(stream) {
  return freeze({
    write: function write(chunk, encoding, callback) {
      if (typeof chunk !== "string") {
        const got = chunk === null || typeof chunk !== "object"
          ? "type " + typeof chunk + " (" + toString(chunk) + ")"
          : "an instance of " + toString((chunk.constructor && chunk.constructor.name) || "Object");
        throw new TypeErrorCtor('The "chunk" argument must be of type string or an instance ' +
                                "of Buffer, TypedArray, or DataView. Received " + got);
      }
      queueWrite(stream, chunk);
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") promiseThen(PromiseCtor.resolve(), () => done());
      return true;
    },
  });
}
function received(value) {
  const t = typeof value;
  if (value === null || value === undefined) return " " + value;
  if (t === "function") return " function " + toString(value.name);
  if (t === "object") {
    const ctor = value.constructor;
    return " an instance of " + toString((ctor && ctor.name) || "Object");
  }
  // As Node: a string longer than 28 is cut to 25 characters before it is quoted
  const cut = t === "string" && value.length > 28 ? strSlice(value, 0, 25) + "..." : value;
  const shown = inspect(cut);
  return " type " + t + " (" + shown + ")";
}
function nodeError(Ctor, code, message) {
  const error = new Ctor(message);
  error.code = code;
  return error;
}
function callbackError(callback) {
  return nodeError(TypeErrorCtor, "ERR_INVALID_ARG_TYPE",
                   'The "callback" argument must be of type function. Received' +
                   received(callback));
}
// Node's validation of an exit code; a valid one is returned as the number it means.
function exitStatus(code) {
  if (code === undefined || code === null) return 0;
  let value = code;
  if (typeof code === "string" && code !== "") {
    const n = +code;
    if (n === n) value = n;
  }
  if (typeof value !== "number") {
    throw nodeError(TypeErrorCtor, "ERR_INVALID_ARG_TYPE",
                    'The "code" argument must be of type number. Received' + received(value));
  }
  if (!isInteger(value) || value > MAX_SAFE || value < -MAX_SAFE) {
    let shown = toString(value);
    if (isInteger(value)) {  // Node's numeric separators for a large integer
      const sign = value < 0 ? "-" : "", digits = strSlice(shown, sign.length);
      shown = "";
      for (let end = digits.length; end > 0; end -= 3) {
        shown = strSlice(digits, end > 3 ? end - 3 : 0, end) + (shown ? "_" + shown : "");
      }
      shown = sign + shown;
    }
    throw nodeError(RangeErrorCtor, "ERR_OUT_OF_RANGE", 'The value of "code" is out of range. ' +
                    (isInteger(value) ? "It must be >= -9007199254740991 && <= 9007199254740991"
                                      : "It must be an integer") + ". Received " + shown);
  }
  return value;
}
let exitCode;
// process.nextTick's queue: Node runs it before the promise jobs.
// (a null-prototype object: a setter a script puts on Array.prototype never sees it)
let TICKS = create(null), tickHead = 0, tickTail = 0, ticking = false;
const processObject = {
  argv: ["node", "script"],
  env: {},
  get exitCode() { return exitCode; },
  set exitCode(code) { exitStatus(code); exitCode = code; },
  exit: function exit(code) {
    if (arguments.length !== 0) processObject.exitCode = code;
    emitExit();
    hostCall(%(op_exit)d, [exitStatus(exitCode) | 0, rawStackOf(new ErrorCtor())]);
    for (;;) { /* never reached: the host ends the program (exits.py) */ }
  },
  stdout: processStream("stdout"),
  stderr: processStream("stderr"),
  nextTick: function nextTick(callback, ...args) {
    if (typeof callback !== "function") {
      throw callbackError(callback);
    }
    const queued = tickTail - tickHead;
    TICKS[tickTail++] = [callback, args];
    // The host runs the ticks before the promise jobs (api.adopt, after a script's
    // top-level code) and fireTimer after each timer; those queued anywhere else (by a
    // job, by a call) run once the promise jobs have all run, as Node runs them
    // (api.tick, which the host calls then), or, with no timers (no api.tick), as a
    // job queued once the jobs before it have run.
    if (queued === 0 && !ticking && !%(timers)s) promiseThen(PromiseCtor.resolve(), runTicks);
  },
};
// (a tick queued by a tick runs in the same loop: no job for it, so an endless
// chain of ticks is a loop that the time limit ends, as Node hangs on it)
function runTicks() {
  if (ticking) return;
  ticking = true;
  try {
    while (tickHead < tickTail) {
      const t = TICKS[tickHead];
      delete TICKS[tickHead++];
      try {
        applyFn(t[0], undefined, t[1]);
      } catch (e) {
        if (!uncaughtByListener(e)) throw e;
      }
    }
  } catch (e) {
    throw described(e);
  } finally {
    ticking = false;
  }
}
define(processObject, "exitCode", { enumerable: true, configurable: false });
// process as the EventEmitter Node's is, for the events a sandboxed program can
// meet: 'exit' is emitted once, with the status, when the program ends by itself
// (api.exitCode) or by process.exit; listeners of other events are kept and run only
// by process.emit.
const PROCESS_EVENTS = create(null), perfNow = performance.now.bind(performance);
function processListeners(name) {
  const key = typeof name === "symbol" ? name : toString(name);
  return hasOwn(PROCESS_EVENTS, key) ? PROCESS_EVENTS[key] : (PROCESS_EVENTS[key] = []);
}
function addProcessListener(name, listener, once, prepend) {
  if (typeof listener !== "function") {
    throw nodeError(TypeErrorCtor, "ERR_INVALID_ARG_TYPE",
                    'The "listener" argument must be of type function. Received' +
                    received(listener));
  }
  const list = processListeners(name), entry = { listener, once };
  if (prepend) list.unshift(entry); else list[list.length] = entry;
  return processObject;
}
function removeProcessListener(name, listener) {
  const list = processListeners(name);
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].listener === listener) { list.splice(i, 1); break; }
  }
  return processObject;
}
const processEvents = {
  on(name, listener) { return addProcessListener(name, listener, false, false); },
  addListener(name, listener) { return addProcessListener(name, listener, false, false); },
  prependListener(name, listener) { return addProcessListener(name, listener, false, true); },
  once(name, listener) { return addProcessListener(name, listener, true, false); },
  prependOnceListener(name, listener) { return addProcessListener(name, listener, true, true); },
  off(name, listener) { return removeProcessListener(name, listener); },
  removeListener(name, listener) { return removeProcessListener(name, listener); },
  removeAllListeners(name) {
    if (name === undefined) { for (const k of keys(PROCESS_EVENTS)) delete PROCESS_EVENTS[k]; }
    else processListeners(name).length = 0;
    return processObject;
  },
  emit(name, ...args) {
    const list = arraySlice(processListeners(name));
    for (let i = 0; i < list.length; i++) {
      if (list[i].once) removeProcessListener(name, list[i].listener);
      applyFn(list[i].listener, processObject, args);
    }
    return list.length > 0;
  },
  listeners(name) { return processListeners(name).map((e) => e.listener); },
  listenerCount(name) { return processListeners(name).length; },
  eventNames() { return keys(PROCESS_EVENTS).filter((k) => PROCESS_EVENTS[k].length > 0); },
  setMaxListeners() { return processObject; },
  getMaxListeners() { return 10; },
  hrtime: function hrtime(previous) {
    const now = perfNow(), s = Math.floor(now / 1000), ns = Math.floor((now %% 1000) * 1e6);
    if (previous === undefined) return [s, ns];
    let ds = s - previous[0], dns = ns - previous[1];
    if (dns < 0) { ds--; dns += 1e9; }
    return [ds, dns];
  },
  uptime: function uptime() { return perfNow() / 1000; },
};
define(processEvents.hrtime, "bigint", {
  value: function bigint() { return makeBigInt(Math.floor(perfNow() * 1e6)); },
  writable: true, configurable: true,
});
for (const name of keys(processEvents)) {
  define(processObject, name, { value: processEvents[name], writable: true, configurable: true });
}
// -- process 'uncaughtException' and 'unhandledRejection' ---------------------------
// As in Node, a listener of 'uncaughtException' is called with an error nothing caught
// (thrown by a script's top level, a timer, a tick or a queueMicrotask callback)
// instead of the program ending, and one of 'unhandledRejection' with each promise
// left rejected with no handler once the jobs have run (without one, the rejection
// goes to the 'uncaughtException' listeners).  No limit is handed over: the time
// limit's interrupt cannot be caught, and an error of memory or stack exhaustion, or
// one the host raised, ends the call as before.
function isLimitError(e) {
  if (!isErrorObject(e)) return false;
  if (INTERNAL_PROTO !== null && protoOf(e) === INTERNAL_PROTO) return true;
  // (the host's errors, a limit met in a host call among them, end the call as before)
  if (ownDescriptor(e, "kryonHostError") !== undefined) return true;
  const own = ownDescriptor(e, "message"), m = own === undefined ? undefined : own.value;
  return m === "interrupted" || m === "out of memory" || m === "stack overflow" ||
    m === "Maximum call stack size exceeded";
}
function uncaughtByListener(e, origin) {
  if (typeof e === "string" && e === lastDescribed) return false;  // already reported
  if (processListeners("uncaughtException").length === 0 || isLimitError(e)) return false;
  processEvents.emit("uncaughtException", caught(e), origin || "uncaughtException");
  return true;
}
// The rejections the host put in REJECTED (rejections.py), each to the listeners;
// false when there are none (the first then fails the call).
function rejectionsByListener() {
  const toRejection = processListeners("unhandledRejection").length > 0;
  if (!toRejection && processListeners("uncaughtException").length === 0) return false;
  const pairs = [];
  for (let i = 3; i + 1 < REJECTED.length; i += 2) {
    pairs[pairs.length] = [REJECTED[i], REJECTED[i + 1]];
  }
  REJECTED.length = 0;
  for (let i = 0; i < pairs.length; i++) {
    const reason = caught(pairs[i][1]);
    if (toRejection) processEvents.emit("unhandledRejection", reason, pairs[i][0]);
    else if (!uncaughtByListener(reason, "unhandledRejection")) return false;
  }
  return true;
}
let exitEmitted = false;
function emitExit() {
  if (exitEmitted) return;
  exitEmitted = true;
  processEvents.emit("exit", exitStatus(exitCode) | 0);
}
const queueJob = queueMicrotask;
define(global, "queueMicrotask", { writable: true, configurable: true, value: {
  queueMicrotask(callback) {
    if (typeof callback !== "function") throw callbackError(callback);
    queueJob(() => {
      try { callback(); } catch (e) { if (!uncaughtByListener(e)) throw described(e); }
    });
  },
}.queueMicrotask });
// A FinalizationRegistry's cleanup callback runs as a job too.
const RegistryCtor = FinalizationRegistry, construct = Reflect.construct;
const Registry = function FinalizationRegistry(cleanup) {
  if (new.target === undefined) return RegistryCtor(cleanup);  // its TypeError
  if (typeof cleanup !== "function") {
    throw new TypeErrorCtor("FinalizationRegistry: cleanup must be callable");
  }
  const guarded = function (held) {
    try { applyFn(cleanup, undefined, [held]); } catch (e) { throw described(e); }
  };
  return construct(RegistryCtor, [guarded], new.target === Registry ? RegistryCtor : new.target);
};
define(Registry, "prototype", { value: RegistryCtor.prototype, writable: false });
define(RegistryCtor.prototype, "constructor",
  { value: Registry, writable: true, configurable: true });
define(global, "FinalizationRegistry", { value: Registry, writable: true, configurable: true });
Object.defineProperty(global, "process", {
  value: processObject, writable: true, configurable: true,
});

// -- Promise.any: V8's message ------------------------------------------------------
// QuickJS's Promise.any rejects with an AggregateError without a message; V8's says
// "All promises were rejected".  The error is made inside QuickJS, so Promise.any is
// written here as the specification writes it (same steps, same jobs, so the order
// of reactions is unchanged), making its AggregateError with that message.
const AggregateErrorCtor = AggregateError, iteratorKey = Symbol.iterator;
function isObjectLike(x) {
  return x !== null && (typeof x === "object" || typeof x === "function");
}
function defineItem(list, i, value) {
  define(list, i, { value: value, writable: true, enumerable: true, configurable: true });
}
function closeIterator(iterator) {
  try {
    const done = iterator.return;
    if (done !== undefined && done !== null) applyFn(done, iterator, []);
  } catch (ignored) { /* the first error is the one reported */ }
}
define(PromiseCtor, "any", {
  value: {
    any(iterable) {
      const C = this;
      if (!isObjectLike(C)) throw new TypeErrorCtor("not an object");
      let resolve, reject;
      const promise = new C((ok, no) => {
        if (resolve !== undefined || reject !== undefined) {
          throw new TypeErrorCtor("resolving functions already set");
        }
        resolve = ok; reject = no;
      });
      if (typeof resolve !== "function" || typeof reject !== "function") {
        throw new TypeErrorCtor("not a function");
      }
      let iterator, next;
      try {
        const resolveWith = C.resolve;
        if (typeof resolveWith !== "function") throw new TypeErrorCtor("resolve is not a function");
        const method = iterable === null || iterable === undefined
          ? undefined : iterable[iteratorKey];
        if (typeof method !== "function") throw new TypeErrorCtor("value is not iterable");
        iterator = applyFn(method, iterable, []);
        if (!isObjectLike(iterator)) throw new TypeErrorCtor("iterator is not an object");
        next = iterator.next;
        const errors = [];
        let remaining = 1, index = 0;
        const rejectAll = () => {
          const list = [];
          for (let i = 0; i < errors.length; i++) defineItem(list, i, errors[i]);
          const error = new AggregateErrorCtor(list, "All promises were rejected");
          reject(error);
        };
        for (;;) {
          const step = applyFn(next, iterator, []);
          if (!isObjectLike(step)) throw new TypeErrorCtor("iterator result is not an object");
          if (step.done) break;
          const value = step.value;
          try {
            defineItem(errors, index, undefined);
            const nextPromise = applyFn(resolveWith, C, [value]);
            const at = index;
            let called = false;
            const rejectElement = (reason) => {
              if (called) return;
              called = true;
              errors[at] = reason;
              if (--remaining === 0) rejectAll();
            };
            remaining++;
            nextPromise.then(resolve, rejectElement);
          } catch (e) {
            closeIterator(iterator);
            throw e;
          }
          index++;
        }
        if (--remaining === 0) rejectAll();
      } catch (e) {
        reject(e);
      }
      return promise;
    },
  }.any,
  writable: true, enumerable: false, configurable: true,
});

// -- timers: a virtual clock ------------------------------------------------------
// setTimeout and friends keep Node's order (due time, then creation) but nothing
// waits: when no promise job is left, the host fires the earliest timer (api.tick)
// and the clock jumps to its due time.  A policy without the timers capability
// gets no timer functions at all.
const TIMERS = new Map(), mapValues = uncurry(Map.prototype.values);
const timerNext = uncurry(Object.getPrototypeOf(new Map().values()).next);
let timerSeq = 0, clock = 0;
function addTimer(callback, delay, args, repeat) {
  if (typeof callback !== "function") throw callbackError(callback);
  delay = +delay;
  if (!(delay >= 1 && delay <= 2147483647)) delay = 1;
  const id = ++timerSeq;
  mapSet(TIMERS, id, { id: id, callback: callback, args: args, due: clock + delay,
                       every: repeat ? delay : 0, seq: id });
  return id;
}
function clearTimer(id) { if (typeof id === "number") mapDelete(TIMERS, id); }
function fireTimer() {
  let next;
  const it = mapValues(TIMERS);
  let kept = false;  // a timer that keeps the program alive (AbortSignal.timeout's does not)
  for (let step = timerNext(it); !step.done; step = timerNext(it)) {
    const t = step.value;
    if (!t.weak) kept = true;
    const earlier = next === undefined || t.due < next.due;
    if (earlier || (t.due === next.due && t.seq < next.seq)) next = t;
  }
  if (next === undefined || !kept) return false;
  if (next.due > clock) clock = next.due;
  if (next.every) { next.due = clock + next.every; next.seq = ++timerSeq; }
  else mapDelete(TIMERS, next.id);
  try {
    applyFn(next.callback, undefined, next.args);
  } catch (e) {
    if (!uncaughtByListener(e)) throw e;
  }
  if (tickHead !== tickTail) runTicks();  // as Node, after each timer: ticks, then jobs
  return true;
}
if (%(timers)s) {
  const timerGlobals = {
    setTimeout: function setTimeout(callback, delay, ...args) {
      return addTimer(callback, delay, args, false);
    },
    setInterval: function setInterval(callback, delay, ...args) {
      return addTimer(callback, delay, args, true);
    },
    setImmediate: function setImmediate(callback, ...args) {
      return addTimer(callback, 0, args, false);
    },
    clearTimeout: function clearTimeout(id) { clearTimer(id); },
    clearInterval: function clearInterval(id) { clearTimer(id); },
    clearImmediate: function clearImmediate(id) { clearTimer(id); },
  };
  // (Node's setTimeout and setInterval name three arguments after the delay)
  define(timerGlobals.setTimeout, "length", { value: 5 });
  define(timerGlobals.setInterval, "length", { value: 5 });
  define(timerGlobals.setImmediate, "length", { value: 4 });
  const promised = Symbol.for("nodejs.util.promisify.custom");  // util.promisify's
  define(timerGlobals.setTimeout, promised, { value: commonjs.timersPromises.setTimeout });
  define(timerGlobals.setImmediate, promised, { value: commonjs.timersPromises.setImmediate });
  for (const name of keys(timerGlobals)) {
    define(global, name, { value: timerGlobals[name], writable: true, configurable: true });
  }
}
(%(events)s)(global, received, processObject.nextTick, %(timers)s ? function (callback, delay) {
  mapGet(TIMERS, addTimer(callback, delay, [], false)).weak = true;
} : null);

// -- unhandled rejections (rejections.py) -------------------------------------------
// The host keeps the promises rejected with no handler; once the jobs have drained,
// it puts the first one's reason at REJECTED[0] and api.unhandled describes it.
const REJECTED = [];
// A promise's state for console (rejections.py): [state, result], state 0 pending,
// 1 fulfilled, 2 rejected, -1 unknown (no hook), -2 not a promise.  The promise
// goes to REJECTED[1] for the host to read; the host puts the result at [2].
function promiseState(p) {
  define(REJECTED, 1, { value: p, writable: true, enumerable: true, configurable: true });
  let state = -1, result;
  try {
    state = hostCall(%(op_promise)d, []);
    if (state === 1 || state === 2) result = REJECTED[2];
  } finally {
    REJECTED.length = 0;
  }
  return [state, result];
}
function unhandledRejection(stored) {
  if (stored && rejectionsByListener()) return undefined;
  const reason = REJECTED[0];
  REJECTED.length = 0;
  const info = stored ? describe(reason)
    : { kind: "error", name: "Error", message: "(the reason could not be kept: out of memory)",
        stack: "", host: 0 };
  define(info, "rejection", { value: true, enumerable: true });
  return flat("\u0002" + wireRecord(info));
}

// -- modules -------------------------------------------------------------------
function moduleName(name) {
  name = toString(name);
  if (strSlice(name, 0, 2) === "./") name = strSlice(name, 2);
  const end = name.length;
  if (strSlice(name, end - 3) === ".js") return strSlice(name, 0, end - 3);
  return strSlice(name, end - 4) === ".mjs" ? strSlice(name, 0, end - 4) : name;
}
// An ES import of one of Node's built-in modules (`import { EventEmitter } from
// "node:events"`): its default export is what require gives, the named ones that
// value's own properties, as Node's namespaces of its CommonJS built-ins have them.
const BUILT_IN_NAMESPACES = new Map(), ownNames = Object.getOwnPropertyNames;
const NOT_EXPORTED = { length: true, name: true, prototype: true, caller: true, arguments: true };
function builtInNamespace(name) {
  let namespace = mapGet(BUILT_IN_NAMESPACES, name);
  if (namespace !== undefined) return namespace;
  const value = commonjs.builtIn(name);
  if (value === undefined) return undefined;
  namespace = create(null);
  const names = ownNames(value);
  for (let i = 0; i < names.length; i++) {
    const k = names[i];
    if (typeof value !== "function" || !hasOwn(NOT_EXPORTED, k)) namespace[k] = value[k];
  }
  namespace.default = value;
  mapSet(BUILT_IN_NAMESPACES, name, freeze(namespace));
  return namespace;
}
function importModule(name) {
  const exports = mapGet(MODULES, moduleName(name)) || builtInNamespace(name);
  if (exports === undefined) {
    throw new ErrorCtor("module '" + name + "' is not loaded (load it before its importers)");
  }
  return exports;
}
function exportModule(exports, stars) {
  for (let i = 0; i < stars.length; i++) {
    const source = importModule(stars[i]);
    for (const k of keys(source)) {
      if (k !== "default" && !hasOwn(exports, k)) {
        define(exports, k, { get: () => source[k], enumerable: true });
      }
    }
  }
  return freeze(exports);
}
Object.defineProperty(global, "__kryon_import", { value: importModule });
Object.defineProperty(global, "$kimp$", {
  value: (name) => new PromiseCtor((ok) => ok(importModule(name))),
});
Object.defineProperty(global, "__kryon_export", { value: exportModule });
// import.meta of a module (source.wrap): Node's url, filename and dirname when the
// module came from a file, on a null-prototype object.
Object.defineProperty(global, "__kryon_meta", {
  value: (pathText) => {
    const meta = create(null), path = parse(pathText);
    if (typeof path === "string" && path !== "") {
      const cut = strLastIndex(path, "/");
      meta.dirname = cut > 0 ? strSlice(path, 0, cut) : cut === 0 ? "/" : ".";
      meta.filename = path;
      meta.url = "file://" + (charCode(path, 0) === 47 ? "" : "/") + path;
    }
    return meta;
  },
});

// -- QuickJS's own extras --------------------------------------------------------
// Built-ins of QuickJS-ng that are in no ECMAScript edition and no JavaScript
// runtime a program is written for (V8, SpiderMonkey, JavaScriptCore): a program
// that tests for them (`typeof InternalError`) takes the branch it takes elsewhere.
// Standard built-ins newer than some Node release (Object.groupBy, Set's union,
// iterator helpers, Promise.withResolvers) stay: they are the language.
const NON_STANDARD = [
  [global, ["InternalError"]],
  [Function.prototype, ["fileName", "lineNumber", "columnNumber"]],
];
for (const [holder, names] of NON_STANDARD) {
  for (const name of names) delete holder[name];
}

// -- the disarm token (timelimit.py) ------------------------------------------------
// add_callable can only store it in a global property: a non-configurable one, so no
// script can turn it into an accessor and catch the token on its way in.
define(global, "__kryon_disarm", { value: undefined, writable: true, configurable: false });
function adoptPending() {
  const t = global.__kryon_disarm;
  if (t !== undefined) { token = t; global.__kryon_disarm = undefined; }
}

// -- entry points used by Python (never reachable from scripts) ------------------
// Every function reachable from the globals that the prelude wrote is marked native
// (a walk of the built-ins, their prototypes and namespaces, made once).
// (Node's TextEncoder, URL, EventTarget, Buffer... are JavaScript classes: their source
// shows)
const UNMARKED = new Set(["kryon", "window", "TextEncoder", "TextDecoder", "URL",
  "URLSearchParams", "EventTarget", "Event", "CustomEvent", "AbortController", "AbortSignal",
  "Buffer"]);
function markNatives(object, depth, seen) {
  if (setHas(seen, object)) return;
  setAdd(seen, object);
  const names = Reflect.ownKeys(object);
  for (let i = 0; i < names.length; i++) {
    if (object === global && setHas(UNMARKED, names[i])) continue;
    const d = Reflect.getOwnPropertyDescriptor(object, names[i]), parts = [d.value, d.get, d.set];
    for (let k = 0; k < 3; k++) {
      const v = parts[k];
      if (typeof v === "function" && !setHas(seen, v) &&
          strSlice(fnSource(v), -NATIVE_END.length) !== NATIVE_END) {
        weakSet(NATIVE, v, typeof v.name === "string" ? v.name : "");
      }
      // (into namespaces and constructors: a method's own keys hold no function)
      if (depth > 0 && v !== null && (typeof v === "object" ||
          (typeof v === "function" && hasOwn(v, "prototype")))) {
        markNatives(v, depth - 1, seen);
      }
    }
  }
}
markNatives(global, 3, new SetCtor());
weakSet(NATIVE, sourceText, "toString");
for (const it of [new Map().keys(), new Set().values()]) {
  markNatives(Object.getPrototypeOf(it), 0, new SetCtor());
}

const api = {
  call0: (f) => { adoptPending(); try { return out(f()); } catch (e) { return fail(e); } },
  call1: (f, a) => { adoptPending(); try { return out(f(a)); } catch (e) { return fail(e); } },
  call2: (f, a, b) => {
    adoptPending();
    try { return out(f(a, b)); } catch (e) { return fail(e); }
  },
  call3: (f, a, b, c) => {
    adoptPending();
    try { return out(f(a, b, c)); } catch (e) { return fail(e); }
  },
  callN: (f, ...args) => {
    adoptPending();
    try { return out(applyFn(f, undefined, args)); } catch (e) { return fail(e); }
  },
  callE: (f, text) => {
    adoptPending();
    try { return out(applyFn(f, undefined, decode(text))); } catch (e) { return fail(e); }
  },
  // kryon repl: a snippet's value as Node's REPL shows it (util.inspect); undefined
  // shows nothing.
  callShow: (f, ...args) => {
    adoptPending();
    try {
      const r = applyFn(f, undefined, args);
      return out(r === undefined ? null : inspect(r));
    } catch (e) { return fail(e); }
  },
  // The handle fast path (engine.py): a wrapper of one arity for one function, called
  // with the plain arguments as they are.  It does not adopt a token: Python calls it
  // only when no token is waiting (TimeLimit.ready).
  bind: (f, arity) => {
    switch (arity) {
      case 0: return () => {
        try { const r = f(); return typeof r === "number" && outCount === 0 ? r : out(r); }
        catch (e) { return fail(e); }
      };
      case 1: return (a) => {
        try { const r = f(a); return typeof r === "number" && outCount === 0 ? r : out(r); }
        catch (e) { return fail(e); }
      };
      case 2: return (a, b) => {
        try { const r = f(a, b); return typeof r === "number" && outCount === 0 ? r : out(r); }
        catch (e) { return fail(e); }
      };
      default: return (a, b, c) => {
        try { const r = f(a, b, c); return typeof r === "number" && outCount === 0 ? r : out(r); }
        catch (e) { return fail(e); }
      };
    }
  },
  callRef: (id, text) => {
    try {
      const f = mapGet(FNS, id);
      if (f === undefined) throw new ErrorCtor("the function was released");
      return out(applyFn(f, undefined, decode(text)));
    } catch (e) { return fail(e); }
  },
  release: (id) => {
    const f = mapGet(FNS, id);
    if (f !== undefined) { mapDelete(FNS, id); mapDelete(FN_IDS, f); }
  },
  load: (wrapper, scope, sites) => {
    try {
      const namespace = create(null), made = commonjs.newModule();
      const cjs = [made.exports, commonjs.require, made.module];
      // a CommonJS file's `this` at top level is its module.exports, as in Node
      try {
        applyFn(wrapper, cjs[0], [scope, sites, namespace, cjs[0], cjs[1], cjs[2]]);
      } catch (e) {
        // (the rest of the top level is not run, as in Node; the functions declared stay)
        if (typeof namespace.make !== "function" || !uncaughtByListener(e)) throw e;
      }
      if (outCount !== 0) flushOut();
      return namespace.make();
    } catch (e) { return fail(e); }
  },
  member: (object, name) => { try { return object[name]; } catch (e) { return fail(e); } },
  info: (f) => {
    const kind = objectKind(f);
    const callable = typeof f === "function", asyncGen = kind === "[object AsyncGeneratorFunction]";
    // A script may redefine a function's length as anything: only a count counts.
    const length = callable ? f.length : 0;
    return wireRecord({
      callable: callable,
      length: isInteger(length) && length >= 0 && length <= 65535 ? length : 0,
      async: kind === "[object AsyncFunction]" || asyncGen,
      generator: kind === "[object GeneratorFunction]" || asyncGen,
    });
  },
  names: (object) => wireList(keys(object)),
  getGlobal: (name) => { try { return out(global[name]); } catch (e) { return fail(e); } },
  setGlobal: (name, text) => {
    try { global[name] = decode(text); return null; } catch (e) { return fail(e); }
  },
  getScoped: (ns, scope, name) => {
    try {
      if (name in scope) return out(scope[name]);
      const r = ns.get(name);
      return out(r.found ? r.value : global[name]);
    } catch (e) { return fail(e); }
  },
  setScoped: (ns, scope, name, text, sloppy) => {
    try {
      const value = decode(text);
      if (ns.set(name, value)) return true;
      if (!sloppy) return false;
      scope[name] = value;
      return true;
    } catch (e) { return fail(e); }
  },
  installHost: (spec) => {
    const list = parse(spec);
    for (let i = 0; i < list.length; i++) {
      const id = list[i][0], name = list[i][1], f = kryonFunction(id);
      define(f, "name", { value: name });
      define(kryon, name, { value: f, enumerable: true, writable: false, configurable: true });
    }
  },
  adopt: () => { adoptPending(); if (tickHead !== tickTail) runTicks(); },
  takeOutput: () => takeOutput(),
  // A timer's error is described here, under the limit: the binding would read an
  // error reaching Python with no limit (a proxy's looping trap hung the host).
  // (the ticks jobs or calls queued first: their own jobs run before the next timer)
  tick: () => {
    try {
      if (tickHead === tickTail) return fireTimer();
      runTicks();
      return true;
    } catch (e) { return fail(e); }
  },
  // After a limit (runtime.quiesce): no job may lift the time limit, no timer fire.
  disarm: () => { token = undefined; },
  dropTimers: () => {
    mapClear(TIMERS);
    TICKS = create(null); tickHead = tickTail = 0; ticking = false;
  },
  records: () => REJECTED,
  unhandled: (stored) => unhandledRejection(stored),
  armed: () => token !== undefined,
  settled: (id) => {
    const entry = mapGet(PENDING, id);
    if (entry === undefined || entry.state === "pending") return "\u0004";
    mapDelete(PENDING, id);
    if (entry.state === "rejected") return fail(entry.value);
    try { return out(entry.value); } catch (e) { return fail(e); }
  },
  settledRaw: (id) => {
    const entry = mapGet(PENDING, id);
    if (entry === undefined || entry.state === "pending") return "\u0004";
    mapDelete(PENDING, id);
    return entry.state === "rejected" ? fail(entry.value) : entry.value;
  },
  loadModule: (wrapper, scope, sites) => {
    try { return out(applyFn(wrapper, undefined, [scope, sites])); } catch (e) { return fail(e); }
  },
  throwSites: (table, checks) => throwSites(table, checks),
  newScope: () => create(null),
  declare: (scope, names) => {
    for (const name of parse(names)) if (!(name in scope)) scope[name] = undefined;
  },
  forget: (id) => { mapDelete(PENDING, id); },
  registerModule: (name, exports) => { mapSet(MODULES, moduleName(name), exports); },
  unregisterModule: (name, exports) => {
    if (mapGet(MODULES, moduleName(name)) === exports) mapDelete(MODULES, moduleName(name));
  },
  stack: () => rawStackOf(new ErrorCtor()),
  setBands: (text) => { BANDS = parse(text); },
  setSource: (base, text) => { mapSet(SOURCES, base, [text, undefined]); },
  // kryon run FILE ARG...: the program's name and arguments, as process.argv[1:]
  setArgv: (text) => { processObject.argv = ["node", ...parse(text)]; },
  dropSource: (base) => { mapDelete(SOURCES, base); },
  // 'beforeExit' as the program ends by itself: 0 no listener, 1 they ran, 2 they
  // started a timer or a tick (runtime.exit_code runs that work, then asks again)
  beforeExit: () => {
    try {
      if (processListeners("beforeExit").length === 0) return 0;
      const seqBefore = timerSeq;
      processEvents.emit("beforeExit", exitStatus(exitCode) | 0);
      if (outCount !== 0) flushOut();
      return timerSeq !== seqBefore || tickHead !== tickTail ? 2 : 1;
    } catch (e) { return fail(e); }
  },
  // kryon run: the status a program that ends by itself leaves (process.exitCode).
  exitCode: () => {
    try { emitExit(); } catch (e) { return fail(e); }
    if (outCount !== 0) flushOut();
    try { return exitStatus(exitCode) | 0; } catch (e) { return 0; }
  },
};
// Every entry from Python first takes a freshly registered disarm token out of the
// global object, before any script code can run (call0..3, callN and callE do it
// inline; the wrappers ``bind`` makes are never called while a token waits), and
// hands on its output as it ends (out and fail do it for those).
for (const name of keys(api)) {
  const f = api[name];
  if (name.length !== 5 || name.slice(0, 4) !== "call") {
    api[name] = function (...args) {
      adoptPending();
      const r = applyFn(f, undefined, args);
      if (outCount !== 0) flushOut();  // what a getter or timer printed
      return r;
    };
  }
}
return function (name) { return api[name]; };
})
"""

PRELUDE_LINES = PRELUDE.count("\n") + sum(part.count("\n") for part in PARTS.values()) + 1
"""Lines the evaluated prelude takes: script bands start below them (source.FIRST_LINE)."""

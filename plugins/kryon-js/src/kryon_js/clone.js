// structuredClone as Node gives it (the HTML structured clone algorithm), which
// QuickJS does not have: a deep copy keeping cycles and shared references;
// Array, plain object, Date, RegExp, Map, Set, ArrayBuffer, typed arrays, DataView,
// boxed primitives and errors are copied, any other object becomes a plain object of
// its own enumerable properties, and a function, a symbol, a WeakMap, a WeakSet or a
// Promise is a DOMException named DataCloneError.  Evaluated by the prelude with the
// global object; built-ins are captured here, so a script replacing Map.prototype.set
// does not change what a clone is.
(function (global) {
"use strict";
const uncurry = Function.prototype.bind.bind(Function.prototype.call);
const kindOf = uncurry(Object.prototype.toString), keys = Object.keys;
const define = Object.defineProperty, isArray = Array.isArray, fnSource = uncurry(Function.prototype.toString);
const MapCtor = Map, SetCtor = Set, DateCtor = Date, RegExpCtor = RegExp;
const mapGet = uncurry(Map.prototype.get), mapSet = uncurry(Map.prototype.set);
const mapEach = uncurry(Map.prototype.forEach), setEach = uncurry(Set.prototype.forEach);
const setAdd = uncurry(Set.prototype.add), dateTime = uncurry(Date.prototype.getTime);
const regexSource = uncurry(Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get);
const regexFlags = uncurry(Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get);
const bufferSlice = uncurry(ArrayBuffer.prototype.slice);
const TypedArray = Object.getPrototypeOf(Int8Array);
const typedBuffer = uncurry(Object.getOwnPropertyDescriptor(TypedArray.prototype, "buffer").get);
const typedOffset = uncurry(Object.getOwnPropertyDescriptor(TypedArray.prototype, "byteOffset").get);
const typedLength = uncurry(Object.getOwnPropertyDescriptor(TypedArray.prototype, "length").get);
const viewBuffer = uncurry(Object.getOwnPropertyDescriptor(DataView.prototype, "buffer").get);
const viewOffset = uncurry(Object.getOwnPropertyDescriptor(DataView.prototype, "byteOffset").get);
const viewLength = uncurry(Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength").get);
const unbox = {
  "[object Number]": uncurry(Number.prototype.valueOf),
  "[object String]": uncurry(String.prototype.valueOf),
  "[object Boolean]": uncurry(Boolean.prototype.valueOf),
  "[object BigInt]": uncurry(BigInt.prototype.valueOf),
};
const ERRORS = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
const TYPED = {};
for (const C of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
                 Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array]) {
  TYPED["[object " + C.name + "]"] = C;
}
const DOMExceptionCtor = global.DOMException, TypeErrorCtor = TypeError, ObjectCtor = Object;
const strSlice = uncurry(String.prototype.slice), symbolText = uncurry(Symbol.prototype.toString);
const toText = String;

function refuse(text) {
  return new DOMExceptionCtor(text + " could not be cloned.", "DataCloneError");
}

function copy(value, seen) {
  const type = typeof value;
  if (type === "function") throw refuse(fnSource(value));
  if (type === "symbol") throw refuse(symbolText(value));
  if (type !== "object" || value === null) return value;
  const known = mapGet(seen, value);
  if (known !== undefined) return known;
  const kind = kindOf(value);
  let out;
  if (isArray(value)) {
    out = new Array(value.length);
    mapSet(seen, value, out);
    for (const k of keys(value)) out[k] = copy(value[k], seen);
    return out;
  }
  switch (kind) {
    case "[object Date]": out = new DateCtor(dateTime(value)); break;
    case "[object RegExp]": out = new RegExpCtor(regexSource(value), regexFlags(value)); break;
    case "[object Number]": case "[object String]": case "[object Boolean]": case "[object BigInt]":
      out = ObjectCtor(unbox[kind](value)); break;
    case "[object ArrayBuffer]": out = bufferSlice(value, 0); break;
    case "[object DataView]": {
      const buffer = copy(viewBuffer(value), seen);
      out = new DataView(buffer, viewOffset(value), viewLength(value));
      break;
    }
    case "[object Map]":
      out = new MapCtor();
      mapSet(seen, value, out);
      mapEach(value, (v, k) => { mapSet(out, copy(k, seen), copy(v, seen)); });
      return out;
    case "[object Set]":
      out = new SetCtor();
      mapSet(seen, value, out);
      setEach(value, (v) => { setAdd(out, copy(v, seen)); });
      return out;
    case "[object Error]": {
      const name = value.name, C = typeof name === "string" && ERRORS[name] ? ERRORS[name] : Error;
      out = new C();
      mapSet(seen, value, out);
      const message = value.message, stack = value.stack;
      if (message !== undefined) {
        define(out, "message", { value: toText(message), writable: true, configurable: true });
      }
      if (typeof stack === "string") {
        define(out, "stack", { value: stack, writable: true, configurable: true });
      }
      if ("cause" in value) {
        define(out, "cause", { value: copy(value.cause, seen), writable: true, configurable: true });
      }
      return out;
    }
    case "[object WeakMap]": case "[object WeakSet]": case "[object WeakRef]":
    case "[object Promise]": case "[object Symbol]": case "[object FinalizationRegistry]":
      throw refuse("#<" + strSlice(kind, 8, -1) + ">");
    default: {
      const Typed = TYPED[kind];
      if (Typed !== undefined) {
        const buffer = copy(typedBuffer(value), seen);
        out = new Typed(buffer, typedOffset(value), typedLength(value));
        break;
      }
      out = {};
      mapSet(seen, value, out);
      for (const k of keys(value)) out[k] = copy(value[k], seen);
      return out;
    }
  }
  mapSet(seen, value, out);
  return out;
}

function structuredClone(value) {
  if (arguments.length === 0) {
    const error = new TypeErrorCtor("The value argument must be specified");
    error.code = "ERR_MISSING_ARGS";
    throw error;
  }
  return copy(value, new MapCtor());
}
define(structuredClone, "length", { value: 0 });  // as Node's (its value is optional there)
define(global, "structuredClone", { value: structuredClone, writable: true, configurable: true });
})

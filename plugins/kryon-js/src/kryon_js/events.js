// EventTarget, Event, CustomEvent, AbortController and AbortSignal as Node 20 has them
// (a target with no tree: no capture or bubbling phases), printed as Node prints them.
// Pure JavaScript: the prelude evaluates this factory once per VM with the global
// object, its `received` (how Node's argument errors describe a value),
// process.nextTick (a listener's error is thrown from a tick, as in Node) and a
// setTimeout that keeps no program alive (AbortSignal.timeout; null without timers).
(function (global, received, nextTick, weakTimeout) {
"use strict";
const define = Object.defineProperty, apply = Reflect.apply, text = String;
const CUSTOM = Symbol.for("nodejs.util.inspect.custom");
const TypeErrorCtor = TypeError, DOMExceptionCtor = global.DOMException;
const now = performance.now.bind(performance);
const WeakMapCtor = WeakMap, weakGet = WeakMap.prototype.get, weakSet = WeakMap.prototype.set;
const get = (m, k) => apply(weakGet, m, [k]), put = (m, k, v) => apply(weakSet, m, [k, v]);

function argError(code, message) {
  const error = new TypeErrorCtor(message);
  error.code = code;
  return error;
}
// (the options a custom inspect passes on, as Node's: one level less of the whole depth)
function inner(options) {
  const depth = options && options.depth;
  return { ...options, depth: typeof depth === "number" ? depth - 1 : depth };
}

// -- Event ---------------------------------------------------------------------
const EVENTS = new WeakMapCtor();
const stateOf = (e) => {
  const s = get(EVENTS, e);
  if (s === undefined) throw argError("ERR_INVALID_THIS", 'Value of "this" must be of type Event');
  return s;
};

class Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) {
      throw argError("ERR_MISSING_ARGS", 'The "type" argument must be specified');
    }
    const o = options === undefined || options === null ? {} : options;
    put(EVENTS, this, { type: text(type), bubbles: !!o.bubbles, cancelable: !!o.cancelable,
      composed: !!o.composed, prevented: false, stop: false, target: null, current: null,
      dispatching: false, time: now(), trusted: false });
  }
  get type() { return stateOf(this).type; }
  get target() { return stateOf(this).target; }
  get currentTarget() { return stateOf(this).current; }
  get srcElement() { return stateOf(this).target; }
  get bubbles() { return stateOf(this).bubbles; }
  get cancelable() { return stateOf(this).cancelable; }
  get composed() { return stateOf(this).composed; }
  get defaultPrevented() { const s = stateOf(this); return s.cancelable && s.prevented; }
  get returnValue() { const s = stateOf(this); return !(s.cancelable && s.prevented); }
  get cancelBubble() { return stateOf(this).stop; }
  set cancelBubble(v) { if (v) stateOf(this).stop = true; }
  get eventPhase() { return stateOf(this).dispatching ? 2 : 0; }
  get timeStamp() { return stateOf(this).time; }
  get isTrusted() { return stateOf(this).trusted; }
  composedPath() { const s = stateOf(this); return s.dispatching ? [s.current] : []; }
  preventDefault() { stateOf(this).prevented = true; }
  stopPropagation() { stateOf(this).stop = true; }
  stopImmediatePropagation() { const s = stateOf(this); s.stop = true; s.immediate = true; }
  [CUSTOM](depth, options, inspect) {
    const s = stateOf(this), name = (this.constructor && this.constructor.name) || "Event";
    if (typeof depth === "number" && depth < 0) return name;
    return name + " " + inspect({ type: s.type, defaultPrevented: s.cancelable && s.prevented,
      cancelable: s.cancelable, timeStamp: s.time }, inner(options));
  }
}
for (const [name, value] of [["NONE", 0], ["CAPTURING_PHASE", 1], ["AT_TARGET", 2],
  ["BUBBLING_PHASE", 3]]) {
  define(Event, name, { value, enumerable: true });
  define(Event.prototype, name, { value, enumerable: true });
}

const DETAILS = new WeakMapCtor();
class CustomEvent extends Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) {
      throw argError("ERR_MISSING_ARGS", 'The "type" argument must be specified');
    }
    super(type, options);
    const detail = options === undefined || options === null ? null : options.detail;
    put(DETAILS, this, detail === undefined ? null : detail);
  }
  get detail() { stateOf(this); return get(DETAILS, this); }
}

// -- EventTarget -----------------------------------------------------------------
const LISTENERS = new WeakMapCtor();
function listenersOf(target) {
  let map = get(LISTENERS, target);
  if (map === undefined) {
    if (!(target instanceof EventTarget)) {
      throw argError("ERR_INVALID_THIS", 'Value of "this" must be of type EventTarget');
    }
    map = new Map();
    put(LISTENERS, target, map);
  }
  return map;
}
function captureOf(options) {
  return typeof options === "boolean" ? options : !!(options && options.capture);
}

class EventTarget {
  constructor() { put(LISTENERS, this, new Map()); }
  addEventListener(type, listener, options = undefined) {
    if (arguments.length < 2) {
      throw argError("ERR_MISSING_ARGS", 'The "type" and "listener" arguments must be specified');
    }
    const map = listenersOf(this);
    if (listener === null || listener === undefined) return;
    const o = typeof options === "object" && options !== null ? options : {};
    const capture = captureOf(options), signal = o.signal;
    if (signal !== undefined && signal.aborted) return;
    type = text(type);
    let list = map.get(type);
    if (list === undefined) { list = []; map.set(type, list); }
    for (let i = 0; i < list.length; i++) {
      if (list[i].listener === listener && list[i].capture === capture) return;
    }
    const entry = { listener, capture, once: !!o.once, passive: !!o.passive, removed: false };
    list.push(entry);
    if (signal !== undefined && signal !== null) {
      signal.addEventListener("abort", () => this.removeEventListener(type, listener, options),
        { once: true });
    }
  }
  removeEventListener(type, listener, options = undefined) {
    const list = listenersOf(this).get(text(type));
    if (list === undefined) return;
    const capture = captureOf(options);
    for (let i = 0; i < list.length; i++) {
      if (list[i].listener === listener && list[i].capture === capture) {
        list[i].removed = true;
        list.splice(i, 1);
        return;
      }
    }
  }
  dispatchEvent(event) {
    const map = listenersOf(this);
    if (!(event instanceof Event)) {
      throw argError("ERR_INVALID_ARG_TYPE",
        'The "event" argument must be an instance of Event. Received' + received(event));
    }
    const s = stateOf(event);
    if (s.dispatching) {
      throw new DOMExceptionCtor("The event is already being dispatched", "InvalidStateError");
    }
    s.dispatching = true; s.target = this; s.current = this;
    try {
      const list = map.get(s.type);
      const snapshot = list === undefined ? [] : list.slice();
      for (let i = 0; i < snapshot.length && !s.immediate; i++) {
        const entry = snapshot[i];
        if (entry.removed) continue;
        if (entry.once) this.removeEventListener(s.type, entry.listener, entry.capture);
        const l = entry.listener;
        try {
          if (typeof l === "function") apply(l, this, [event]);
          else if (l && typeof l.handleEvent === "function") apply(l.handleEvent, l, [event]);
        } catch (error) {
          nextTick(() => { throw error; });
        }
      }
    } finally {
      s.dispatching = false; s.current = null;
    }
    return !(s.cancelable && s.prevented);
  }
  [CUSTOM](depth, options, inspect) {
    const name = (this.constructor && this.constructor.name) || "EventTarget";
    if (typeof depth === "number" && depth < 0) return name;
    return name + " " + inspect({}, inner(options));
  }
}

// -- AbortSignal and AbortController -------------------------------------------------
const SIGNALS = new WeakMapCtor(), MAKING = Symbol("making");
const signalOf = (s) => {
  const r = get(SIGNALS, s);
  if (r === undefined) throw argError("ERR_INVALID_THIS", 'Value of "this" must be of type AbortSignal');
  return r;
};

function abortError() {
  return new DOMExceptionCtor("This operation was aborted", "AbortError");
}
function markAborted(r, reason) {
  r.aborted = true;
  r.reason = reason === undefined ? abortError() : reason;
}
function abortSignal(signal, reason) {
  const r = signalOf(signal);
  if (r.aborted) return;
  markAborted(r, reason);
  signal.dispatchEvent(new Event("abort"));
}

class AbortSignal extends EventTarget {
  constructor(key = undefined) {
    if (key !== MAKING) throw argError("ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor");
    super();
    put(SIGNALS, this, { aborted: false, reason: undefined, onabort: null });
  }
  get aborted() { return signalOf(this).aborted; }
  get reason() { return signalOf(this).reason; }
  get onabort() { return signalOf(this).onabort; }
  set onabort(handler) {
    const r = signalOf(this);
    if (typeof r.onabort === "function") this.removeEventListener("abort", r.wrapper);
    r.onabort = typeof handler === "function" ? handler : null;
    if (r.onabort !== null) {
      r.wrapper = (event) => apply(r.onabort, this, [event]);
      this.addEventListener("abort", r.wrapper);
    }
  }
  throwIfAborted() {
    const r = signalOf(this);
    if (r.aborted) throw r.reason;
  }
  static abort(reason = undefined) {
    const signal = new AbortSignal(MAKING);
    markAborted(signalOf(signal), reason);
    return signal;
  }
  static timeout(delay) {
    if (typeof delay !== "number") {
      throw argError("ERR_INVALID_ARG_TYPE",
        'The "delay" argument must be of type number. Received' + received(delay));
    }
    if (!(delay >= 0 && delay <= 4294967295) || delay !== Math.floor(delay)) {
      const error = new RangeError('The value of "delay" is out of range. It must be >= 0 && ' +
        "<= 4294967295. Received " + text(delay));
      error.code = "ERR_OUT_OF_RANGE";
      throw error;
    }
    if (weakTimeout === null) {
      throw argError("ERR_ACCESS_DENIED", "AbortSignal.timeout needs the timers capability");
    }
    const signal = new AbortSignal(MAKING);
    weakTimeout(() => abortSignal(signal, new DOMExceptionCtor(
      "The operation was aborted due to timeout", "TimeoutError")), delay);
    return signal;
  }
  static any(signals) {
    const signal = new AbortSignal(MAKING), list = [...signals];
    for (let i = 0; i < list.length; i++) {
      if (list[i].aborted) { abortSignal(signal, list[i].reason); return signal; }
    }
    for (let i = 0; i < list.length; i++) {
      list[i].addEventListener("abort", () => abortSignal(signal, list[i].reason), { once: true });
    }
    return signal;
  }
  [CUSTOM](depth, options, inspect) {
    if (typeof depth === "number" && depth < 0) return "[AbortSignal]";
    return "AbortSignal " + inspect({ aborted: signalOf(this).aborted }, inner(options));
  }
}

const CONTROLLERS = new WeakMapCtor();
class AbortController {
  constructor() { put(CONTROLLERS, this, new AbortSignal(MAKING)); }
  get signal() {
    const s = get(CONTROLLERS, this);
    if (s === undefined) throw argError("ERR_INVALID_THIS", 'Value of "this" must be of type AbortController');
    return s;
  }
  abort(reason = undefined) { abortSignal(this.signal, reason); }
  [CUSTOM](depth, options, inspect) {
    if (typeof depth === "number" && depth < 0) return "AbortController {}";
    return "AbortController " + inspect({ signal: this.signal }, inner(options));
  }
}

for (const C of [Event, CustomEvent, EventTarget, AbortSignal, AbortController]) {
  define(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
  define(global, C.name, { value: C, writable: true, configurable: true });
}
})

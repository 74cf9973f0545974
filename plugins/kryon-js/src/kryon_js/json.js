// JSON.parse and JSON.stringify with V8's error messages.
//
// QuickJS's messages differ from Node 20's ("circular reference", "BigInt are
// forbidden in JSON.stringify", "unexpected token: 'tru'", positions followed by
// "(line 1 column 2)"), and scripts print e.message.  The built-ins still do the work;
// only when one throws is the text looked at again, the way V8 reads it, to word the
// message as V8 does.  Nothing changes for a call that succeeds but one more frame.
(function () {
"use strict";
const uncurry = Function.prototype.bind.bind(Function.prototype.call);
const parse = JSON.parse, stringify = JSON.stringify, applyFn = uncurry(Function.prototype.apply);
const codeAt = uncurry(String.prototype.charCodeAt), cut = uncurry(String.prototype.slice);
const keysOf = Object.keys, isArray = Array.isArray, define = Object.defineProperty;
const text = String, SyntaxErrorCtor = SyntaxError, TypeErrorCtor = TypeError;
const RangeErrorCtor = RangeError;
const isError = uncurry(Object.prototype.isPrototypeOf);
const CONTEXT = 10;  // characters V8 quotes on each side of an unexpected token
const SPECIAL = { "undefined": 1, "NaN": 1, "Infinity": 1, "[object Object]": 1 };

// What V8's JsonParser says about `src`, or null if it finds nothing wrong.
function parseMessage(src) {
  const n = src.length;
  let i = 0;
  const fail = (message) => { throw { jsonMessage: message }; };
  const position = (message) => fail(message + " in JSON at position " + i);
  const digit = () => i < n && codeAt(src, i) >= 48 && codeAt(src, i) <= 57;
  const skip = () => {
    for (; i < n; i++) {
      const c = codeAt(src, i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    }
  };
  function unexpected() {
    if (i >= n) fail("Unexpected end of JSON input");
    const c = codeAt(src, i);
    if (c === 34) position("Unexpected string");
    if (c === 45 || (c >= 48 && c <= 57)) position("Unexpected number");
    if (SPECIAL[src] === 1) fail('"' + src + '" is not valid JSON');
    let shown;
    if (n < CONTEXT * 2 + 1) shown = '"' + src + '"';
    else if (i < CONTEXT) shown = '"' + cut(src, 0, i + CONTEXT) + '"...';
    else if (i >= n - CONTEXT) shown = '..."' + cut(src, i - CONTEXT) + '"';
    else shown = '..."' + cut(src, i - CONTEXT, i + CONTEXT) + '"...';
    fail("Unexpected token '" + src[i] + "', " + shown + " is not valid JSON");
  }
  function string() {
    for (i++; ; i++) {
      if (i >= n) position("Unterminated string");
      const c = codeAt(src, i);
      if (c === 34) { i++; return; }
      if (c < 32) position("Bad control character in string literal");
      if (c !== 92) continue;
      i++;
      if (i >= n) fail("Unexpected end of JSON input");
      const e = src[i];
      if (e === "u") {
        for (let k = 1; k <= 4; k++) {
          const h = i + k < n ? codeAt(src, i + k) : -1;
          const hex = (h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102);
          if (!hex) {
            i += k;
            position("Bad Unicode escape");
          }
        }
        i += 4;
      } else if (!(e === '"' || e === "\\" || e === "/" || e === "b" || e === "f" ||
                   e === "n" || e === "r" || e === "t")) {
        position("Bad escaped character");
      }
    }
  }
  function number() {
    if (src[i] === "-") {
      i++;
      if (!digit()) position("No number after minus sign");
    }
    if (src[i] === "0") {
      i++;
      if (digit()) unexpected();
    } else {
      while (digit()) i++;
    }
    if (src[i] === ".") {
      i++;
      if (!digit()) position("Unterminated fractional number");
      while (digit()) i++;
    }
    if (src[i] === "e" || src[i] === "E") {
      i++;
      if (src[i] === "+" || src[i] === "-") i++;
      if (!digit()) position("Exponent part is missing a number");
      while (digit()) i++;
    }
  }
  function literal(word) {
    for (let k = 0; k < word.length; k++, i++) if (i >= n || src[i] !== word[k]) unexpected();
  }
  function object() {
    i++;
    skip();
    if (src[i] === "}") { i++; return; }
    if (src[i] !== '"') position("Expected property name or '}'");
    string();
    skip();
    if (src[i] !== ":") position("Expected ':' after property name");
    i++;
    value();
    for (;;) {
      skip();
      if (src[i] === "}") { i++; return; }
      if (src[i] !== ",") position("Expected ',' or '}' after property value");
      i++;
      skip();
      if (src[i] !== '"') position("Expected double-quoted property name");
      string();
      skip();
      if (src[i] !== ":") unexpected();
      i++;
      value();
    }
  }
  function array() {
    i++;
    skip();
    if (src[i] === "]") { i++; return; }
    value();
    for (;;) {
      skip();
      if (src[i] === "]") { i++; return; }
      if (src[i] !== ",") position("Expected ',' or ']' after array element");
      i++;
      value();
    }
  }
  function value() {
    skip();
    const c = src[i];
    if (c === "{") object();
    else if (c === "[") array();
    else if (c === '"') string();
    else if (c === "-" || digit()) number();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else unexpected();
  }
  try {
    value();
    skip();
    if (i < n) fail("Unexpected non-whitespace character after JSON at position " + i);
  } catch (e) {
    if (e !== null && typeof e === "object" && typeof e.jsonMessage === "string") {
      return e.jsonMessage;
    }
    return null;  // too deep to read again: QuickJS's message stays
  }
  return null;
}

// -- the circle JSON.stringify met, as V8 describes it ------------------------------
function constructorName(o) {
  try {
    const c = o.constructor;
    return typeof c === "function" && typeof c.name === "string" && c.name !== "" ? c.name : "Object";
  } catch (e) {
    return "Object";
  }
}
function step(holder, key) {
  return isArray(holder) ? "index " + key : "property '" + key + "'";
}
function circleMessage(value, replacer) {
  const stack = [], path = [];
  const list = isArray(replacer) ? replacer : null;
  const call = typeof replacer === "function" ? replacer : null;
  function walk(holder, key, v) {
    if (v !== null && typeof v === "object" && typeof v.toJSON === "function") {
      v = applyFn(v.toJSON, v, [key]);
    }
    if (call !== null) v = applyFn(call, holder, [key, v]);
    if (v === null || typeof v !== "object") return null;
    for (let k = 0; k < stack.length; k++) {
      if (stack[k] !== v) continue;
      let message = "Converting circular structure to JSON\n    --> starting at object with " +
        "constructor '" + constructorName(v) + "'";
      const inner = [];
      for (let j = k + 1; j < stack.length; j++) {
        inner[inner.length] = "\n    |     " + path[j] + " -> object with constructor '" +
          constructorName(stack[j]) + "'";
      }
      const shown = inner.length > 3 ? [inner[0], inner[1], "\n    |     ...", inner[inner.length - 1]]
        : inner;
      for (let j = 0; j < shown.length; j++) message += shown[j];
      return message + "\n    --- " + step(holder, key) + " closes the circle";
    }
    stack[stack.length] = v;
    path[path.length] = step(holder, key);
    const keys = isArray(v) ? null : list !== null ? list : keysOf(v);
    const count = keys === null ? v.length : keys.length;
    for (let j = 0; j < count; j++) {
      const k = keys === null ? text(j) : text(keys[j]);
      const found = walk(v, k, v[k]);
      if (found !== null) return found;
    }
    stack.length--;
    path.length--;
    return null;
  }
  try {
    return walk({ "": value }, "", value);
  } catch (e) {
    return null;
  }
}

// JSON nested deeper than QuickJS's recursive parser reaches (about 3,000 levels in
// its stack limit; V8's parser is iterative): the text is read again here with a
// stack of open containers, each string and number still parsed by the built-in.
// undefined when the text is not valid JSON (the first error stands).
const execAt = uncurry(RegExp.prototype.exec);
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORDS = { "t": ["true", true], "f": ["false", false], "n": ["null", null] };
function deepParse(src) {
  const n = src.length, open = [];  // [container, key] of each open array or object
  let i = 0;
  const skip = () => {
    for (; i < n; i++) {
      const c = codeAt(src, i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    }
  };
  const token = (pattern) => {
    pattern.lastIndex = i;
    const m = execAt(pattern, src);
    if (m === null) return undefined;
    i += m[0].length;
    return m[0];
  };
  // an object's key and its ":" (undefined when they are not there)
  const key = () => {
    const k = token(STRING);
    skip();
    if (k === undefined || src[i] !== ":") return undefined;
    i++;
    return parse(k);
  };
  for (;;) {
    skip();
    let value, c = src[i];
    if (c === "[" || c === "{") {
      i++;
      skip();
      const array = c === "[", empty = src[i] === (array ? "]" : "}");
      const container = array ? [] : {};
      if (!empty) {
        const first = array ? undefined : key();
        if (!array && first === undefined) return undefined;
        open[open.length] = [container, first];
        continue;
      }
      i++;
      value = container;
    } else if (c === '"') {
      const k = token(STRING);
      if (k === undefined) return undefined;
      value = parse(k);
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      value = parse(token(NUMBER));
    } else if (WORDS[c] !== undefined && cut(src, i, i + WORDS[c][0].length) === WORDS[c][0]) {
      i += WORDS[c][0].length;
      value = WORDS[c][1];
    } else {
      return undefined;
    }
    // the value ends containers: store it, then go on after "," or close
    for (;;) {
      if (open.length === 0) {
        skip();
        return i === n ? value : undefined;
      }
      const top = open[open.length - 1], container = top[0];
      // defined, as JSON.parse does: "__proto__" is an own key, no inherited setter runs
      const field = { value, writable: true, enumerable: true, configurable: true };
      define(container, isArray(container) ? container.length : top[1], field);
      skip();
      if (src[i] === ",") {
        i++;
        if (!isArray(container)) {
          skip();
          top[1] = key();
          if (top[1] === undefined) return undefined;
        }
        break;
      }
      if (src[i] !== (isArray(container) ? "]" : "}")) return undefined;
      i++;
      open.length--;
      value = container;
    }
  }
}

const wrapped = {
  parse(source, reviver) {
    try {
      return parse(source, reviver);
    } catch (e) {
      if (reviver === undefined && typeof source === "string" &&
          isError(RangeErrorCtor.prototype, e)) {
        const value = deepParse(source);  // too deep for QuickJS's parser
        if (value !== undefined) return value;
      }
      if (isError(SyntaxErrorCtor.prototype, e)) {
        let src = null;
        try { src = text(source); } catch (ignored) { /* QuickJS's message stays */ }
        const message = src === null ? null : parseMessage(src);
        if (message !== null) e.message = message;
      }
      throw e;
    }
  },
  stringify(value, replacer, space) {
    try {
      return stringify(value, replacer, space);
    } catch (e) {
      if (isError(TypeErrorCtor.prototype, e)) {
        const message = text(e.message);
        if (message === "BigInt are forbidden in JSON.stringify") {
          e.message = "Do not know how to serialize a BigInt";
        } else if (message === "circular reference") {
          e.message = circleMessage(value, replacer) || "Converting circular structure to JSON";
        }
      }
      throw e;
    }
  },
};
define(JSON, "parse", { value: wrapped.parse, writable: true, configurable: true });
define(JSON, "stringify", { value: wrapped.stringify, writable: true, configurable: true });
})

// Locale-sensitive built-ins as Node (V8 with ICU, locale en-US) gives them; QuickJS
// has no Intl and compares and formats by code points.
//
// - String.prototype.localeCompare: ICU's root collation, approximated in three
//   levels (letters before digits before punctuation and spaces compared by base
//   letter, then accents, then case with lowercase first; ß, æ, œ, ø, đ, ł expand as
//   ICU does), with the options sensitivity and numeric.  Checked against Node on
//   40,000 random pairs of Latin strings.
// - Number.prototype.toLocaleString and BigInt.prototype.toLocaleString: en-US
//   (grouping commas, at most 3 fraction digits, rounding half away from zero on the
//   shortest decimal form), with the options style (decimal, percent, currency),
//   currency, minimumFractionDigits, maximumFractionDigits, minimumIntegerDigits and
//   useGrouping.  Every locale formats as en-US.
//
// The prelude evaluates this factory once per VM, before any script runs.
(function () {
"use strict";
const normalizeS = String.prototype.normalize, codeAt = String.prototype.codePointAt;
const PUNCT = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
const MARKS = [0x301, 0x300, 0x306, 0x302, 0x30c, 0x30a, 0x308, 0x30b, 0x303, 0x307, 0x328, 0x327, 0x304];
const EXPANSIONS = { "\u00df": "ss", "\u00e6": "ae", "\u0153": "oe", "\u00f8": "o", "\u0111": "d",
  "\u00f0": "d", "\u0142": "l", "\u1e9e": "ss", "\u00c6": "AE", "\u0152": "OE", "\u00d8": "O",
  "\u0110": "D", "\u00d0": "D", "\u0141": "L" };
function classify(s, numeric) {
  // [primary weights], [secondary], [tertiary] per base character (ICU root order, approximated)
  const text = normalizeS.call(String(s), "NFD");
  const p = [], sec = [], ter = [];
  for (let i = 0; i < text.length; i++) {
    let c = codeAt.call(text, i);
    if (c > 0xffff) i++;
    if ((c >= 0x300 && c <= 0x36f)) {
      const rank = MARKS.indexOf(c);
      if (sec.length) sec[sec.length - 1] = sec[sec.length - 1] * 128 + (rank >= 0 ? rank + 1 : 20 + c - 0x300);
      continue;
    }
    const ch = String.fromCodePoint(c);
    const expanded = EXPANSIONS[ch];
    if (expanded !== undefined) {
      for (let k = 0; k < expanded.length; k++) {
        const e = expanded[k];
        p.push(3e9 + e.toLowerCase().charCodeAt(0)); sec.push(k === 0 ? 127 : 0); ter.push(e !== e.toLowerCase() ? 1 : 0);
      }
      continue;
    }
    const lower = ch.toLowerCase(), upper = ch.toUpperCase();
    const letter = lower !== upper;
    if (c >= 48 && c <= 57) {
      if (numeric) {
        let j = i; while (j + 1 < text.length && text.charCodeAt(j + 1) >= 48 && text.charCodeAt(j + 1) <= 57) j++;
        const digits = text.slice(i, j + 1).replace(/^0+(?=\d)/, "");
        p.push(2e9 + digits.length * 1e6); for (const d of digits) p.push(2e9 + d.charCodeAt(0));
        sec.push(0); ter.push(0); i = j; continue;
      }
      p.push(2e9 + c);
    } else if (letter || /\p{L}/u.test(ch)) {
      p.push(3e9 + codeAt.call(lower, 0));
    } else {
      const at = PUNCT.indexOf(ch);
      p.push(at >= 0 ? 1e9 + at : 1.5e9 + c);
    }
    sec.push(0);
    ter.push(letter && ch !== lower ? 1 : 0);
  }
  return [p, sec, ter];
}
function cmp(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
// A sort compares each string about log2(n) times: the weights of short strings are
// kept (at most CACHED of them, dropped all at once when full: a bounded memory).
const CACHED = 1024, classified = new Map();
function weights(s, numeric) {
  const text = String(s);
  if (text.length > 32) return classify(text, numeric);
  const key = (numeric ? "1" : "0") + text;
  let w = classified.get(key);
  if (w === undefined) {
    if (classified.size >= CACHED) classified.clear();
    w = classify(text, numeric);
    classified.set(key, w);
  }
  return w;
}
const localeCompare = function localeCompare(that, locales, options) {
  const o = options || {};
  const sensitivity = o.sensitivity || "variant";
  const x = weights(this, !!o.numeric), y = weights(that, !!o.numeric);
  let r = cmp(x[0], y[0]);
  if (r || sensitivity === "base") return r;
  if (sensitivity !== "case") { r = cmp(x[1], y[1]); if (r || sensitivity === "accent") return r; }
  return cmp(x[2], y[2]);
};
const CURRENCIES = { USD: ["$", 2], EUR: ["\u20ac", 2], GBP: ["\u00a3", 2], JPY: ["\u00a5", 0],
  INR: ["\u20b9", 2], CNY: ["CN\u00a5", 2], KRW: ["\u20a9", 0], CAD: ["CA$", 2], AUD: ["A$", 2] };
// The exact shortest decimal digits of |x| as [integer digits, fraction digits].
function decimalParts(x) {
  const text = String(Math.abs(x));
  const e = text.indexOf("e");
  let mantissa = e < 0 ? text : text.slice(0, e), exp = e < 0 ? 0 : +text.slice(e + 1);
  const dot = mantissa.indexOf(".");
  let digits = mantissa.replace(".", ""), point = (dot < 0 ? mantissa.length : dot) + exp;
  if (point <= 0) { digits = "0".repeat(1 - point) + digits; point = 1; }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  return [digits.slice(0, point), digits.slice(point)];
}
function roundParts(int, frac, max) {
  if (frac.length <= max) return [int, frac];
  const up = frac.charCodeAt(max) >= 53;  // half away from zero
  let kept = int + frac.slice(0, max);
  if (up) {
    const chars = kept.split("");
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === "9") { chars[i] = "0"; i--; }
    if (i < 0) chars.unshift("1"); else chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
    kept = chars.join("");
  }
  return [kept.slice(0, kept.length - max) || "0", kept.slice(kept.length - max)];
}
function group(int) {
  let out = "";
  for (let i = int.length; i > 0; i -= 3) out = int.slice(Math.max(0, i - 3), i) + (out ? "," + out : "");
  return out;
}
// Rounds [int, frac] to `places` fraction digits, a negative count rounding into the
// integer part (half away from zero).
function roundDigits(int, frac, places) {
  if (places >= 0) return roundParts(int, frac, places);
  const cut = int.length + places;
  if (cut < 0) return ["0", ""];
  const head = roundParts(int.slice(0, cut) || "0", int.slice(cut) + frac, 0)[0];
  return [head === "0" ? "0" : head + "0".repeat(-places), ""];
}
// The fraction digits [int, frac] at `maxSD` significant digits, padded to `minSD`.
function significantParts(int, frac, minSD, maxSD) {
  const zeros = int === "0" ? frac.length - frac.replace(/^0+/, "").length : 0;
  const magnitude = int === "0" ? (frac.replace(/^0+/, "") === "" ? 1 : -zeros) : int.length;
  [int, frac] = roundDigits(int, frac, maxSD - magnitude);
  frac = frac.replace(/0+$/, "");
  // the significant digits shown (a zero alone counts as one)
  const shown = int !== "0" ? int.length + frac.length
    : frac.replace(/^0+/, "").length || (frac === "" ? 1 : 0);
  const missing = minSD - shown;
  if (missing > 0) frac += "0".repeat(missing);
  return [int, frac];
}
// en-US's compact forms: the unit by magnitude, two significant digits below ten of it.
const COMPACT = [[12, "T", " trillion"], [9, "B", " billion"], [6, "M", " million"],
                 [3, "K", " thousand"]];
function compactParts(int, frac, o, long) {
  const fractions = o.minimumFractionDigits !== undefined || o.maximumFractionDigits !== undefined;
  for (let u = 0; u <= COMPACT.length; u++) {
    const shift = u < COMPACT.length ? COMPACT[u][0] : 0;
    if (int.length <= shift && u < COMPACT.length) continue;  // below this unit
    let i = int.slice(0, int.length - shift) || "0", f = int.slice(int.length - shift) + frac;
    if (fractions) {
      [i, f] = roundParts(i, f, o.maximumFractionDigits === undefined ? 0 : +o.maximumFractionDigits);
      f = f.replace(/0+$/, "").padEnd(+o.minimumFractionDigits || 0, "0");
    } else if (i.length >= 2) {
      [i, f] = roundParts(i, f, 0);
    } else {
      [i, f] = significantParts(i, f, 1, 2);
    }
    if (i.length > 3 && u > 0) {  // rounded up to the next unit (999,999 is 1M)
      int = "1" + "0".repeat(COMPACT[u - 1][0]); frac = ""; u -= 2; continue;
    }
    const suffix = u < COMPACT.length ? COMPACT[u][long ? 2 : 1] : "";
    return [i, f, suffix];
  }
  return [int, frac, ""];
}
// The mantissa [int, frac] and exponent of scientific (step 1) or engineering (3) forms.
function exponentParts(int, frac, step, maxFD) {
  const digits = (int + frac).replace(/^0+/, "");
  if (digits === "") return ["0", "", 0];
  let exponent = int !== "0" ? int.length - 1 : -(frac.length - frac.replace(/^0+/, "").length) - 1;
  const leadOf = (e) => (step === 1 ? 0 : ((e % 3) + 3) % 3);
  const lead = leadOf(exponent), all = digits.replace(/0+$/, "") || "0";
  const [i, f] = roundParts(all.slice(0, lead + 1).padEnd(lead + 1, "0"), all.slice(lead + 1), maxFD);
  if (i.length > lead + 1) {  // rounded up to a power of ten (9.9995 is 1E1)
    const next = leadOf(exponent + 1);
    return ["1" + "0".repeat(next), "", exponent + 1 - next];
  }
  return [i, f.replace(/0+$/, ""), exponent - lead];
}
const CURRENCY_NAMES = { USD: ["US dollar", "US dollars"], EUR: ["euro", "euros"],
  GBP: ["British pound", "British pounds"], JPY: ["Japanese yen", "Japanese yen"],
  INR: ["Indian rupee", "Indian rupees"], CNY: ["Chinese yuan", "Chinese yuan"],
  KRW: ["South Korean won", "South Korean won"], CAD: ["Canadian dollar", "Canadian dollars"],
  AUD: ["Australian dollar", "Australian dollars"] };
const formatNumber = function formatNumber(x, options) {
  const o = options === undefined || options === null ? {} : Object(options);
  const style = o.style === undefined ? "decimal" : String(o.style);
  const notation = o.notation === undefined ? "standard" : String(o.notation);
  let symbol = "", minFD = 0, maxFD = 3, code = "";
  if (style === "currency") {
    code = String(o.currency).toUpperCase();
    const known = CURRENCIES[code];
    symbol = known ? known[0] : code + "\u00a0";
    minFD = maxFD = known ? known[1] : 2;
    if (o.currencyDisplay === "code") symbol = code + "\u00a0";
    else if (o.currencyDisplay === "name") symbol = "";
  } else if (style === "percent") {
    maxFD = 0;
  }
  if (o.minimumFractionDigits !== undefined) {
    minFD = +o.minimumFractionDigits;
    if (maxFD < minFD) maxFD = minFD;
  }
  if (o.maximumFractionDigits !== undefined) {
    maxFD = +o.maximumFractionDigits;
    if (minFD > maxFD) minFD = maxFD;
  }
  const significant = o.minimumSignificantDigits !== undefined ||
    o.maximumSignificantDigits !== undefined;
  let negative = x < 0 || Object.is(x, -0), body, zero = false;
  if (x !== x) body = "NaN";
  else if (x === Infinity || x === -Infinity) body = "\u221e";
  else {
    let [int, frac] = decimalParts(x), suffix = "";
    if (style === "percent") {
      const digits = (int + frac).padEnd(int.length + 2, "0");
      frac = digits.slice(int.length + 2);
      int = digits.slice(0, int.length + 2).replace(/^0+(?=\d)/, "");
    }
    if (notation === "scientific" || notation === "engineering") {
      let exponent;
      [int, frac, exponent] = exponentParts(int, frac, notation === "scientific" ? 1 : 3, maxFD);
      suffix = "E" + exponent;
    } else if (notation === "compact") {
      [int, frac, suffix] = compactParts(int, frac, o, o.compactDisplay === "long");
    } else if (significant) {
      const minSD = o.minimumSignificantDigits === undefined ? 1 : +o.minimumSignificantDigits;
      const maxSD = o.maximumSignificantDigits === undefined ? 21 : +o.maximumSignificantDigits;
      [int, frac] = significantParts(int, frac, minSD, maxSD);
    } else {
      [int, frac] = roundParts(int, frac, maxFD);
      while (frac.length > minFD && frac[frac.length - 1] === "0") frac = frac.slice(0, -1);
      frac = frac.padEnd(minFD, "0");
    }
    zero = /^0*$/.test(int + frac);
    if (o.minimumIntegerDigits !== undefined) int = int.padStart(+o.minimumIntegerDigits, "0");
    // (a compact form is not grouped: 2,500 trillion is "2500T", as in Node)
    if (o.useGrouping !== false && notation !== "compact") int = group(int);
    body = (frac ? int + "." + frac : int) + suffix;
  }
  if (style === "percent") body += "%";
  const display = o.signDisplay === undefined ? "auto" : String(o.signDisplay);
  let sign = negative ? "-" : "";
  if (display === "never" || (display === "exceptZero" && zero)) sign = "";
  else if ((display === "always" || display === "exceptZero") && !negative) sign = "+";
  if (style === "currency" && o.currencyDisplay === "name") {
    const names = CURRENCY_NAMES[code];
    return sign + body + " " + (names ? names[body === "1" ? 0 : 1] : code);
  }
  if (style === "currency" && o.currencySign === "accounting" && sign === "-") {
    return "(" + symbol + body + ")";
  }
  return sign + symbol + body;
};
const define = (proto, name, value) => Object.defineProperty(proto, name,
  { value: value, writable: true, enumerable: false, configurable: true });
define(String.prototype, "localeCompare", localeCompare);
define(Number.prototype, "toLocaleString", function toLocaleString(locales, options) {
  return formatNumber(Number.prototype.valueOf.call(this), options);
});
// Dates: Node's en-US forms without options ("12/25/2024, 3:05:09 PM"; en-GB's
// "25/12/2024, 15:05:09"), in local time or with the option timeZone "UTC"; other
// options are not read.  toString names the zone as V8 does when it is UTC (Node says
// "(Coordinated Universal Time)"; other zones' names are not known here).
const dateValue = Date.prototype.getTime, dateText = Date.prototype.toString;
const timeText = Date.prototype.toTimeString, offsetOf = Date.prototype.getTimezoneOffset;
const two = (n) => (n < 10 ? "0" : "") + n;
function dateParts(d, options) {
  const zone = options === undefined || options === null ? undefined : Object(options).timeZone;
  const utc = zone !== undefined && /^(?:utc|gmt|etc\/utc|etc\/gmt)$/i.test(String(zone));
  const P = Date.prototype;
  const get = utc ? [P.getUTCFullYear, P.getUTCMonth, P.getUTCDate, P.getUTCHours,
                     P.getUTCMinutes, P.getUTCSeconds]
                  : [P.getFullYear, P.getMonth, P.getDate, P.getHours, P.getMinutes,
                     P.getSeconds];
  const parts = get.map((f) => f.call(d));
  if (parts[0] <= 0) parts[0] = 1 - parts[0];  // en-US shows a year BC without its era
  parts.push((utc ? P.getUTCDay : P.getDay).call(d));
  return parts;
}
// en-US's date patterns for the component options (weekday, year, month, day) and
// dateStyle; undefined when none is given.
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const STYLES = {
  full: { weekday: "long", month: "long", day: "numeric", year: "numeric" },
  long: { month: "long", day: "numeric", year: "numeric" },
  medium: { month: "short", day: "numeric", year: "numeric" },
  short: { month: "numeric", day: "numeric", year: "2-digit" },
};
function componentText(p, options) {
  if (options === undefined || options === null) return undefined;
  let o = Object(options);
  if (o.dateStyle !== undefined) o = STYLES[o.dateStyle] || o;
  const { weekday, year, month, day } = o;
  if (weekday === undefined && year === undefined && month === undefined && day === undefined) {
    return undefined;
  }
  const name = (list, i, width) => width === "long" ? list[i]
    : width === "narrow" ? list[i][0] : list[i].slice(0, 3);
  const y = year === undefined ? "" : year === "2-digit" ? two(p[0] % 100) : String(p[0]);
  const d = day === undefined ? "" : day === "2-digit" ? two(p[2]) : String(p[2]);
  const w = weekday === undefined ? "" : name(DAYS, p[6], weekday);
  let body;
  if (month === "long" || month === "short" || month === "narrow") {
    body = name(MONTHS, p[1], month) + (d ? " " + d : "") + (y ? (d ? ", " : " ") + y : "");
  } else {
    const m = month === undefined ? "" : month === "2-digit" ? two(p[1] + 1) : String(p[1] + 1);
    body = [m, d, y].filter((x) => x !== "").join("/");
  }
  return w !== "" && body !== "" ? w + ", " + body : w + body;
}
// en-US's time patterns for hour, minute, second and timeStyle (short, medium), as
// ICU gives them: a 12-hour clock (en-GB's 24-hour) unless hour12 is false (where
// midnight is 24, as V8's en-US has it) or hourCycle h23; minutes and seconds two
// digits beside another component.  undefined when none is given.
const TIME_STYLES = { short: { hour: "numeric", minute: "2-digit" },
  medium: { hour: "numeric", minute: "2-digit", second: "2-digit" } };
function timeComponentText(p, options, gb) {
  if (options === undefined || options === null) return undefined;
  let o = Object(options);
  if (o.timeStyle !== undefined) {
    if (TIME_STYLES[o.timeStyle] === undefined) return undefined;
    o = { hour: gb ? "2-digit" : TIME_STYLES[o.timeStyle].hour, minute: "2-digit",
          second: TIME_STYLES[o.timeStyle].second, hour12: o.hour12, hourCycle: o.hourCycle };
  }
  const { hour, minute, second, hour12, hourCycle } = o;
  if (hour === undefined && minute === undefined && second === undefined) return undefined;
  const h12 = hour12 !== undefined ? !!hour12 : hourCycle === undefined ? !gb
    : hourCycle === "h12" || hourCycle === "h11";
  const parts = [];
  if (hour !== undefined) {
    const h = h12 ? p[3] % 12 || 12 : hourCycle === "h23" || hour12 === undefined ? p[3]
      : p[3] || 24;
    const pad = hour === "2-digit" || (!h12 && !(gb && hour12 === undefined && minute !== undefined));
    parts.push(pad ? two(h) : String(h));  // (en-GB's "0:30" has one digit; en-US's "09:05" two)
  }
  const alone = parts.length + (minute !== undefined) + (second !== undefined) === 1;
  if (minute !== undefined) parts.push(alone ? String(p[4]) : two(p[4]));
  if (second !== undefined) parts.push(alone ? String(p[5]) : two(p[5]));
  return parts.join(":") + (h12 && hour !== undefined ? (p[3] < 12 ? " AM" : " PM") : "");
}
function british(locales) {
  const first = Array.isArray(locales) ? locales[0] : locales;
  return typeof first === "string" && /^en-GB\b/i.test(first);
}
function dayText(p, gb) { return gb ? two(p[2]) + "/" + two(p[1] + 1) + "/" + p[0]
                                    : (p[1] + 1) + "/" + p[2] + "/" + p[0]; }
function clockText(p, gb) {
  if (gb) return two(p[3]) + ":" + two(p[4]) + ":" + two(p[5]);
  return (p[3] % 12 || 12) + ":" + two(p[4]) + ":" + two(p[5]) + (p[3] < 12 ? " AM" : " PM");
}
function localeDate(kind) {
  return function (locales, options) {
    const t = dateValue.call(this);
    if (t !== t) return "Invalid Date";
    const p = dateParts(this, options), gb = british(locales);
    const style = options === undefined || options === null ? undefined
      : kind === "date" ? Object(options).timeStyle : kind === "time" ? Object(options).dateStyle
        : undefined;
    if (style !== undefined) {
      throw new TypeError("Invalid option : " + (kind === "date" ? "timeStyle" : "dateStyle"));
    }
    let day = componentText(p, options), clock = timeComponentText(p, options, gb);
    const weekdayOnly = day !== undefined && /^[A-Za-z]+$/.test(day);
    if (day === undefined && clock === undefined) {
      if (kind === "date") return dayText(p, gb);
      if (kind === "time") return clockText(p, gb);
      return dayText(p, gb) + ", " + clockText(p, gb);
    }
    if (day === undefined && kind === "date") day = dayText(p, gb);
    if (clock === undefined && kind === "time") clock = clockText(p, gb);
    if (day === undefined) return clock;
    if (clock === undefined) return day;
    return day + (weekdayOnly ? " " : ", ") + clock;
  };
}
const zoned = (text) => function () {
  const s = text.call(this);
  return offsetOf.call(this) === 0 && s.endsWith("GMT+0000")
    ? s + " (Coordinated Universal Time)" : s;
};
const localeBoth = localeDate("both"), localeDay = localeDate("date");
define(Date.prototype, "toLocaleString", localeBoth);
define(Date.prototype, "toLocaleDateString", localeDay);
define(Date.prototype, "toLocaleTimeString", localeDate("time"));
define(Date.prototype, "toString", zoned(dateText));
define(Date.prototype, "toTimeString", zoned(timeText));
for (const name of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString", "toString",
                    "toTimeString"]) {
  Object.defineProperty(Date.prototype[name], "name", { value: name });
}
// (the lengths V8 gives them: its optional parameters are not counted)
const lengthOf = (f, n) => Object.defineProperty(f, "length", { value: n });
for (const name of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]) {
  lengthOf(Date.prototype[name], 0);
}
lengthOf(localeCompare, 1);
lengthOf(Number.prototype.toLocaleString, 0);
define(BigInt.prototype, "toLocaleString", function toLocaleString(locales, options) {
  const value = BigInt.prototype.valueOf.call(this);
  const digits = String(value < 0n ? -value : value);
  const grouped = options && Object(options).useGrouping === false ? digits : group(digits);
  return (value < 0n ? "-" : "") + grouped;
});
lengthOf(BigInt.prototype.toLocaleString, 0);
// A small Intl over the same forms (QuickJS has none): NumberFormat (format, as
// toLocaleString with its options), Collator (compare, as localeCompare) and
// PluralRules (en's cardinal and ordinal categories), DateTimeFormat (format, as
// toLocaleDateString, or toLocaleString with a time component); every locale is en-US.
const INTL = new WeakMap();
function stateOf(object, kind, method) {
  const s = INTL.get(object);
  if (s === undefined || s.kind !== kind) {
    throw new TypeError("Method Intl." + kind + ".prototype." + method +
                        " called on incompatible receiver " + String(object));
  }
  return s;
}
function intlClass(kind, make) {
  const C = function (locales, options) {
    if (!new.target) return new C(locales, options);
    INTL.set(this, make(options === undefined || options === null ? {} : Object(options)));
  };
  Object.defineProperty(C, "name", { value: kind });
  Object.defineProperty(C, "supportedLocalesOf", { value: function supportedLocalesOf(l) {
    return l === undefined ? [] : [].concat(l).map(String);
  }, writable: true, configurable: true });
  Object.defineProperty(C.prototype, Symbol.toStringTag,
                        { value: "Intl." + kind, configurable: true });
  return C;
}
const NumberFormat = intlClass("NumberFormat", (o) => ({ kind: "NumberFormat", options: o }));
Object.defineProperty(NumberFormat.prototype, "format", { configurable: true, get() {
  const s = stateOf(this, "NumberFormat", "format");
  return (x) => typeof x === "bigint" ? BigInt.prototype.toLocaleString.call(x, "en-US", s.options)
                                      : formatNumber(Number(x), s.options);
} });
define(NumberFormat.prototype, "resolvedOptions", function resolvedOptions() {
  const o = stateOf(this, "NumberFormat", "resolvedOptions").options;
  return { locale: "en-US", numberingSystem: "latn", style: o.style || "decimal",
           currency: o.currency, useGrouping: o.useGrouping !== false };
});
const Collator = intlClass("Collator", (o) => ({ kind: "Collator", options: o }));
Object.defineProperty(Collator.prototype, "compare", { configurable: true, get() {
  const s = stateOf(this, "Collator", "compare");
  return (a, b) => localeCompare.call(String(a), String(b), "en-US", s.options);
} });
const DateTimeFormat = intlClass("DateTimeFormat", (o) => ({ kind: "DateTimeFormat",
  options: o }));
Object.defineProperty(DateTimeFormat.prototype, "format", { configurable: true, get() {
  const s = stateOf(this, "DateTimeFormat", "format");
  return (d) => {
    const date = d === undefined ? new Date() : new Date(d);
    const o = s.options, timed = o.hour !== undefined || o.minute !== undefined ||
      o.second !== undefined || o.timeStyle !== undefined;
    return (timed ? localeBoth : localeDay).call(date, "en-US", o);
  };
} });
const PluralRules = intlClass("PluralRules", (o) => ({ kind: "PluralRules",
  ordinal: o.type === "ordinal" }));
define(PluralRules.prototype, "select", function select(n) {
  const x = Math.abs(Number(n)), ordinal = stateOf(this, "PluralRules", "select").ordinal;
  if (!ordinal) return x === 1 ? "one" : "other";
  const d = x % 10, h = x % 100;
  return d === 1 && h !== 11 ? "one" : d === 2 && h !== 12 ? "two"
    : d === 3 && h !== 13 ? "few" : "other";
});
// ListFormat and RelativeTimeFormat as ICU's en has them.
const ListFormat = intlClass("ListFormat", (o) => ({ kind: "ListFormat",
  type: o.type === undefined ? "conjunction" : String(o.type),
  style: o.style === undefined ? "long" : String(o.style) }));
define(ListFormat.prototype, "format", function format(list) {
  const s = stateOf(this, "ListFormat", "format"), items = [];
  for (const item of list === undefined ? [] : list) {
    if (typeof item !== "string") {
      throw new TypeError("Iterable yielded " + String(item) + " which is not a string");
    }
    items.push(item);
  }
  const n = items.length;
  if (n < 2) return n === 0 ? "" : items[0];
  if (s.type === "unit") return items.join(s.style === "narrow" ? " " : ", ");
  const word = s.type === "disjunction" ? "or" : s.style === "short" ? "&"
    : s.style === "narrow" ? "" : "and";
  if (word === "") return items.join(", ");
  if (n === 2) return items[0] + " " + word + " " + items[1];
  return items.slice(0, -1).join(", ") + ", " + word + " " + items[n - 1];
});
define(ListFormat.prototype, "resolvedOptions", function resolvedOptions() {
  const s = stateOf(this, "ListFormat", "resolvedOptions");
  return { locale: "en-US", type: s.type, style: s.style };
});
const RELATIVE_UNITS = { year: ["year", "yr.", "yr."], quarter: ["quarter", "qtr.", "qtrs."],
  month: ["month", "mo.", "mo."], week: ["week", "wk.", "wk."], day: ["day", "day", "days"],
  hour: ["hour", "hr.", "hr."], minute: ["minute", "min.", "min."],
  second: ["second", "sec.", "sec."] };
const RELATIVE_WORDS = { day: ["yesterday", "today", "tomorrow"],
  hour: [undefined, "this hour", undefined], minute: [undefined, "this minute", undefined],
  second: [undefined, "now", undefined] };
const RelativeTimeFormat = intlClass("RelativeTimeFormat", (o) => ({ kind: "RelativeTimeFormat",
  numeric: o.numeric === undefined ? "always" : String(o.numeric),
  style: o.style === undefined ? "long" : String(o.style) }));
define(RelativeTimeFormat.prototype, "format", function format(value, unit) {
  const s = stateOf(this, "RelativeTimeFormat", "format"), v = Number(value);
  const name = String(unit), singular = name.endsWith("s") ? name.slice(0, -1) : name;
  const forms = RELATIVE_UNITS[singular];
  if (forms === undefined) {
    throw new RangeError("Invalid unit argument for Intl.RelativeTimeFormat.prototype." +
                         "format() '" + name + "'");
  }
  if (v !== v || v === Infinity || v === -Infinity) {
    throw new RangeError("Invalid time value");  // as V8: a number it cannot place
  }
  if (s.numeric === "auto" && (v === -1 || v === 0 || v === 1)) {  // (-0 is "today" too)
    const words = RELATIVE_WORDS[singular];
    const word = words !== undefined ? words[v + 1]
      : (v === -1 ? "last " : v === 0 ? "this " : "next ") + forms[0];
    if (word !== undefined) return word;
  }
  const negative = v < 0 || Object.is(v, -0), number = formatNumber(Math.abs(v));
  const one = number === "1";
  const word = s.style === "long" ? forms[0] + (one ? "" : "s") : one ? forms[1] : forms[2];
  return negative ? number + " " + word + " ago" : "in " + number + " " + word;
});
define(RelativeTimeFormat.prototype, "resolvedOptions", function resolvedOptions() {
  const s = stateOf(this, "RelativeTimeFormat", "resolvedOptions");
  return { locale: "en-US", style: s.style, numeric: s.numeric, numberingSystem: "latn" };
});
if (typeof globalThis.Intl === "undefined") {
  const Intl = {};
  for (const C of [NumberFormat, DateTimeFormat, Collator, PluralRules, ListFormat,
                   RelativeTimeFormat]) {
    Object.defineProperty(Intl, C.name, { value: C, writable: true, configurable: true });
  }
  Object.defineProperty(Intl, Symbol.toStringTag, { value: "Intl", configurable: true });
  Object.defineProperty(globalThis, "Intl", { value: Intl, writable: true, configurable: true });
}
})

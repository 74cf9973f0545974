// Node's `path` module (its POSIX flavour), which is string work only: normalize,
// join, resolve (against "/": a sandboxed script has no working directory), relative,
// dirname, basename, extname, parse, format and isAbsolute, with Node's answers for
// the odd cases (`path.parse('/..')`, `basename('aaa', 'a')`) and its
// ERR_INVALID_ARG_TYPE for an argument that is not a string.
//
// The prelude evaluates this factory once per VM with its `received` (how Node's
// argument errors describe a value); commonjs.js takes the module it returns.
(function (received) {
"use strict";
const SLASH = 47, DOT = 46, CWD = "/";

function invalidType(name, type, value) {
  const error = new TypeError('The "' + name + '" argument must be of type ' + type +
                              ". Received" + received(value));
  error.code = "ERR_INVALID_ARG_TYPE";
  return error;
}
function text(value, name) {
  if (typeof value !== "string") throw invalidType(name, "string", value);
  return value;
}

// The segments of `p` with "." dropped and ".." taken back where there is a segment
// to take back (kept where `aboveRoot`, dropped at a root), joined by "/".
function collapse(p, aboveRoot) {
  const kept = [];
  for (const segment of p.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") kept.push(segment);
    else if (kept.length > 0 && kept[kept.length - 1] !== "..") kept.pop();
    else if (aboveRoot) kept.push("..");
  }
  return kept.join("/");
}
function normalize(p) {
  text(p, "path");
  if (p === "") return ".";
  const absolute = p.charCodeAt(0) === SLASH, trailing = p.charCodeAt(p.length - 1) === SLASH;
  const body = collapse(p, !absolute);
  if (body === "") return absolute ? "/" : trailing ? "./" : ".";
  return (absolute ? "/" : "") + body + (trailing ? "/" : "");
}
function join(...parts) {
  const kept = [];
  for (const part of parts) if (text(part, "path") !== "") kept.push(part);
  return kept.length === 0 ? "." : normalize(kept.join("/"));
}
function resolve(...parts) {
  let resolved = "", absolute = false;
  for (let i = parts.length - 1; i >= -1 && !absolute; i--) {
    const part = i >= 0 ? text(parts[i], "paths[" + i + "]") : CWD;
    if (part === "") continue;
    resolved = part + "/" + resolved;
    absolute = part.charCodeAt(0) === SLASH;
  }
  const body = collapse(resolved, !absolute);
  return absolute ? "/" + body : body === "" ? "." : body;
}
function relative(from, to) {
  text(from, "from");
  text(to, "to");
  if (from === to) return "";
  const a = resolve(from).split("/").filter(Boolean), b = resolve(to).split("/").filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => "..");
  return up.concat(b.slice(common)).join("/");
}
function dirname(p) {
  text(p, "path");
  if (p === "") return ".";
  const rooted = p.charCodeAt(0) === SLASH;
  let end = -1, slashes = true;  // the slash before the last segment, trailing ones skipped
  for (let i = p.length - 1; i >= 1; i--) {
    if (p.charCodeAt(i) !== SLASH) slashes = false;
    else if (!slashes) { end = i; break; }
  }
  if (end === -1) return rooted ? "/" : ".";
  return rooted && end === 1 ? "//" : p.slice(0, end);
}
// [start, end) of the last segment, trailing slashes left out (end -1: none).
function lastSegment(p, from) {
  let end = -1, i = p.length - 1;
  for (; i >= from; i--) {
    if (p.charCodeAt(i) !== SLASH) { if (end === -1) end = i + 1; }
    else if (end !== -1) break;
  }
  return [i + 1, end];
}
function basename(p, suffix) {
  text(p, "path");
  if (suffix !== undefined) text(suffix, "suffix");
  const [start, end] = lastSegment(p, 0);
  if (end === -1) return "";
  const base = p.slice(start, end);
  if (suffix === undefined || suffix === "" || suffix.length > p.length) return base;
  if (suffix === p) return "";
  // as Node: the suffix is matched from the end of the segment, and a segment that
  // is all suffix stays whole
  return base.endsWith(suffix) && base !== suffix ? base.slice(0, -suffix.length) : base;
}
// Where the extension of the segment ending at `end` starts, or -1: Node takes its last
// dot when something comes before it from `scan` (the segment's start) on, and gives
// none to a name of dots whose last dot ends it right after the part's start (`..`).
function extensionAt(p, scan, end, part) {
  const dot = p.lastIndexOf(".", end - 1);
  if (dot <= scan) return -1;
  const dotsFirst = p.charCodeAt(scan) === DOT;
  return dotsFirst && dot === end - 1 && dot === part + 1 ? -1 : dot;
}
function extname(p) {
  text(p, "path");
  const [start, end] = lastSegment(p, 0);
  if (end === -1) return "";
  const dot = extensionAt(p, start, end, start);
  return dot === -1 ? "" : p.slice(dot, end);
}
function parse(p) {
  text(p, "path");
  const out = { root: "", dir: "", base: "", ext: "", name: "" };
  if (p === "") return out;
  const absolute = p.charCodeAt(0) === SLASH, from = absolute ? 1 : 0;
  if (absolute) out.root = "/";
  const [start, end] = lastSegment(p, from);
  const part = start > from ? start : 0;  // (0 when no slash came before the segment)
  if (end !== -1) {
    // (so a root's "/.." parses as name "." and extension ".", as in Node)
    const dot = extensionAt(p, start, end, part);
    out.base = p.slice(start, end);
    if (dot === -1) out.name = out.base;
    else { out.name = p.slice(start, dot); out.ext = p.slice(dot, end); }
  }
  if (part > 0) out.dir = p.slice(0, part - 1);
  else if (absolute) out.dir = "/";
  return out;
}
function format(parts) {
  if (parts === null || typeof parts !== "object") {
    throw invalidType("pathObject", "object", parts);
  }
  const dir = parts.dir || parts.root, ext = parts.ext;
  const base = parts.base ||
    (parts.name || "") + (ext ? (ext.charCodeAt(0) === DOT ? "" : ".") + ext : "");
  if (!dir) return base;
  return dir === parts.root ? dir + base : dir + "/" + base;
}
function isAbsolute(p) { return text(p, "path").charCodeAt(0) === SLASH; }

const path = { resolve, normalize, isAbsolute, join, relative, dirname, basename, extname,
  format, parse, sep: "/", delimiter: ":", toNamespacedPath: (p) => p };
path.posix = path;
return path;
})

-- Script environments.
--
-- Runs once per VM right after kernel.lua, still with the full standard
-- library, and returns S.new_env.  Every script gets its own environment
-- table: fresh copies of the library tables, its own print/load/_G, and an
-- __index chain  env -> shared (host globals) -> base (safe builtins).  The
-- chain's tables are behind protected metatables, so a script can read them
-- but never reach or change them.
--
-- With `sandbox` on, base holds only the safe builtins and the C functions
-- that a hook cannot interrupt are wrapped so that their cost is bounded up
-- front (see docs/languages/lua.md, "How each trap is closed").
local K, opts = ...
local sandbox = opts.sandbox

local string_rep, string_byte, string_find, string_sub = string.rep, string.byte, string.find, string.sub
local table_concat, setmetatable, getmetatable = table.concat, setmetatable, getmetatable
local rawget, rawlen, next, select, type, error, tostring, load =
  rawget, rawlen or function(t) return #t end, next, select, type, error, tostring, load
local pcall, xpcall, collectgarbage = pcall, xpcall, collectgarbage
local rethrow, arm, start_clock = K.rethrow, K.arm, K.start_clock
local co_create, co_resume = coroutine.create, coroutine.resume

local S = {}

-- Limits-aware replacements (always on: they keep limits uncatchable) ----------

local function safe_pcall(f, ...) return rethrow(pcall(f, ...)) end
-- A limit error is raised inside the hook, where Lua runs message handlers
-- with hooks disabled: a script's handler must not run then (it could loop
-- forever unobserved).
local is_tripped = K.is_tripped
local function safe_xpcall(f, h, ...)
  local function guarded(e)
    if is_tripped() then return e end
    return h(e)
  end
  return rethrow(xpcall(f, guarded, ...))
end

local function co_new(f) return arm(co_create(f)) end
local function co_resume_safe(co, ...) return rethrow(co_resume(co, ...)) end
local function wrap_result(ok, ...)
  if not ok then error((...), 0) end
  return ...
end
local function co_wrap(f)
  local co = co_new(f)
  return function(...) return wrap_result(rethrow(co_resume(co, ...))) end
end

local coroutine_lib = {}
for k, v in next, coroutine do coroutine_lib[k] = v end
coroutine_lib.create, coroutine_lib.resume, coroutine_lib.wrap = co_new, co_resume_safe, co_wrap

-- Bounded C functions (sandbox only) ------------------------------------------

local max_string = opts.max_string          -- bytes one string operation may produce
local pattern_budget = opts.pattern_budget  -- worst-case matcher steps per call
local max_elements = opts.max_elements      -- elements table.insert/remove/move may shift
local max_source = opts.max_source          -- bytes of source `load` accepts

local function check_rep(s, n, sep)
  if type(s) == "string" and type(n) == "number" and n > 0 then
    local unit = #s + (type(sep) == "string" and #sep or 0)
    if unit == 0 then return "" end
    if unit * n > max_string then K.trip_memory() end
    if unit * n > 1e6 then start_clock() end
  end
  return nil
end

local function rep(s, n, sep)
  local empty = check_rep(s, n, sep)
  if empty then return empty end
  return string_rep(s, n, sep)
end

-- End of the set starting at p[i] == "[".
local function set_end(p, i, m)
  i = i + 1
  if string_byte(p, i) == 94 then i = i + 1 end   -- ^
  repeat
    if i > m then return m end
    local c = string_byte(p, i)
    if c == 37 then i = i + 2 else i = i + 1 end  -- %x escapes one char
  until string_byte(p, i) == 93                    -- ]
  return i
end

-- Worst-case steps of Lua's backtracking matcher: every quantified item that
-- is followed by more pattern (and every %b and back-reference) multiplies
-- one attempt by n; an unanchored search makes up to n attempts.
function S.pattern_cost(s, p, init, plain)
  local n, m = #s, #p
  if plain then return (n + 1) * (m + 1) end
  local i, factors = 1, 0
  local anchored = string_byte(p, 1) == 94
  if anchored then i = 2 end
  while i <= m do
    local c = string_byte(p, i)
    local last = i
    local counted = false
    if c == 37 then                                 -- %
      local d = string_byte(p, i + 1)
      if d == 98 then last = i + 3; counted = true  -- %bxy
      elseif d == 102 then                          -- %f[set]
        last = set_end(p, i + 2, m); i = last + 1; goto continue
      elseif d and d >= 49 and d <= 57 then last = i + 1; counted = true
      else last = i + 1 end
    elseif c == 91 then last = set_end(p, i, m)     -- [set]
    elseif c == 40 or c == 41 then i = i + 1; goto continue
    end
    if counted then factors = factors + 1 end
    do
      local q = string_byte(p, last + 1)
      if q == 42 or q == 43 or q == 45 then         -- * + -
        if string_find(p, "[^)]", last + 2) then factors = factors + 1 end
        last = last + 1
      elseif q == 63 then                           -- ?
        last = last + 1
      end
    end
    i = last + 1
    ::continue::
  end
  local attempts = anchored and 1 or (n + 1)
  return attempts * (m + 1) * (n + 1) ^ factors
end

local function guard_pattern(s, p, init, plain)
  if type(s) == "number" then s = tostring(s) end
  if type(p) == "number" then p = tostring(p) end
  if type(s) ~= "string" or type(p) ~= "string" then return end
  local cost = S.pattern_cost(s, p, init, plain)
  if cost > 1e5 then start_clock() end
  if cost > pattern_budget then
    error(("sandbox: pattern %q is too costly for a subject of %d bytes " ..
           "(worst case %.3g steps, limit %.3g); use plain find or split the input")
          :format(#p > 40 and (string_sub(p, 1, 40) .. "...") or p, #s, cost, pattern_budget), 3)
  end
end

local string_lib = {}
for k, v in next, string do string_lib[k] = v end
string_lib.dump = nil
if sandbox then
  string_lib.rep = rep
  local find, match, gmatch, gsub = string.find, string.match, string.gmatch, string.gsub
  string_lib.find = function(s, p, init, plain) guard_pattern(s, p, init, plain); return find(s, p, init, plain) end
  string_lib.match = function(s, p, init) guard_pattern(s, p, init); return match(s, p, init) end
  string_lib.gmatch = function(s, p, ...) guard_pattern(s, p); return gmatch(s, p, ...) end
  string_lib.gsub = function(s, p, r, n) guard_pattern(s, p); return gsub(s, p, r, n) end
  -- methods on strings ("x"):rep(...) use the same guarded functions; the
  -- string metatable itself is hidden from getmetatable.
  local string_mt = getmetatable("")
  local methods = {}
  for k, v in next, string_lib do methods[k] = v end
  string_mt.__index = methods
  string_mt.__metatable = false
end

local table_lib = {}
for k, v in next, table do table_lib[k] = v end
if sandbox then
  local insert, remove, move = table.insert, table.remove, table.move
  local function check_len(t, n)
    if n > max_elements then
      error(("sandbox: table operation over %d elements exceeds the limit of %d"):format(
        n, max_elements), 3)
    end
  end
  table_lib.insert = function(t, ...)
    if type(t) == "table" then check_len(t, #t) end
    return insert(t, ...)
  end
  table_lib.remove = function(t, ...)
    if type(t) == "table" then check_len(t, #t) end
    return remove(t, ...)
  end
  -- Sorting without a comparator is one C call; past a size a hook could
  -- not interrupt, sort through a Lua comparator (which the hook sees).
  local sort = table.sort
  local function less(a, b) return a < b end
  table_lib.sort = function(t, comp)
    if comp == nil and type(t) == "table" and #t > 50000 then comp = less end
    return sort(t, comp)
  end
  if move then
    table_lib.move = function(a, f, e, t, b)
      if type(f) == "number" and type(e) == "number" then check_len(a, e - f + 1) end
      return move(a, f, e, t, b)
    end
  end
end

local function copy(lib)
  local c = {}
  for k, v in next, lib do c[k] = v end
  return c
end

local libs = { string = string_lib, table = table_lib, coroutine = coroutine_lib,
               math = math, utf8 = rawget(_G, "utf8"), bit = rawget(_G, "bit"),
               bit32 = rawget(_G, "bit32") }
if sandbox then
  local os_lib = {}
  for _, k in next, { "time", "clock", "difftime" } do os_lib[k] = os[k] end
  local date = os.date
  os_lib.date = function(format, ...)
    if type(format) == "string" and #format > 256 then
      error("sandbox: os.date format longer than 256 bytes", 2)
    end
    return date(format, ...)
  end
  libs.os = os_lib
else
  for _, k in next, { "os", "io", "debug", "package", "jit", "ffi" } do
    libs[k] = rawget(_G, k)
  end
end

-- Base functions -------------------------------------------------------------

local base = {}
local SAFE_BASE = { "assert", "error", "ipairs", "next", "pairs", "rawequal", "rawget",
                    "rawlen", "rawset", "select", "tonumber", "tostring", "type", "unpack",
                    "getmetatable", "_VERSION" }
for _, k in next, SAFE_BASE do base[k] = rawget(_G, k) end
base.pcall, base.xpcall = safe_pcall, safe_xpcall

if sandbox then
  base.setmetatable = function(t, mt)
    if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
      error("sandbox: __gc metamethods are not allowed", 2)
    end
    return setmetatable(t, mt)
  end
  local GC_OPTIONS = { count = true, collect = true, step = true }
  base.collectgarbage = function(what, ...)
    what = what or "collect"
    if not GC_OPTIONS[what] then
      error("sandbox: collectgarbage(" .. tostring(what) .. ") is not allowed", 2)
    end
    return collectgarbage(what, ...)
  end
else
  for k, v in next, _G do
    if base[k] == nil and type(v) == "function" then base[k] = v end
  end
  base.setmetatable = setmetatable
  base.collectgarbage = collectgarbage
  base.pcall, base.xpcall = safe_pcall, safe_xpcall
end
base.print, base.load, base.loadstring, base.dofile, base.loadfile, base.require = nil, nil, nil, nil, nil, nil

local shared = setmetatable({}, { __index = base, __metatable = false })
S.shared = shared
local ENV_MT = { __index = shared, __metatable = false }

-- New environment for script `name`; `write(text)` prints (a host function).
function S.new_env(name, kryon, write)
  local env = {}
  for k, lib in next, libs do env[k] = copy(lib) end
  env._G = env
  env.kryon = kryon
  env.print = function(...)
    local n = select("#", ...)
    local parts = { ... }
    for i = 1, n do parts[i] = tostring(parts[i]) end
    write(table_concat(parts, "\t", 1, n) .. "\n")
  end
  local chunk_prefix = "=" .. name .. "#load"
  local function load_text(chunk, chunkname, mode, chunk_env)
    if type(chunk) ~= "string" then
      error("sandbox: load accepts source strings only", 2)
    end
    if max_source and #chunk > max_source then
      error(("sandbox: load of %d bytes exceeds the limit of %d"):format(#chunk, max_source), 2)
    end
    if chunk_env == nil then chunk_env = env end
    if type(chunk_env) ~= "table" then error("sandbox: load needs a table environment", 2) end
    local label = type(chunkname) == "string" and (chunk_prefix .. ":" .. chunkname) or chunk_prefix
    return load(chunk, label, "t", chunk_env)
  end
  env.load = load_text
  if rawget(_G, "loadstring") then env.loadstring = function(s, n) return load_text(s, n) end end
  if not sandbox then
    env.dofile, env.loadfile, env.require = dofile, loadfile, require
  end
  local skip = {}
  for k, v in next, env do skip[k] = v end
  return setmetatable(env, ENV_MT), skip
end

return S

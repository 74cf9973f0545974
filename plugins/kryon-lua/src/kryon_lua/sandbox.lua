-- Script environments.
--
-- Runs once per VM after kernel.lua and library.lua, still with the full
-- standard library, and returns S.new_env.  Every script gets its own environment
-- table: its own copies of the builtins (base) and of the library tables,
-- its own print/load/_G, and an __index to `shared` (the host globals),
-- behind a protected metatable, so a script can read the host globals but
-- never reach or change the table.
--
-- With `sandbox` on, base holds only the safe builtins and the C functions
-- that a hook cannot interrupt are wrapped so that their cost is bounded up
-- front (see docs/languages/lua.md, "How each trap is closed").
local K, opts, R, Patterns, Traceback = ...
local sandbox = opts.sandbox

local string_rep, string_byte, string_find, string_sub = string.rep, string.byte, string.find, string.sub
local string_char, string_format, string_gsub = string.char, string.format, string.gsub
local table_concat, setmetatable, getmetatable = table.concat, setmetatable, getmetatable
local table_sort = table.sort
local rawset = rawset
local rawget, rawlen, next, select, type, error, tostring, load =
  rawget, rawlen or function(t) return #t end, next, select, type, error, tostring, load
local pcall, xpcall, collectgarbage = pcall, xpcall, collectgarbage
local tonumber, math_floor = tonumber, math.floor
local math_tointeger = math.tointeger or function(x) return x end
local rethrow, arm, start_clock = K.rethrow, K.arm, K.start_clock
local co_create, co_resume, co_close = coroutine.create, coroutine.resume, coroutine.close
local co_status = coroutine.status
local debug_getinfo, debug_getupvalue = debug.getinfo, debug.getupvalue
local debug_getmetatable = debug.getmetatable
local is_tripped, is_script_frame = K.is_tripped, K.is_script_frame
local replacement, as_called, replaced, typename = R.replacement, R.as_called, R.replaced, R.typename
local at_script = R.at_script
local facing = K.facing

local S = {}

-- Limits-aware replacements (always on: they keep limits uncatchable) ----------

-- (a tail call: the caller of pcall is the next frame out)
local function pcall_result(ok, ...)
  if ok then return ok, ... end
  return ok, at_script((...), 1)
end

local function safe_pcall(...)
  if select("#", ...) == 0 then
    error(as_called("bad argument #1 to 'pcall' (value expected)", 1), 0)
  end
  return pcall_result(rethrow(pcall(...)))
end
replaced[safe_pcall] = "pcall"

-- A limit error is raised inside the hook, where Lua runs message handlers
-- with hooks disabled: a script's handler must not run then (it could loop
-- forever unobserved).  A handler that fails is given its own error, as Lua
-- does, until Lua's "error in error handling".
local function safe_xpcall(...)
  local f, h = ...
  if type(h) ~= "function" then
    error(as_called("bad argument #2 to 'xpcall' (function expected, got "
                    .. typename(2, h, ...) .. ")", 1), 0)
  end
  local function guarded(e)
    e = at_script(e, 1, safe_xpcall)
    for _ = 1, 20 do
      if is_tripped() then return e end
      local ok, r = pcall(h, e)
      if ok then return r end
      e = r
    end
    return "error in error handling"
  end
  return rethrow(xpcall(f, guarded, select(3, ...)))
end
replaced[safe_xpcall] = "xpcall"

local co_new = replacement("coroutine.create", function(...) return arm(co_create(...)) end)
local co_resume_safe = replacement("coroutine.resume", function(...)
  return rethrow(co_resume(...))
end)
-- As Lua 5.4's wrap: a string error gets the caller's position, and the
-- failed coroutine is closed.
local function co_wrap_new(...)
  local co = arm(co_create(...))
  local function wrap_result(ok, ...)
    if ok then return ... end
    local e = ...
    if co_close then co_close(co) end
    if type(e) == "string" then error(e, 2) end
    error(e, 0)
  end
  local function wrapped(...) return wrap_result(rethrow(co_resume(co, ...))) end
  facing[wrapped] = true
  return wrapped
end
local co_wrap = replacement("coroutine.wrap", co_wrap_new)

local coroutine_lib = {}
for k, v in next, coroutine do coroutine_lib[k] = v end
coroutine_lib.create, coroutine_lib.resume, coroutine_lib.wrap = co_new, co_resume_safe, co_wrap
-- (through a Lua frame that holds the coroutine: see K.tag_of in bridge.lua)
-- (closing runs the coroutine's __close handlers: a limit or an exit met
-- there goes on)
if co_close then
  coroutine_lib.close = replacement("coroutine.close", function(...)
    return rethrow(co_close(...))
  end)
end

-- A script's main chunk runs in a coroutine of its own (K.roots, see
-- K.bind_main): to the script it is the main thread, as under the lua command.
local roots = K.roots
local co_running, co_yield, co_isyieldable =
  coroutine.running, coroutine.yield, coroutine.isyieldable
function coroutine_lib.running()
  local co, main = co_running()
  return co, main or roots[co] == true
end
-- (not a tail call: LuaJIT's yield would take the frame of coroutine.yield,
-- which a script's traceback shows as the C function it stands for)
local function yielded(...) return ... end
function coroutine_lib.yield(...)
  if roots[co_running()] then error("attempt to yield from outside a coroutine", 0) end
  return yielded(co_yield(...))
end
facing[coroutine_lib.running], facing[coroutine_lib.yield] = true, true
if co_isyieldable then
  coroutine_lib.isyieldable = replacement("coroutine.isyieldable", function(...)
    local co = ...
    if select("#", ...) == 0 then co = co_running() end
    if roots[co] then return false end
    return co_isyieldable(...)
  end)
end

-- Bounded C functions (sandbox only) ------------------------------------------

local max_string = opts.max_string          -- bytes one string operation may produce
local pattern_budget = opts.pattern_budget  -- worst-case matcher steps per call
local max_elements = opts.max_elements      -- elements table.insert/remove/move may shift
local max_source = opts.max_source          -- bytes of source `load` accepts

-- The largest string the reference's string.rep builds: past it, rep fails
-- at once with its own catchable "resulting string too large" (Lua 5.4
-- limits results to INT_MAX bytes; LuaJIT to LJ_MAX_STR).
local REP_MAX = rawget(_G, "jit") and 0x7fffff00 or 0x7fffffff

local function check_rep(s, n, sep)
  -- arguments as rep coerces them; anything it would refuse, it refuses itself
  if type(s) == "number" then s = tostring(s) end
  if type(sep) == "number" then sep = tostring(sep) end
  n = math_tointeger(tonumber(n))
  if type(s) == "string" and n and n > 0 then
    local unit = #s + (type(sep) == "string" and #sep or 0)
    if unit == 0 then return "" end
    if unit > math_floor(REP_MAX / n) then return nil end
    if unit * n > max_string then K.trip_memory() end
    if unit * n > 1e6 then start_clock() end
  end
  return nil
end

local function rep(...)
  local empty = check_rep(...)
  if empty then return empty end
  return string_rep(...)
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

-- The end of the one-character item starting at p[i] (a character, a class,
-- a set), or nil for %b, %f and back-references.
local function char_item_end(p, i, m)
  local c = string_byte(p, i)
  if c == 37 then
    local d = string_byte(p, i + 1)
    if d == nil or d == 98 or d == 102 or (d >= 48 and d <= 57) then return nil end
    return i + 1
  elseif c == 91 then
    return set_end(p, i, m)
  end
  return i
end

-- Whether no byte matches both one-character items.
local function disjoint(x, y)
  local ok, result = pcall(function()
    for b = 0, 255 do
      local ch = string_char(b)
      if string_find(ch, "^" .. x) and string_find(ch, "^" .. y) then return false end
    end
    return true
  end)
  return ok and result
end

-- Whether the repeat p[i..last] followed by its quantifier stops backtracking
-- at once: the next item (past captures) is the pattern's closing `$`, or one
-- character that the repeated item never matches and that must be there (no
-- `*`, `-`, `?`).  Each shorter repeat then fails on the next character, so
-- only one goes on with the rest of the pattern: `(%w+),`, `([^\n]*)\n`,
-- `%d+%.` cost one run over the subject per attempt, added, not multiplied.
local function stops_at_once(p, i, last, m)
  local j = last + 2
  while string_byte(p, j) == 40 or string_byte(p, j) == 41 do j = j + 1 end
  if j == m and string_byte(p, j) == 36 then return true end
  local e = j <= m and char_item_end(p, j, m)
  if not e then return false end
  local q = string_byte(p, e + 1)
  if q == 42 or q == 45 or q == 63 then return false end
  return disjoint(string_sub(p, i, last), string_sub(p, j, e))
end

-- Worst-case steps of Lua's backtracking matcher: every quantified item that
-- is followed by more pattern (and every %b and back-reference) multiplies
-- one attempt by n (one that stops backtracking at once, above, adds n to
-- it instead), every
-- optional item (`?`) followed by more pattern by 2
-- (it is tried with and without its character: `a?a?a?aaa` backtracks
-- 2^k times); an unanchored search makes up to n attempts.
local function pattern_factors(p)
  local m = #p
  local i, factors, optionals, runs = 1, 0, 0, 0
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
        if string_find(p, "[^)]", last + 2) then
          if not counted and stops_at_once(p, i, last, m) then
            runs = runs + 1
          else
            factors = factors + 1
          end
        end
        last = last + 1
      elseif q == 63 then                           -- ?
        if string_find(p, "[^)]", last + 2) then optionals = optionals + 1 end
        last = last + 1
      end
    end
    i = last + 1
    ::continue::
  end
  return anchored, factors, optionals, runs
end

-- Patterns are used over and over: their shapes are kept (scanning the
-- pattern in Lua costs more than most matches): the factors, as -1 - factors
-- for an anchored pattern, and the optionals.  A bounded cache: it starts
-- over past 512 patterns.
-- With them, the longest subject on which a pattern is cheap (below).
local shapes, optionals_of, runs_of, cheap_lengths, shape_count = {}, {}, {}, {}, 0

-- The worst-case steps of pattern `p` on a subject of `n` bytes.
local function cost_at(n, p, plain)
  local m = #p
  -- a plain search is memchr and memcmp: a step compares ~16 bytes
  if plain then return (n + 1) * (1 + m / 16) end
  local shape = shapes[p]
  if shape == nil then
    local anchored, factors, optionals, runs = pattern_factors(p)
    shape = anchored and -1 - factors or factors
    if shape_count >= 512 then
      shapes, optionals_of, runs_of, cheap_lengths, shape_count = {}, {}, {}, {}, 0
    end
    shapes[p], optionals_of[p], runs_of[p] = shape, optionals, runs
    shape_count = shape_count + 1
  end
  local branching = 2 ^ optionals_of[p]
  local attempt = m + 1 + runs_of[p] * (n + 1)
  if shape < 0 then return attempt * (n + 1) ^ (-1 - shape) * branching end
  return (n + 1) * attempt * (n + 1) ^ shape * branching
end

function S.pattern_cost(s, p, init, plain)
  return cost_at(#s, p, plain)
end

-- Past this many steps a call starts the time limit's clock itself (one C
-- call may take long); up to it, and within the budget, a call is cheap.
local CLOCK_STEPS = 1e5
local CHEAP_STEPS = math.min(CLOCK_STEPS, pattern_budget)

-- The longest subject on which pattern `p` (searched as a pattern) costs at
-- most CHEAP_STEPS, -1 if none (the cost grows with the subject): a call on a
-- subject up to that length, the usual case, needs no further look.
local function cheap_length(p)
  local known = cheap_lengths[p]
  if known then return known end
  local ok, too_much = 0, 1
  if cost_at(0, p) > CHEAP_STEPS then
    ok = -1
  else
    while too_much < 2 ^ 31 and cost_at(too_much, p) <= CHEAP_STEPS do
      ok, too_much = too_much, too_much * 2
    end
    while too_much - ok > 1 do
      local mid = math_floor((ok + too_much) / 2)
      if cost_at(mid, p) <= CHEAP_STEPS then ok = mid else too_much = mid end
    end
  end
  cheap_lengths[p] = ok
  return ok
end
S.cost_at, S.cheap_length, S.CHEAP_STEPS = cost_at, cheap_length, CHEAP_STEPS  -- (tests)

-- Lua's str_find searches plainly for a pattern without these.
local SPECIALS = "[%^%$%*%+%?%.%(%[%%%-]"

-- A string argument as the C functions take it (numbers converted).
local function as_string(v)
  if type(v) == "number" then return tostring(v) end
  return v
end

-- Whether one C call on (s, p) could cost more than the budget, in which case
-- the pattern is run by Patterns (patterns.lua: Lua code the hook stops).
-- Without Patterns (LuaJIT), and for a plain search, such a call is refused.
-- `finding`: string.find, where `plain` (or a pattern without specials)
-- makes a plain search.
local function too_costly(s, p, plain, finding)
  if type(s) == "string" and type(p) == "string" then  -- the usual case, at once
    if finding and plain then
      if cost_at(#s, p, true) <= CHEAP_STEPS then return false end
    elseif #s <= (cheap_lengths[p] or cheap_length(p)) then
      return false  -- (a find that is plain for want of specials costs less)
    end
  end
  s, p = as_string(s), as_string(p)
  if type(s) ~= "string" or type(p) ~= "string" then return false end
  if not finding then
    plain = false
  elseif not plain then
    plain = not string_find(p, SPECIALS)
  end
  local cost = cost_at(#s, p, plain)
  if cost > CLOCK_STEPS then start_clock() end
  if cost <= pattern_budget then return false end
  if Patterns and not plain then return true end
  error(("sandbox: pattern %q is too costly for a subject of %d bytes " ..
         "(worst case %.3g steps, limit %.3g); use plain find or split the input")
        :format(#p > 40 and (string_sub(p, 1, 40) .. "...") or p, #s, cost, pattern_budget))
end

-- An optional integer argument as luaL_optinteger reads it; false for one it
-- refuses (the C function is then called, to raise its own error).
local function opt_integer(v)
  if v == nil then return nil end
  local kind = type(v)
  if kind ~= "number" and kind ~= "string" then return false end
  local n = tonumber(v)
  return n and math_tointeger(n) or false
end

local string_lib = {}
for k, v in next, string do string_lib[k] = v end
string_lib.dump = nil
if sandbox then
  string_lib.rep = replacement("string.rep", rep)
  local find, match, gmatch, gsub = string.find, string.match, string.gmatch, string.gsub
  string_lib.find = replacement("string.find", function(...)
    local s, p, init, plain = ...
    if too_costly(s, p, plain, true) then
      init = opt_integer(init)
      if init ~= false then return Patterns.find(as_string(s), as_string(p), init) end
    end
    return find(...)
  end)
  string_lib.match = replacement("string.match", function(...)
    local s, p, init = ...
    if too_costly(s, p) then
      init = opt_integer(init)
      if init ~= false then return Patterns.match(as_string(s), as_string(p), init) end
    end
    return match(...)
  end)
  string_lib.gmatch = replacement("string.gmatch", function(...)
    local s, p, init = ...
    if too_costly(s, p) then
      init = opt_integer(init)
      if init ~= false then
        -- each step re-told as the script's call too, as the C iterator's errors are
        return replacement("gmatch iterator", Patterns.gmatch(as_string(s), as_string(p), init))
      end
    end
    return gmatch(...)
  end)
  string_lib.gsub = replacement("string.gsub", function(...)
    local s, p, repl, n = ...
    if too_costly(s, p) then
      local kind = type(repl)
      n = opt_integer(n)
      if n ~= false and (kind == "string" or kind == "number" or kind == "table"
                         or kind == "function") then
        return Patterns.gsub(as_string(s), as_string(p), as_string(repl), n)
      end
    end
    return gsub(...)
  end)
end

-- The environment of the function running at `level` (as for
-- debug.getinfo, seen from the caller): its script's, found by the chunk
-- name, or else (a chunk the script loaded) its _ENV upvalue.
local envs = setmetatable({}, { __mode = "v" })  -- [chunk source "=name"] = env
local function script_env(level)
  local info = debug_getinfo(level + 1, "fS")
  if not info then return nil end
  local env = envs[info.source]
  if env then return env end
  local i = 1
  while true do
    local name, value = debug_getupvalue(info.func, i)
    if name == nil or name == "_ENV" then return value end
    i = i + 1
  end
end

-- Methods on strings ("x"):rep(...) are the library's (the guarded ones in
-- the sandbox).  A method a script adds to its own `string` table
-- (`function string:trim() ... end`) is found there, as when Lua's string
-- metatable indexes `string`.
--
-- The string metatable is shared by every script of the VM, so none sees it:
-- getmetatable("") gives each script a stand-in of its own, whose __index is
-- its `string` table.  What a script sets there applies to its own strings
-- (`mt.__index = function(s, i) ... end` for s[i], `mt.__mod` for
-- "%d" % n, `mt.__call`...): the first time any script sets such an event,
-- the shared metatable gets a dispatcher for it, which calls the handler of
-- the script whose code did the operation, or else does what Lua does.
local string_meta_of  -- (env) -> the stand-in getmetatable("") shows
do
  local string_mt = getmetatable("")
  local methods = {}
  for k, v in next, string_lib do methods[k] = v end
  setmetatable(methods, { __index = function(_, key)
    local env = script_env(2)
    local lib = type(env) == "table" and rawget(env, "string")
    if type(lib) == "table" then return rawget(lib, key) end
    return nil
  end })
  string_mt.__index = methods
  if sandbox then string_mt.__metatable = false end

  local fields_of = setmetatable({}, { __mode = "k" })  -- [env] = its stand-in's fields
  -- the shared metatable's own handlers: lstrlib's arithmetic coercions
  local defaults = {}
  for k, v in next, string_mt do defaults[k] = v end
  local ARITH = { __add = true, __sub = true, __mul = true, __div = true, __mod = true,
                  __pow = true, __idiv = true, __unm = true }
  local OTHER = { __band = true, __bor = true, __bxor = true, __shl = true, __shr = true,
                  __bnot = true, __concat = true, __lt = true, __le = true, __call = true,
                  __tostring = true }

  -- the handler the script whose code runs at `level` set for `event`
  local function handler(event, level)
    local env = script_env(level + 1)
    local fields = env ~= nil and fields_of[env]
    if not fields then return nil, env end
    return rawget(fields, event), env
  end

  local function other_operand(a, b, event)
    for _, v in next, { a, b } do
      if type(v) ~= "string" then
        local mt = debug_getmetatable(v)
        local h = mt and rawget(mt, event)
        if h ~= nil then return h end
      end
    end
    return nil
  end

  local function failure(event, a, b)
    if event == "__call" then return "attempt to call a string value" end
    if event == "__concat" then
      local bad = (type(a) == "string" or type(a) == "number") and b or a
      return "attempt to concatenate a " .. type(bad) .. " value"
    end
    if event == "__lt" or event == "__le" then
      local ta, tb = type(a), type(b)
      if ta == tb then return "attempt to compare two " .. ta .. " values" end
      return "attempt to compare " .. ta .. " with " .. tb
    end
    return "attempt to perform bitwise operation on a string value"
  end

  local DISPATCH = {
    __index = function(s, key)
      local h, env = handler("__index", 2)
      if h == nil or (env ~= nil and h == rawget(env, "string")) then return methods[key] end
      if type(h) == "function" then return h(s, key) end
      return h[key]
    end,
    __call = function(s, ...)
      local h = handler("__call", 2)
      if h == nil then error(failure("__call"), 2) end
      return h(s, ...)
    end,
    -- tostring, print and %s call it from C (and print from this chunk):
    -- the handler is that of the script frame nearest out
    __tostring = function(s)
      local level = 2
      while true do
        local info = debug_getinfo(level, "S")
        if not info then return s end
        if is_script_frame(info) then
          local h = handler("__tostring", level)
          if h == nil then return s end
          return h(s)
        end
        level = level + 1
      end
    end,
  }
  local function dispatcher(event)
    local d = DISPATCH[event]
    if d then return d end
    if ARITH[event] then
      local default = defaults[event]
      return function(a, b)
        local h = handler(event, 2)
        if h ~= nil then return h(a, b) end
        -- (LuaJIT coerces strings itself and has no default: a failure)
        if default == nil then error("attempt to perform arithmetic on a string value", 2) end
        local ok, r = pcall(default, a, b)
        if ok then return r end
        rethrow(ok, r)  -- (a limit goes on as such)
        -- lstrlib's own error, placed at this frame: told at the script's
        if type(r) == "string" then r = string_gsub(r, "^%[kryon[^%]]*%]:%d+: ", "", 1) end
        error(r, 2)
      end
    end
    return function(a, b)
      local h = handler(event, 2) or other_operand(a, b, event)
      if h == nil then error(failure(event, a, b), 2) end
      if event == "__lt" or event == "__le" then return not not h(a, b) end
      return h(a, b)
    end
  end

  local installed = {}  -- [event] = true once the shared metatable dispatches it
  local function install(event)
    if not installed[event] then
      installed[event] = true
      string_mt[event] = dispatcher(event)
    end
  end
  local stand_ins = setmetatable({}, { __mode = "k" })  -- [env] = its stand-in

  -- A stand-in is empty: its fields are kept apart, so that setting one
  -- (even __index, which it has from the start) is seen and its event
  -- dispatched from then on; until then strings cost what they cost in Lua.
  string_meta_of = function(env)
    local mt = stand_ins[env]
    if mt then return mt end
    local fields = { __index = rawget(env, "string") }
    fields_of[env] = fields
    mt = setmetatable({}, {
      __index = fields,
      __newindex = function(_, key, value)
        fields[key] = value
        if value ~= nil and (key == "__index" or ARITH[key] or OTHER[key]) then install(key) end
      end,
      __pairs = function() return next, fields, nil end,
      __metatable = false,
    })
    stand_ins[env] = mt
    return mt
  end
end

local table_lib = {}
for k, v in next, table do table_lib[k] = v end
if sandbox then
  local insert, remove, move = table.insert, table.remove, table.move
  local function check_len(t, n)
    if n > max_elements then
      error(("sandbox: table operation over %d elements exceeds the limit of %d"):format(
        n, max_elements))
    end
  end
  -- (arguments pass on as given: a missing one is "no value" to the C function)
  table_lib.insert = replacement("table.insert", function(...)
    local t = ...
    if type(t) == "table" then check_len(t, #t) end
    return insert(...)
  end)
  table_lib.remove = replacement("table.remove", function(...)
    local t = ...
    if type(t) == "table" then check_len(t, #t) end
    return remove(...)
  end)
  -- Sorting without a comparator is one C call; past a size a hook could
  -- not interrupt, sort through a Lua comparator (which the hook sees).
  local sort = table.sort
  local function less(a, b) return a < b end
  table_lib.sort = replacement("table.sort", function(...)
    local t, comp = ...
    if comp == nil and type(t) == "table" and #t > 50000 then return sort(t, less) end
    return sort(...)
  end)
  if move then
    table_lib.move = replacement("table.move", function(...)
      local a, f, e = ...
      if type(f) == "number" and type(e) == "number" then check_len(a, e - f + 1) end
      return move(...)
    end)
  end
end

local function copy(lib)
  local c = {}
  for k, v in next, lib do c[k] = v end
  return c
end

-- os.exit([code [, close]]): the status as Lua's os_exit reads it (true 0,
-- false 1, else an optional integer, cut to a C int), then K.exit.  The VM
-- is never closed: embedded, the host goes on.
local function exit_status(...)
  local code = ...
  if code == nil then return 0 end
  if code == true then return 0 elseif code == false then return 1 end
  local n = code
  if type(code) == "string" then n = tonumber(code) end
  if type(n) ~= "number" then
    error("bad argument #1 to 'exit' (number expected, got " .. type(code) .. ")")
  end
  n = math_tointeger(n)
  if n == nil or n ~= math_floor(n) or n >= 2 ^ 63 or n < -2 ^ 63 then
    error("bad argument #1 to 'exit' (number has no integer representation)")
  end
  n = n % 4294967296
  if n >= 2147483648 then n = n - 4294967296 end
  return n
end
local os_exit = replacement("os.exit", function(...) K.exit(exit_status(...)) end)

local libs = { string = string_lib, table = table_lib, coroutine = coroutine_lib,
               math = math, utf8 = rawget(_G, "utf8"), bit = rawget(_G, "bit"),
               bit32 = rawget(_G, "bit32") }
if sandbox then
  local os_lib = {}
  for _, k in next, { "time", "clock", "difftime" } do os_lib[k] = os[k] end
  local date = os.date
  os_lib.date = replacement("os.date", function(...)
    local format = ...
    if type(format) == "string" and #format > 256 then
      error("sandbox: os.date format longer than 256 bytes")
    end
    return date(...)
  end)
  os_lib.exit = os_exit
  -- the host's environment is not the script's: every variable is unset (as
  -- JavaScript's process.env is empty), so `os.getenv("DEBUG") or default` works
  os_lib.getenv = replacement("os.getenv", function(...)
    local name = ...
    if type(name) ~= "string" and type(name) ~= "number" then
      error("bad argument #1 to 'getenv' (string expected, got "
            .. typename(1, name, ...) .. ")")
    end
    return nil
  end)
  libs.os = os_lib
else
  for _, k in next, { "io", "debug", "package", "jit", "ffi" } do
    libs[k] = rawget(_G, k)
  end
  -- (Lua's own os.exit would end the host process)
  local os_lib = {}
  for k, v in next, os do os_lib[k] = v end
  os_lib.exit = os_exit
  libs.os = os_lib
end

-- Base functions -------------------------------------------------------------

local base = {}
local SAFE_BASE = { "assert", "error", "ipairs", "next", "pairs", "rawequal", "rawget",
                    "rawlen", "rawset", "select", "tonumber", "tostring", "type", "unpack",
                    "getmetatable", "_VERSION" }
for _, k in next, SAFE_BASE do base[k] = rawget(_G, k) end
base.pcall, base.xpcall = safe_pcall, safe_xpcall

-- Script environments have a metatable of the kernel's (lookups fall through
-- to the host globals and the builtins); a metatable a script sets on its _G
-- is emulated on top of it (see set_env_metatable), and getmetatable shows
-- the script's own.
local env_real = setmetatable({}, { __mode = "k" })  -- [env] = its real metatable
local env_user = setmetatable({}, { __mode = "k" })  -- [env] = the script's metatable
local set_env_metatable  -- (below)

local function metatable_of(...)
  if select("#", ...) == 0 then
    error(as_called("bad argument #1 to 'getmetatable' (value expected)", 1), 0)
  end
  local v = ...
  local mt
  if env_real[v] then
    mt = env_user[v]
  elseif type(v) == "string" then
    -- the string metatable is shared by every script: each sees its own
    -- stand-in (see string_meta_of)
    local env = script_env(2)
    if type(env) ~= "table" then return nil end
    return string_meta_of(env)
  else
    return getmetatable(v)
  end
  if mt == nil then return nil end
  local protected = rawget(mt, "__metatable")
  if protected ~= nil then return protected end
  return mt
end
replaced[metatable_of] = "getmetatable"
base.getmetatable = metatable_of

local finalized, gc_then_finalize  -- (below) __gc under the sandbox

-- Checked as setmetatable checks (it is too common for a protected call), so
-- that the call itself cannot fail.
local function set_metatable(...)
  local t, mt = ...
  local problem
  if type(t) ~= "table" then
    problem = "bad argument #1 to 'setmetatable' (table expected, got "
              .. typename(1, t, ...) .. ")"
  elseif (mt ~= nil and type(mt) ~= "table") or select("#", ...) < 2 then
    problem = "bad argument #2 to 'setmetatable' (nil or table expected, got "
              .. typename(2, mt, ...) .. ")"
  else
    local old
    if env_real[t] then old = env_user[t] else old = debug_getmetatable(t) end
    if old and rawget(old, "__metatable") ~= nil then
      problem = "cannot change a protected metatable"
    end
  end
  if problem then error(as_called(problem, 1), 0) end
  if env_real[t] then return set_env_metatable(t, mt) end
  if finalized and mt ~= nil then
    local gc = rawget(mt, "__gc")
    if gc ~= nil then return finalized(t, mt, gc) end
  end
  return setmetatable(t, mt)
end
replaced[set_metatable] = "setmetatable"
base.setmetatable = set_metatable

-- __gc under the sandbox.  Lua calls a finalizer with the hooks off, where no
-- limit could stop it, and at any allocation (the host's included).  So Lua
-- never marks a script's object: setmetatable sets the metatable with __gc
-- taken out for the moment (Lua marks an object only when its metatable has
-- __gc then), and the object gets a sentinel of the kernel's instead, held
-- by an ephemeron table: the sentinel becomes garbage with the object, and
-- its own finalizer (kernel code, one append) queues it.  The script's
-- finalizers run at safe points, in the script's call and under its limits:
-- after collectgarbage("collect"/"step"), before the next object is given a
-- finalizer, and when the program ends (S.close_program: then for every
-- object still alive too, newest first, as lua_close does).  The finalizer is
-- the object's __gc when it runs, as in Lua; its errors are dropped (Lua
-- makes them warnings), limits and os.exit are not.  (LuaJIT never calls a
-- table's __gc: there setmetatable is left as it is.)
if sandbox and not rawget(_G, "jit") then
  local sentinels = setmetatable({}, { __mode = "k" })  -- object -> sentinel
  local queue, head, queued, marks = {}, 1, 0, 0
  local SENTINEL = { __gc = function(s)
    queued = queued + 1
    queue[queued] = s
  end }

  local function run_finalizer(s)
    if s[3] then return end
    s[3] = true
    local obj = s[1]
    if sentinels[obj] == s then sentinels[obj] = nil end
    local mt = debug_getmetatable(obj)
    local gc = mt and rawget(mt, "__gc")
    if gc == nil then return end
    -- in a coroutine of its own (with the hook, as every coroutine): a
    -- finalizer cannot yield in Lua, so one that yields is closed there
    local co = arm(co_create(function(o) return gc(o) end))
    rethrow(co_resume(co, obj))
    if co_status(co) == "suspended" then co_close(co) end
  end

  local function drain()
    while head <= queued do
      local s = queue[head]
      queue[head] = nil
      head = head + 1
      run_finalizer(s)
    end
    head, queued = 1, 0
  end
  -- Not again from inside a finalizer (one that gives an object a finalizer),
  -- so they run in the order Lua would run them.
  local draining = false
  local function run_queued()
    if draining then return end
    draining = true
    local ok, e = pcall(drain)
    draining = false
    rethrow(ok, e)
    if not ok then error(e, 0) end
  end
  S.run_finalizers = run_queued

  finalized = function(t, mt, gc)
    if head <= queued then run_queued() end
    rawset(mt, "__gc", nil)
    setmetatable(t, mt)
    rawset(mt, "__gc", gc)
    if sentinels[t] == nil then
      marks = marks + 1
      sentinels[t] = setmetatable({ t, marks }, SENTINEL)
    end
    return t
  end

  local function close_program()
    run_queued()
    local alive = {}
    for _, s in next, sentinels do alive[#alive + 1] = s end
    table_sort(alive, function(a, b) return a[2] > b[2] end)
    for i = 1, #alive do run_finalizer(alive[i]) end
    run_queued()
  end
  S.close_program = K.bind_main(close_program)
end

-- (a finalizer's call cannot change what collectgarbage returns)
gc_then_finalize = function(...)
  local run = S.run_finalizers
  if run then run() end
  return ...
end

if sandbox then
  -- Options that would let a script stop or slow the collector (or switch the
  -- shared VM to another mode) change nothing: they answer as Lua does, from
  -- settings kept here (collectgarbage("isrunning") is false after "stop");
  -- others (and invalid ones) go to collectgarbage.
  -- (the lua command starts its state in generational mode; Lua keeps the
  -- pause and step multiplier in units of 4)
  local gc_mode, gc_running, gc_pause, gc_stepmul = "generational", true, 200, 100
  local function gc_param(arg)
    local value = math_tointeger(tonumber(arg) or 0) or 0
    if value < 0 then value = 0 end
    return math_floor(value / 4) * 4
  end
  local function gc_setting(what, arg)
    local previous
    if what == "setpause" then
      previous, gc_pause = gc_pause, gc_param(arg)
    else
      previous, gc_stepmul = gc_stepmul, gc_param(arg)
    end
    return previous
  end
  local function gc_incremental(_, pause, stepmul)
    if pause and pause ~= 0 then gc_pause = gc_param(pause) end
    if stepmul and stepmul ~= 0 then gc_stepmul = gc_param(stepmul) end
    local m = gc_mode
    gc_mode = "incremental"
    return m
  end
  local GC_KEPT = {
    stop = function() gc_running = false return 0 end,
    restart = function() gc_running = true return 0 end,
    isrunning = function() return gc_running end,
    setpause = gc_setting,
    setstepmul = gc_setting,
  }
  if not rawget(_G, "jit") then  -- Lua 5.4's modes (LuaJIT has none)
    GC_KEPT.incremental = gc_incremental
    GC_KEPT.generational = function() local m = gc_mode gc_mode = "generational" return m end
  end
  base.collectgarbage = replacement("collectgarbage", function(...)
    local what = ...
    local kept = GC_KEPT[what]
    if kept then return kept(...) end
    if what == "step" and gc_mode == "generational" then
      collectgarbage(...)
      return gc_then_finalize(false)  -- a generational step never ends a cycle
    end
    if what == nil or what == "collect" or what == "step" then
      return gc_then_finalize(collectgarbage(...))
    end
    return collectgarbage(...)
  end)
else
  for k, v in next, _G do
    if base[k] == nil and type(v) == "function" then base[k] = v end
  end
  base.collectgarbage = collectgarbage
  base.pcall, base.xpcall = safe_pcall, safe_xpcall
end
base.print, base.load, base.loadstring, base.dofile, base.loadfile, base.require = nil, nil, nil, nil, nil, nil

local shared = setmetatable({}, { __metatable = false })
S.shared = shared

-- A script's metatable `mt` on its env: a global that is neither the
-- script's nor a host global nor a builtin goes to mt.__index, an assignment
-- to a new global to mt.__newindex, read from `mt` at each access as Lua
-- does.  Handlers are tail-called: error(msg, 2) in one names the script's
-- line, as when Lua calls it.
function set_env_metatable(env, mt)
  local real = env_real[env]
  env_user[env] = mt
  if mt == nil then
    real.__index, real.__newindex = shared, nil
    return env
  end
  real.__index = function(t, k)
    local v = shared[k]
    if v ~= nil then return v end
    local h = rawget(mt, "__index")
    if h == nil then return nil end
    if type(h) == "function" then return h(t, k) end
    return h[k]
  end
  real.__newindex = function(t, k, v)
    local h = rawget(mt, "__newindex")
    if h == nil then return rawset(t, k, v) end
    if type(h) == "function" then return h(t, k, v) end
    h[k] = v
  end
  return env
end

-- The source `load` was given: a string, or the pieces a reader function
-- returns (until nil or ""), as Lua's load reads them.
local function source_text(chunk, given)
  if type(chunk) == "string" then return chunk end
  if type(chunk) == "number" then return tostring(chunk) end
  if type(chunk) ~= "function" then
    error("bad argument #1 to 'load' (function expected, got "
          .. (given and type(chunk) or "no value") .. ")")
  end
  local parts, n, size = {}, 0, 0
  while true do
    local ok, piece = rethrow(pcall(chunk))
    if not ok then return nil, piece end
    if piece == nil or piece == "" then break end
    if type(piece) ~= "string" then return nil, "reader function must return a string" end
    size = size + #piece
    if max_source and size > max_source then
      error(("sandbox: load of more than %d bytes exceeds the limit"):format(max_source))
    end
    n = n + 1
    parts[n] = piece
  end
  return table_concat(parts, "", 1, n)
end

-- Lua 5.4's warn, as the lua command sets it up: off until warn("@on"),
-- then "Lua warning: ..." on stderr (through the host, as print).
local has_warn = rawget(_G, "warn") ~= nil
local function new_warn(write)
  local on = false
  return replacement("warn", function(...)
    local n = select("#", ...)
    local parts = { ... }
    for i = 1, n > 0 and n or 1 do
      local v = parts[i]
      if type(v) == "number" then
        parts[i] = tostring(v)
      elseif type(v) ~= "string" then
        error("bad argument #" .. i .. " to 'warn' (string expected, got "
              .. (i > n and "no value" or type(v)) .. ")")
      end
    end
    local text = table_concat(parts, "", 1, n)
    if n == 1 and string_sub(text, 1, 1) == "@" then  -- a control message
      if text == "@on" then on = true elseif text == "@off" then on = false end
    elseif on then
      write("Lua warning: " .. text .. "\n", true)
    end
  end)
end

-- A new environment's builtins and library copies, made by one table
-- constructor generated here from their (fixed) fields: the tables come out
-- sized for their fields at once, where filling them field by field grew and
-- rehashed each one several times (a good part of a cached load).  The
-- fields new_env adds are in it as nil, for their room.
local ADDED = { "_G", "kryon", "print", "load", "warn", "loadstring", "io", "dofile",
                "loadfile", "require", "debug", "arg" }
local function fields_of(t, from, extra)
  local parts, n = {}, 0
  for k in next, t do
    if type(k) ~= "string" then return nil end
    n = n + 1
    parts[n] = string_format("[%q]=%s[%q]", k, from, k)
  end
  for _, k in next, extra do
    if t[k] == nil then n = n + 1; parts[n] = string_format("[%q]=nil", k) end
  end
  return "{" .. table_concat(parts, ",") .. "}"
end
local function make_globals()
  local parts = { fields_of(base, "base", ADDED) }
  if not parts[1] then return nil end
  parts[1] = string_sub(parts[1], 1, -2)  -- (the libraries go in too)
  for name, lib in next, libs do
    local fields = fields_of(lib, string_format("libs[%q]", name), {})
    if not fields or type(name) ~= "string" or base[name] ~= nil then return nil end
    parts[#parts + 1] = string_format("[%q]=%s", name, fields)
  end
  local source = "local base, libs = ... return function() return "
                 .. table_concat(parts, ",") .. "} end"
  return load(source, "=[kryon]", "t", {})(base, libs)
end
local new_globals = make_globals() or function()
  local env = {}
  for k, v in next, base do env[k] = v end
  for k, lib in next, libs do env[k] = copy(lib) end
  return env
end
local SKIP = { __index = base }

-- New environment for script `name`; `write(text)` prints (a host function).
-- Returns it and what K.exports skips: the functions put in it here.
function S.new_env(name, kryon, write)
  -- the builtins are the script's own globals, as in Lua's _G (pairs(_G),
  -- rawget(_G, "pairs")); host globals are found past them
  local env = new_globals()
  local added = {}
  local function put(k, v)
    env[k] = v
    added[k] = v
  end
  env._G = env
  envs["=" .. name] = env
  env.kryon = kryon
  put("print", function(...)
    local n = select("#", ...)
    local parts = { ... }
    for i = 1, n do parts[i] = tostring(parts[i]) end
    write(table_concat(parts, "\t", 1, n) .. "\n")
  end)
  facing[env.print] = true
  local function load_text(...)
    local chunk, chunkname, mode, chunk_env = ...
    local text, failure = source_text(chunk, select("#", ...) > 0)
    if not text then return nil, failure end
    if max_source and #text > max_source then
      error(("sandbox: load of %d bytes exceeds the limit of %d"):format(#text, max_source))
    end
    if chunkname == nil then chunkname = type(chunk) == "function" and "=(load)" or text end
    -- a chunk named as another script's would pass for it (string methods),
    -- one named as the kernel's for the kernel (uncharged instructions)
    local owner = envs[chunkname]
    if owner ~= nil and owner ~= env then
      error("sandbox: load cannot name a chunk " .. chunkname .. " after another script")
    end
    if type(chunkname) == "string" and string_sub(chunkname, 1, 7) == "=[kryon" then
      error("sandbox: load cannot name a chunk " .. chunkname .. " after the kernel")
    end
    -- text only: a binary chunk meets mode "t" and Lua's own refusal
    if string_byte(text, 1) == 27 or mode == nil then mode = "t" end
    if select("#", ...) < 4 then chunk_env = env end
    return load(text, chunkname, mode, chunk_env)
  end
  put("load", replacement("load", load_text))
  if has_warn then put("warn", new_warn(write)) end
  if rawget(_G, "loadstring") then
    put("loadstring", replacement("loadstring", function(s, n) return load_text(s, n) end))
  end
  if sandbox then
    env.io = R.new_io(write)
  else
    put("dofile", dofile)
    put("loadfile", loadfile)
    put("require", require)
  end
  -- debug: the sandbox's holds only traceback; trusted scripts keep the
  -- rest of Lua's (Lua's own traceback would show the kernel's frames)
  local loaded = { _G = env }
  for k in next, libs do loaded[k] = env[k] end
  loaded.io = env.io
  local debug_lib = sandbox and {} or env.debug
  loaded.debug = debug_lib
  debug_lib.traceback = Traceback.new(loaded)
  env.debug = debug_lib
  local real = { __index = shared, __metatable = false }
  env_real[env] = real
  return setmetatable(env, real), setmetatable(added, SKIP)
end

-- A script's load in one crossing: its `kryon` table and environment, and
-- its bytecode loaded there.  Returns the environment, what K.exports skips
-- and the main chunk bound for the host to run (or nil and the loader's
-- message).  `caller` names the script to the host's callables; `arg0`, when
-- given, is `arg[0]` and `...` the rest of `arg` and the main chunk's own
-- `...` (a program run as `lua FILE ARG...` is).
local function prepare(caller, name, api, write, denied, bytecode, arg0, ...)
  local kryon, print_write = K.script_api(caller, api, write, denied)
  local env, skip = S.new_env(name, kryon, print_write)
  if arg0 ~= nil then env.arg = { [0] = arg0, ... } end
  local chunk, message = K.instantiate(bytecode, "=" .. name, env)
  if chunk == nil then return env, skip, nil, message end
  return env, skip, K.bind_main(chunk, ...), nil
end

function S.prepare(...)
  return K.unhooked(prepare, ...)
end

return S

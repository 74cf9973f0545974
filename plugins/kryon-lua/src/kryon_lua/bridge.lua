-- Host bridging, values and compiling (host-privileged, like kernel.lua).
--
-- Runs once per VM right after kernel.lua, with the full standard library,
-- and adds to K: host-function wrappers, the `kryon` table guard, opaque
-- values and FunctionRef closures, value marks, compile/instantiate and
-- exports.
--
-- Arguments: K and the kernel internals, then Python callables (never handed
-- to scripts):
--   call_ref(ref, ...) calls a host FunctionRef (a host callable, see below)
--   same(a, b)         identity/equality of two opaque host values
--   take_failure()     the last host failure: ok (false, or nil for an
--                      interrupt), error type, message
-- Host callables return their result, or K.FAILED after recording the
-- failure; they never raise into Lua.
local K, internal, call_ref, same, take_failure = ...
local S, trip, host_error = internal.S, internal.trip, internal.host_error
local LIMIT_MESSAGES, MEMORY_MESSAGE = internal.LIMIT_MESSAGES, internal.MEMORY_MESSAGE

local debug_getinfo, debug_getlocal = debug.getinfo, debug.getlocal
local string_dump, string_find = string.dump, string.find
local string_gmatch, string_sub, math_floor = string.gmatch, string.sub, math.floor
local load, setmetatable, rawget, rawequal = load, setmetatable, rawget, rawequal
local type, next, error, pcall = type, next, error, pcall
local table_concat, tostring, select = table.concat, tostring, select
local string_format = string.format
local table_pack = table.pack or function(...) return { n = select("#", ...), ... } end

-- Marks for tables the host made or must read specially (weak keys):
-- "list"/"dict" for empty containers, "null" for kryon.null, a host object for
-- opaque values, the FunctionRef for host-function closures.
local tags = setmetatable({}, { __mode = "k" })
K.tags = tags

-- The host reads a mark through this call, never by indexing `tags` from
-- Python: lupa reads an index's result from the bottom of the stack of the
-- thread its table wrapper belongs to (this main thread), and while a
-- coroutine runs that thread sits in coroutine.resume with the coroutine
-- still on its stack, which came back as an extra first value.  A call
-- empties that stack first (see kryon_lua.runtime.table_view), so every
-- resume keeps its coroutine in a Lua frame of its own too (sandbox.lua).
function K.tag_of(v) return tags[v] end

local NULL = setmetatable({}, {
  __metatable = "kryon.null",
  __newindex = function() error("kryon.null is read-only", 2) end,
  __tostring = function() return "null" end,
})
tags[NULL] = "null"
K.null = NULL


local FAILED = setmetatable({}, { __metatable = "kryon.failed" })
K.FAILED = FAILED

local function host_failure()
  local ok, kind, message = take_failure()
  if ok == nil then trip("host") end
  if rawequal(message, MEMORY_MESSAGE) then trip("memory") end
  error(host_error(kind, message), 3)
end

local function host_result(r)
  if S.tripped then error(LIMIT_MESSAGES[S.tripped], 0) end
  if rawequal(r, FAILED) then host_failure() end
  return r
end

-- lupa makes every string argument a host string before the host function
-- runs: arguments that together pass the memory limit (one big string many
-- times, table.unpack of a table of them) are refused here first.  One or
-- two cannot pass it by much (each already lives in the VM); past that the
-- host's converter charges them (kryon_lua.convert).
local function args_too_big(n, ...)
  local limit = S.mem_kb
  if not limit then return false end
  local args, total = { ... }, 0
  for i = 1, n do
    local v = args[i]
    if type(v) == "string" then total = total + #v end
  end
  if total <= limit * 1024 then return false end
  return string_format("a Lua value passed to the host would take more than the "
                       .. "memory limit of %g MB as host values", limit / 1024)
end

local function checked_args(...)
  local n = select("#", ...)
  if n > 2 then
    local message = args_too_big(n, ...)
    if message then error(host_error("MemoryLimitError", message), 3) end
  end
end

-- Once a limit tripped or the script exited, the host is not called again
-- (a __close handler that runs while the stop unwinds must not print).
-- The usual call (at most two arguments, a result) makes no call of the
-- kernel's besides the host's; the others go through checked_args and
-- host_result, the latter a tail call as ever (the frames an error shows).
function K.host_function(py, caller)
  local f = function(...)
    if S.tripped then error(LIMIT_MESSAGES[S.tripped], 0) end
    if select("#", ...) > 2 then checked_args(...) end
    local r = py(caller, ...)
    if S.tripped or rawequal(r, FAILED) then return host_result(r) end
    return r
  end
  K.facing[f] = true
  return f
end

-- The `kryon` table of script `caller` and its print writer, in one
-- crossing: `api` maps API names to host callables (built once per VM).
function K.script_api(caller, api, write, denied)
  local t = {}
  for name, py in next, api do t[name] = K.host_function(py, caller) end
  t.null, t.array, t.object = NULL, K.array, K.object
  if denied then K.guard_api(t, denied) end
  return t, K.host_function(write, caller)
end

-- The `kryon` table of a script: a function the policy withholds is a
-- stand-in that raises AccessDeniedError when called, instead of a plain nil
-- (as in the other languages).  The lookup itself must not raise:
-- pcall(kryon.call, "f") evaluates kryon.call before pcall runs, and could
-- not catch it.  `denied(name)` is a host callable returning the refusal
-- message, or nil when no such function exists.
function K.guard_api(api, denied)
  local stand_ins = {}
  return setmetatable(api, {
    __metatable = false,
    __index = function(_, key)
      if type(key) ~= "string" then return nil end
      local stand_in = stand_ins[key]
      if stand_in == nil then
        local message = denied(key)
        if not message then return nil end
        stand_in = function() error(host_error("AccessDeniedError", message), 2) end
        stand_ins[key] = stand_in
      end
      return stand_in
    end,
  })
end

local OPAQUE = {
  __metatable = "kryon.opaque",
  __index = function() error("opaque host value", 2) end,
  __newindex = function() error("opaque host value", 2) end,
  __tostring = function() return "kryon.opaque" end,
  __eq = function(a, b) return same(tags[a], tags[b]) end,
}

function K.opaque(obj)
  local p = setmetatable({}, OPAQUE)
  tags[p] = obj
  return p
end

function K.ref(obj)
  local f = function(...)
    if S.tripped then error(LIMIT_MESSAGES[S.tripped], 0) end
    if select("#", ...) > 2 then checked_args(...) end
    local r = call_ref(obj, ...)
    if S.tripped or rawequal(r, FAILED) then return host_result(r) end
    return r
  end
  tags[f] = obj
  K.facing[f] = true
  return f
end

function K.mark(t, kind)
  tags[t] = kind
  return t
end

-- kryon.array(t) / kryon.object(t): say what an empty table means.
function K.array(t)
  if t == nil then t = {} end
  if type(t) ~= "table" then error("kryon.array expects a table", 2) end
  tags[t] = "list"
  return t
end

function K.object(t)
  if t == nil then t = {} end
  if type(t) ~= "table" then error("kryon.object expects a table", 2) end
  tags[t] = "dict"
  return t
end
K.facing[K.array], K.facing[K.object] = true, true

-- Is `t` part of a cycle reachable from itself? (raw traversal)
function K.has_cycle(root)
  local active = {}
  local function visit(t)
    if active[t] then return true end
    active[t] = true
    for _, v in next, t do
      if type(v) == "table" and visit(v) then return true end
    end
    active[t] = nil
    return false
  end
  return visit(root)
end

-- Compiling and loading -------------------------------------------------------

-- The parser raises some errors ("C stack overflow" on deeply nested source)
-- through the message handler of the call it runs in: lupa's, which appends
-- a traceback of the host's frames.  Under pcall there is none, and the
-- message reads as the lua command prints it.
local function load_bare(chunk, chunkname, mode, env)
  local _, f, err = pcall(load, chunk, chunkname, mode, env)
  return f, err
end

-- The parser's "C stack overflow" (source nested too deep) has no position:
-- it stopped on the first line whose prefix of the source overflows too (it
-- reads in order), found by bisecting over line ends.
local function with_overflow_line(source, chunkname, err)
  if err ~= "C stack overflow" then return err end
  local ends, n = {}, 0
  for pos in string_gmatch(source, "()\n") do n = n + 1; ends[n] = pos end
  n = n + 1
  ends[n] = #source
  local lo, hi = 1, n
  while lo < hi do
    local mid = math_floor((lo + hi) / 2)  -- (LuaJIT has no //)
    local _, e = load_bare(string_sub(source, 1, ends[mid]), chunkname, "t", {})
    if e == err then hi = mid else lo = mid + 1 end
  end
  local name = string_sub(chunkname, 1, 1) == "=" and string_sub(chunkname, 2) or chunkname
  return name .. ":" .. lo .. ": " .. err
end

function K.compile(source, chunkname)
  local f, err = load_bare(source, chunkname, "t", {})
  if not f then return nil, with_overflow_line(source, chunkname, err) end
  return string_dump(f), nil
end

function K.load_text(source, chunkname, env)
  return load_bare(source, chunkname, "t", env)
end

function K.instantiate(bytecode, chunkname, env)
  return load_bare(bytecode, chunkname, "b", env)
end

-- What a script exports: its env's own functions (not the injected ones)
-- plus the function fields of a table its chunk returned.  Returns the table
-- name -> function and, for the host in one crossing, the names one a line;
-- K.describe tells about one of them when the host first asks.  Only names
-- that are identifiers are exported: all of them are checked in one look at
-- the joined names, and one by one only when that finds one that is not.
local function exports(env, ret, skip)
  local out, names, n = {}, {}, 0
  if type(ret) == "table" then
    for k, v in next, ret do
      if type(v) == "function" and type(k) == "string" then
        out[k] = v
        n = n + 1
        names[n] = k
      end
    end
  end
  for k, v in next, env do
    -- (skip holds functions and strings only: its `~=` runs no __eq, and
    -- passes over the builtins, most of an env, without a call)
    if skip[k] ~= v and type(v) == "function" and type(k) == "string" then
      if out[k] == nil then
        n = n + 1
        names[n] = k
      end
      out[k] = v
    end
  end
  local joined = table_concat(names, "\n")
  if n > 0 and (string_find(joined, "[^%w_\n]")
                or string_find("\n" .. joined .. "\n", "\n[%d\n]")) then
    n = 0
    for i = 1, #names do
      local k = names[i]
      if string_find(k, "^[%a_][%w_]*$") then
        n = n + 1
        names[n] = k
      else
        out[k] = nil
      end
    end
    joined = table_concat(names, "\n", 1, n)
  end
  return out, joined
end

function K.exports(env, ret, skip)
  return K.unhooked(exports, env, ret, skip)
end

-- The export `name` in one line: "nparams<TAB>vararg(0/1)<TAB>line defined<TAB>param,names".
function K.describe(exports, name)
  local f = rawget(exports, name)
  local info = debug_getinfo(f, "Su")
  local nparams = info.nparams or 0
  local names = {}
  for i = 1, nparams do names[i] = debug_getlocal(f, i) or ("arg" .. i) end
  return nparams .. "\t" .. (info.isvararg and "1" or "0") .. "\t" .. info.linedefined
         .. "\t" .. table_concat(names, ",")
end

-- kryon repl: a snippet's results as the lua command's REPL prints them
-- (tostring, separated by tabs); nil when there are none.
function K.shown(chunk)
  return function()
    local r = table_pack(chunk())
    if r.n == 0 then return nil end
    for i = 1, r.n do r[i] = tostring(r[i]) end
    return table_concat(r, "\t", 1, r.n)
  end
end

-- Bind the export `name` (see K.bind).
function K.bind_export(exports, name, nparams, vararg)
  return K.bind(rawget(exports, name), nparams, vararg)
end

function K.function_info(f)
  local info = debug_getinfo(f, "Su")
  local names = {}
  for i = 1, info.nparams or 0 do names[i] = debug_getlocal(f, i) or ("arg" .. i) end
  return info.nparams or 0, info.isvararg and true or false, info.linedefined, names,
         info.source
end

return K

-- debug.traceback for scripts: the sandbox's whole `debug` table.
--
-- Runs once per VM after library.lua, with the full standard library, and
-- returns T for sandbox.lua:
--   T.new(loaded)  a traceback function for one script; `loaded` stands for
--                  Lua's package.loaded ({_G = env, string = ..., ...}): the
--                  tables searched for a function's global name
--
-- The trace reads as Lua 5.4's luaL_traceback, over the frames the script
-- would see under the lua command: its own Lua frames, and the C functions
-- it called.  Kernel frames are left out: a sandbox function that stands for
-- a C function (string.gsub, pcall, print: registered in K.facing or the
-- library's `replaced`) shows as that C function when a script called it,
-- and everything it runs itself (C calls, message handlers, the matcher) is
-- hidden.  A script entered from the host (a trampoline, or the bottom of
-- a main chunk's coroutine) ends with "[C]: in ?", as a chunk run by the lua
-- command does.  No function value of any frame is ever returned, and
-- nothing of the script runs (no __tostring: a non-string message comes
-- back untouched).
--
-- On Lua 5.4 the traceback is a C function (see T.new).  On LuaJIT, whose
-- coroutine.running() has no main thread to give, it is a Lua function:
-- a tail call to it (`return debug.traceback(e)`) loses its caller's frame.
--
-- Cost: two walks over the stack (count, then describe) plus, for each of
-- the at most 22 lines shown, a search of the script's library tables and
-- globals (as Lua's own does).  It is the script's work: the hook counts it
-- and every limit stops it.
local K, R = ...

local debug_getinfo = debug.getinfo
local type, select, error, pcall, next, rawequal = type, select, error, pcall, next, rawequal
local tonumber = tonumber
local math_tointeger = math.tointeger
local math_floor = math.floor
local table_concat, table_sort = table.concat, table.sort
local debug_setupvalue = debug.setupvalue
local co_running, co_status, co_create, co_yield =
  coroutine.running, coroutine.status, coroutine.create, coroutine.yield
local facing, replaced = K.facing, R.replaced
local is_entry, roots, threads, main_thread = K.is_entry, K.roots, K.threads, K.main_thread
local arm, quiet, deepen = K.arm, K.quiet, K.deepen
local co_wrap, debug_getupvalue = coroutine.wrap, debug.getupvalue

local is_kernel_source = K.is_kernel_source
-- LuaJIT has no "t" (tail calls) option
local WHAT = pcall(debug_getinfo, 1, "t") and "Slnft" or "Slnf"
-- Lua 5.4's LEVELS1 and LEVELS2: past 22 levels, the first 10 and the last 11
local FIRST, LAST = 10, 11
-- Frames of a Lua traceback's own, passed over by the recursion probe (see
-- K.deepen): Lua's is one C function.
local OWN_DEPTH = 8

local T = {}

-- What a frame is: "script", "c" (a C function), "facing" (a kernel
-- function standing for a C function), "kernel" (hidden), or "entry" (the
-- host entered the script here).
local function kind_of(info)
  local f = info.func
  if is_entry(f) then return "entry" end
  if info.what == "C" then return "c" end
  if is_kernel_source(info.source) then
    if facing[f] or replaced[f] then return "facing" end
    return "kernel"
  end
  return "script"
end

-- Whether a frame of kind `kind`, called from a frame of kind `outer` (nil
-- at the bottom of its thread), is one the script sees.
local function shown(kind, outer)
  if kind == "script" then return true end
  if kind == "c" or kind == "facing" then return outer == "script" or outer == nil end
  return false
end

-- Lua's global name of `f` ("string.rep", or "print" for "_G.print").
local function global_name(loaded, order, f)
  for i = 1, #order do
    local key = order[i]
    local lib = loaded[key]
    if rawequal(lib, f) then return key end
    if type(lib) == "table" then
      for k, v in next, lib do
        if rawequal(v, f) and type(k) == "string" then
          if key == "_G" then return k end
          return key .. "." .. k
        end
      end
    end
  end
  return nil
end

-- One line of the trace, as luaL_traceback writes it.
local function describe(info, kind, outer, loaded, order)
  local name = global_name(loaded, order, info.func)
  local text
  if kind == "script" then
    local line = info.currentline
    text = info.short_src .. (line and line > 0 and (":" .. line) or "") .. ": in "
  else
    text = "[C]: in "
  end
  if name then
    text = text .. "function '" .. name .. "'"
  elseif info.namewhat ~= "" and info.name and (outer == "script" or outer == "c") then
    -- (a name from a kernel caller's code would be the kernel's)
    text = text .. info.namewhat .. " '" .. info.name .. "'"
  elseif kind == "script" and info.what == "main" then
    text = text .. "main chunk"
  elseif kind == "script" then
    text = text .. "function <" .. info.short_src .. ":" .. info.linedefined .. ">"
  else
    text = text .. "?"
  end
  if info.istailcall and kind == "script" then text = text .. "\n\t(...tail calls...)" end
  return text
end

local ENTRY_LINE = "[C]: in ?"

-- The level of the frame running `own` in thread `co` (nil: the running
-- thread, levels as seen from the caller of level_in).
local function level_in(co, own)
  local level = co and 0 or 2
  while true do
    local info
    if co then info = debug_getinfo(co, level, "f") else info = debug_getinfo(level, "f") end
    if not info then return nil end
    if rawequal(info.func, own) then return co and level or level - 1 end
    level = level + 1
  end
end

-- The visible lines of thread `co` (nil: the running thread) numbered from
-- 0 (from the frame running `own`, when given: line 0, the traceback
-- itself): with `lines`, those numbered from `from` up to below `head`, and
-- from `tail` on, go into lines[number]; returns the count.
local function walk(co, own, lines, from, head, tail, loaded, order)
  local level = co and 0 or 1
  if own then
    level = level_in(co, own)
    if not level then return 0 end
  end
  local forced = own ~= nil
  local n = 0
  local info
  if co then info = debug_getinfo(co, level, WHAT) else info = debug_getinfo(level, WHAT) end
  local kind = info and kind_of(info)
  while info do
    if kind == "entry" and not forced then
      if lines and n >= from and (n < head or n >= tail) then lines[n] = ENTRY_LINE end
      return n + 1
    end
    local outer_info
    if co then
      outer_info = debug_getinfo(co, level + 1, WHAT)
    else
      outer_info = debug_getinfo(level + 1, WHAT)
    end
    local outer = outer_info and kind_of(outer_info)
    if forced or shown(kind, outer) then
      if lines and n >= from and (n < head or n >= tail) then
        lines[n] = describe(info, forced and "c" or kind, outer, loaded, order)
      end
      n = n + 1
      forced = false
    end
    info, kind, level = outer_info, outer, level + 1
  end
  -- the bottom of a main chunk's coroutine: the host ran the chunk
  if roots[co or co_running()] then
    if lines and n >= from and (n < head or n >= tail) then lines[n] = ENTRY_LINE end
    n = n + 1
  end
  return n
end

-- luaL_optinteger's reading of the level; nil and a message when refused.
local function level_of(v, default)
  if v == nil then return default end
  local n = v
  if type(v) == "string" then n = tonumber(v) end
  if type(n) ~= "number" then
    return nil, "number expected, got " .. type(v)
  end
  local i
  if math_tointeger then i = math_tointeger(n) else i = n == math_floor(n) and n or nil end
  if i == nil then return nil, "number has no integer representation" end
  return i
end

-- Whether thread `co` is the one that called `wrapper` (it waits in it).
local function calls(co, wrapper)
  if co_status(co) ~= "normal" then return false end
  local info = debug_getinfo(co, 0, "f")
  return info ~= nil and rawequal(info.func, wrapper)
end

-- The thread that called `wrapper`: the main thread or one the kernel
-- armed (every thread a script runs in).  Only one can wait in it.
local function caller_of(wrapper)
  if calls(main_thread, wrapper) then return main_thread end
  for co in next, threads do
    if calls(co, wrapper) then return co end
  end
  return nil
end

-- Lua's bad-argument error, as luaL_argerror words it: the name the script
-- called the traceback by, and the caller's position (the wrapper, a C
-- function, adds it itself, as luaL_where would).
local function bad_argument(state, co, own, arg, problem)
  local level = level_in(co, own)
  local info, at
  if co then
    info = debug_getinfo(co, level, "nf")
  else
    info, at = debug_getinfo(level, "nf"), debug_getinfo(level + 1, "Sl")
  end
  local name = info.name
  if info.namewhat == "method" then arg = arg - 1 end
  if not name then name = global_name(state.loaded, state.order, info.func) or "?" end
  local text
  if arg == 0 then
    text = "calling '" .. name .. "' on bad self (" .. problem .. ")"
  else
    text = "bad argument #" .. arg .. " to '" .. name .. "' (" .. problem .. ")"
  end
  if at and at.currentline and at.currentline > 0 then
    text = at.short_src .. ":" .. at.currentline .. ": " .. text
  end
  error(text, 0)
end

local function build(state, ...)
  local loaded, order = state.loaded, state.order
  -- the thread that called the traceback, and the function it called
  local caller, own
  if state.wrapper then
    if not state.spare then state.spare = arm(co_create(state.serve)) end
    caller, own = caller_of(state.wrapper), state.wrapper
    if not caller then error("debug.traceback: caller not found", 0) end
  else
    caller, own = co_running(), state.traceback
  end
  -- where bad arguments are told: the call of the traceback
  local site = state.wrapper and caller
  local thread, arg = caller, 0
  if type((...)) == "thread" then thread, arg = ..., 1 end
  local message, level = select(arg + 1, ...)
  if type(message) == "number" then message = message .. "" end
  if message ~= nil and type(message) ~= "string" then return message end
  local same = rawequal(thread, caller)
  -- (a Lua traceback walks its own thread as the running one)
  local co = thread
  if same and not state.wrapper then co = nil end
  if not same then own = nil end
  local problem
  level, problem = level_of(level, same and 1 or 0)
  if problem then bad_argument(state, site, state.wrapper or state.traceback, arg + 2, problem) end
  local head = message and { message, "\nstack traceback:" } or { "stack traceback:" }
  if level < 0 then return table_concat(head) end
  local total = walk(co, own, nil, 0, 0, 0)
  local count = total - level
  local lines = {}
  if count > FIRST + LAST + 1 then
    walk(co, own, lines, level, level + FIRST, total - LAST, loaded, order)
    for i = level, level + FIRST - 1 do head[#head + 1] = "\n\t" .. lines[i] end
    head[#head + 1] = "\n\t...\t(skipping " .. (count - FIRST - LAST - 1) .. " levels)"
    for i = total - LAST, total - 1 do head[#head + 1] = "\n\t" .. lines[i] end
  elseif count > 0 then
    walk(co, own, lines, level, total, total, loaded, order)
    for i = level, total - 1 do head[#head + 1] = "\n\t" .. lines[i] end
  end
  return table_concat(head)
end

-- Library tables first (Lua searches package.loaded, in no set order), the
-- script's globals last.
local function search_order(loaded)
  local order = {}
  for key in next, loaded do
    if key ~= "_G" and type(key) == "string" then order[#order + 1] = key end
  end
  table_sort(order)
  order[#order + 1] = "_G"
  return order
end

-- coroutine.wrap(f), its coroutine armed with the hook.
local function co_wrap_armed(f)
  local wrapper = co_wrap(f)
  local _, co = debug_getupvalue(wrapper, 1)
  arm(co)
  return wrapper
end

-- On Lua 5.4 the traceback is a C function (coroutine.wrap's) that resumes
-- a coroutine of the kernel's, where `build` runs: a Lua function would
-- lose its caller's frame to a tail call (`return debug.traceback(e)`) and
-- count against the script's recursion.  An error kills the coroutine: the
-- wrapper is given a spare first (the one that failed stays referenced
-- until the next failure: it still runs while the error unwinds).  The
-- hook never raises in `serve`'s own code (K.quiet), only in build's.
local function new_wrapped(state)
  local function serve(...)
    local ok, r = pcall(build, state, ...)
    if not ok then
      local spare = state.spare
      if spare then
        state.retired, state.spare = co_running(), nil
        debug_setupvalue(state.wrapper, 1, spare)
      end
      error(r, 0)
    end
    return serve(co_yield(r))
  end
  quiet(serve)
  state.serve = serve
  state.wrapper = co_wrap_armed(serve)
  return state.wrapper
end

-- LuaJIT's: a Lua function, its own frames passed over by the recursion
-- probe (restored whatever happens: the hook never raises in its own code).
local function new_plain(state)
  local function traceback(...)
    deepen(OWN_DEPTH)
    local ok, r = pcall(build, state, ...)
    deepen(-OWN_DEPTH)
    if not ok then error(r, 0) end
    return r
  end
  quiet(traceback)
  replaced[traceback] = "debug.traceback"
  state.traceback = traceback
  return traceback
end

local shared_order = nil  -- every script's `loaded` has the same keys

function T.new(loaded)
  shared_order = shared_order or search_order(loaded)
  local state = { loaded = loaded, order = shared_order }
  if main_thread then return new_wrapped(state) end
  return new_plain(state)
end

return T

-- The host-privileged side of a Kryon Lua VM.
--
-- This chunk runs once per VM, before the sandbox is built, with the full
-- standard library.  It keeps what it needs (debug, load, ...) in locals that
-- no script can reach, and returns the table K that the Python engine drives
-- (limits and hooks, the call trampolines, tracebacks, breakpoints, memory),
-- plus the internals bridge.lua builds on.  bridge.lua then adds host
-- bridging, values and compiling to K.
--
-- Arguments (Python callables, never handed to scripts):
--   clock()            monotonic seconds
--   poll()             does nothing; entering Python runs its pending signal
--                      handlers, so Ctrl-C raises KeyboardInterrupt there
--   interrupted(exc)   records the exception poll raised, for the engine
local clock, poll, interrupted = ...

local debug_sethook, debug_getinfo, debug_getlocal = debug.sethook, debug.getinfo, debug.getlocal
local debug_getmetatable = debug.getmetatable
local debug_getupvalue, debug_setupvalue = debug.getupvalue, debug.setupvalue
local string_sub, string_find, string_gsub, string_match =
  string.sub, string.find, string.gsub, string.match
local table_concat = table.concat
local load, setmetatable, rawget, rawequal = load, setmetatable, rawget, rawequal
local type, next, select, error, tostring = type, next, select, error, tostring
local pcall, xpcall, collectgarbage = pcall, xpcall, collectgarbage
local math_floor = math.floor
local pack = table.pack or function(...) return { n = select("#", ...), ... } end
local unpack = table.unpack or unpack

local K = {}
local KERNEL_SOURCE = debug_getinfo(1, "S").source
local TRAMPOLINE_SOURCE = "=[kryon trampoline]"

-- Whether code of chunk `source` is the kernel's: every chunk of the VM's own
-- is named so, and no script may load one under these names (sandbox.lua).
local function is_kernel_source(source)
  return source == KERNEL_SOURCE or source == TRAMPOLINE_SOURCE
end
K.is_kernel_source = is_kernel_source

-- Limits ------------------------------------------------------------------

-- Lua's own out-of-memory message.  Raising this very string is a memory
-- error in Lua 5.4 (lua_error turns it into LUA_ERRMEM, which skips message
-- handlers, so no traceback or line): the memory limit has its own text.
local MEMORY_MESSAGE = "not enough memory"
local LIMIT_MESSAGES = {
  instructions = "instruction limit exceeded",
  time = "time limit exceeded",
  recursion = "recursion limit exceeded",
  memory = "memory limit exceeded",
  host = "interrupted by the host",
  exit = "the script ended the program",
}

local max_fires, time_limit, depth_probe = nil, nil, nil
-- Frames the recursion probe passes over: the kernel's own Lua pattern
-- matcher (patterns.lua) recurses where the C matcher it stands for uses no
-- Lua frames at all (see K.deepen).
local depth_extra = 0
local step, clock_every = 1000, 1
-- The host is polled about every POLL_INSTRUCTIONS, limits or not, so Ctrl-C
-- stops even `while true do end` under a policy without limits.
local POLL_INSTRUCTIONS = 1000000
local poll_every = nil
-- Per-call state, shared with the generated trampolines: hook firings so
-- far charged to the script (and, never reset, all firings), start time, the
-- limit that tripped, nesting of host calls, the function the outermost call
-- entered, and the memory limit in KiB.
local S = {
  fires = 0, ticks = 0, started = nil, tripped = nil, nest = 0, entry = nil, mem_kb = nil,
}
local hook_mask, hook_count, hook_on = "", 0, false
local lines = {}          -- [line] = { [source] = breakpoint id }
local on_break = nil      -- breakpoint callback (kernel-side, see K.set_breakpoint_handler)

local collect_frames  -- (below)
local co_running = coroutine.running

-- Script frames as collect_frames (level relative to the caller), with the
-- hook quiet meanwhile: the kernel's own bounded walk is not the script's
-- work, and a tripped limit raised inside it would lose the report.
local function frames_quietly(level, co)
  local was = S.handling
  S.handling = true
  local ok, frames = pcall(collect_frames, co and level or level + 2, co)
  S.handling = was
  return ok and frames or { n = 0 }
end

-- The first trip of a call records where the script was: the error then
-- unwinds through pcalls and coroutine resumes that re-raise it elsewhere.
local function record_trip(kind)
  S.trip_frames = frames_quietly(2)
  S.trip_thread = co_running()
  S.tripped = kind
end

local function trip(kind)
  if not S.tripped then record_trip(kind) end
  error(LIMIT_MESSAGES[S.tripped], 0)
end

-- The trampolines' own functions (below).  Known by identity, not by chunk
-- name: a script may name a chunk it loads anything.
local in_trampoline = setmetatable({}, { __mode = "k" })

-- Where the host entered a script (a trampoline, a main chunk's start):
-- a script's traceback ends there (see traceback.lua).
function K.is_entry(f)
  return in_trampoline[f] == true
end

-- The hook never raises a limit in f's own code (it only records it): for
-- kernel code that must finish what it does (see traceback.lua).
function K.quiet(f)
  in_trampoline[f] = true
end

-- Kernel functions that scripts call in place of a C function (print,
-- coroutine.yield, host functions, ...): a script's traceback shows them as
-- that C function (see traceback.lua).  The library's replacements are
-- known by its own `replaced`.
K.facing = setmetatable({}, { __mode = "k" })

-- Raising from the hook while a trampoline runs outside its xpcall would
-- escape to the host: there, only set the flag; the next hook in other code,
-- or the trampoline's own check, acts on it.
-- (Level 3 is the interrupted function: 1 is this, 2 the hook.)
local function hook_trip(kind)
  if not S.tripped then record_trip(kind) end
  local info = debug_getinfo(3, "f")
  if info and in_trampoline[info.func] then return end
  error(LIMIT_MESSAGES[S.tripped], 0)
end

local jitter, half_step = 1, 500  -- (half_step: set by K.configure)
local SAMPLE_EVERY, KERNEL_SHARE, JITTER_EVERY = 8, 8, 16
local KERNEL_CHARGE = SAMPLE_EVERY / KERNEL_SHARE  -- a sample that lands in the kernel
local until_sample, until_jitter = SAMPLE_EVERY, JITTER_EVERY
-- [function] = whether it is the kernel's (its chunk is), memoised
local in_kernel = setmetatable({}, { __mode = "k", __index = function(known, f)
  local mine = is_kernel_source(debug_getinfo(f, "S").source)
  known[f] = mine
  return mine
end })

local function hook(event, line)
  if event == "line" then
    local here = lines[line]
    if here and on_break then
      local source = debug_getinfo(2, "S").source
      local id = here[source]
      if id then on_break(id, source, line) end
    end
    return
  end
  if S.nest == 0 or S.handling then return end
  if S.tripped then hook_trip(S.tripped) return end
  S.ticks = S.ticks + 1
  -- The instruction budget is the script's: Lua's C functions cost a script
  -- none, while the kernel's Lua stand-ins for them (the sandbox's wrappers,
  -- the pattern matcher, sort's comparator) take 10 to 100 times the
  -- instructions of the script's call.  Firings fall on code in proportion to
  -- the instructions it runs, so every SAMPLE_EVERY-th one looks at where it
  -- landed: the script's code is charged in full, the kernel's at a fraction
  -- (KERNEL_SHARE), enough that work done for the script still ends within a
  -- few budgets when a policy sets no time limit.  The period varies around
  -- `step` (same mean; changed every JITTER_EVERY firings): with a fixed one,
  -- a loop whose length shares a factor with it would be sampled at the same
  -- few places every time, and could keep its own code out of every sample.
  if max_fires then
    until_sample = until_sample - 1
    if until_sample == 0 then
      until_sample = SAMPLE_EVERY
      if in_kernel[debug_getinfo(2, "f").func] then
        S.fires = S.fires + KERNEL_CHARGE
      else
        S.fires = S.fires + SAMPLE_EVERY
      end
      if S.fires > max_fires then hook_trip("instructions") return end
    end
    until_jitter = until_jitter - 1
    if until_jitter == 0 then
      until_jitter = JITTER_EVERY
      jitter = (jitter * 69069 + 1) % 4294967296  -- exact in doubles too (LuaJIT)
      debug_sethook(hook, hook_mask, half_step + math_floor(jitter / 65536) % step)
    end
  end
  local ticks = S.ticks
  if poll_every and ticks % poll_every == 0 then
    local ok, exc = pcall(poll)
    if not ok then interrupted(exc) hook_trip("host") return end
  end
  if depth_probe and debug_getinfo(depth_probe + depth_extra, "") then
    hook_trip("recursion") return
  end
  -- Stop scripts at the policy's limit, below lupa's hard cap: the headroom
  -- keeps the host's own (unprotected) pushes from failing.
  -- A full collection at the limit; stop when live data still fills 90% of
  -- it (so a script near its limit does not pay a full GC every few steps).
  if S.mem_kb and collectgarbage("count") > S.mem_kb then
    collectgarbage("collect")
    if collectgarbage("count") > 0.9 * S.mem_kb then hook_trip("memory") return end
  end
  if time_limit then
    if ticks % clock_every == 0 then
      local now = clock()
      if not S.started then
        S.started = now
      elseif now - S.started > time_limit then
        hook_trip("time") return
      end
    end
  end
end

-- The time limit's clock starts at the first hook of a call (reading the
-- clock on every call would cost more than the call); sandbox helpers that
-- are about to spend long in one C call start it themselves.
function K.start_clock()
  if S.nest > 0 and not S.started and time_limit then S.started = clock() end
end

-- K.deepen(n): n more frames pass the recursion probe, until K.deepen(-n);
-- returns the allowance before.
function K.deepen(n)
  local was = depth_extra
  depth_extra = was + n
  return was
end

-- Every thread the sandbox creates gets the same hook (hooks are per thread).
-- They are known (weakly), as is the main thread: a script runs in one of
-- them (see traceback.lua).
local threads = setmetatable({}, { __mode = "k" })
K.threads, K.main_thread = threads, co_running()
local function arm(co)
  if hook_on then debug_sethook(co, hook, hook_mask, hook_count) end
  threads[co] = true
  return co
end
K.arm = arm

local function rearm()
  hook_on = hook_count > 0 or hook_mask ~= ""
  if hook_on then debug_sethook(hook, hook_mask, hook_count) else debug_sethook() end
end

-- K.unhooked(f, ...): f(...) with the hook off, for the kernel's own work
-- for the host that runs none of a script's code (a script's environment
-- made, its bytecode loaded, its exports read).  With no script running the
-- hook only returns, yet entering it every few hundred instructions was a
-- fifth of that work.  Inside a script's call (a host function loading a
-- script) the hook stays as it is.
local function rehooked(ok, ...)
  if hook_on then debug_sethook(hook, hook_mask, hook_count) end
  if not ok then error((...), 0) end
  return ...
end

function K.unhooked(f, ...)
  if not hook_on or S.nest > 0 then return f(...) end
  debug_sethook()
  return rehooked(pcall(f, ...))
end

-- limits: {instructions=, time=seconds, depth=, step=, clock_every=}
function K.configure(limits)
  max_fires = limits.instructions and math_floor(limits.instructions / (limits.step or 1000))
  time_limit = limits.time
  depth_probe = limits.depth and (limits.depth + 3) or nil
  S.mem_kb = limits.memory and limits.memory / 1024 or nil
  step = limits.step or 1000
  half_step = math.max(1, math_floor(step / 2))
  clock_every = limits.clock_every or 1
  hook_count = (max_fires or time_limit or depth_probe or S.mem_kb) and step or 0
  if limits.poll then
    if hook_count == 0 then hook_count = POLL_INSTRUCTIONS end
    poll_every = math.max(1, math_floor(POLL_INSTRUCTIONS / hook_count))
  else
    poll_every = nil
  end
  rearm()
end

function K.set_line_hook(on)
  hook_mask = on and "l" or ""
  rearm()
end

-- After a limit trips, code that catches errors (pcall, coroutine.resume)
-- re-raises at once, so the limit unwinds to the trampoline.
local function rethrow(ok, ...)
  if S.tripped then error(LIMIT_MESSAGES[S.tripped], 0) end
  if not ok and rawequal((...), MEMORY_MESSAGE) then trip("memory") end
  return ok, ...
end
K.rethrow = rethrow

function K.is_tripped()
  return S.tripped ~= nil
end

-- A request that would exceed the memory limit in one C call (string.rep).
function K.trip_memory()
  trip("memory")
end

-- os.exit: the script ends the program.  An exit is a trip like a limit's,
-- so nothing the script runs can catch it (pcall, xpcall, coroutines and
-- __close handlers re-raise it, host functions refuse to run) and it
-- unwinds to the trampoline, which reports it with its status (the
-- engine's ScriptExit).  A limit that tripped first stays the error.
function K.exit(status)
  if not S.tripped then S.exit_status = status end
  trip("exit")
end

-- Errors raised on behalf of the host: {type=, message=} (see bridge.lua).
local HOST_ERROR = {
  __metatable = "kryon.error",
  __tostring = function(e) return rawget(e, "type") .. ": " .. rawget(e, "message") end,
}

local function host_error(kind, message)
  return setmetatable({ type = kind, message = message }, HOST_ERROR)
end

-- Tracebacks --------------------------------------------------------------

local with_locals = false   -- debug mode: frames carry their locals

function K.set_debug(on)
  with_locals = on and true or false
end

-- Whether the frame `info` (with "S") runs a script's code: neither a C
-- function nor the kernel's.
local function is_script_frame(info)
  return info.what ~= "C" and not is_kernel_source(info.source)
end
K.is_script_frame = is_script_frame

-- Script frames from `level` (relative to the caller, as for debug.getinfo)
-- outwards, innermost first; of a very deep stack the 20 innermost and the 10
-- outermost.  With a thread `co`, its frames from its `level` (0: innermost).
-- Levels below are relative to this function (the caller's level + 1), or
-- of `co`.
function collect_frames(level, co)
  -- (not tail calls: LuaJIT would drop the helper's level)
  local function info_at(l, what)
    if co then return debug_getinfo(co, l, what) end
    local info = debug_getinfo(l + 1, what)
    return info
  end
  local function local_at(l, i)
    if co then return debug_getlocal(co, l, i) end
    local name, value = debug_getlocal(l + 1, i)
    return name, value
  end
  local first = co and level or level + 1
  local last = first
  while info_at(last * 2 + 1, "l") do last = last * 2 + 1 end
  local hi = last * 2 + 1
  while last + 1 < hi do
    local mid = math_floor((last + hi) / 2)
    if info_at(mid, "l") then last = mid else hi = mid end
  end
  -- the middle is stepped over in one go: a stack overflow leaves ~200,000
  -- levels, and this runs in a message handler the hook may not interrupt
  local frames, n, l = {}, 0, first - 1
  while l < last do
    l = l + 1
    if l - first >= 20 and last - l >= 10 then
      n = n + 1
      frames[n] = { skipped = last - 9 - l }
      l = last - 10
    else
      local info = info_at(l, "Sln")
      if info and is_script_frame(info) then
        -- a chunk loaded from a string is named by its text: keep Lua's short form
        local source = info.source
        local first = string_sub(source, 1, 1)
        if first ~= "=" and first ~= "@" then source = "=" .. info.short_src end
        local frame = { source = source, line = info.currentline, name = info.name,
                        what = info.what, defined = info.linedefined }
        if with_locals then
          local vars, i = {}, 1
          while true do
            local name, value = local_at(l, i)
            if not name then break end
            if string_sub(name, 1, 1) ~= "(" then vars[name] = value end
            i = i + 1
          end
          frame.locals = vars
        end
        n = n + 1
        frames[n] = frame
      end
    end
  end
  frames.n = n
  return frames
end

-- The error's text, and the Kryon error type when a host function raised it.
-- Other values read as the lua command shows them: numbers as text, an
-- object by its __tostring, anything else "(error object is a nil value)".
local function describe(e)
  local kind = type(e)
  if kind == "string" then return e, nil end
  if kind == "number" then return tostring(e), nil end
  local mt = debug_getmetatable(e)
  if mt == HOST_ERROR then return rawget(e, "message"), rawget(e, "type") end
  if type(mt) == "table" and rawget(mt, "__tostring") ~= nil then
    -- (as lua.c's message handler: the metamethod itself, whose result must
    -- be a string; tostring would take a number)
    local ok, text = pcall(rawget(mt, "__tostring"), e)
    if ok and type(text) == "string" then return text, nil end
  end
  return "(error object is a " .. kind .. " value)", nil
end

-- Lua's own stack overflow ("f.lua:3: stack overflow", "C stack overflow"):
-- not a script's message that mentions one, nor luaL_checkstack's
-- "stack overflow (string slice too long)", which is an ordinary error.
local function is_stack_overflow(e)
  if type(e) ~= "string" then return false end
  local text = string_match(e, "^[^\n]-:%d+: (.*)$") or e
  return text == "stack overflow" or text == "C stack overflow"
end

-- Frames `inner` (innermost first) of one thread, then `outer` of another.
local function join_frames(inner, outer)
  local out, n = {}, inner.n
  for i = 1, n do out[i] = inner[i] end
  for i = 1, outer.n do out[n + i] = outer[i] end
  out.n = n + outer.n
  return out
end

-- A limit's frames are where it tripped (see record_trip): the place it was
-- re-raised from is outside them, or further out in the same thread.
local function limit_frames(frames)
  local inner = S.trip_frames
  if not S.tripped or not inner then return frames end
  if S.trip_thread == co_running() then return inner end
  return join_frames(inner, frames)
end

-- What a failed main chunk raises (see K.bind_main): its error and the
-- frames its coroutine kept.
local ROOT_FAILURE = {}

-- The error's report (the trampolines' message handler).  Describing the
-- error may run the script's __tostring, which the hook watches as ever.
--
-- Once a limit tripped, the report is built with the hook quiet: raised
-- again in here, the limit would make Lua run this handler anew on that
-- error, and the frames gathered the first time (a main chunk's, kept by
-- its coroutine) were lost, depending on where the instruction count fell.
-- The hook never raises in this function's own code either (in_trampoline).
local function handler(e)
  local handling = S.handling
  if S.tripped then S.handling = true end
  local frames
  if type(e) == "table" and debug_getmetatable(e) == ROOT_FAILURE then
    handling = rawget(e, "handling")
    frames, e = rawget(e, "frames"), rawget(e, "error")
  else
    frames = limit_frames(frames_quietly(2))
  end
  if not S.tripped then S.handling = handling end
  local ok, text, kind = pcall(describe, e)
  if not ok then text, kind = "(error object is a " .. type(e) .. " value)", nil end
  local payload = { text = text, type = kind, frames = frames }
  if S.tripped == "exit" then payload.status = S.exit_status end
  S.handling = handling
  -- tripped last: a hook firing in this handler would raise a tripped limit
  if not S.tripped then
    if is_stack_overflow(e) then S.tripped = "recursion" end
    -- Lua's own memory error, kept by a main chunk's coroutine
    if frames and rawequal(e, MEMORY_MESSAGE) then S.tripped = "memory" end
  end
  return payload
end
in_trampoline[handler] = true

-- The trampoline ------------------------------------------------------------

-- Trampolines: K.bind(f, nparams, vararg) returns a callable that arms the
-- limits for one host call and returns f's result, or (true, packed results)
-- for several, or (false, limit kind, error).  One variant per arity keeps
-- varargs off the hot path; up to 8 results are returned (trailing nils
-- dropped).  Generated below from one template, under their own chunk name
-- (tracebacks leave them out); the hook never raises inside them (it would
-- escape past the xpcall), known by identity in `in_trampoline`.
local TRAMPOLINE = [[
local handler, xpcall, collectgarbage, state, pack, rawequal, MEMORY, is_stack_overflow = ...

-- Anything but "one result, no limit, memory fine" leaves the fast path here.
local function settle(ok, r, ...)
  if state.tripped then
    local kind = state.tripped
    if state.nest == 0 then
      state.tripped, state.trip_frames, state.trip_thread, state.root = nil, nil, nil, nil
      state.exit_status = nil
    end
    return false, kind, r
  end
  if not ok then
    if rawequal(r, MEMORY) then return false, "memory", r end
    -- no stack left for the handler (LuaJIT): Lua's bare message
    if is_stack_overflow(r) then return false, "recursion", r end
    return false, nil, r
  end
  local mem_kb = state.mem_kb
  if mem_kb and state.nest == 0 and collectgarbage("count") > mem_kb then
    collectgarbage("collect")
    if collectgarbage("count") > mem_kb then
      return false, "memory", "the scripts of this VM hold more memory than its limit"
    end
  end
  local results = pack(r, ...)
  local n = results.n
  while n > 1 and results[n] == nil do n = n - 1 end
  if n <= 1 then return r end
  results.n = n
  return true, results
end

return function(f)
  return function(PARAMS)
    if state.nest == 0 then state.fires = 0; state.started = nil; state.entry = f end
    state.nest = state.nest + 1
    local ok, r, r2, r3, r4, r5, r6, r7, r8 = xpcall(f, handler ARGS)
    state.nest = state.nest - 1
    if ok and r2 == nil and r3 == nil and r4 == nil and r5 == nil and r6 == nil and r7 == nil
        and r8 == nil and not state.tripped and (state.nest > 0 or not state.mem_kb
        or collectgarbage("count") <= state.mem_kb) then
      return r
    end
    return settle(ok, r, r2, r3, r4, r5, r6, r7, r8)
  end
end, settle
]]

local trampolines = {}
local function trampoline_factory(nparams, vararg)
  local key = vararg and "v" or nparams
  local factory = trampolines[key]
  if not factory then
    local names = {}
    for i = 1, nparams do names[i] = "a" .. i end
    local params = vararg and "..." or table_concat(names, ", ")
    local args = params == "" and "" or (", " .. params)
    local source = string_gsub(string_gsub(TRAMPOLINE, "PARAMS", params), "ARGS", args)
    local make, settle = load(source, TRAMPOLINE_SOURCE, "t")(handler, xpcall, collectgarbage,
                                                              S, pack, rawequal, MEMORY_MESSAGE,
                                                              is_stack_overflow)
    in_trampoline[settle] = true
    factory = function(f)
      local tramp = make(f)
      in_trampoline[tramp] = true
      return tramp
    end
    trampolines[key] = factory
  end
  return factory
end

-- Arguments beyond `nparams` are dropped by Lua anyway, so a fixed-arity
-- trampoline is exact for a function that is not variadic.
function K.bind(f, nparams, vararg)
  if nparams == nil then
    local info = debug_getinfo(f, "u")
    nparams, vararg = info.nparams or 0, info.isvararg
    if info.nparams == nil then vararg = true end
  end
  if nparams > 8 then nparams, vararg = 0, true end
  return trampoline_factory(nparams, vararg)(f)
end

-- Main chunks ---------------------------------------------------------------
--
-- A script's main chunk runs in a coroutine of its own (a root).  A failed
-- coroutine keeps its stack, so even Lua's memory error (LUA_ERRMEM: no
-- message handler runs) is reported with the line it happened on, as every
-- other error is.  To the script a root is the main thread (sandbox.lua's
-- coroutine.running/isyieldable/yield), as under the lua command.
local co_create, co_resume, co_status = coroutine.create, coroutine.resume, coroutine.status
local co_close = coroutine.close
local roots = setmetatable({}, { __mode = "k" })
K.roots = roots

-- The hook stays quiet while the report is built (S.handling; the handler
-- restores it): it would raise a tripped limit halfway and lose the frames.
local function root_done(co, previous, ok, ...)
  S.root = previous
  if ok then
    if S.tripped then error(LIMIT_MESSAGES[S.tripped], 0) end
    if co_status(co) == "dead" then return ... end
    error("attempt to yield from outside a coroutine", 0)
  end
  local e = ...
  local was = S.handling
  S.handling = true
  local frames = frames_quietly(0, co)
  -- pending to-be-closed variables are closed, as when an error unwinds the
  -- main chunk (the script's handlers watched as ever); a __close handler's
  -- error replaces the error
  if co_close and not S.tripped then
    S.handling = was
    local closed, final = co_close(co)
    S.handling = true
    if not closed then e = final end
  end
  if S.tripped then
    local inner = S.trip_frames
    if inner then
      frames = S.trip_thread == co and inner or join_frames(inner, frames)
    end
    e = LIMIT_MESSAGES[S.tripped]
  end
  error(setmetatable({ error = e, frames = frames, handling = was }, ROOT_FAILURE), 0)
end

local function run_root(chunk, ...)
  local co = arm(co_create(chunk))
  roots[co] = true
  local previous = S.root
  S.root = co
  return root_done(co, previous, co_resume(co, ...))
end
-- A tripped limit raised by the hook in these (between the resume's return
-- and the report) would lose the root's frames: the hook only sets the flag
-- there (the hook's own instructions count too, so where it falls moves
-- with any change to the kernel).
in_trampoline[run_root] = true
in_trampoline[root_done] = true

-- A trampoline (see K.bind) running main chunk `chunk` as a root, with the
-- program's arguments `...` as its own (`lua FILE ARG...` passes them so).
function K.bind_main(chunk, ...)
  local args = pack(...)
  return K.bind(function() return run_root(chunk, unpack(args, 1, args.n)) end, 0, false)
end

-- After unload: the trampolines of a script's functions refuse to run.
local function unloaded()
  error(host_error("FunctionNotFoundError", "the script was unloaded"), 0)
end

function K.retire(tramp)
  local i = 1
  while true do
    local name = debug_getupvalue(tramp, i)
    if name == nil then return end
    if name == "f" then debug_setupvalue(tramp, i, unloaded) return end
    i = i + 1
  end
end

-- The script stack right now, innermost first.
function K.stack()
  local frames = collect_frames(2)
  -- a main chunk runs in its own coroutine: its frames are further out
  if S.root then frames = join_frames(frames, collect_frames(0, S.root)) end
  if frames.n == 0 and S.nest > 0 then
    -- a tail call replaced the script's frame: report the function the host entered
    local info = debug_getinfo(S.entry, "S")
    frames.n = 1
    frames[1] = { source = info.source, what = info.what, defined = info.linedefined }
  end
  return frames
end

-- Locals of the function at `level` (relative to the caller of K.locals).
function K.locals_at(level)
  local out, i = {}, 1
  while true do
    local name, value = debug_getlocal(level + 1, i)
    if not name then break end
    if string_sub(name, 1, 1) ~= "(" then out[name] = value end
    i = i + 1
  end
  return out
end

-- Breakpoints -----------------------------------------------------------------

function K.set_breakpoint(source, line, id)
  local here = lines[line] or {}
  here[source] = id
  lines[line] = here
end

function K.remove_breakpoint(id)
  for _, here in next, lines do
    for source, bid in next, here do
      if bid == id then here[source] = nil end
    end
  end
end

-- The Python handler gets (id, source, line, frames) where frames carry the
-- stopped frame's locals; it returns nothing and never raises.
function K.set_breakpoint_handler(py)
  if py == nil then on_break = nil; return end
  on_break = function(id, source, line)
    local frames = collect_frames(3)
    if frames.n > 0 then frames[1].locals = K.locals_at(3) end
    py(id, source, line, frames)
  end
end

-- Memory ------------------------------------------------------------------------

function K.memory()
  return collectgarbage("count") * 1024
end

function K.collect()
  collectgarbage("collect")
  return collectgarbage("count") * 1024
end

return K, { S = S, trip = trip, host_error = host_error, LIMIT_MESSAGES = LIMIT_MESSAGES,
            MEMORY_MESSAGE = MEMORY_MESSAGE }

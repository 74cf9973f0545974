-- What scripts see of the library functions the sandbox replaces, and the
-- sandbox's io.
--
-- Runs once per VM after kernel.lua, with the full standard library, and
-- returns R for sandbox.lua:
--   R.replacement(name, f)  the function scripts call for library function
--                           `name`: f, with errors told as the C function's
--   R.as_called(text, level), R.replaced, R.typename  the same for
--                           replacements that check their own arguments
--   R.new_io(write)         a script's io table (output through `write`)
-- This chunk and sandbox.lua share the chunk name "[kryon]" (see
-- OWN_POSITION).
local K = ...

local string_gsub, string_match, string_format = string.gsub, string.match, string.format
local table_concat, setmetatable, select, type, error, tostring, tonumber, xpcall =
  table.concat, setmetatable, select, type, error, tostring, tonumber, xpcall
local math_type = math.type
local table_unpack = table.unpack or unpack
local math_floor = math.floor
local debug_getinfo = debug.getinfo
local rethrow, is_tripped, is_script_frame = K.rethrow, K.is_tripped, K.is_script_frame

local R = {}

-- Replacements fail as the library functions do ------------------------------
--
-- A replacement is a Lua function of this chunk: an error that the C function
-- it calls raises (or that it raises itself at level 1) would carry this
-- chunk's position ("[kryon]:76: ...") and the replacement's local name.
-- Scripts see what Lua shows them instead: their own line, and the name they
-- called the function by.

local OWN_SOURCE = debug_getinfo(1, "S").short_src
local OWN_POSITION = "^" .. string_gsub(OWN_SOURCE, "%p", "%%%0") .. ":%d+: (.*)$"
local replaced = setmetatable({}, { __mode = "k" })  -- [replacement] = "string.rep"
local file_methods = {}  -- [FILE* method] = its name ("read")
-- (LuaJIT's getinfo has no "t": no frame is told as a tail call there)
local CALL_INFO = pcall(debug_getinfo, 1, "t") and "nft" or "nf"

-- `text` as raised by the C function that the replacement at `level` stands
-- for (levels as for debug.getinfo, seen from the caller of as_called).
--
-- A replacement that a script tail-calls (`return t:insert(...)`) has taken
-- its caller's frame, which a C function would not: the name the call used
-- and the line are lost.  It is then told by its short name ('insert'), at
-- the line of the nearest script frame out (in `pcall(function() return
-- f() end)`, the line of the pcall).
local function as_called(text, level)
  level = level + 1
  local info = debug_getinfo(level, CALL_INFO)
  local tail = info ~= nil and info.istailcall
  local arg, detail = string_match(text, "^bad argument #(%d+) to '[^']*' (.*)$")
  if arg and info then
    local name = info.name or replaced[info.func] or "?"
    local method = info.namewhat == "method"
    if tail then
      name = string_match(name, "([^.]*)$")
      -- a file's methods are called as methods (io.stdin:read(...))
      if file_methods[info.func] then name, method = file_methods[info.func], true end
    end
    arg = tonumber(arg)
    if method then arg = arg - 1 end
    if arg == 0 then
      text = "calling '" .. name .. "' on bad self " .. detail
    else
      text = "bad argument #" .. arg .. " to '" .. name .. "' " .. detail
    end
  end
  local at = debug_getinfo(level + 1, "Sl")
  if tail then
    local out = level + 1
    while at and not is_script_frame(at) do
      out = out + 1
      at = debug_getinfo(out, "Sl")
    end
  end
  if at and at.currentline and at.currentline > 0 then
    text = at.short_src .. ":" .. at.currentline .. ": " .. text
  end
  return text
end

-- Message handler of a replacement: errors raised in this chunk are re-told
-- as the script's call; anything else (a callback's error, a limit) passes.
local function relocate(e)
  if type(e) ~= "string" or is_tripped() then return e end
  local text = string_match(e, OWN_POSITION)
  if not text then return e end
  local level = 2
  while true do
    local info = debug_getinfo(level, "f")
    if not info then return e end
    if replaced[info.func] then return as_called(text, level - 1) end
    level = level + 1
  end
end

-- A string error whose position is this chunk's ("[kryon]:38: x"): error()
-- with a level that landed on a frame of a replacement (pcall's, say), which
-- stands for the C function the script called.  Told instead at the
-- script's frame that called it: the first script frame from `level` out,
-- or past the frame running `past` when given.
local function at_script(e, level, past)
  if type(e) ~= "string" then return e end
  local text = string_match(e, OWN_POSITION)
  if not text then return e end
  level = level + 1
  while true do
    local info = debug_getinfo(level, "Slf")
    if not info then return text end
    if past then
      if info.func == past then past = nil end
    elseif info.what ~= "C" and info.short_src ~= OWN_SOURCE then
      if info.currentline > 0 then return info.short_src .. ":" .. info.currentline .. ": " .. text end
      return text
    end
    level = level + 1
  end
end

-- A limit (or running out of memory) goes on as such, through rethrow.
local function reraise(ok, ...)
  if ok then return ... end
  rethrow(ok, ...)
  error((...), 0)
end

-- The function scripts call for library function `name` ("string.rep"): `f`
-- run under `relocate`.
local function replacement(name, f)
  local function call(...) return reraise(xpcall(f, relocate, ...)) end
  replaced[call] = name
  return call
end

local function typename(n, v, ...)
  if select("#", ...) < n then return "no value" end
  return type(v)
end

-- io for the sandbox: writing to standard output and error (through the
-- host, as print does) and nothing else: no files, no input.

-- What io.write writes for its arguments (numbers as Lua's io formats them)
-- and, when one is neither a string nor a number, its index: Lua writes the
-- arguments before it, then fails.
local function write_text(...)
  local n = select("#", ...)
  local parts = { ... }
  for i = 1, n do
    local v = parts[i]
    if type(v) == "number" then
      parts[i] = string_format(math_type and math_type(v) == "integer" and "%d" or "%.14g", v)
    elseif type(v) ~= "string" then
      return table_concat(parts, "", 1, i - 1), i
    end
  end
  return table_concat(parts, "", 1, n), nil
end

local function bad_write(arg, v)
  return "bad argument #" .. arg .. " to '?' (string expected, got " .. type(v) .. ")"
end

local FILE_MT = { __name = "FILE*", __metatable = false }
FILE_MT.__index = FILE_MT
local streams = setmetatable({}, { __mode = "k" })  -- [file] = function(text)

local inputs = setmetatable({}, { __mode = "k" })  -- [file] = true: an (empty) input

function FILE_MT.write(...)
  local file = ...
  if inputs[file] then return nil, "Bad file descriptor", 9 end
  local write = streams[file]
  if not write then
    error(as_called("bad argument #1 to 'write' (FILE* expected, got "
                    .. typename(1, file, ...) .. ")", 1), 0)
  end
  local text, bad = write_text(select(2, ...))
  if text ~= "" then write(text) end
  if bad then error(as_called(bad_write(bad + 1, (select(bad + 1, ...))), 1), 0) end
  return file
end
-- a method has no global name: called without one (pcall(f.write, f, x)) it is "?"
replaced[FILE_MT.write] = "?"
file_methods[FILE_MT.write] = "write"
local function flush() return true end
FILE_MT.flush, FILE_MT.setvbuf = flush, flush
function FILE_MT.__tostring(file)
  return "file (" .. string_match(tostring(streams[file]), ": (.*)$") .. ")"
end

-- Reading: standard input is empty (end of file at once, as `lua x.lua <
-- /dev/null`): each format reads what Lua reads at the end of a file ("a"
-- an empty string, anything else fail, which ends the read); a format is
-- checked as Lua checks it when it is read.
local function bad_format(first, ...)
  for i = 1, select("#", ...) do
    local format = select(i, ...)
    local detail
    if type(format) == "number" then
      local whole = format == math_floor(format) and format > -2 ^ 63 and format < 2 ^ 63
      if not whole then detail = "number has no integer representation" end
    elseif type(format) ~= "string" then
      detail = "string expected, got " .. type(format)
    elseif not string_match(format, "^%*?[nlLa]") then
      detail = "invalid format"
    end
    if detail then return "bad argument #" .. (first + i - 1) .. " to '?' (" .. detail .. ")" end
    -- Lua checks each format as it reads: the first one that fails ends it
    if not string_match(format, "^%*?a") then return nil end
  end
  return nil
end

local function at_end_of_file(...)
  local n = select("#", ...)
  if n == 0 then return nil end
  local results = {}
  for i = 1, n do
    local format = select(i, ...)
    if type(format) ~= "string" or not string_match(format, "^%*?a") then
      return table_unpack(results, 1, i)  -- (results[i] is nil: fail)
    end
    results[i] = ""
  end
  return table_unpack(results, 1, n)
end

function FILE_MT.read(...)
  local file = ...
  if not streams[file] then
    error(as_called("bad argument #1 to 'read' (FILE* expected, got "
                    .. typename(1, file, ...) .. ")", 1), 0)
  end
  if not inputs[file] then return nil, "Bad file descriptor", 9 end
  local bad = bad_format(2, select(2, ...))
  if bad then error(as_called(bad, 1), 0) end
  return at_end_of_file(select(2, ...))
end
replaced[FILE_MT.read] = "?"
file_methods[FILE_MT.read] = "read"

function FILE_MT.lines(...)
  local file = ...
  if not inputs[file] then
    error(as_called("bad argument #1 to 'lines' (FILE* expected, got "
                    .. typename(1, file, ...) .. ")", 1), 0)
  end
  return function() return nil end
end
replaced[FILE_MT.lines] = "?"
file_methods[FILE_MT.lines] = "lines"

-- `write(text, to_stderr)`: the script's output host function.
local function new_io(write)
  local function open(to_stderr)
    local file = setmetatable({}, FILE_MT)
    streams[file] = function(text) write(text, to_stderr) end
    return file
  end
  local stdout, stderr = open(false), open(true)
  local stdin = setmetatable({}, FILE_MT)
  inputs[stdin] = true
  streams[stdin] = function() end  -- (never written: only its address shows)
  local function io_read(...)
    local bad = bad_format(1, ...)
    if bad then error(as_called(bad, 1), 0) end
    return at_end_of_file(...)
  end
  replaced[io_read] = "io.read"
  local function io_lines(...)
    if select("#", ...) > 0 and (...) ~= nil then
      local name = ...
      error(as_called("cannot open file '" .. tostring(name) .. "' (the sandbox has no files)", 1), 0)
    end
    return function() return nil end
  end
  replaced[io_lines] = "io.lines"
  local function io_write(...)
    local text, bad = write_text(...)
    if text ~= "" then write(text, false) end
    if bad then error(as_called(bad_write(bad, (select(bad, ...))), 1), 0) end
    return stdout
  end
  replaced[io_write] = "io.write"
  return {
    write = io_write,
    read = io_read,
    lines = io_lines,
    stdin = stdin,
    stdout = stdout,
    stderr = stderr,
    type = function(x) return streams[x] and "file" or nil end,
    flush = flush,
  }
end


R.replacement, R.as_called, R.replaced, R.typename = replacement, as_called, replaced, typename
R.at_script = at_script
R.new_io = new_io
return R

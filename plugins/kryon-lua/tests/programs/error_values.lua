local function thrower(kind)
  if kind == "string" then error("plain message")
  elseif kind == "level2" then error("caller's fault", 2)
  elseif kind == "level0" then error("no position", 0)
  elseif kind == "table" then error({code = 42, msg = "tbl"})
  elseif kind == "nil" then error()
  elseif kind == "number" then error(3.5)
  elseif kind == "arith" then return 1 + {}
  elseif kind == "call" then local x; x()
  elseif kind == "index" then local t = {}; return t.a.b
  elseif kind == "concat" then return "a" .. {}
  elseif kind == "compare" then return {} < 1
  elseif kind == "global" then undefinedfn()
  elseif kind == "field" then local t = {}; t.method()
  elseif kind == "upvalue" then return kind.x.y
  elseif kind == "len" then return #nil
  elseif kind == "int" then local z = 0; return 1 // z
  elseif kind == "mod" then local z = 0; return 1 % z
  elseif kind == "tointeger" then return 1.5 | 0
  elseif kind == "strnum" then return "abc" + 1
  elseif kind == "for" then for i = 1, "x" do end
  elseif kind == "bad arg" then local r = ("x"):rep("y"); return r
  elseif kind == "setmeta" then local r = setmetatable(1, {}); return r
  elseif kind == "ipairs" then return ipairs()
  elseif kind == "tostring" then return tostring()
  elseif kind == "select" then return select(-5, 1)
  elseif kind == "string.char" then return string.char(256)
  elseif kind == "format" then return string.format("%d", 1.5)
  elseif kind == "format2" then return string.format("%d", "x")
  elseif kind == "insert" then local r = table.insert({}, 5, 1); return r
  elseif kind == "method" then return ("x"):nomethod()
  end
end
local kinds = {"string", "level2", "level0", "table", "nil", "number", "arith", "call", "index",
  "concat", "compare", "global", "field", "upvalue", "len", "tointeger", "strnum", "for",
  "bad arg", "setmeta", "ipairs", "tostring", "select", "string.char", "format", "format2", "insert", "method"}
for _, k in ipairs(kinds) do
  local ok, e = pcall(thrower, k)
  if type(e) == "table" then e = "table code=" .. tostring(e.code) end
  print(k, ok, e)
end
print(xpcall(thrower, function(m) return "handled: " .. tostring(m) end, "string"))
print(xpcall(thrower, debug.traceback ~= nil and function(m) return (m:gsub("\n.*", "")) end or print, "arith"))
print(select("#", pcall(error)))
local E = setmetatable({}, {__tostring = function(e) return "E:" .. e.msg end})
E.__index = E
local function newE(msg) return setmetatable({msg = msg}, getmetatable(E)) end
local ok, e = pcall(error, newE("custom"))
print(ok, tostring(e), e.msg)
-- rethrow keeps the object
local ok2, e2 = pcall(function()
  local ok, e = pcall(error, {id = 1})
  error(e)
end)
print(ok2, e2.id)
-- error in __index
local bad = setmetatable({}, {__index = function(t, k) error("no field " .. k) end})
print(pcall(function() return bad.zzz end))
-- nested pcall and tostring(nil) errors
print(pcall(pcall))
print(pcall(pcall, error, "x"))
print(string.format("%s", pcall(error, nil)))
-- assert
print(pcall(assert, false))
print(pcall(assert, nil, "custom assert"))
print(pcall(assert, 1 == 1, "unused"))
print(select("#", assert(1, 2, 3)))
print(select('#', pcall(assert, false, {1})))
-- error with non-string in string context
print(pcall(error, true))
-- tostring of integer-valued float error
print(pcall(error, 2^53))

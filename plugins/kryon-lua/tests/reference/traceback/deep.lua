local function rec(n) if n == 0 then return debug.traceback("deep") end local r = rec(n - 1) return r end
print(rec(30))
print((rec(5)))
local function tail(n) if n == 0 then return debug.traceback("tail") end return tail(n - 1) end
print(tail(3))
local M = {}
function M.run(f) return f() end
print(M.run(function() return debug.traceback("field run") end))

local obj = setmetatable({}, {__tostring = function() return debug.traceback("ts") end})
print(obj)
print(tostring(obj))
table.sort({3, 2, 1}, function(a, b) if a == 3 and b == 2 then print(debug.traceback("sort")) end return a < b end)
print((("x"):gsub("x", function() return debug.traceback("gsub") end)))
local big = ("a,"):rep(300)
local once = false
big:gsub("([^,]*),?", function(x) if not once then once = true; print(debug.traceback("costly gsub")) end end)
for k in pairs(setmetatable({}, {__pairs = function(t) print(debug.traceback("pairs")) return next, {}, nil end})) do end
local t = setmetatable({}, {__index = function(t, k) return debug.traceback("idx") end})
print(t.foo)
print(select(2, pcall(debug.traceback, "in pcall", 1)))

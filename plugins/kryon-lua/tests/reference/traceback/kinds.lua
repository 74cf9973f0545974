local function inner() error("boom") end
local t = {}
function t.field() inner() end
local obj = {}
function obj:method() t.field() end
function glob() obj:method() end
local anon = function() glob() end
print(xpcall(anon, debug.traceback))
print(select(2, xpcall(function() local x = nil; return x.y end, debug.traceback)))
print(select(2, xpcall(function() error("lvl2", 2) end, debug.traceback)))
local function h(e) return debug.traceback(e, 2) end
print(select(2, xpcall(inner, h)))
print(select(2, xpcall(inner, function(e) return debug.traceback(e) end)))

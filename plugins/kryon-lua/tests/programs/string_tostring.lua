print("plain", tostring("a"))
local mt = getmetatable("")
mt.__tostring = function(s) return "<" .. s .. ">" end
print("x", tostring("y"), string.format("%s|%5s", "z", "w"), ("a"):rep(2), 1, {} ~= nil)
local co = coroutine.wrap(function() print("in co", tostring("c")) end)
co()
print(pcall(tostring))
mt.__tostring = function(s) return 42 end
print(pcall(tostring, "q"))
mt.__tostring = nil
print("restored", tostring("r"))

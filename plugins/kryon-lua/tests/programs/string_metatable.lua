local mt = getmetatable("")
mt.__index = function(s, i)
  if type(i) == "number" then return string.sub(s, i, i) end
  return string[i]
end
mt.__mod = function(fmt, args)
  if type(args) == "table" then return fmt:format(table.unpack(args)) end
  return fmt:format(args)
end
mt.__call = function(s, ...) return s:upper() end
local s = "hello"
print(s[1], s[5], s:upper(), ("%d-%s") % {5, "x"}, "%5.1f" % 3.14159, s())
print(("10") + 5, "3" * "4", pcall(function() return "a" + 1 end))
function string.trim(x) return (x:gsub("^%s+", ""):gsub("%s+$", "")) end
print(("  hi  "):trim() .. "|")

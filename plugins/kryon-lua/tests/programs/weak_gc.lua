local cache = setmetatable({}, {__mode = "v"})
local keys = setmetatable({}, {__mode = "k"})
do
  local a, b = {name = "a"}, {name = "b"}
  cache[1], cache[2] = a, b
  keys[a] = "meta-a"
  _G.keep = b
end
collectgarbage()
collectgarbage()
local n = 0
for k, v in pairs(cache) do n = n + 1 end
print("values alive", n, cache[2] and cache[2].name)
local kn = 0
for k in pairs(keys) do kn = kn + 1 end
print("keys alive", kn)
local finalized = {}
do
  for i = 1, 3 do setmetatable({}, {__gc = function() finalized[#finalized + 1] = i end}) end
end
collectgarbage()
collectgarbage()
table.sort(finalized)
print("finalized", table.concat(finalized, ","))
print(type(collectgarbage("count")), collectgarbage("count") > 0)
local before = collectgarbage("count")
local big = {}
for i = 1, 10000 do big[i] = {i} end
print(collectgarbage("count") > before)
big = nil
collectgarbage()
print(collectgarbage("count") < before + 500)
local ephemeron = setmetatable({}, {__mode = "k"})
do local k = {} ephemeron[k] = {ref = k} end
collectgarbage()
print(next(ephemeron) == nil)
local order = {}
do
  local x <close> = setmetatable({}, {__close = function() order[#order + 1] = "close" end})
  local y = setmetatable({}, {__gc = function() order[#order + 1] = "gc" end})
end
collectgarbage()
print(table.concat(order, " "))
setmetatable({}, {__gc = function() print("finalizer at exit") end})
print("end of main")

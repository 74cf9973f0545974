-- classes, inheritance, metamethods
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  local self = setmetatable({}, Animal)
  self.name, self.sound = name, sound
  return self
end
function Animal:speak() return self.name .. " says " .. self.sound end
Animal.__tostring = function(a) return "Animal(" .. a.name .. ")" end

local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
Dog.__tostring = Animal.__tostring
function Dog.new(name)
  local self = Animal.new(name, "woof")
  return setmetatable(self, Dog)
end
function Dog:fetch() return self.name .. " fetches" end

local d = Dog.new("Rex")
print(d:speak(), d:fetch(), tostring(d))
print(getmetatable(d) == Dog, rawget(d, "speak"))

local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b)
  if type(a) == "number" then return vec(a * b.x, a * b.y) end
  if type(b) == "number" then return vec(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__lt = function(a, b) return a.x * a.x + a.y * a.y < b.x * b.x + b.y * b.y end
V.__le = function(a, b) return not (b < a) end
V.__len = function(a) return math.sqrt(a.x * a.x + a.y * a.y) end
V.__tostring = function(a) return string.format("(%g, %g)", a.x, a.y) end
V.__concat = function(a, b) return tostring(a) .. tostring(b) end
V.__call = function(self, k) return self[k] end
V.__idiv = function(a, n) return vec(a.x // n, a.y // n) end
V.__mod = function(a, n) return vec(a.x % n, a.y % n) end
V.__pow = function(a, n) return vec(a.x ^ n, a.y ^ n) end
V.__div = function(a, n) return vec(a.x / n, a.y / n) end
V.__band = function(a, b) return vec(a.x & b.x, a.y & b.y) end
V.__shl = function(a, n) return vec(a.x << n, a.y << n) end
V.__bnot = function(a) return vec(~a.x, ~a.y) end

local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(a - b), a * b, tostring(2 * a), tostring(-a))
print(a == vec(1, 2), a ~= b, a < b, a <= b, a > b, #b)
print(a .. b, a .. "!", "?" .. b)
print(a("x"), a("y"))
print(tostring(b // 2), tostring(b % 2), tostring(a ^ 2), tostring(b / 2))
print(tostring(vec(6, 5) & vec(3, 3)), tostring(a << 2), tostring(~a))

-- __newindex and proxies
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. tostring(k); return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set " .. tostring(k); rawset(store, k, v) end,
  __pairs = function() return next, store, nil end,
})
proxy.a = 1
proxy.b = proxy.a + 1
print(proxy.b, rawget(proxy, "a"), table.concat(log, ","))
local keys = {}
for k, v in pairs(proxy) do keys[#keys + 1] = k .. "=" .. v end
table.sort(keys)
print(table.concat(keys, " "))

-- read-only table
local function readonly(t)
  return setmetatable({}, {__index = t, __newindex = function(_, k) error("read-only: " .. k, 2) end, __len = function() return #t end})
end
local ro = readonly({10, 20, 30})
print(#ro, ro[2], pcall(function() ro.x = 1 end))

-- __index chain depth
local base = {greet = function() return "hi" end}
local mid = setmetatable({}, {__index = base})
local top = setmetatable({}, {__index = mid})
print(top.greet(), top.missing)

-- __close
do
  local x <close> = setmetatable({}, {__close = function(_, e) print("closing x", e) end})
  local y <close> = setmetatable({}, {__close = function(_, e) print("closing y", e) end})
  print("in block")
end
print(pcall(function()
  local z <close> = setmetatable({}, {__close = function(_, e) print("closing z", e) end})
  error("boom")
end))
local ok, err = pcall(function() local w <close> = 42 end)
print(ok, err)
-- __metatable
local locked = setmetatable({}, {__metatable = "locked"})
print(getmetatable(locked), pcall(setmetatable, locked, {}))
print(getmetatable("abc").__index == string, ("x"):rep(3))
-- __gc is not checked; __mode
local weak = setmetatable({}, {__mode = "k"})
print(getmetatable(weak).__mode)

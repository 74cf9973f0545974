local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) return setmetatable({name = name, sound = sound}, Animal) end
function Animal:speak() return self.name .. " says " .. self.sound end
Animal.__tostring = function(a) return "Animal(" .. a.name .. ")" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
Dog.__tostring = Animal.__tostring
function Dog.new(name) local d = Animal.new(name, "woof"); return setmetatable(d, Dog) end
function Dog:fetch() return self.name .. " fetches" end
function Dog:speak() return Animal.speak(self) .. "!" end
local a, d = Animal.new("cat", "meow"), Dog.new("rex")
print(a:speak(), d:speak(), d:fetch(), tostring(d), tostring(a))
print(getmetatable(d) == Dog, rawget(d, "speak"), d.missing)
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
V.__lt = function(a, b) return a:len() < b:len() end
V.__le = function(a, b) return a:len() <= b:len() end
V.__len = function() return 2 end
V.__tostring = function(a) return ("(%g, %g)"):format(a.x, a.y) end
V.__concat = function(a, b) return tostring(a) .. tostring(b) end
V.__call = function(self, k) return self[k] end
V.__idiv = function(a, n) return vec(a.x // n, a.y // n) end
V.__mod = function(a, n) return vec(a.x % n, a.y % n) end
V.__pow = function(a, n) return vec(a.x ^ n, a.y ^ n) end
V.__div = function(a, n) return vec(a.x / n, a.y / n) end
function V:len() return math.sqrt(self.x ^ 2 + self.y ^ 2) end
local p, q = vec(1, 2), vec(3, 4)
print(tostring(p + q), tostring(p - q), p * q, tostring(2 * p), tostring(p * 3), tostring(-p))
print(p == vec(1, 2), p ~= q, p < q, p <= q, p > q, #p, p .. q, p("y"))
print(tostring(q // 2), tostring(q % 3), tostring(p ^ 2), tostring(q / 2))
local B = setmetatable({}, {__band = function() return "band" end, __shl = function() return "shl" end,
  __bnot = function() return "bnot" end, __bor = function() return "bor" end, __bxor = function() return "bxor" end, __shr = function() return "shr" end})
print(B & 1, 1 << B, ~B, B | 2, B ~ 3, B >> 1)
-- __newindex and proxies
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. tostring(k); return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set " .. tostring(k); rawset(store, k, v) end,
  __pairs = function() return next, store, nil end,
})
proxy.a = 1; proxy.b = proxy.a
print(table.concat(log, ","), rawget(proxy, "a"), store.b)
-- read-only tables
local function readonly(t)
  return setmetatable({}, {__index = t, __newindex = function(_, k) error("attempt to update a read-only table (" .. k .. ")", 2) end, __len = function() return #t end})
end
local days = readonly({"Mon", "Tue"})
print(days[1], #days, pcall(function() days[3] = "Wed" end))
-- __metatable protection
local locked = setmetatable({}, {__metatable = "locked"})
print(getmetatable(locked), pcall(setmetatable, locked, {}))
-- multiple inheritance
local function createClass(...)
  local parents = {...}
  local c = {}
  setmetatable(c, {__index = function(t, k)
    for i = 1, #parents do local v = parents[i][k]; if v then return v end end
  end})
  c.__index = c
  function c:new(o) o = o or {}; setmetatable(o, c); return o end
  return c
end
local Named = {getname = function(self) return self.name end, setname = function(self, n) self.name = n end}
local Account = {balance = 0, deposit = function(self, v) self.balance = self.balance + v end}
local NamedAccount = createClass(Account, Named)
local acc = NamedAccount:new{name = "Paul"}
acc:deposit(100); acc:setname("Ann")
print(acc:getname(), acc.balance, Account.balance)
-- __index chain depth
local base = {z = "deep"}
local cur = base
for i = 1, 50 do cur = setmetatable({}, {__index = cur}) end
print(cur.z)
-- __close
do
  local a <close> = setmetatable({}, {__close = function(o, e) print("close a", e) end})
  local b <close> = setmetatable({}, {__close = function(o, e) print("close b", e) end})
  print("in block")
end
print(pcall(function()
  local c <close> = setmetatable({}, {__close = function(o, e) print("close c", e) end})
  error("boom")
end))
print(pcall(function() local x <close> = 42 end))

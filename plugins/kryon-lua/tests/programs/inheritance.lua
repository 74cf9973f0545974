local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  c.super = parent
  c.new = function(...)
    local o = setmetatable({}, c)
    if o.init then o:init(...) end
    return o
  end
  return c
end
local Shape = class()
function Shape:init(name) self.name = name; Shape.count = (Shape.count or 0) + 1 end
function Shape:area() return 0 end
function Shape:describe() return string.format("%s with area %.2f", self.name, self:area()) end
Shape.__tostring = function(s) return "Shape<" .. s.name .. ">" end
local Circle = class(Shape)
function Circle:init(r) Shape.init(self, "circle"); self.r = r end
function Circle:area() return math.pi * self.r ^ 2 end
Circle.__tostring = Shape.__tostring
local Rect = class(Shape)
function Rect:init(w, h) Shape.init(self, "rect"); self.w, self.h = w, h end
function Rect:area() return self.w * self.h end
local Square = class(Rect)
function Square:init(s) Rect.init(self, s, s); self.name = "square" end
local shapes = {Circle.new(1), Rect.new(2, 3.5), Square.new(4), Shape.new("blob")}
for _, s in ipairs(shapes) do print(s:describe()) end
print(Shape.count, tostring(shapes[1]), tostring(shapes[4]), tostring(shapes[3]):match("^table") ~= nil)
table.sort(shapes, function(a, b) return a:area() < b:area() end)
for _, s in ipairs(shapes) do io.write(s.name, " ") end print()
local function isinstance(o, cls)
  local mt = getmetatable(o)
  while mt do
    if mt == cls then return true end
    local pmt = getmetatable(mt)
    mt = pmt and pmt.__index
  end
  return false
end
print(isinstance(shapes[1], Shape), isinstance(Square.new(1), Rect), isinstance(Circle.new(1), Rect))
-- mixins
local Comparable = {
  __lt = function(a, b) return a:key() < b:key() end,
  __le = function(a, b) return a:key() <= b:key() end,
  __eq = function(a, b) return a:key() == b:key() end,
}
local Money = class()
for k, v in pairs(Comparable) do Money[k] = v end
function Money:init(c) self.cents = c end
function Money:key() return self.cents end
Money.__add = function(a, b) return Money.new(a.cents + b.cents) end
Money.__tostring = function(m) return string.format("$%d.%02d", m.cents // 100, m.cents % 100) end
local a, b = Money.new(150), Money.new(275)
print(tostring(a + b), a < b, a >= b, a == Money.new(150), a ~= b, tostring(Money.new(5)))
-- private state through closures
local function Account(initial)
  local balance = initial
  local self = {}
  function self.deposit(v) if v <= 0 then error("invalid amount", 2) end balance = balance + v end
  function self.withdraw(v)
    if v > balance then error({reason = "insufficient", need = v - balance}) end
    balance = balance - v
  end
  function self.balance() return balance end
  return self
end
local acc = Account(100)
acc.deposit(50)
print(acc.balance(), pcall(acc.deposit, -1))
local ok, e = pcall(acc.withdraw, 500)
print(ok, e.reason, e.need, acc.balance(), acc.balance == nil)
-- __index function fallback with rawset caching
local calls = 0
local lazy = setmetatable({}, {__index = function(t, k) calls = calls + 1; local v = k * k; rawset(t, k, v); return v end})
print(lazy[4], lazy[4], lazy[5], calls)
-- __newindex table redirect
local backing = {}
local redirect = setmetatable({}, {__newindex = backing, __index = backing})
redirect.x = 10
print(rawget(redirect, "x"), backing.x, redirect.x)
-- method call on nil field error message
print(pcall(function() local o = Shape.new("x"); return o:nothing() end))
print(pcall(function() local o = {}; return o.a.b end))

local function counter(start, step)
  local n = start
  return function() n = n + step; return n end, function() return n end, function(v) n = v end
end
local inc, get, set = counter(10, 3)
print(inc(), inc(), get()); set(100); print(inc(), get())
local fs = {}
for i = 1, 5 do fs[i] = function() return i * i end end
for i = 1, 5 do io.write(fs[i](), " ") end print()
local gs = {}
local j = 0
while j < 3 do j = j + 1; local k = j; gs[j] = function() k = k + 10; return k end end
print(gs[1](), gs[1](), gs[2](), gs[3]())
local shared = {}
do
  local x = 0
  shared.a = function() x = x + 1; return x end
  shared.b = function() x = x * 2; return x end
end
print(shared.a(), shared.b(), shared.a(), shared.b())
local function memo(f)
  local cache, hits = {}, 0
  return function(n)
    if cache[n] then hits = hits + 1; return cache[n] end
    local v = f(n); cache[n] = v; return v
  end, function() return hits end
end
local fib, hits
fib, hits = memo(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80), hits())
local function compose(...)
  local fns = table.pack(...)
  return function(...)
    local r = table.pack(...)
    for i = fns.n, 1, -1 do r = table.pack(fns[i](table.unpack(r, 1, r.n))) end
    return table.unpack(r, 1, r.n)
  end
end
local f = compose(function(a, b) return a + b end, function(x) return x, x * 2 end)
print(f(7))
local function curry(fn, n)
  local function go(args, k)
    return function(x)
      local a = {table.unpack(args)}; a[#a + 1] = x
      if k == 1 then return fn(table.unpack(a)) end
      return go(a, k - 1)
    end
  end
  return go({}, n)
end
print(curry(function(a, b, c) return a .. b .. c end, 3)("x")("y")("z"))
-- upvalue shared by closures created in the same iteration
local pairs_ = {}
for i = 1, 2 do
  local v = i
  pairs_[i] = {get = function() return v end, set = function(n) v = n end}
end
pairs_[1].set(42)
print(pairs_[1].get(), pairs_[2].get())
-- varargs
local function va(...)
  local a, b = ...
  return select("#", ...), a, b, select(-1, ...)
end
print(va(1, nil, 3, nil))
print(pcall(select, 0, 1))
print(select(2, "a", "b", "c"))
print((select(2, "a", "b", "c")))
local function pass(...) return ... end
print(pass(), (pass(1, 2)), pass(1, 2))
local t = {pass(1, 2), pass(3, 4)}
print(#t, t[1], t[2], t[3])
print(table.unpack({1, 2, nil, 4}, 1, 4))
local packed = table.pack(nil, nil)
print(packed.n, #{n = 1})

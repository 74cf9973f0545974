local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end return "done" end)
end
local g = gen(3)
print(g(), g(), g(), g())
print(pcall(g))
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got2", d, e)
  return "fin", d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co), coroutine.resume(co))
print(coroutine.isyieldable(), select(2, coroutine.running()))
local co2 = coroutine.create(function() print(coroutine.isyieldable(), select(2, coroutine.running())); error({code = 7}) end)
local ok, err = coroutine.resume(co2)
print(ok, type(err), err.code, coroutine.status(co2))
local co3 = coroutine.create(function() error("oops") end)
print(coroutine.resume(co3))
print(coroutine.close(co3))
local co4 = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() print("closed4") end}); coroutine.yield(1) end)
print(coroutine.resume(co4))
print(coroutine.close(co4), coroutine.status(co4))
-- producer / consumer
local function producer()
  return coroutine.create(function()
    for _, w in ipairs({"alpha", "beta", "gamma"}) do coroutine.yield(w) end
  end)
end
local function filter(p)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(p)
      if not v then break end
      coroutine.yield(v:upper())
    end
  end)
end
local f = filter(producer())
while true do
  local ok, v = coroutine.resume(f)
  if not v then break end
  io.write(v, " ")
end
print()
-- permutations generator
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
for p in permutations({"a", "b", "c"}) do io.write(table.concat(p), " ") end
print()
-- yield across pcall
local co5 = coroutine.create(function()
  local ok, v = pcall(function() local x = coroutine.yield("in pcall"); error("after " .. x) end)
  coroutine.yield(ok, v)
  return "end"
end)
print(coroutine.resume(co5))
print(coroutine.resume(co5, "resume"))
print(coroutine.resume(co5))
print(coroutine.resume(co5))
print(pcall(coroutine.resume))
print(coroutine.resume(coroutine.running()))
local wrapped = coroutine.wrap(function() return 1 end)
wrapped()
print(pcall(wrapped))
-- yield from nested function and table.sort comparator
local co6 = coroutine.wrap(function()
  local t = {3, 1, 2}
  local ok, e = pcall(table.sort, t, function(a, b) coroutine.yield() return a < b end)
  print(ok, e)
end)
co6()
print(select("#", coroutine.running()))
-- many coroutines
local total = 0
for i = 1, 200 do
  local c = coroutine.wrap(function(x) local y = coroutine.yield(x * 2); return y + 1 end)
  total = total + c(i) + c(i)
end
print(total)

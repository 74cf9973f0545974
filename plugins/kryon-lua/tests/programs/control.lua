-- closures, varargs, goto, coroutines
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1())
local fns = {}
for i = 1, 3 do fns[i] = function() return i end end
print(fns[1](), fns[2](), fns[3]())

local function va(...)
  local n = select("#", ...)
  local t = table.pack(...)
  return n, t.n, select(2, ...)
end
print(va(1, nil, 3, nil))
print(va())
print(select(-1, "a", "b", "c"), select(2, "a", "b", "c"))
print(pcall(select, 0, 1))
print(table.unpack({1, 2, 3}), table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 5))
local packed = table.pack(nil, nil)
print(packed.n, #packed)
local function sum(...)
  local s = 0
  for _, v in ipairs({...}) do s = s + v end
  return s
end
print(sum(1, 2, 3, 4.5), sum())
print((va(1, 2, 3)))

-- goto
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    io.write(i, j, " ")
    ::continue::
  end
end
print()
do
  local k = 0
  ::top::
  k = k + 1
  if k < 5 then goto top end
  print("k", k)
end

-- generators
local function range(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
for v in range(4) do io.write(v, ",") end
print()
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "done", 99
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, "x", "y"))
print(coroutine.status(co), coroutine.resume(co))
local bad = coroutine.create(function() error("inside") end)
print(coroutine.resume(bad))
local bad2 = coroutine.create(function() error({code = 1}) end)
local ok, e = coroutine.resume(bad2)
print(ok, type(e), e.code)
print(coroutine.isyieldable(), select(2, coroutine.running()))
local w = coroutine.wrap(function() error("wrapped") end)
print(pcall(w))
print(select("#", coroutine.running()))
local co2 = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co2)
print(coroutine.close(co2), coroutine.status(co2))
local co3 = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() print("co3 closed") end})
  coroutine.yield(1)
end)
print(coroutine.resume(co3))
print(coroutine.close(co3))
print(pcall(coroutine.resume, coroutine.running()))
print(coroutine.resume(coroutine.create(function() return coroutine.resume(coroutine.running()) end)))
-- producer/consumer
local function producer()
  return coroutine.create(function()
    for _, item in ipairs({"a", "b", "c"}) do coroutine.yield(item) end
  end)
end
local p = producer()
while true do
  local _, item = coroutine.resume(p)
  if not item then break end
  io.write(item, " ")
end
print(coroutine.status(p))
-- fib generator
local fib = coroutine.wrap(function()
  local a, b = 0, 1
  while true do coroutine.yield(a); a, b = b, a + b end
end)
local t = {}
for _ = 1, 15 do t[#t + 1] = fib() end
print(table.concat(t, " "))
local dead = coroutine.wrap(function() return 1 end)
dead()
print(pcall(dead))
-- recursion
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(20), fact(21), fact(25.0))
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3))
-- tail calls
local function loop(n) if n == 0 then return "end" end return loop(n - 1) end
print(loop(100000))
-- while/repeat
local i = 0
repeat local j = i; i = i + 1 until j >= 3
print(i)
for x = 10, 1, -3 do io.write(x, " ") end
for x = 1.0, 2.0, 0.5 do io.write(x, " ") end
print()
print(pcall(function() for i = 1, 10, 0 do end end))
for i = math.maxinteger - 2, math.maxinteger do io.write(i, " ") end
print()

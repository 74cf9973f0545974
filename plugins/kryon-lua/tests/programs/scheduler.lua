-- cooperative tasks with coroutines, a state machine with goto, a queue
local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({first = 1, last = 0, items = {}}, Queue) end
function Queue:push(v) self.last = self.last + 1; self.items[self.last] = v end
function Queue:pop()
  if self.first > self.last then return nil end
  local v = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return v
end
function Queue:__len() return self.last - self.first + 1 end
local tasks = Queue.new()
local clock = 0
local function spawn(name, f, ...)
  local co = coroutine.create(f)
  tasks:push({name = name, co = co, args = table.pack(...)})
end
local function sleep(n) for _ = 1, n do coroutine.yield("sleep") end end
spawn("counter", function(n)
  for i = 1, n do print(clock, "counter", i); sleep(1) end
  return "counted"
end, 3)
spawn("talker", function(...)
  for _, w in ipairs({...}) do print(clock, "talker", w); coroutine.yield() end
  error("talker broke")
end, "hi", "there")
spawn("waiter", function()
  sleep(4)
  print(clock, "waiter done")
end)
while #tasks > 0 do
  clock = clock + 1
  local t = tasks:pop()
  local ok, res = coroutine.resume(t.co, table.unpack(t.args, 1, t.args.n))
  t.args = table.pack()
  if not ok then print(clock, t.name, "failed:", res)
  elseif coroutine.status(t.co) == "dead" then print(clock, t.name, "finished", res)
  else tasks:push(t) end
end
-- state machine with goto
local input = "aabbbcab"
local i, state, out = 1, "A", {}
::start::
do
  local c = input:sub(i, i)
  if c == "" then goto done end
  i = i + 1
  if state == "A" and c == "b" then state = "B" elseif state == "B" and c == "c" then state = "C"
  elseif c == "a" then state = "A" end
  out[#out + 1] = state
  goto start
end
::done::
print(table.concat(out))
-- nested coroutines and passing values both ways
local function gen_pairs(t)
  return coroutine.wrap(function()
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys)
    for _, k in ipairs(keys) do coroutine.yield(k, t[k]) end
  end)
end
for k, v in gen_pairs({z = 1, a = 2, m = 3}) do io.write(k, "=", v, " ") end
print()
local acc = coroutine.wrap(function(first)
  local total = first
  while true do
    local v = coroutine.yield(total)
    if v == nil then break end
    total = total + v
  end
  return "final " .. total
end)
print(acc(1), acc(2), acc(3), acc(nil))
print(pcall(acc, 1))
local co = coroutine.create(function()
  local inner = coroutine.create(function() coroutine.yield("inner1"); return "inner done" end)
  print("outer sees", coroutine.resume(inner))
  coroutine.yield("outer1")
  print("outer sees", coroutine.resume(inner))
  print("outer sees", coroutine.resume(inner))
  return "outer done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co), coroutine.resume(co))
print(coroutine.isyieldable(), coroutine.wrap(function() return coroutine.isyieldable() end)())
local status_co
status_co = coroutine.create(function() print("inside:", coroutine.status(status_co)) end)
coroutine.resume(status_co)
print(select(2, coroutine.resume(coroutine.create(function() return coroutine.running() end))) ~= nil)
print(coroutine.resume(coroutine.create(function() local a <close> = setmetatable({}, {__close = function() print("closed on return") end}) return 1 end)))

local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
for _, n in ipairs({10, 100, 150, 190}) do print(n, pcall(depth, n)) end
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3))
local function hanoi(n, a, b, c, moves)
  if n == 0 then return moves end
  hanoi(n - 1, a, c, b, moves)
  moves[#moves + 1] = a .. c
  return hanoi(n - 1, c, b, a, moves)
end
print(#hanoi(10, "A", "B", "C", {}))
-- tail calls do not grow the stack
local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
print(loop(100000))
local function flatten(t, out)
  out = out or {}
  for _, v in ipairs(t) do if type(v) == "table" then flatten(v, out) else out[#out + 1] = v end end
  return out
end
print(table.concat(flatten({1, {2, {3, {4, {5}}}}, 6}), ","))
local nested = {}
local cur = nested
for i = 1, 100 do cur[1] = {}; cur = cur[1] end
local function measure(t) if t[1] then return 1 + measure(t[1]) end return 0 end
print(measure(nested))
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
-- quicksort
local function qs(a, lo, hi)
  lo, hi = lo or 1, hi or #a
  if lo >= hi then return a end
  local p, i = a[hi], lo - 1
  for j = lo, hi - 1 do if a[j] <= p then i = i + 1; a[i], a[j] = a[j], a[i] end end
  a[i + 1], a[hi] = a[hi], a[i + 1]
  qs(a, lo, i); qs(a, i + 2, hi)
  return a
end
local arr, seed = {}, 42
for i = 1, 200 do seed = (seed * 1103515245 + 12345) % 2147483648; arr[i] = seed % 1000 end
qs(arr)
local okk = true
for i = 2, #arr do if arr[i - 1] > arr[i] then okk = false end end
print(okk, arr[1], arr[200])
-- recursive json-ish serializer with sorted keys
local function ser(v, ind)
  ind = ind or ""
  if type(v) == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = ind .. "  " .. string.format("%q", tostring(k)) .. ": " .. ser(v[k], ind .. "  ") end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. ind .. "}"
  elseif type(v) == "string" then return string.format("%q", v)
  else return tostring(v) end
end
print(ser({name = "x", list = {1, 2, {a = true}}, n = 1.5, i = 3, s = "q\"uote\n"}))

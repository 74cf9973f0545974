local function map(t, f) local r = {} for i, v in ipairs(t) do r[i] = f(v, i) end return r end
local function filter(t, p) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function reduce(t, f, acc) for _, v in ipairs(t) do acc = f(acc, v) end return acc end
local function range(a, b, step)
  local r = {}
  for i = a, b, step or 1 do r[#r + 1] = i end
  return r
end
local nums = range(1, 10)
print(table.concat(map(nums, function(x) return x * x end), " "))
print(table.concat(filter(nums, function(x) return x % 3 == 0 end), ","))
print(reduce(nums, function(a, b) return a + b end, 0), reduce(nums, math.max, -math.huge))
local function curry(f, n)
  n = n or 2
  local function collect(args, count)
    return function(x)
      local a = {table.unpack(args, 1, count)}
      a[count + 1] = x
      if count + 1 == n then return f(table.unpack(a, 1, n)) end
      return collect(a, count + 1)
    end
  end
  return collect({}, 0)
end
local add3 = curry(function(a, b, c) return a + b + c end, 3)
print(add3(1)(2)(3), add3(10)(20)(30))
local function compose(...)
  local fns = table.pack(...)
  return function(...)
    local r = table.pack(...)
    for i = fns.n, 1, -1 do r = table.pack(fns[i](table.unpack(r, 1, r.n))) end
    return table.unpack(r, 1, r.n)
  end
end
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(1, 2, 3))
local calls = 0
local function memoize(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then v = f(n); cache[n] = v end
    return v
  end
end
local fib
fib = memoize(function(n) calls = calls + 1 if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(90), calls)
local function bind(f, ...)
  local bound = table.pack(...)
  return function(...)
    local all = {table.unpack(bound, 1, bound.n)}
    local extra = table.pack(...)
    for i = 1, extra.n do all[bound.n + i] = extra[i] end
    return f(table.unpack(all, 1, bound.n + extra.n))
  end
end
print(bind(string.format, "%s-%s-%s", "a")("b", "c"))
print(select("#", bind(function(...) return ... end, nil, nil)(nil)))
local function iter(t)
  local i = 0
  return function() i = i + 1; if t[i] ~= nil then return i, t[i] end end
end
for i, v in iter({"x", "y", "z"}) do io.write(i, v, " ") end
print()
local function stateless(t, i) i = i + 1 local v = t[i] if v then return i, v * 10 end end
for i, v in stateless, {1, 2, 3}, 0 do io.write(i, ":", v, " ") end
print()
local words = {"pear", "fig", "banana", "kiwi", "apple"}
table.sort(words, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
print(table.concat(words, " "))
local counts = setmetatable({}, {__index = function() return 0 end})
for _, w in ipairs({"a", "b", "a", "c", "a", "b"}) do counts[w] = counts[w] + 1 end
print(counts.a, counts.b, counts.c, counts.z, rawget(counts, "z"))
local function vsum(...) local s = 0 for i = 1, select("#", ...) do s = s + (select(i, ...) or 0) end return s end
print(vsum(1, nil, 3), vsum(), vsum(table.unpack({1, 2, 3, 4, 5})))
local t = table.pack(("a b c"):find("(b)"))
print(t.n, t[1], t[2], t[3])
print((("x"):rep(3)))
local function multi() return 1, 2, 3 end
local a, b, c, d = multi()
print(a, b, c, d, #{multi()}, ({multi(), multi()})[4], #{multi(), 10})
print(string.format("%s %s", multi()), (multi()))

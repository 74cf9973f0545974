local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...) or 0) end
  return s
end
print(sum(), sum(1), sum(1, 2, 3), sum(1, nil, 3))
local function count_nils(...)
  local t = table.pack(...)
  local n = 0
  for i = 1, t.n do if t[i] == nil then n = n + 1 end end
  return n, t.n
end
print(count_nils(nil, nil, 1, nil))
local function tail(first, ...) return ... end
print(tail(1, 2, 3), (tail(1, 2, 3)), select("#", tail(1)))
local function bind(f, ...)
  local bound = table.pack(...)
  return function(...)
    local args = {table.unpack(bound, 1, bound.n)}
    local extra = table.pack(...)
    for i = 1, extra.n do args[bound.n + i] = extra[i] end
    return f(table.unpack(args, 1, bound.n + extra.n))
  end
end
print(bind(string.format, "%s-%s-%s", "a")("b", "c"))
print(bind(math.max, 3)(1, 7, 2))
local env = {x = 1, print = print, tostring = tostring}
local chunk = load("x = x + 1\nlocal a, b = ...\nreturn x, a, b, y", "=config", "t", env)
print(chunk(10, 20))
print(env.x, rawget(env, "y"))
local counter = 0
local f = load(function()
  counter = counter + 1
  local pieces = {"return ", "1 ", "+ ", "41", nil}
  return pieces[counter]
end, "=pieces")
print(f(), counter)
print(load("return ...", "=dots")(1, 2, 3))
local ok, err = load("return +", "=broken")
print(ok, err)
print(load("syntax(", "@file.lua"))
print(type(load("local t = {} t.x.y = 1", "=runtime")))
print(pcall(load("local t = {} t.x.y = 1", "=runtime")))
print(pcall(load("error('custom', 1)", "=lvl")))
print(pcall(load("error('custom', 2)", "=lvl2")))
local code = string.format("return %q, %q, %q", "a\nb", 1 / 3, math.mininteger)
local a, b, c = load(code)()
print(a == "a\nb", b == 1 / 3, c == math.mininteger, math.type(c))
local sandbox_env = setmetatable({}, {__index = function(_, k) return k == "secret" and "hidden" or nil end})
print(load("return secret, print", "=sb", "t", sandbox_env)())
local up = 5
local function with_upvalue() return up end
up = 6
print(with_upvalue())
print(select(-1, 1, 2, 3), select(-2, 1, 2, 3))
print(pcall(select, -4, 1, 2, 3))
print(table.unpack({1, 2, 3}, 2, 3), table.unpack({}, 1, 2))
print(string.format("%d %s", table.unpack({7, "x"})))
print((function(...) return select("#", ...) end)(nil, nil, nil))
print(#{1, 2, 3, nil}, #{nil}, #{n = 3})
local t = setmetatable({}, {__call = function(self, a, ...) return a, select("#", ...) end})
print(t(1, 2, 3), t())

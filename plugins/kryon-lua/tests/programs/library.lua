print(os.time({year = 2024, month = 1, day = 15, hour = 12}) - os.time({year = 2024, month = 1, day = 14, hour = 11}))
print(math.type(os.time({year = 2000, month = 1, day = 1, hour = 0, min = 0, sec = 0})))
print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("!%c", 86400 * 365))
print(os.date("!%A %B %d %j %p %y %a %b", 1700000000))
local d = os.date("!*t", 1700000000)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
print(os.date("!%x %X %%", 1234567890))
print(pcall(os.date, "%Ez"))
print(pcall(os.date, "%Q"))
print(os.time({year = 2024, month = 13, day = 1, hour = 12}) == os.time({year = 2025, month = 1, day = 1, hour = 12}))
local t = {year = 2024, month = 2, day = 30}
os.time(t)
print(t.month, t.day, t.hour, t.isdst)
print(pcall(os.time, {year = 2024}))
print(os.difftime(100, 50), type(os.clock()))
print(type(os.time()), math.type(os.time()))
-- integer overflow
local x = math.maxinteger
print(x + 1, x * x, -math.mininteger, math.abs(math.mininteger), math.mininteger // -1)
print(string.format("%d", math.mininteger), math.maxinteger // 1, math.maxinteger / 1)
local h = 0
for c in ("hash me please"):gmatch(".") do h = (h * 31 + c:byte()) end
print(h)
h = 5381
for i = 1, 100 do h = h * 33 + i end
print(h, h & 0xffffffff, h >> 60, h << 4)
print(1 << 62, (1 << 62) * 2, (1 << 62) * 4)
-- sort errors
print(pcall(table.sort, {5, 3, 1, 4, 2, 9, 8, 7, 6, 10, 11, 12}, function(a, b) return a <= b end))
print(pcall(table.sort, {1, 2, nil, 4}))
local mixed = {3, "a"}
print(pcall(table.sort, mixed))
-- tostring / type checks
print(type(print), type(nil), type({}), type("x"), type(2), type(true), type(coroutine.create(print)))
print(tostring(print):match("^builtin") or tostring(print):match("^function"))
print(#arg, arg[0])
print(rawequal("a", "a"), rawequal({}, {}), rawlen({1, 2}), rawlen("abc"))
print(next({}), type(next({a = 1})))
local t2 = {10, 20, 30, nil, 50}
print(#t2 == 5 or #t2 == 3, select("#", table.unpack(t2, 1, 5)))
local cnt = 0
for k, v in pairs({a = 1, b = 2, 10, 20}) do cnt = cnt + 1 end
print(cnt)
for i, v in ipairs({1, 2, nil, 4}) do io.write(i, "=", v, " ") end
print()
print(table.remove({1, 2, 3}), table.remove({1, 2, 3}, 1), table.remove({}), table.remove({}, 0))
local list = {1, 2, 3, 4, 5}
table.move(list, 2, 4, 1)
print(table.concat(list, ","))
print(table.concat(table.move({1, 2, 3}, 1, 3, 3, {}), ",", 3, 5))
table.insert(list, 1, 0)
table.insert(list, 99)
print(table.concat(list, ","))
-- string <-> number coercions in concat
print(1 .. "", 1.0 .. "", 1e100 .. "", (2^63) .. "", math.mininteger .. "")
print(string.format("[%5s][%-5s]", 1, 2.0))
print(#"\u{10FFFF}", "\u{48}\u{49}", "\x41\65\z
       B")
print([[
long
string]], [==[with ]] inside]==])
print(0x1p4, 0x.8, 1e2, .5, 3., 0xff // 1)
print(8 // 3 * 3 + 8 % 3, 2^2^3, -2^2, not nil == true, 1 .. 2 == "12")
print("a" < "b", "a" < "B", "abc" < "abd", "" < "a", "Z" < "a")
print(1 < 1.5, 1 == 1.0, math.maxinteger < math.huge, math.maxinteger + 0.0 == 2^63)
print(math.maxinteger == 2^63, math.maxinteger < 2^63, -2^63 <= math.mininteger)
local big = {}
for i = 1, 10 do big[i] = i * i end
print(#big, big[#big], select("#", table.unpack(big)))
print(string.rep("ab", 3, ","), ("x"):rep(2, ("y"):rep(2)))
print(collectgarbage("count") > 0, collectgarbage(), collectgarbage("isrunning"))
print(math.floor(2^62) == 2^62, math.type(math.floor(2.0^70)), math.floor(-2.0^70))
print(tostring(2^63 // 1), 2^63 % 2, math.fmod(math.mininteger, -1), pcall(math.fmod, 1, 0))
print(math.fmod(1, 0.0), math.fmod(-6, 4), -6 % 4)

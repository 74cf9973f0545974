for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    io.write(i, ":", j, " ")
    ::continue::
  end
end
print()
do
  local i = 1
  ::top::
  if i <= 3 then io.write("loop", i, " "); i = i + 1; goto top end
  print()
end
for i = 1, 3 do
  local found = false
  for j = 1, 3 do if i * j == 4 then found = true; goto out end end
end
::out::
print("after out")
print(utf8.char(72, 0x10FFFF, 0x7FFFFFFF):len(), utf8.char())
local s = "añb€c😀"
print(#s, utf8.len(s), utf8.len(s, 3), utf8.len(s, -4), pcall(utf8.len, s, 20))
print(utf8.len("\xF4\x90\x80\x80"), utf8.len("\xF4\x90\x80\x80", 1, -1, true), utf8.len("ab\xffcd"))
for p, c in utf8.codes(s) do io.write(p, "=", c, " ") end print()
print(utf8.codepoint(s, 1, -1))
print(utf8.offset(s, 0, 3), utf8.offset(s, -1), utf8.offset(s, 10), utf8.offset(s, 1), utf8.offset(s, 5))
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.codepoint, s, 3))
for w in s:gmatch(utf8.charpattern) do io.write("[", w, "]") end print()
print(pcall(function() for p, c in utf8.codes("a\xffb") do end end))
print(utf8.codepoint("\u{7FF}\u{FFFF}", 1, -1), "\u{48}\u{49}")
local rev = {}
for _, c in utf8.codes("héllo") do table.insert(rev, 1, utf8.char(c)) end
print(table.concat(rev))
print(pcall(utf8.char, -1), pcall(utf8.char, 0x80000000))
-- table library
local t = {5, 2, 8, 1, 9, 3}
table.sort(t) print(table.concat(t, ","))
table.sort(t, function(a, b) return a > b end) print(table.concat(t, ","))
local people = {{n = "bob", a = 30}, {n = "al", a = 25}, {n = "cy", a = 30}, {n = "di", a = 25}}
table.sort(people, function(x, y) if x.a ~= y.a then return x.a < y.a end return x.n < y.n end)
for _, p in ipairs(people) do io.write(p.n, p.a, " ") end print()
local words = {"banana", "Apple", "cherry", "apple", "Banana"}
table.sort(words) print(table.concat(words, " "))
table.sort(words, function(a, b) return a:lower() < b:lower() or (a:lower() == b:lower() and a < b) end) print(table.concat(words, " "))
print(pcall(table.sort, {3, "a", 1}))
print(table.remove({}), table.remove({1, 2, 3}), table.remove({1, 2, 3}, 1), (pcall(table.remove, {1, 2}, 5)))
local m = table.move({1, 2, 3, 4, 5}, 2, 4, 1) print(table.concat(m, ","))
local m2 = table.move({1, 2, 3}, 1, 3, 3, {}) print(m2[1], m2[3], m2[5])
local q = {} table.insert(q, "a") table.insert(q, 1, "b") table.insert(q, #q + 1, "c") print(table.concat(q, ","))
print(pcall(table.insert, {}, 1, 2, 3), pcall(table.insert, {}))
print(#table.pack(), table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, -1, 1))
print(next({}), next({10}), type(next), rawlen({1, 2}), rawlen("abc"), rawequal("a", "a"))
local arr = {}
for i = 1, 10 do arr[i] = i end
for i = 1, 10, 2 do arr[i] = nil end
local cnt = 0 for _ in pairs(arr) do cnt = cnt + 1 end print(cnt)
local ordered = {}
for i, v in ipairs({1, 2, nil, 4}) do ordered[#ordered + 1] = v end print(#ordered)
print(collectgarbage("count") > 0, collectgarbage(), collectgarbage("isrunning"))
print(pcall(collectgarbage, "bogus"))
local f = load("return 1 + ...")
print(f(41), load("syntax error here"))
print(load("x = ", "=mychunk"))
print(type(load("error('inside')", "@named.lua")))
print(pcall(load("error('inside')", "=named")))
print(pcall(load("local a = ... ; return a.b", "chunk text")))
local env = {print = print, x = 5}
print(load("x = x + 1; return x", "e", "t", env)(), env.x, x)
local parts = {"return ", "10", " * 2"}
local i = 0
print(load(function() i = i + 1; return parts[i] end)())
print(pcall(load, "return 1", "x", "q"))
print(loadstring, unpack, setfenv)
print(string.pack and string.unpack("i4", string.pack("i4", 100)), string.packsize and string.packsize("i4i8"))
print(string.pack and #string.pack("z", "hello"), string.pack and string.unpack(">I2", "\1\2"))

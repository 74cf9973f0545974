local function caesar(s, k)
  return (s:gsub("%a", function(c)
    local base = c:match("%l") and 97 or 65
    return string.char((c:byte() - base + k) % 26 + base)
  end))
end
print(caesar("Hello, World!", 3), caesar(caesar("Hello, World!", 3), -3), caesar("xyz", 13))
local b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function b64(data)
  return ((data:gsub(".", function(x)
    local r, b = "", x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return b64chars:sub(c + 1, c + 1)
  end) .. ({"", "==", "="})[#data % 3 + 1])
end
for _, s in ipairs({"", "f", "fo", "foo", "foob", "fooba", "foobar", "Lua 5.4!"}) do io.write(b64(s), " ") end print()
local function rle(s)
  local out = {}
  local i = 1
  while i <= #s do
    local c = s:sub(i, i)
    local j = i
    while s:sub(j + 1, j + 1) == c do j = j + 1 end
    out[#out + 1] = (j - i + 1 > 1 and (j - i + 1) or "") .. c
    i = j + 1
  end
  return table.concat(out)
end
print(rle("aaabccddddde"), rle(""), rle("abc"))
local function unrle(s) return (s:gsub("(%d*)(%D)", function(n, c) return c:rep(tonumber(n) or 1) end)) end
print(unrle(rle("aaabccddddde")))
local function popcount(n) local c = 0 while n ~= 0 do c = c + (n & 1); n = n >> 1 end return c end
print(popcount(0), popcount(255), popcount(-1), popcount(math.mininteger))
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex("Hi\0\255"), ("%08X"):format(0xDEADBEEF), 0xff, 0x7fffffffffffffff, 0xffffffffffffffff)
local function djb2(s) local h = 5381 for i = 1, #s do h = ((h << 5) + h + s:byte(i)) & 0xffffffff end return h end
print(djb2("hello"), djb2(""), djb2(("x"):rep(100)))
local function xor_cipher(s, key)
  local out = {}
  for i = 1, #s do out[i] = string.char(s:byte(i) ~ key:byte((i - 1) % #key + 1)) end
  return table.concat(out)
end
local enc = xor_cipher("secret message", "key")
print(hex(enc), xor_cipher(enc, "key"))
print(("%q"):format(enc))
local f = load("return " .. ("%q"):format(enc))
print(f() == enc)
local words = {}
for w in ("the rain in spain stays mainly in the plain"):gmatch("%a+") do words[#words + 1] = w:reverse() end
print(table.concat(words, " "))
print(("racecar"):reverse() == "racecar", ("A man a plan"):lower():gsub("%s", ""):reverse())
local vowels = select(2, ("programming in lua"):gsub("[aeiou]", ""))
print(vowels)
print(string.byte("ABC", 1, 3), string.char(string.byte("xyz", 1, -1)))
local bin = {}
for i = 0, 8 do
  local n, s = i, ""
  repeat s = (n % 2) .. s; n = n // 2 until n == 0
  bin[#bin + 1] = s
end
print(table.concat(bin, " "))

local s = "héllo wörld ✓ 日本語"
print(#s, utf8.len(s), utf8.char(0x48, 0x49, 0x2713, 0x1F600))
for _, c in utf8.codes("aé✓") do io.write(string.format("U+%04X ", c)) end
print()
local chars = {}
for ch in s:gmatch(utf8.charpattern) do chars[#chars + 1] = ch end
print(#chars, chars[2], chars[#chars], table.concat(chars, "|", 13, 15))
print(utf8.offset(s, 3), utf8.offset(s, -1), utf8.offset(s, 0, 3), utf8.codepoint(s, utf8.offset(s, 13)))
print(utf8.len("\xff\xfe"), utf8.len(s, 3), pcall(utf8.len, s, 100))
local rev = {}
for _, c in utf8.codes("abc✓é") do table.insert(rev, 1, utf8.char(c)) end
print(table.concat(rev))
print(("%q"):format("é\n"), ("é"):byte(1, -1))
print(utf8.char(), utf8.char(0x7FFFFFFF):len(), pcall(utf8.char, -1))
print(utf8.codepoint("\u{7FF}\u{800}\u{FFFF}\u{10000}", 1, -1))
print(pcall(utf8.codepoint, "\xed\xa0\x80"), utf8.len("\xed\xa0\x80", 1, -1, true))
print(("ABC"):lower(), ("éa"):upper(), string.reverse("ab✓"):len())
local function utf8_sub(str, i, j)
  local a = utf8.offset(str, i)
  local b = utf8.offset(str, j + 1)
  return str:sub(a, (b or #str + 1) - 1)
end
print(utf8_sub(s, 1, 5), utf8_sub(s, 7, 11), utf8_sub(s, 15, 17))

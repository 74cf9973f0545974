local text = [[
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness.
]]
local freq, order = {}, {}
for word in text:lower():gmatch("%a+") do
  if not freq[word] then order[#order + 1] = word end
  freq[word] = (freq[word] or 0) + 1
end
table.sort(order, function(a, b)
  if freq[a] ~= freq[b] then return freq[a] > freq[b] end
  return a < b
end)
for i = 1, 6 do print(string.format("%2d. %-8s %3d", i, order[i], freq[order[i]])) end
local lines = {}
for line in text:gmatch("[^\n]+") do lines[#lines + 1] = line end
print(#lines, #text, select(2, text:gsub("\n", "")), select(2, text:gsub("it was", "")))
local function wrap(s, width)
  local out, line = {}, ""
  for w in s:gmatch("%S+") do
    if #line + #w + 1 > width and #line > 0 then out[#out + 1] = line; line = w
    else line = (#line > 0) and (line .. " " .. w) or w end
  end
  if #line > 0 then out[#out + 1] = line end
  return out
end
for _, l in ipairs(wrap(text, 30)) do print("|" .. l .. string.rep(" ", 30 - #l) .. "|") end
local csv = "name,age,city\nAda,36,London\n\"Lovelace, A\",36,\"New, York\"\nBob,,Paris"
local function parse_csv_line(line)
  local res, pos = {}, 1
  while true do
    if line:sub(pos, pos) == '"' then
      local txt, e = line:match('^"([^"]*)"()', pos)
      res[#res + 1] = txt
      pos = e + 1
    else
      local s, e = line:find(",", pos, true)
      if s then res[#res + 1] = line:sub(pos, s - 1); pos = e + 1
      else res[#res + 1] = line:sub(pos); break end
    end
    if pos > #line + 1 then break end
  end
  return res
end
for line in csv:gmatch("[^\n]+") do
  local f = parse_csv_line(line)
  print(#f, table.concat(f, " | "))
end
local template = "Hello ${name}, you are ${age} years old. ${missing}!"
print((template:gsub("%${(%w+)}", {name = "Ada", age = 36})))
print((template:gsub("%${(%w+)}", function(k) if k == "missing" then return nil end return k:upper() end)))
local s = "  multiple   spaces   here  "
print("[" .. s:gsub("%s+", " "):match("^%s*(.-)%s*$") .. "]")
print(("hello world"):gsub("(%w+) (%w+)", "%2 %1"), ("abc"):gsub("%w", "%0%0"))
print(("2024-03-15T10:30:00"):match("(%d+)-(%d+)-(%d+)T(%d+):(%d+)"))
print(("key1=val1;key2=val2"):gsub("(%w+)=(%w+)", "%2=%1"))
local escaped = ("a.b*c+d?e[f]g^h$i(j)k%l-m"):gsub("[%.%*%+%?%[%]%^%$%(%)%%%-]", "%%%0")
print(escaped)
print(("%d%%"):format(50), ("x"):rep(3, "-"), ("abc"):upper():lower():len())
print(("one two three"):find("two"), ("one two three"):find("t%a+", 6), ("a1b2c3"):gsub("%d", ""))
local caps = {}
for a, b in ("k1:v1 k2:v2 k3:v3"):gmatch("(%w+):(%w+)") do caps[#caps + 1] = b .. "<" .. a end
print(table.concat(caps, ","))
print(("THE (quick) [brown] {fox}"):gsub("%b()", ""):gsub("%b[]", "#"), ("f(a(b)c)"):match("%((.*)%)"))
print(("hello"):gsub("", "."), ("  x  "):find("^%s*$"), ("   "):find("^%s*$"))
print(string.format("%-10s|%10s|", "left", "right"), string.format("%03d:%02d", 7, 5))
print(("Hello World"):gsub("%f[%w]%w", string.lower), ("snake_case_name"):gsub("_(%a)", string.upper))

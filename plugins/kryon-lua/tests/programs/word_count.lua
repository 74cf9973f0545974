local text = [[
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness.
]]
local counts, order = {}, {}
for word in text:lower():gmatch("%a+") do
  if not counts[word] then counts[word] = 0; order[#order + 1] = word end
  counts[word] = counts[word] + 1
end
table.sort(order, function(a, b)
  if counts[a] ~= counts[b] then return counts[a] > counts[b] end
  return a < b
end)
for i = 1, 8 do
  print(string.format("%2d. %-12s %3d %s", i, order[i], counts[order[i]], ("*"):rep(counts[order[i]])))
end
local lines = 0
for line in text:gmatch("[^\n]+") do lines = lines + 1 end
print("lines", lines, "words", select(2, text:gsub("%a+", "")), "chars", #text)
local longest = ""
for w in text:gmatch("%a+") do if #w > #longest then longest = w end end
print("longest", longest, #longest)
-- letter histogram
local hist = {}
for c in text:lower():gmatch("%a") do hist[c] = (hist[c] or 0) + 1 end
local letters = {}
for c in pairs(hist) do letters[#letters + 1] = c end
table.sort(letters)
local out = {}
for _, c in ipairs(letters) do out[#out + 1] = c .. "=" .. hist[c] end
print(table.concat(out, " "))
print(table.concat({}, ","), table.concat({1, 2.5, "x"}, "-"), table.concat({1, 2, 3}, ",", 2, 3))
print(pcall(table.concat, {1, {}, 3}))
-- capitalise each word
print((text:sub(1, 40):gsub("(%a)(%a*)", function(a, b) return a:upper() .. b end)))
-- csv parse
local function parsecsv(line)
  local res, pos = {}, 1
  while true do
    if line:sub(pos, pos) == '"' then
      local txt, i = "", pos + 1
      while true do
        local a, b = line:find('"', i, true)
        if line:sub(b + 1, b + 1) == '"' then txt = txt .. line:sub(i, a); i = b + 2
        else txt = txt .. line:sub(i, a - 1); pos = b + 2; break end
      end
      res[#res + 1] = txt
    else
      local s = line:find(",", pos, true)
      if s then res[#res + 1] = line:sub(pos, s - 1); pos = s + 1
      else res[#res + 1] = line:sub(pos); break end
    end
    if pos > #line + 1 then break end
  end
  return res
end
for _, l in ipairs({'a,b,c', '"x, y",2,"say ""hi"""', ',,', 'single'}) do
  local f = parsecsv(l)
  print(#f, table.concat(f, "|"))
end

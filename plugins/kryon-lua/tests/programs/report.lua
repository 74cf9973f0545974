local sales = {
  {region = "North", item = "Widget", qty = 12, price = 2.5},
  {region = "South", item = "Gadget", qty = 3, price = 19.99},
  {region = "North", item = "Gadget", qty = 7, price = 19.99},
  {region = "East", item = "Widget", qty = 40, price = 2.25},
  {region = "South", item = "Doohickey", qty = 1, price = 105},
  {region = "East", item = "Gadget", qty = 0, price = 19.99},
}
local totals, regions = {}, {}
for _, s in ipairs(sales) do
  if not totals[s.region] then totals[s.region] = {revenue = 0, units = 0, items = {}}; regions[#regions + 1] = s.region end
  local t = totals[s.region]
  t.revenue = t.revenue + s.qty * s.price
  t.units = t.units + s.qty
  t.items[s.item] = (t.items[s.item] or 0) + s.qty
end
table.sort(regions, function(a, b) return totals[a].revenue > totals[b].revenue end)
print(string.format("%-8s|%10s|%6s|%s", "Region", "Revenue", "Units", "Items"))
print(string.rep("-", 40))
local grand = 0
for _, r in ipairs(regions) do
  local t = totals[r]
  local names = {}
  for name, q in pairs(t.items) do names[#names + 1] = name .. "x" .. q end
  table.sort(names)
  print(string.format("%-8s|%10.2f|%6d|%s", r, t.revenue, t.units, table.concat(names, ";")))
  grand = grand + t.revenue
end
print(string.rep("=", 40))
print(string.format("%-8s|%10.2f|%6s|", "Total", grand, ""))
print(string.format("avg %.3f, max %g, share %5.1f%%", grand / #sales, 105, totals.North.revenue / grand * 100))
local function wrap(text, width)
  local lines, line = {}, ""
  for word in text:gmatch("%S+") do
    if #line + #word + 1 > width and #line > 0 then lines[#lines + 1] = line; line = word
    else line = #line > 0 and (line .. " " .. word) or word end
  end
  if #line > 0 then lines[#lines + 1] = line end
  return lines
end
for i, l in ipairs(wrap("Lua is a powerful, efficient, lightweight, embeddable scripting language. It supports procedural programming, object-oriented programming, functional programming, data-driven programming, and data description.", 32)) do
  print(string.format("%2d| %-32s |", i, l))
end
local function center(s, w) local pad = w - #s; return (" "):rep(pad // 2) .. s .. (" "):rep(pad - pad // 2) end
print("[" .. center("title", 11) .. "]", "[" .. center("ab", 7) .. "]")
local function commas(n)
  local s = string.format("%d", n)
  local neg = s:sub(1, 1) == "-"
  if neg then s = s:sub(2) end
  s = s:reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", "")
  return (neg and "-" or "") .. s
end
print(commas(0), commas(999), commas(1000), commas(1234567), commas(-9876543210), commas(math.maxinteger))
local template = "Dear ${name}, your order #${id} of ${count} item(s) ships ${when}. ${missing}"
print((template:gsub("%${(%w+)}", {name = "Ann", id = 1042, count = 3, when = "today"})))
print(("%-6s%6s"):format("ab", "cd") .. "|", ("%.3s"):format("abcdef"), ("%5.1s|"):format("xyz"))

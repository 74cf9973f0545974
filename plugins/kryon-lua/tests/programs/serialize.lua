local function serialize(v, indent, seen)
  indent, seen = indent or "", seen or {}
  local t = type(v)
  if t == "string" then return string.format("%q", v)
  elseif t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    if v ~= v then return "0/0" elseif v == math.huge then return "math.huge" elseif v == -math.huge then return "-math.huge" end
    return string.format("%.17g", v)
  elseif t == "boolean" or t == "nil" then return tostring(v)
  elseif t == "table" then
    if seen[v] then error("cycle detected", 0) end
    seen[v] = true
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      local ta, tb = type(a), type(b)
      if ta ~= tb then return ta < tb end
      return a < b
    end)
    local parts = {}
    local inner = indent .. "  "
    for _, k in ipairs(keys) do
      local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or "[" .. serialize(k, inner, seen) .. "]"
      parts[#parts + 1] = inner .. ks .. " = " .. serialize(v[k], inner, seen)
    end
    seen[v] = nil
    if #parts == 0 then return "{}" end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  end
  error("cannot serialize a " .. t)
end
local data = {name = "test \"quoted\"\n", list = {1, 2.5, 3e100, -0.0}, flags = {on = true, off = false},
  [1] = "first", [10] = 0.1, nested = {deep = {deeper = {x = math.pi}}}, ["with space"] = 1/0, nan = 0/0}
local text = serialize(data)
print(text)
local back = load("return " .. text, "=data", "t", {math = math})()
print(back.name == data.name, back.list[2], back.nested.deep.deeper.x == math.pi, back["with space"], back.nan ~= back.nan)
print(serialize(back) == text)
local cyc = {}; cyc.self = cyc
print(pcall(serialize, cyc))
print(pcall(serialize, {f = print}))
print(string.format("%q", "\0\1\2abc\r\n\t\\\"\127\255"))
print(string.format("%q", math.mininteger), string.format("%q", 2^53), string.format("%q", 0.1))
local q = string.format("%q", "line1\nline2\0end")
print(load("return " .. q)() == "line1\nline2\0end", #q)
local function pretty(t)
  local items = {}
  for i, v in ipairs(t) do items[i] = type(v) == "table" and pretty(v) or tostring(v) end
  return "[" .. table.concat(items, ", ") .. "]"
end
print(pretty({1, {2, {3, {4}}}, "x", true, 1.5}))
print(tostring(1e15), tostring(1e16), tostring(-1e15), tostring(123456789012), 2^24, 1e15 + 0.1)
print(string.format("%.14g|%.3f|%5.1f|%-8.2e|", 2/3, 2/3, 2/3, 2/3))

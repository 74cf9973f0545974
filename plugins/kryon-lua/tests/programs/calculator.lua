local function tokenize(src)
  local tokens, pos = {}, 1
  while pos <= #src do
    local ws = src:match("^%s+", pos)
    if ws then pos = pos + #ws
    else
      local num = src:match("^%d+%.?%d*", pos)
      if num then tokens[#tokens + 1] = {kind = "num", value = tonumber(num)}; pos = pos + #num
      else
        local id = src:match("^[%a_][%w_]*", pos)
        if id then tokens[#tokens + 1] = {kind = "id", value = id}; pos = pos + #id
        else
          local op = src:sub(pos, pos)
          if not op:find("^[%+%-%*/%%%^%(%),=]") then error(("unexpected '%s' at %d"):format(op, pos), 0) end
          tokens[#tokens + 1] = {kind = "op", value = op}; pos = pos + 1
        end
      end
    end
  end
  tokens[#tokens + 1] = {kind = "eof"}
  return tokens
end
local funcs = {sqrt = math.sqrt, max = math.max, min = math.min, abs = math.abs, floor = math.floor}
local function evaluate(src, vars)
  local toks, i = tokenize(src), 1
  local function peek() return toks[i] end
  local function take() i = i + 1; return toks[i - 1] end
  local function expect(v) local t = take(); if t.value ~= v then error(("expected '%s' near token %d"):format(v, i - 1), 0) end end
  local expr
  local function primary()
    local t = take()
    if t.kind == "num" then return t.value end
    if t.kind == "id" then
      if peek().value == "(" then
        take()
        local args = {}
        if peek().value ~= ")" then
          repeat args[#args + 1] = expr() until peek().value ~= "," or not take()
        end
        expect(")")
        local f = funcs[t.value] or error("unknown function " .. t.value, 0)
        return f(table.unpack(args))
      end
      local v = vars[t.value]
      if v == nil then error("undefined variable " .. t.value, 0) end
      return v
    end
    if t.value == "(" then local v = expr(); expect(")"); return v end
    if t.value == "-" then return -primary() end
    error("unexpected token " .. tostring(t.value or t.kind), 0)
  end
  local function power()
    local b = primary()
    if peek().value == "^" then take(); return b ^ power() end
    return b
  end
  local function term()
    local v = power()
    while true do
      local op = peek().value
      if op == "*" then take(); v = v * power()
      elseif op == "/" then take(); v = v / power()
      elseif op == "%" then take(); v = v % power()
      else return v end
    end
  end
  function expr()
    local v = term()
    while true do
      local op = peek().value
      if op == "+" then take(); v = v + term()
      elseif op == "-" then take(); v = v - term()
      else return v end
    end
  end
  if toks[1].kind == "id" and toks[2].value == "=" then
    i = 3
    local v = expr()
    vars[toks[1].value] = v
    return v
  end
  local v = expr()
  if peek().kind ~= "eof" then error("trailing input", 0) end
  return v
end
local vars = {pi = math.pi}
for _, line in ipairs({"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "x = 10 / 4", "x * 2", "-x + 1", "7 % 3",
  "sqrt(16) + max(1, 5, 3)", "floor(pi * 100)", "y + 1", "1 +", "3 $ 4", "(1 + 2", "abs(-2.5)", "10 / 0", "-10 / 0", "0/0 == 0/0", "2 ^ 0.5"}) do
  local ok, v = pcall(evaluate, line, vars)
  print(string.format("%-24s %s %s", line, ok and "=" or "!", tostring(v)))
end

-- Lua 5.4's pattern matching (string.find, match, gmatch and gsub) written in Lua.
--
-- The sandbox hands a pattern to the C functions when its worst case on the
-- subject is bounded (S.pattern_cost in sandbox.lua).  Past that bound one C
-- call could backtrack for minutes where no hook can stop it, so the call
-- runs here instead: the same results and the same errors, in Lua code that
-- the limit hook interrupts like any script code.  Patterns that look costly
-- are mostly linear in practice (`([^,]*),`, `^%s*(.-)%s*$`, `<(.-)>`), so
-- the work that is linear is still done in C, by string.find on patterns of
-- one item: the length of a run of a repeated item, the next place where a
-- match can start, and the next place where the item after a lazy repeat
-- matches.
--
-- Positions are 1-based byte indexes.  Matching the pattern from `pi` at
-- subject position `si` returns the position just past the match, or nil.
-- Runs once per VM with the full standard library (Lua 5.4 only: the sandbox
-- keeps refusing costly patterns on LuaJIT, whose matcher differs).  Errors
-- are raised at level 1, under this chunk's name: the sandbox's replacements
-- re-tell them as raised at the script's call, as the C functions do.

local string_byte, string_sub, string_char, string_find =
  string.byte, string.sub, string.char, string.find
local table_concat, table_unpack = table.concat, table.unpack
local tostring, type, error, pcall, setmetatable = tostring, type, error, pcall, setmetatable

local MAX_CAPTURES = 32   -- LUA_MAXCAPTURES
local MAX_DEPTH = 200     -- lstrlib's MAXCCALLS: "pattern too complex"
-- The Lua frames of a match at MAX_DEPTH (up to two a level), which the
-- script's recursion limit must not count: the C matcher has none.  The VM
-- passes the kernel's K.deepen(n), which returns the allowance before.
local MATCH_FRAMES = 2 * MAX_DEPTH + 16
local deepen = ... or function() return 0 end
local UNFINISHED, POSITION = -1, -2

local PERCENT, LBRACKET, RBRACKET, CARET = 37, 91, 93, 94
local LPAREN, RPAREN, DOLLAR, DOT = 40, 41, 36, 46
local STAR, PLUS, MINUS, QUESTION = 42, 43, 45, 63
local DIGIT_1, DIGIT_9, LETTER_B, LETTER_F = 49, 57, 98, 102

-- Characters with a meaning of their own in a pattern (a '$' only at its
-- end, a '%' only before b, f or a digit), the escapes that have one, and
-- the repetition suffixes.
local SPECIAL = { [LPAREN] = LPAREN, [RPAREN] = RPAREN, [DOLLAR] = DOLLAR, [PERCENT] = PERCENT }
local ESCAPE = { [LETTER_B] = LETTER_B, [LETTER_F] = LETTER_F }
for d = 48, DIGIT_9 do ESCAPE[d] = DIGIT_1 end
local REPEAT = { [STAR] = true, [PLUS] = true, [MINUS] = true, [QUESTION] = true }

local ANY = {}
for c = 0, 255 do ANY[c] = true end

local function escaped(c)
  -- a character as a one-item pattern (or set member) matching only itself
  local ch = string_char(c)
  if string_find(ch, "^%w") then return ch end
  return "%" .. ch
end

-- The characters a class ("%a") or set ("[^%s,]") matches, found by asking
-- the C matcher about each byte, so classes mean exactly what they mean
-- there.  Bounded cache.
local sets, set_count = {}, 0
local function set_of(text)
  local set = sets[text]
  if set == nil then
    set = {}
    local anchored = "^" .. text
    for c = 0, 255 do
      if string_find(string_char(c), anchored) then set[c] = true end
    end
    if set_count >= 256 then sets, set_count = {}, 0 end
    sets[text], set_count = set, set_count + 1
  end
  return set
end

-- What is known of one pattern, position by position, filled in as matching
-- reaches each item (a malformed item is an error only once it is reached,
-- as in C).
local Pattern = {}
Pattern.__index = Pattern

local function new_pattern(p)
  return setmetatable({ p = p, len = #p, ends = {}, items = {}, texts = {}, follows = {},
                        runs = {} }, Pattern)
end

-- Position just past the single-character item at `pi` (C's classEnd).
function Pattern:class_end(pi)
  local e = self.ends[pi]
  if e then return e end
  local p, len = self.p, self.len
  local c = string_byte(p, pi)
  e = pi + 1
  if c == PERCENT then
    if e > len then error("malformed pattern (ends with '%')") end
    e = e + 1
  elseif c == LBRACKET then
    if string_byte(p, e) == CARET then e = e + 1 end
    repeat  -- the first character is a member even if it is ']'
      if e > len then error("malformed pattern (missing ']')") end
      local d = string_byte(p, e)
      e = e + 1
      if d == PERCENT and e <= len then e = e + 1 end
    until string_byte(p, e) == RBRACKET
    e = e + 1
  end
  self.ends[pi] = e
  return e
end

-- The set of characters the single-character item at `pi` matches.
function Pattern:item(pi)
  local set = self.items[pi]
  if set then return set end
  local e = self:class_end(pi)
  local c = string_byte(self.p, pi)
  if c == DOT then
    set = ANY
  elseif c == PERCENT or c == LBRACKET then
    set = set_of(string_sub(self.p, pi, e - 1))
  else
    set = { [c] = true }
  end
  self.items[pi] = set
  return set
end

-- The item at `pi` as a pattern of its own, for string.find.
function Pattern:text(pi)
  local text = self.texts[pi]
  if text then return text end
  local e = self:class_end(pi)
  local c = string_byte(self.p, pi)
  if c == PERCENT or c == LBRACKET or c == DOT then
    text = string_sub(self.p, pi, e - 1)
  else
    text = escaped(c)
  end
  self.texts[pi] = text
  return text
end

-- `^X*` for the item X at `pi`: string.find with it measures a run.
function Pattern:run(pi)
  local run = self.runs[pi]
  if not run then
    run = "^" .. self:text(pi) .. "*"
    self.runs[pi] = run
  end
  return run
end

-- Whether every item of the pattern is well formed and its parentheses pair
-- up.  Only then are shortcuts taken (skipping places where the next
-- character cannot match, stepping over captures, which match nothing): in
-- C, reaching a bad item is an error, so a malformed pattern is matched step
-- by step as C does.
local function check_items(P)
  local p, len, pi, open = P.p, P.len, 1, 0
  if string_byte(p, 1) == CARET then pi = 2 end
  while pi <= len do
    local c = string_byte(p, pi)
    local d = c == PERCENT and string_byte(p, pi + 1)
    if c == LPAREN then
      open, pi = open + 1, pi + 1
    elseif c == RPAREN then
      if open == 0 then error("unpaired") end
      open, pi = open - 1, pi + 1
    elseif d == LETTER_B then
      if pi + 3 > len then error("short %b") end
      pi = pi + 4
    elseif d == LETTER_F then
      if string_byte(p, pi + 2) ~= LBRACKET then error("bad %f") end
      pi = P:class_end(pi + 2)
    elseif d and d >= 48 and d <= DIGIT_9 then
      pi = pi + 2
    else
      pi = P:class_end(pi)
      local q = string_byte(p, pi)
      if q == STAR or q == PLUS or q == MINUS or q == QUESTION then pi = pi + 1 end
    end
  end
  if open ~= 0 then error("unfinished") end
end

function Pattern:well_formed()
  local ok = self.ok
  if ok == nil then
    ok = pcall(check_items, self)
    self.ok = ok
  end
  return ok
end

-- If the pattern goes on at `pi` with one character that must be there (a
-- plain item, not optional, possibly after captures opening or closing), its
-- set and its text; otherwise false.  A repeat then need only try the rest
-- where that character is, and a search need only start there.
function Pattern:follow(pi)
  local follow = self.follows[pi]
  if follow ~= nil then return follow end
  follow = false
  local p, len = self.p, self.len
  local at, c = pi, string_byte(p, pi)
  while c == LPAREN or c == RPAREN do
    at = at + 1
    c = string_byte(p, at)
  end
  if c and self:well_formed() and not (c == DOLLAR and at == len) then
    local d = c == PERCENT and string_byte(p, at + 1)
    if not (d == LETTER_B or d == LETTER_F or (d and d >= 48 and d <= DIGIT_9)) then
      local q = string_byte(p, self:class_end(at))
      if q ~= STAR and q ~= QUESTION and q ~= MINUS then
        local set = self:item(at)
        if set ~= ANY then follow = { set = set, text = self:text(at) } end
      end
    end
  end
  self.follows[pi] = follow
  return follow
end

local patterns, pattern_count = {}, 0
local function pattern_of(p)
  local pattern = patterns[p]
  if not pattern then
    pattern = new_pattern(p)
    if pattern_count >= 128 then patterns, pattern_count = {}, 0 end
    patterns[p], pattern_count = pattern, pattern_count + 1
  end
  return pattern
end

-- One matching session over `src` (a find, a match, a gmatch loop or a gsub):
-- returns match(si, pi), reset() and the capture accessors.  Each session
-- has its own state, so a gsub whose replacement function matches again is
-- safe.
local function session(P, src)
  local p, plen = P.p, P.len
  local s_end = #src + 1
  local level, depth = 0, MAX_DEPTH
  local cap_init, cap_len = {}, {}
  local items, ends = P.items, P.ends
  local do_match

  local function run_length(si, pi)
    if P:item(pi) == ANY then return s_end - si end
    local _, e = string_find(src, P:run(pi), si)
    return e - si + 1
  end

  local function max_expand(si, pi, ep)
    local k = si + run_length(si, pi)
    local rest = ep + 1
    local follow = P:follow(rest)
    local set = follow and follow.set
    while k >= si do
      if not set or (k < s_end and set[string_byte(src, k)]) then
        local r = do_match(k, rest)
        if r then return r end
      end
      k = k - 1
    end
    return nil
  end

  local function min_expand(si, pi, ep)
    local rest = ep + 1
    local follow = P:follow(rest)
    if follow then
      -- the rest can only start where its first character is, and every
      -- character before that must be one the repeated item matches
      local last = si + run_length(si, pi)
      local text, k = follow.text, si
      while true do
        k = string_find(src, text, k)
        if not k or k > last then return nil end
        local r = do_match(k, rest)
        if r then return r end
        k = k + 1
      end
    end
    local set = items[pi] or P:item(pi)
    while true do
      local r = do_match(si, rest)
      if r then return r end
      if si < s_end and set[string_byte(src, si)] then si = si + 1 else return nil end
    end
  end

  local function start_capture(si, pi, what)
    if level >= MAX_CAPTURES then error("too many captures") end
    cap_init[level], cap_len[level] = si, what
    level = level + 1
    local r = do_match(si, pi)
    if not r then level = level - 1 end
    return r
  end

  local function end_capture(si, pi)
    local l = level - 1
    while l >= 0 and cap_len[l] ~= UNFINISHED do l = l - 1 end
    if l < 0 then error("invalid pattern capture") end
    cap_len[l] = si - cap_init[l]
    local r = do_match(si, pi)
    if not r then cap_len[l] = UNFINISHED end
    return r
  end

  local function match_balance(si, pi)
    if pi + 1 > plen then error("malformed pattern (missing arguments to '%b')") end
    local open, close = string_byte(p, pi), string_byte(p, pi + 1)
    if si >= s_end or string_byte(src, si) ~= open then return nil end
    local either = "[" .. escaped(open) .. escaped(close) .. "]"
    local depth_b = 1
    while true do
      si = string_find(src, either, si + 1)
      if not si then return nil end
      if string_byte(src, si) == close then
        depth_b = depth_b - 1
        if depth_b == 0 then return si + 1 end
      else
        depth_b = depth_b + 1
      end
    end
  end

  local function match_capture(si, d)
    local l = d - DIGIT_1
    if l < 0 or l >= level or cap_len[l] == UNFINISHED then
      error(("invalid capture index %%%d"):format(l + 1))
    end
    local len = cap_len[l]
    if len < 0 or s_end - si < len then return nil end  -- a position capture never matches
    local init = cap_init[l]
    if string_sub(src, init, init + len - 1) == string_sub(src, si, si + len - 1) then
      return si + len
    end
    return nil
  end

  do_match = function(si, pi)
    depth = depth - 1
    if depth < 0 then error("pattern too complex") end
    local result
    while true do
      if pi > plen then result = si break end
      local c = string_byte(p, pi)
      local special = SPECIAL[c]
      if special == PERCENT then
        local d = string_byte(p, pi + 1)
        special = ESCAPE[d]
        if special == DIGIT_1 then special = d end
      elseif special == DOLLAR and pi < plen then
        special = nil
      end
      if not special then  -- one character, maybe repeated: most of matching
        local ep = ends[pi] or P:class_end(pi)
        local q = string_byte(p, ep)
        local set = items[pi] or P:item(pi)
        if si >= s_end or not set[string_byte(src, si)] then
          if q == STAR or q == QUESTION or q == MINUS then
            pi = ep + 1
          else
            break
          end
        elseif q == nil or not REPEAT[q] then
          si, pi = si + 1, ep
        elseif q == QUESTION then
          local r = do_match(si + 1, ep + 1)
          if r then result = r break end
          pi = ep + 1
        elseif q == PLUS then
          result = max_expand(si + 1, pi, ep)
          break
        elseif q == STAR then
          result = max_expand(si, pi, ep)
          break
        else
          result = min_expand(si, pi, ep)
          break
        end
      elseif special == LPAREN then
        if string_byte(p, pi + 1) == RPAREN then
          result = start_capture(si, pi + 2, POSITION)
        else
          result = start_capture(si, pi + 1, UNFINISHED)
        end
        break
      elseif special == RPAREN then
        result = end_capture(si, pi + 1)
        break
      elseif special == DOLLAR then
        if si == s_end then result = si end
        break
      elseif special == LETTER_B then
        si = match_balance(si, pi + 2)
        if not si then break end
        pi = pi + 4
      elseif special == LETTER_F then
        pi = pi + 2
        if string_byte(p, pi) ~= LBRACKET then
          error("missing '[' after '%f' in pattern")
        end
        local ep = P:class_end(pi)
        local set = P:item(pi)
        local previous = si > 1 and string_byte(src, si - 1) or 0
        local current = si < s_end and string_byte(src, si) or 0
        if set[previous] or not set[current] then break end
        pi = ep
      else  -- a back-reference, %0 to %9
        si = match_capture(si, special)
        if not si then break end
        pi = pi + 2
      end
    end
    depth = depth + 1
    return result
  end

  local M = {}

  -- (an error ends the match, but the allowance is put back first; raising
  -- the same value again keeps a limit a limit, and a memory error one)
  local function settle(was, ok, e)
    deepen(was - deepen(0))
    if not ok then error(e, 0) end
    return e
  end

  function M.match(si, pi)
    level, depth = 0, MAX_DEPTH
    return settle(deepen(MATCH_FRAMES), pcall(do_match, si, pi))
  end

  -- Capture `i` (0-based) of the match s..e-1; the whole match when the
  -- pattern has no captures and i is 0.
  function M.capture(i, s, e)
    if i >= level then
      if i ~= 0 then error(("invalid capture index %%%d"):format(i + 1)) end
      return string_sub(src, s, e - 1)
    end
    local len = cap_len[i]
    if len == UNFINISHED then error("unfinished capture") end
    if len == POSITION then return cap_init[i] end
    return string_sub(src, cap_init[i], cap_init[i] + len - 1)
  end

  -- Every capture; with `whole`, the whole match when there are none.
  function M.captures(s, e, whole)
    local n = level
    if n == 0 then
      if whole then return string_sub(src, s, e - 1) end
      return
    end
    if n == 1 then return M.capture(0, s, e) end
    local values = {}
    for i = 0, n - 1 do values[i + 1] = M.capture(i, s, e) end
    return table_unpack(values, 1, n)
  end

  return M
end

-- Where an unanchored search can start: where the pattern's first character
-- is, if one must be there.
local function start_text(P, pi)
  local follow = P:follow(pi)
  return follow and follow.text
end

-- Lua 5.4's posrelatI.
local function start_position(init, len)
  if init > 0 then return init end
  if init == 0 or init < -len then return 1 end
  return len + init + 1
end

local Patterns = {}

-- string.find (with `find`) and string.match on a pattern with specials;
-- `init` is an integer or nil.
local function search(s, p, init, find)
  local len = #s
  init = start_position(init or 1, len)
  if init > len + 1 then return nil end
  local P = pattern_of(p)
  local anchored = string_byte(p, 1) == CARET
  local pi = anchored and 2 or 1
  local start = not anchored and start_text(P, pi)
  local m = session(P, s)
  local s1 = init
  while true do
    if start then
      s1 = string_find(s, start, s1)
      if not s1 then return nil end
    end
    local e = m.match(s1, pi)
    if e then
      if find then return s1, e - 1, m.captures(s1, e, false) end
      return m.captures(s1, e, true)
    end
    s1 = s1 + 1
    if anchored or s1 > len + 1 then return nil end
  end
end

-- As string.find, a pattern without any of Lua's special characters is
-- searched plainly (')' or ']' alone are not patterns then, nor errors).
function Patterns.find(s, p, init)
  if not string_find(p, "[%^%$%*%+%?%.%(%[%%%-]") then
    return string_find(s, p, init, true)
  end
  return search(s, p, init, true)
end
function Patterns.match(s, p, init) return search(s, p, init, false) end

function Patterns.gmatch(s, p, init)
  local len = #s
  init = start_position(init or 1, len)
  if init > len + 1 then init = len + 2 end
  local P = pattern_of(p)
  local start = start_text(P, 1)
  local m = session(P, s)
  local si, last = init, nil
  return function()
    while si <= len + 1 do
      if start then
        local k = string_find(s, start, si)
        if not k then si = len + 2 return end
        si = k
      end
      local e = m.match(si, 1)
      if e and e ~= last then
        local from = si
        si, last = e, e
        return m.captures(from, e, true)
      end
      si = si + 1
    end
  end
end

-- `repl` is a string (numbers already made strings), a table or a function;
-- `max` an integer or nil.
function Patterns.gsub(s, p, repl, max)
  local len = #s
  local kind = type(repl)
  max = max or len + 1
  local P = pattern_of(p)
  local anchored = string_byte(p, 1) == CARET
  local pi = anchored and 2 or 1
  local start = not anchored and start_text(P, pi)
  local m = session(P, s)
  local out, n_out = {}, 0

  local function expand(from, e)
    local parts, n, i = {}, 0, 1
    while true do
      local j = string_find(repl, "%", i, true)
      if not j then break end
      n = n + 1
      parts[n] = string_sub(repl, i, j - 1)
      local d = string_byte(repl, j + 1)
      n = n + 1
      if d == PERCENT then
        parts[n] = "%"
      elseif d == 48 then
        parts[n] = string_sub(s, from, e - 1)
      elseif d and d >= DIGIT_1 and d <= DIGIT_9 then
        parts[n] = tostring(m.capture(d - DIGIT_1, from, e))
      else
        error("invalid use of '%' in replacement string")
      end
      i = j + 2
    end
    if n == 0 then return repl end
    n = n + 1
    parts[n] = string_sub(repl, i)
    return table_concat(parts, "", 1, n)
  end

  local function replacement(from, e)
    local value
    if kind == "string" then return expand(from, e) end
    if kind == "function" then
      value = repl(m.captures(from, e, true))
    else
      value = repl[m.capture(0, from, e)]
    end
    if not value then return string_sub(s, from, e - 1) end
    local vkind = type(value)
    if vkind ~= "string" and vkind ~= "number" then
      error(("invalid replacement value (a %s)"):format(vkind))
    end
    return tostring(value)
  end

  local si, kept, last, count = 1, 1, nil, 0
  while count < max do
    if start then
      local k = string_find(s, start, si)
      if not k then break end
      si = k
    end
    local e = m.match(si, pi)
    if e and e ~= last then
      count = count + 1
      n_out = n_out + 1
      out[n_out] = string_sub(s, kept, si - 1)
      n_out = n_out + 1
      out[n_out] = replacement(si, e)
      si, kept, last = e, e, e
    elseif si <= len then
      si = si + 1
    else
      break
    end
    if anchored then break end
  end
  n_out = n_out + 1
  out[n_out] = string_sub(s, kept)
  return table_concat(out, "", 1, n_out), count
end

return Patterns

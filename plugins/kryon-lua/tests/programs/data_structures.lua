-- queue, stack, LRU cache, binary search tree, set operations
local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({first = 1, last = 0, items = {}}, Queue) end
function Queue:push(v) self.last = self.last + 1; self.items[self.last] = v end
function Queue:pop()
  if self.first > self.last then return nil, "empty" end
  local v = self.items[self.first]; self.items[self.first] = nil; self.first = self.first + 1
  return v
end
function Queue:__len() return self.last - self.first + 1 end
local q = Queue.new()
for i = 1, 5 do q:push(i * i) end
print(#q, q:pop(), q:pop(), #q)
while #q > 0 do io.write(q:pop(), " ") end print(q:pop())
local LRU = {}
LRU.__index = LRU
function LRU.new(cap) return setmetatable({cap = cap, map = {}, order = {}}, LRU) end
function LRU:touch(k)
  for i, key in ipairs(self.order) do if key == k then table.remove(self.order, i) break end end
  table.insert(self.order, k)
end
function LRU:get(k) local v = self.map[k]; if v ~= nil then self:touch(k) end return v end
function LRU:put(k, v)
  if self.map[k] == nil and #self.order >= self.cap then
    local old = table.remove(self.order, 1); self.map[old] = nil
    print("evict", old)
  end
  self.map[k] = v; self:touch(k)
end
local c = LRU.new(2)
c:put("a", 1) c:put("b", 2) c:get("a") c:put("c", 3)
print(c:get("a"), c:get("b"), c:get("c"), table.concat(c.order, ","))
local BST = {}
BST.__index = BST
function BST.insert(node, k)
  if not node then return setmetatable({key = k}, BST) end
  if k < node.key then node.left = BST.insert(node.left, k) elseif k > node.key then node.right = BST.insert(node.right, k) end
  return node
end
function BST:walk(f) if self.left then self.left:walk(f) end f(self.key) if self.right then self.right:walk(f) end end
function BST:height() return 1 + math.max(self.left and self.left:height() or 0, self.right and self.right:height() or 0) end
local root
for _, k in ipairs({50, 30, 70, 20, 40, 60, 80, 35, 45, 65}) do root = BST.insert(root, k) end
local keys = {}
root:walk(function(k) keys[#keys + 1] = k end)
print(table.concat(keys, " "), root:height())
local Set = {}
Set.__index = Set
local function set(list) local s = setmetatable({}, Set) for _, v in ipairs(list) do s[v] = true end return s end
Set.__add = function(a, b) local r = set({}) for k in pairs(a) do r[k] = true end for k in pairs(b) do r[k] = true end return r end
Set.__mul = function(a, b) local r = set({}) for k in pairs(a) do if b[k] then r[k] = true end end return r end
Set.__sub = function(a, b) local r = set({}) for k in pairs(a) do if not b[k] then r[k] = true end end return r end
Set.__le = function(a, b) for k in pairs(a) do if not b[k] then return false end end return true end
Set.__lt = function(a, b) return a <= b and not (b <= a) end
Set.__eq = function(a, b) return a <= b and b <= a end
Set.__tostring = function(s) local l = {} for k in pairs(s) do l[#l + 1] = tostring(k) end table.sort(l) return "{" .. table.concat(l, ", ") .. "}" end
local A, B = set({1, 2, 3, 4}), set({3, 4, 5})
print(tostring(A + B), tostring(A * B), tostring(A - B), A * B <= A, A < A, A == set({4, 3, 2, 1}), set({}) < A)
-- matrix
local function matmul(a, b)
  local r = {}
  for i = 1, #a do
    r[i] = {}
    for j = 1, #b[1] do
      local s = 0
      for k = 1, #b do s = s + a[i][k] * b[k][j] end
      r[i][j] = s
    end
  end
  return r
end
local m = matmul({{1, 2}, {3, 4}}, {{5, 6}, {7, 8}})
for _, row in ipairs(m) do print(table.concat(row, " ")) end
local id = matmul({{1, 0}, {0, 1}}, {{2.5, -1}, {0, 3}})
print(id[1][1], id[1][2], id[2][2])
-- priority queue (binary heap)
local heap = {}
local function hpush(v)
  heap[#heap + 1] = v
  local i = #heap
  while i > 1 and heap[i // 2] > heap[i] do heap[i], heap[i // 2] = heap[i // 2], heap[i]; i = i // 2 end
end
local function hpop()
  local top = heap[1]
  heap[1] = heap[#heap]; heap[#heap] = nil
  local i = 1
  while true do
    local l, r, s = 2 * i, 2 * i + 1, i
    if heap[l] and heap[l] < heap[s] then s = l end
    if heap[r] and heap[r] < heap[s] then s = r end
    if s == i then break end
    heap[i], heap[s] = heap[s], heap[i]; i = s
  end
  return top
end
for _, v in ipairs({9, 4, 7, 1, 8, 2, 6}) do hpush(v) end
local out = {}
while #heap > 0 do out[#out + 1] = hpop() end
print(table.concat(out, ","))
-- linked list
local list = nil
for i = 1, 5 do list = {value = i, next = list} end
local l, vals = list, {}
while l do vals[#vals + 1] = l.value; l = l.next end
print(table.concat(vals, "->"))

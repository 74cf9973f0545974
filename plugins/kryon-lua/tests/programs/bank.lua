-- a small bank with classes, inheritance, errors as tables and pcall
local Account = {}
Account.__index = Account
Account.__tostring = function(a) return string.format("%s[%s: %.2f]", a.kind, a.owner, a.balance) end
Account.__eq = function(a, b) return a.id == b.id end
Account.__lt = function(a, b) return a.balance < b.balance end
local next_id = 0
function Account.new(owner, balance)
  next_id = next_id + 1
  return setmetatable({owner = owner, balance = balance or 0, id = next_id, kind = "Account", log = {}}, Account)
end
function Account:deposit(amount)
  if type(amount) ~= "number" or amount <= 0 then
    error({code = "EINVAL", msg = "invalid amount: " .. tostring(amount)})
  end
  self.balance = self.balance + amount
  self.log[#self.log + 1] = "+" .. amount
  return self
end
function Account:withdraw(amount)
  if amount > self.balance then
    error(string.format("insufficient funds in %s: %.2f < %.2f", self.owner, self.balance, amount), 2)
  end
  self.balance = self.balance - amount
  self.log[#self.log + 1] = "-" .. amount
  return self
end
local Savings = setmetatable({}, {__index = Account})
Savings.__index = Savings
Savings.__tostring = Account.__tostring
Savings.__lt = Account.__lt
function Savings.new(owner, balance, rate)
  local s = Account.new(owner, balance)
  s.kind, s.rate = "Savings", rate
  return setmetatable(s, Savings)
end
function Savings:add_interest()
  local interest = self.balance * self.rate
  return self:deposit(math.floor(interest * 100 + 0.5) / 100)
end
function Savings:withdraw(amount)
  if amount > 500 then error("savings withdrawals are capped at 500") end
  return Account.withdraw(self, amount)
end

local alice = Account.new("alice", 100)
local bob = Savings.new("bob", 1000, 0.025)
alice:deposit(50):withdraw(30)
bob:add_interest()
print(alice, bob)
print(table.concat(alice.log, " "), table.concat(bob.log, " "))
local ok, e = pcall(alice.deposit, alice, -5)
print(ok, type(e), e.code, e.msg)
ok, e = pcall(function() alice:withdraw(1000) end)
print(ok, e)
ok, e = pcall(bob.withdraw, bob, 600)
print(ok, e)
print(pcall(bob.withdraw, bob, 100), bob.balance)
print(alice < bob, alice == alice, alice == Account.new("alice", 120), bob > alice)
local accounts = {Account.new("carol", 5), alice, bob, Savings.new("dave", 250, 0.01)}
table.sort(accounts, function(a, b) return a > b end)
for i, a in ipairs(accounts) do print(i, tostring(a)) end
local total = 0
for _, a in ipairs(accounts) do total = total + a.balance end
print(string.format("total %.2f avg %.3f", total, total / #accounts))
print(getmetatable(bob) == Savings, getmetatable(Savings).__index == Account, rawget(Savings, "deposit"))
local function transfer(from, to, amount)
  local ok, err = pcall(from.withdraw, from, amount)
  if not ok then return false, "transfer failed: " .. tostring(err) end
  to:deposit(amount)
  return true
end
print(transfer(alice, bob, 20))
print(transfer(alice, bob, 5000))
print(alice.balance, bob.balance)
local report = {}
for _, a in ipairs(accounts) do report[#report + 1] = ("%-6s %10.2f"):format(a.owner, a.balance) end
print(table.concat(report, "\n"))

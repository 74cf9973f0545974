local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, math.floor(math.sqrt(n)) do
    if is[i] then for j = i * i, n, i do is[j] = false end end
  end
  local primes = {}
  for i = 2, n do if is[i] then primes[#primes + 1] = i end end
  return primes
end
local p = sieve(5000)
print(#p, p[1], p[#p], table.concat(p, ",", 1, 15))
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
print(gcd(1071, 462), gcd(17, 5), gcd(0, 9), gcd(-12, 18))
local function factor(n)
  local f = {}
  local d = 2
  while d * d <= n do
    while n % d == 0 do f[#f + 1] = d; n = n // d end
    d = d + 1
  end
  if n > 1 then f[#f + 1] = n end
  return f
end
for _, n in ipairs({360, 97, 1001, 2^13 - 1, 600851475143}) do print(n, table.concat(factor(math.tointeger(n)), "*")) end
local function collatz(n) local s = 0 while n ~= 1 do n = n % 2 == 0 and n // 2 or 3 * n + 1; s = s + 1 end return s end
local best, bn = 0, 0
for i = 1, 1000 do local s = collatz(i) if s > best then best, bn = s, i end end
print(bn, best)
local function powmod(b, e, m) local r = 1 b = b % m while e > 0 do if e & 1 == 1 then r = r * b % m end b = b * b % m e = e >> 1 end return r end
print(powmod(2, 100, 1000000007), powmod(3, 0, 7), powmod(7, 13, 11))
local fact = 1
for i = 1, 25 do fact = fact * i end
print(fact, 2^64, math.maxinteger * 2)
local ffact = 1.0
for i = 1, 25 do ffact = ffact * i end
print(ffact, string.format("%.0f", ffact))
local function fibs(n) local a, b = 0, 1 for _ = 1, n do a, b = b, a + b end return a end
print(fibs(90), fibs(92), fibs(93))
local pascal = {{1}}
for i = 2, 10 do
  local prev, row = pascal[i - 1], {1}
  for j = 2, i - 1 do row[j] = prev[j - 1] + prev[j] end
  row[i] = 1
  pascal[i] = row
end
print(table.concat(pascal[10], " "))
local perfect = {}
for n = 2, 2000 do
  local s = 1
  for d = 2, math.floor(math.sqrt(n)) do if n % d == 0 then s = s + d + (d ~= n // d and n // d or 0) end end
  if s == n then perfect[#perfect + 1] = n end
end
print(table.concat(perfect, " "))

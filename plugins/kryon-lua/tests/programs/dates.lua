local stamps = {0, 86399, 951782400, 1234567890, 1700000000, 2147483647, 4102444800}
for _, t in ipairs(stamps) do
  print(t, os.date("!%Y-%m-%d %H:%M:%S %a %b %j %U %W %w %y %%", t))
end
print(os.date("!%d/%m/%Y", 1e9), os.date("!%H:%M", 3600 * 5 + 60 * 7), os.date("!%I %p", 3600 * 13))
local t = os.date("!*t", 1234567890)
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", tostring(t[k]), " ") end print()
print(os.time({year = 2000, month = 1, day = 1, hour = 0}) - os.time({year = 1999, month = 12, day = 31, hour = 0}))
print(os.time({year = 2024, month = 3, day = 1, hour = 12}) - os.time({year = 2024, month = 2, day = 1, hour = 12}))
local norm = os.date("*t", os.time({year = 2023, month = 14, day = 35, hour = 12}))
print(norm.year, norm.month, norm.day)
local d1 = os.time({year = 2024, month = 1, day = 15, hour = 12})
local d2 = os.time({year = 2024, month = 12, day = 25, hour = 12})
print(os.difftime(d2, d1) / 86400, math.type(os.difftime(d2, d1)))
local function days_in_month(y, m) return os.date("*t", os.time({year = y, month = m + 1, day = 0, hour = 12})).day end
for m = 1, 12 do io.write(days_in_month(2024, m), " ") end print()
print(days_in_month(2023, 2), days_in_month(1900, 2), days_in_month(2000, 2))
local function weekday(y, m, d) return os.date("*t", os.time({year = y, month = m, day = d, hour = 12})).wday end
print(weekday(2024, 1, 1), weekday(1970, 1, 1), weekday(2000, 2, 29))
print(pcall(os.time, {year = 2020, month = 1}))
print(pcall(os.time, {year = "x", month = 1, day = 1}))
print(pcall(os.date, "*t", "abc"))
print(os.date("!%Y", -86400 * 366), pcall(os.date, "!%Y", 2^60))
print(type(os.clock()), os.clock() >= 0, type(os.time()), os.time() > 1700000000)
print(os.date("!%x", 0) == os.date("!%m/%d/%y", 0), os.date("!%D %T %R %e %n %t|", 0))
print(os.date("!%G-W%V-%u %C %g %h", 1700000000))

print(0/0, -(0/0), math.huge - math.huge, math.sqrt(-1), string.format("%f", 0/0), string.format("%.1f", -(0/0)))
print(tostring(0/0), (0/0) .. "", string.format("%g", 0/0), string.format("%d", 3))
local t = {}
t[1.0] = "a"; t[2] = "b"; t[2^53] = "c"
print(t[1], #t, t[2.0], next({[1.0] = 1}), math.type(next({[3.0] = 1})))
print(pcall(function() t[0/0] = 1 end))
print(pcall(function() t[nil] = 1 end))
print(t[nil], t[0/0])
print(string.format("%q", 2^63), string.format("%q", -0.0), string.format("%q", 1e100), string.format("%q", 255))
print(string.format("%.3g|%10.3g|%-10.3g|%+g|% g", 1234.5678, 0.00012345, 1e10, 5, 5))
print(string.format("%#g %#x %#o %#.3x", 1.0, 0, 8, 1))
print(string.format("%a", 0.1), string.format("%.2a", 1/3), string.format("%a", -0.0), string.format("%a", 1/0))
print(string.format("%e", 0), string.format("%.0e", 12345), string.format("%G", 1e-10))
print(string.format("%u", 42) == nil)

print(io.read())
print(io.read("n"))
print(io.read("a"))
print(io.read("*a"))
print(io.read("l", "n"))
print(io.read("a", "l"))
print(io.read(5))
print(io.read(0))
print(pcall(io.read, "x"))
print(pcall(io.read, {}))
print(pcall(io.read, 1.5))
for l in io.lines() do print(l) end
print(io.type(io.stdin), io.type(io.stdout), io.type(42))
print(io.stdin:read(), io.stdin:read("a"))
for l in io.stdin:lines() do print(l) end
print(io.stdin:write("x"))
print(io.stdout:read())
local line = io.read()
if not line then print("no input") end
local n = io.read("n") or 0
print("n =", n)

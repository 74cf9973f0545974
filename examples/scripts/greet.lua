-- A Lua script: exported functions are its global functions.
function greet(name)
  return "Hello from Lua, " .. name .. "!"
end

function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

-- Cross-language: ask the JavaScript script to summarise a list.
function report(values)
  local summary = kryon.call("stats.summary", values)
  return string.format("n=%d mean=%.2f max=%s", summary.count, summary.mean, summary.max)
end

function spin()
  while true do end
end

var forever = Fn.new {|n|
  while (n > 0) n = n + 1
}
forever.call(1)

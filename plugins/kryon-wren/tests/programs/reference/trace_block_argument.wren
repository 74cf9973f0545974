// A runtime error inside a block argument that spans lines: the caller's
// frame is reported at the block's closing brace, where the call is made.
class Team {
  construct new(names) { _names = names }
  each(f) { _names.each(f) }
}
var team = Team.new(["ann", "bob", 3])
team.each {|name|
  System.print(name + "!")
}

var l = (1..200000).toList
l.sort {|a, b| a > b }

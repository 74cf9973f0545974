var l = (1..1e12).toList

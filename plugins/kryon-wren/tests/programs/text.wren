// Text processing: split, trim, replace, indexOf, bytes, codePoints, join.
var text = "  The quick brown fox jumps over the lazy dog.  "
var words = text.trim().split(" ")
System.print(words.count)
System.print(words)
var longest = words.reduce {|a, b| b.count > a.count ? b : a }
System.print(longest)
var freq = {}
for (ch in text.trim()) {
  if (ch != " ") freq[ch] = (freq[ch] == null ? 0 : freq[ch]) + 1
}
System.print(freq["o"])
System.print(freq["e"])
System.print(freq["T"])
System.print(freq["z"])
System.print(text.indexOf("fox"))
System.print(text.indexOf("o", 15))
System.print(text.contains("lazy"))
System.print(text.replace(" ", ""))
System.print(text.trimStart().count)
System.print(text.trimEnd().count)
System.print("--==hello==--".trim("-="))
System.print("path/to/file.txt".split("/")[-1])
System.print("a--b--c".split("--"))
System.print("no delimiters".split(","))
System.print("abc".bytes.map {|b| b + 1 }.toList)
System.print("abc".bytes.map {|b| String.fromByte(b + 1) }.join())
System.print("héllo wörld".count)
System.print("héllo wörld".bytes.count)
System.print("héllo wörld".codePoints.toList)
System.print("héllo"[0..1])
System.print("héllo"[1])
System.print("€".bytes.toList)
System.print(String.fromCodePoint(8364) == "€")
var caesar = Fn.new {|s, k|
  return s.codePoints.map {|c|
    if (c >= 97 && c <= 122) return String.fromCodePoint((c - 97 + k) % 26 + 97)
    return String.fromCodePoint(c)
  }.join()
}
System.print(caesar.call("hello, world", 3))
System.print(caesar.call(caesar.call("round trip", 7), 19))
var rev = Fn.new {|s|
  var out = ""
  for (c in s) out = c + out
  return out
}
System.print(rev.call("stressed"))
System.print("Level".count == rev.call("Level").count)
var pad = Fn.new {|s, n| s.count >= n ? s : " " * (n - s.count) + s }
for (row in [[1, "one"], [22, "twenty-two"], [333, "many"]]) {
  System.print(pad.call(row[0].toString, 5) + " | " + row[1])
}
System.print("%("a" * 3)-%("b" * 0)-%(1 + 1)")
System.print("tab\there, quote \" backslash \\ percent \%")
System.print("unicode \u0041\u00DF \U0001F600".count)
System.print("x".startsWith("") && "x".endsWith(""))
System.print("".split(","))
System.print("a,".split(","))
System.print(",".split(","))
System.print("aaa".replace("a", "aa"))
System.print("hello".indexOf(""))
System.print("CSV: " + ["a", 1, true, null, [2]].join(","))

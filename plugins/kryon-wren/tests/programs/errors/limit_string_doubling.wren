var s = "0123456789abcdef"
while (true) {
  s = s + s
}

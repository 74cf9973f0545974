{
  var a = a
}

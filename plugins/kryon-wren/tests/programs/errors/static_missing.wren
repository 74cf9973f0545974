class Util {
  static twice(x) { x * 2 }
}
System.print(Util.twice(4))
System.print(Util.thrice(4))

class Native {
  static foreign now()
}

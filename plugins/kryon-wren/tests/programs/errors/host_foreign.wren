class Os {
  foreign static system(cmd)
}
System.print("declared")
Os.system("ls")

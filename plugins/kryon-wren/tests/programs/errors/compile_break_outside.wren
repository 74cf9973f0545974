System.print(1)
break

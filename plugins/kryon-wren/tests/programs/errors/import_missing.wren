System.print("before")
import "io" for File
System.print("after")

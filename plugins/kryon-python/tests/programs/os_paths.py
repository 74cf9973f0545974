import os
import os.path
from os import path, sep
from os.path import join, splitext

print(
    os.path.join("a", "b", "c.txt"),
    join("/x", "y"),
    splitext("archive.tar.gz"),
    os.path.basename("/p/q/r.py"),
)
print(
    os.path.dirname("/p/q/r.py"),
    os.path.normpath("a//b/../c/./d"),
    os.path.split("/a/b"),
    path.isabs("/x"),
    sep,
    os.sep,
)
print(
    os.environ.get("KRYON_SURELY_UNSET", "default"),
    os.getenv("KRYON_SURELY_UNSET"),
    os.getenv("KRYON_SURELY_UNSET", 5),
)
print(
    os.name,
    repr(os.linesep),
    os.pathsep,
    os.curdir,
    os.pardir,
    os.path.commonprefix(["abc", "abd"]),
)
print("KRYON_SURELY_UNSET" in os.environ)

import sys, io, builtins, types

print(
    sys.stdout.write("abc\n"),
    sys.stdout.encoding,
    sys.stdout.isatty(),
    sys.stdout.name if hasattr(sys.stdout, "name") else "?",
    sys.stderr.encoding,
)
print(
    repr(sys.stdout)[:30],
    sys.stdout.writable(),
    sys.stdin.readable() if hasattr(sys.stdin, "readable") else "?",
    sys.stdin.read(),
    sys.stdin.readline(),
)
print(sep="x")
print(1, 2, sep=None, end=None)
print(1, 2, sep="", end="\n\n")
buf = io.StringIO()
print("into buffer", 5, file=buf)
print(repr(buf.getvalue()))
print("to stdout", file=sys.stdout)
print("to None", file=None)
sys.stdout.writelines(["w1\n", "w2\n"])
sys.stdout.flush()
print(sys.argv[0].endswith(".py"), sys.version.split()[0] == sys.version.split()[0])
print(
    sys.implementation.name,
    sys.maxunicode,
    sys.float_info.max,
    sys.int_info.bits_per_digit,
    sys.getdefaultencoding(),
)
print(type(sys).__name__, isinstance(sys, types.ModuleType))


def f(a, b=2, *args, c, d=4, **kw):
    "doc"
    return a


print(f.__defaults__, f.__kwdefaults__, f.__name__, f.__doc__)
print(callable(f))
g = lambda x: x
print(g.__name__, (lambda: 0).__qualname__, f.__module__, repr(f)[:12])


class K:
    def m(self):
        pass


print(
    repr(K.m)[:17],
    K().m.__func__ is K.m,
    repr(K())[:20],
    K.__dict__["m"].__name__,
    type(K.__dict__).__name__,
)
print(globals()["f"] is f, "f" in locals(), vars()["K"] is K)
x = eval("1 + 2 * 3")
exec("y = x * 2")
print(x, y, eval("[i for i in range(3)]"), eval("x + y", {"x": 1, "y": 2}))
code = compile("a = 5\nb = a + 1", "<string>", "exec")
ns = {}
exec(code, ns)
print(ns["b"], type(code).__name__)
print(
    id(f) > 0,
    hash("a") == hash("a"),
    type(hash(1.5)).__name__,
    isinstance(memoryview(b""), memoryview),
)
print(dir(builtins)[:3])
print(format(1234.5678, ",.2f"), ascii("ü"), chr(0x1F600), ord("\n"), bin(10), oct(10), hex(-255))
print(round(123.456, -1), round(-1.5), abs(-0.0), pow(10, -2), divmod(10.5, 3), 10 // 3.0, 2**-2)
print(
    sorted([(1, "b"), (1, "a")]),
    max([1, 3, 2], key=lambda v: -v),
    list(map(lambda a, b: a * b, [1, 2], [3, 4])),
)
print(
    isinstance(1, (str, int)),
    issubclass(bool, int),
    type(True) is bool,
    NotImplemented,
    Ellipsis,
    ...,
)
print(object(), 5) if False else print("objects ok")
print(
    getattr(3, "real"),
    hasattr("s", "upper"),
    setattr(K, "z", 1),
    K.z,
    delattr(K, "z"),
    hasattr(K, "z"),
)
print(
    iter([]).__class__.__name__,
    type(range(3)).__name__,
    type({}.keys()).__name__,
    type(x for x in []).__name__,
)
print(super, property, staticmethod, classmethod, type, object)
print(
    memoryview,
    bytearray,
    frozenset(),
    slice(None),
    complex(),
    bool(),
    int(),
    float(),
    str(),
    tuple(),
    list(),
    dict(),
    set(),
)

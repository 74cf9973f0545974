import sys
import traceback
import contextlib
import dataclasses
import enum
import typing

print(__name__, __doc__)


def averager():
    total, n = 0.0, 0
    avg = None
    while True:
        try:
            x = yield avg
        except ValueError:
            print("reset")
            total, n = 0.0, 0
            continue
        if x is None:
            return total
        total += x
        n += 1
        avg = total / n


g = averager()
next(g)
print(g.send(10), g.send(20), g.throw(ValueError), g.send(5))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)


def gen_close():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise
    finally:
        print("finally in gen")


gc = gen_close()
print(next(gc))
gc.close()
print(gc.gi_running if False else "closed", list(gc))


def delegator():
    r = yield from averager_sub()
    print("sub returned", r)
    yield "after"


def averager_sub():
    a = yield "first"
    b = yield f"got {a}"
    return a + b


dg = delegator()
print(next(dg), dg.send(1), dg.send(2))
squares = (i * i for i in range(5))
print(sum(squares), sum(squares))


def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


import itertools

print(list(itertools.islice(fibs(), 15)))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(3)), list(zip(Countdown(2), Countdown(5))))


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ZeroDivisionError as e:
        print("handled in cm:", e)
    finally:
        print(f"</{name}>")


with tag("a") as t, tag("b"):
    print("body", t)
with tag("z"):
    1 / 0
with contextlib.suppress(KeyError):
    {}["x"]
print("after suppress")
with contextlib.ExitStack() as st:
    for n in "xy":
        st.enter_context(tag(n))
    st.callback(print, "callback ran")


def risky(n):
    try:
        if n == 0:
            raise ValueError("zero")
        elif n == 1:
            return "one"
        return 10 / (n - 2)
    except ValueError as e:
        return f"caught {e}"
    except ZeroDivisionError:
        return "divzero"
    else:
        print("else branch", n)
    finally:
        print("finally", n)


print([risky(i) for i in range(4)])


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


print(finally_overrides())
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise RuntimeError("outer")
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("k")
    except KeyError as e:
        raise TypeError("t") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise ValueError("with note")
except ValueError as e:
    e.add_note("note one")
    print(e.__notes__, str(e))
try:
    raise ExceptionGroup("grp", [ValueError("v"), TypeError("t"), ValueError("v2")])
except* ValueError as eg:
    print("values", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("types", eg.exceptions)
try:
    raise KeyError("missing")
except LookupError as e:
    print(type(e).__name__, e, repr(e), e.args, str(KeyError()), str(KeyError("a", "b")))
err = OSError(2, "No such file")
print(
    err.errno,
    err.strerror,
    err,
    FileNotFoundError.__mro__[1].__name__,
    isinstance(FileNotFoundError(), OSError),
)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    {}.popitem()
except KeyError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    int("x")
except ValueError as e:
    print(e)
try:
    undefined_thing
except NameError as e:
    print(e, e.name)
try:
    (1, 2).append(3)
except AttributeError as e:
    print(e, e.name, e.obj)
try:
    len(5)
except TypeError as e:
    print(e)
try:

    def f(a, b):
        pass

    f(1, 2, 3)
except TypeError as e:
    print(e)
try:
    f(1, c=2)
except TypeError as e:
    print(e)
try:
    import nonexistent_module_xyz
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert:", e)
try:
    raise SystemExit(3)
except SystemExit as e:
    print("exit code", e.code)
try:
    x = [1, 2, 3]
    a, b = x
except ValueError as e:
    print(e)
try:
    {}[[]] = 1
except TypeError as e:
    print(e)
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
try:
    raise StopIteration
except StopIteration as e:
    print("stop", repr(e))
print(traceback.format_exception_only(ValueError("x"))[0], end="")
try:
    1 / 0
except ZeroDivisionError:
    info = sys.exc_info()
    print(info[0].__name__, info[1], info[2].tb_lineno if hasattr(info[2], "tb_lineno") else "?")
    print(traceback.format_exc().splitlines()[-1])


class Shape(enum.Enum):
    CIRCLE = "c"
    SQUARE = "s"


class Prio(enum.IntEnum):
    LOW = 1
    HIGH = 2


print(
    Shape("c"),
    Shape.SQUARE.name,
    Shape.SQUARE.value,
    list(Shape),
    Prio.HIGH > Prio.LOW,
    Prio(1),
    repr(Shape.CIRCLE),
    Prio.LOW + 1,
    f"{Prio.HIGH}",
    str(Prio.HIGH),
)
try:
    Shape("x")
except ValueError as e:
    print(e)


@dataclasses.dataclass
class Inv:
    name: str
    qty: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)

    def __post_init__(self):
        if self.qty < 0:
            raise ValueError("qty")


i1 = Inv("a", 2)
print(
    i1,
    i1 == Inv("a", 2),
    dataclasses.asdict(i1),
    dataclasses.fields(i1)[1].name,
    dataclasses.replace(i1, qty=5),
    repr(Inv("b")),
)
try:
    Inv("c", -1)
except ValueError as e:
    print("post_init", e)


@dataclasses.dataclass(frozen=True, order=True, slots=True)
class Key:
    a: int
    b: str = "x"


k = Key(1)
try:
    k.a = 2
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e)
print(sorted([Key(2), Key(1, "z"), Key(1)]), hash(k) == hash(Key(1)), Key.__slots__)


class TD(typing.TypedDict):
    x: int


class Proto(typing.Protocol):
    def run(self) -> int: ...


T = typing.TypeVar("T")


def first(xs: list[T]) -> T:
    return xs[0]


print(
    TD(x=1), first([3]), typing.Optional[int], typing.get_type_hints(first), list[int], int | None
)

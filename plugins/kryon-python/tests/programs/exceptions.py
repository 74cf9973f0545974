import traceback
import contextlib


class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(f"[{code}] {msg}")
        self.code = code


class NotFound(AppError):
    pass


class Invalid(AppError, ValueError):
    pass


def lookup(db, key):
    if not isinstance(key, str):
        raise Invalid(400, f"bad key {key!r}")
    try:
        return db[key]
    except KeyError:
        raise NotFound(404, f"no {key}") from None


db = {"a": 1}
for key in ["a", "b", 3]:
    try:
        print("found", lookup(db, key))
    except NotFound as e:
        print(type(e).__name__, e, e.code, e.__cause__, e.__suppress_context__)
    except ValueError as e:
        print("value error:", e, isinstance(e, AppError), type(e).__mro__[1].__name__)


def steps(fail_at):
    log = []
    try:
        log.append("try")
        if fail_at == "try":
            raise RuntimeError("in try")
    except RuntimeError as e:
        log.append(f"except {e}")
        if fail_at == "try":
            return log
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log


print(steps("try"), steps(None))


def finally_wins():
    try:
        return "try"
    finally:
        print("finally runs before return")


def finally_overrides():
    for _ in range(1):
        try:
            raise ValueError("lost")
        finally:
            break
    return "swallowed by break"


print(finally_wins(), finally_overrides())
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__)
    print(traceback.format_exception_only(type(e), e))
try:
    try:
        [].pop()
    except IndexError:
        {}["x"]
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__))
e = ValueError("with notes")
e.add_note("first note")
e.add_note("second")
print(e.__notes__, str(e), e.args)
try:
    raise ExceptionGroup(
        "many", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")]
    )
except* ValueError as group:
    print("values:", [str(x) for x in group.exceptions])
except* (TypeError, KeyError) as group:
    print("others:", sorted(type(x).__name__ for x in group.exceptions))
eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])])
match, rest = eg.split(TypeError)
print(repr(match), repr(rest), eg.subgroup(ValueError).exceptions)
with contextlib.suppress(ZeroDivisionError):
    print("before")
    1 / 0
    print("never")
print("after suppress")


class Managed:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow


with Managed("outer", swallow=True), Managed("inner"):
    raise KeyError("boom")
print("continued")


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except Exception as e:
        print("handled", e)
    finally:
        print(f"</{name}>")


with tag("b") as t:
    print("inside", t)
    raise RuntimeError("oops")
with contextlib.ExitStack() as stack:
    for n in "xy":
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
errors = []
for value in ["1", "x", None, "3.5", [1]]:
    try:
        errors.append(int(value))
    except (ValueError, TypeError) as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
print(*errors, sep="\n")
print(isinstance(KeyboardInterrupt(), Exception), issubclass(StopIteration, Exception))
try:
    assert isinstance(5, str), f"expected str, got {type(5).__name__}"
except AssertionError as a:
    print("assert:", a)
try:
    raise NotImplementedError
except NotImplementedError as n:
    print(repr(n), str(n) == "")


def deep(n):
    if n == 0:
        raise RecursionError("custom depth")
    return deep(n - 1)


try:
    deep(50)
except RecursionError as r:
    print("recursion:", r)
print(
    repr(OSError(2, "No such file")),
    OSError(2, "x").errno,
    str(KeyError("k")),
    str(KeyError("a", "b")),
)

import contextlib
from contextlib import contextmanager, suppress, ExitStack, closing, nullcontext


class Timer:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}", exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


with Timer("a") as t:
    print("inside", t.name)
with Timer("b"):
    {}["missing"]
print("after b")
try:
    with Timer("c"):
        raise ValueError("not swallowed")
except ValueError as e:
    print("caught", e)


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("html"), tag("body") as b:
    print("content", b)
with suppress(ZeroDivisionError):
    print(1 / 0)
print("suppressed")
with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("x", "y", "z")]
    stack.callback(print, "callback ran")
    print(names)


class Resource:
    def close(self):
        print("resource closed")


with closing(Resource()):
    print("using resource")
with nullcontext(42) as v:
    print("null", v)


@contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
    except Exception as e:
        log.append(f"rollback: {e}")
    else:
        log.append("commit")


log = []
with transaction(log):
    log.append("work")
with transaction(log):
    raise RuntimeError("bad")
print(log)


class Reentrant(contextlib.ContextDecorator):
    def __enter__(self):
        print("start")
        return self

    def __exit__(self, *exc):
        print("stop")
        return False


@Reentrant()
def job(n):
    print("job", n)


job(1)

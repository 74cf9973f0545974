class AppError(Exception):
    """Base of the app's errors."""

    def __init__(self, message, code=500):
        super().__init__(message)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {super().__str__()}"


class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found", code=404)
        self.what = what


class ValidationError(AppError, ValueError):
    pass


def lookup(db, key):
    try:
        return db[key]
    except KeyError:
        raise NotFound(key) from None


db = {"a": 1}
for key in ("a", "b"):
    try:
        print(lookup(db, key))
    except AppError as e:
        print(type(e).__name__, e, e.code, e.args, e.__cause__, e.__suppress_context__)
try:
    raise ValidationError("bad input", 422)
except ValueError as e:
    print("as ValueError:", e, isinstance(e, AppError), ValidationError.__mro__[1].__name__)


def risky(n):
    try:
        if n == 0:
            raise ZeroDivisionError("zero")
        if n < 0:
            raise ValueError("negative")
        return 10 / n
    except ZeroDivisionError as e:
        raise AppError("math failed") from e
    else:
        print("no error for", n)
    finally:
        print("finally for", n)


for n in (2, 0, -1):
    try:
        print("result", risky(n))
    except AppError as e:
        print("app:", e, "cause:", repr(e.__cause__))
    except Exception as e:
        print("other:", repr(e), "context:", e.__context__)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise TypeError("outer")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
e = RuntimeError("with note")
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e))


def retry(fn, times):
    errors = []
    for attempt in range(times):
        try:
            return fn(attempt)
        except (ValueError, LookupError, ArithmeticError) as err:
            errors.append(f"{attempt}:{type(err).__name__}")
    return errors


print(retry(lambda a: [1][a], 3), retry(lambda a: 1 / (a - 1) if a else int("x"), 3))
print(issubclass(NotFound, Exception), issubclass(ValidationError, ValueError))
try:
    raise SystemExit(3)
except SystemExit as e:
    print("exit code", e.code)
print(repr(AppError("m")), str(NotFound("k")))

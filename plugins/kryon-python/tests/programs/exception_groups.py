def task(n):
    if n % 3 == 0:
        raise ValueError(f"bad value {n}")
    if n % 3 == 1:
        raise TypeError(f"bad type {n}")
    return n


errors = []
results = []
for i in range(6):
    try:
        results.append(task(i))
    except Exception as e:
        errors.append(e)
print(results, [str(e) for e in errors])
group = ExceptionGroup("batch failed", errors)
print(repr(group.message), len(group.exceptions), str(group))
try:
    raise group
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
match_v, rest = group.split(ValueError)
print(type(match_v).__name__, len(match_v.exceptions), len(rest.exceptions))
only = group.subgroup(lambda e: "4" in str(e))
print(only.exceptions)
nested = ExceptionGroup(
    "outer", [ValueError(1), ExceptionGroup("inner", [KeyError(2), ValueError(3)])]
)
try:
    raise nested
except* KeyError as eg:
    print("key errors:", repr(eg))
except* ValueError as eg:
    print("value errors:", [e.args for e in eg.exceptions])
try:
    try:
        raise ExceptionGroup("g", [OSError("disk"), ValueError("v")])
    except* ValueError:
        print("handled value")
except ExceptionGroup as leftover:
    print("leftover", [type(e).__name__ for e in leftover.exceptions])
print(isinstance(ExceptionGroup("x", [ValueError()]), Exception))
bg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(bg).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
e = ExceptionGroup("noted", [ValueError("x")])
e.add_note("note")
print(e.__notes__, e.derive([KeyError("k")]))

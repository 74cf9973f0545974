import re
import sys
import traceback


def strip_paths(text):
    # python names the program by its full path; only the file's name matters here
    return re.sub(r'File "[^"]*?([^/"]+)"', r'File "\1"', text)


def parse(value):
    return int(value)


def load(values):
    return [parse(v) for v in values]


try:
    load(["1", "2", "x"])
except ValueError:
    print(strip_paths(traceback.format_exc()))


class ConfigError(Exception):
    pass


def read_config():
    try:
        return {"port": parse("80a")}
    except ValueError as exc:
        raise ConfigError("bad port") from exc


try:
    read_config()
except ConfigError as exc:
    print(strip_paths("".join(traceback.format_exception(exc))))
    print(traceback.format_exception_only(type(exc), exc))
    print(exc.__cause__, type(exc.__cause__).__name__)

try:
    {"a": 1}["b"]
except KeyError as exc:
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in frames:
        print(frame.lineno, frame.name, frame.line)
    print(strip_paths("".join(traceback.format_tb(exc.__traceback__))))

try:
    try:
        [][0]
    except IndexError:
        None.missing
except AttributeError:
    info = sys.exc_info()
    print(info[0].__name__, strip_paths("".join(traceback.format_exception(*info))))


def nested(n):
    if n == 0:
        raise RuntimeError("deep")
    return nested(n - 1)


try:
    nested(3)
except RuntimeError as exc:
    text = strip_paths(traceback.format_exc())
    print(text.count("in nested"), text.splitlines()[-1])
    summary = traceback.TracebackException.from_exception(exc)
    print(summary.exc_type.__name__, str(summary), len(summary.stack))

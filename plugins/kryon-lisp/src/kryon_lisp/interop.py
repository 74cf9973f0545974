"""The small slice of Java interop Clojure programs lean on.

``Math/sqrt``, ``Integer/parseInt``, ``System/currentTimeMillis`` and friends
are builtin namespaces; ``(.toUpperCase s)``-style method calls work on
strings and collections for the common methods.  There is no host reflection:
anything else is a clean error.
"""

from __future__ import annotations

import math
import operator
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any, NoReturn

from kryon_core import ScriptExit
from kryon_lisp import limits, patterns
from kryon_lisp.arrays import PRIMITIVE_CLASSES
from kryon_lisp.clojure_hash import java_string_hash
from kryon_lisp.core_num import to_float
from kryon_lisp.core_str import Matcher, subs
from kryon_lisp.printer import str_of, type_name
from kryon_lisp.string_builder import StringBuilder
from kryon_lisp.types import Char
from kryon_lisp.writers import PrintWriter


def _round(x: Any) -> int:
    """``Math/round``: half up, without the rounding of ``x + 0.5`` (Java 7 on
    rounds 0.49999999999999994 to 0); NaN is 0, infinities the long bounds."""
    if isinstance(x, float):
        if math.isnan(x):
            return 0
        if math.isinf(x):
            return 2**63 - 1 if x > 0 else -(2**63)
    low: int = math.floor(x)
    rounded = low + 1 if x - low >= 0.5 else low
    return max(-(2**63), min(2**63 - 1, rounded))  # a long: Java clamps


def _parse_int(text: Any, radix: int = 10, bits: int = 64) -> int:
    """Long/parseLong (and Integer/parseInt with 32 bits): ASCII digits of the
    radix after an optional sign, within the type's range, or Java's error."""
    if text is None:
        raise ValueError("Cannot parse null string: null")
    if not isinstance(text, str):
        raise TypeError(f"{type_name(text)} cannot be cast to java.lang.String")
    digits = text[1:] if text[:1] in ("+", "-") else text
    try:
        if not digits or not digits.isascii() or not digits.isalnum():
            raise ValueError(text)  # Python's int() takes spaces, underscores, other scripts
        value = int(text, radix)
        if not -(2 ** (bits - 1)) <= value < 2 ** (bits - 1):
            raise ValueError(text)
        return value
    except ValueError:
        raise ValueError(f'For input string: "{text}"') from None


def _parse_int32(text: Any, radix: int = 10) -> int:
    return _parse_int(text, radix, 32)


def _java_math(fn: Callable[..., float]) -> Callable[..., float]:
    """Java's Math answers NaN or an infinity where Python's math raises."""

    def run(*args: Any) -> float:
        try:
            return fn(*args)
        except OverflowError:
            return math.inf
        except ValueError:
            if fn is math.log or fn is math.log10:
                return -math.inf if args[0] == 0 else math.nan
            return math.nan

    return run


def _twos_complement(bits: int, radix_bits: int) -> Callable[[int], str]:
    """``Integer/toBinaryString`` and friends: negatives as unsigned ``bits``-bit values."""
    fmt = {1: "b", 3: "o", 4: "x"}[radix_bits]
    return lambda x: format(int(x) & ((1 << bits) - 1), fmt)


def _split(s: str, regex: Any) -> Any:
    from kryon_lisp.core_str import split

    return split(
        s, regex if isinstance(regex, patterns.Pattern) else patterns.compile_pattern(regex)
    )


def _replace(s: str, match: str, replacement: str) -> str:
    from kryon_lisp.core_str import replace_text

    return replace_text(s, match, replacement)


def _concat(s: str, other: str) -> str:
    if type(other) is str:  # a doubling loop must meet the memory limit as str's does
        limits.check_text(len(s) + len(other))
    return s + other


def _int_cast(x: Any) -> int:
    """Clojure's ``RT.intCast``, which a Java ``int`` parameter applies to its
    argument: numbers truncate (within range), a character is its code, and
    anything else fails as the cast to ``Character`` it falls back on."""
    if isinstance(x, (int, float, Fraction)) and type(x) is not bool:
        if isinstance(x, float) and (x < -(2.0**63) or x > 2.0**63 - 1):
            raise ValueError(f"Value out of range for long: {str_of(x)}")
        n = 0 if isinstance(x, float) and math.isnan(x) else int(x)  # Java: NaN is 0
        if not -(2**31) <= n < 2**31:
            raise ValueError(f"Value out of range for int: {n}")
        return n
    if isinstance(x, Char):
        return ord(x.ch)
    if x is None:
        raise TypeError("Cannot cast nil to int (NullPointerException)")
    raise TypeError(f"{type_name(x)} cannot be cast to java.lang.Character")


def _exit(status: Any) -> NoReturn:
    """``(System/exit n)``: the program ends here; no catch or finally sees it."""
    raise ScriptExit(_int_cast(status))


def _parse_double(text: Any) -> float:
    if text is None:
        from kryon_lisp.classes import EXCEPTIONS

        raise EXCEPTIONS["java.lang.NullPointerException"]("Cannot parse null string")
    if not isinstance(text, str):
        raise TypeError(f"{type_name(text)} cannot be cast to java.lang.String")
    try:
        return float(text)
    except ValueError:
        raise ValueError(f'For input string: "{text}"') from None


def _one_char(c: Char, changed: str) -> Char:
    """Java maps a char to one char: a case change that would make more is no change."""
    return Char(changed) if len(changed) == 1 else c


def _digit(c: Char, radix: int) -> int:
    """``Character/digit``: the value of a digit or letter in ``radix``, -1 if none."""
    ch = c.ch
    value = int(ch) if ch.isdigit() and ch.isascii() else None
    if value is None and ch.isascii() and ch.isalpha():
        value = ord(ch.lower()) - ord("a") + 10
    return value if value is not None and value < radix else -1


def _sleep(ms: Any) -> None:
    """``Thread/sleep``.  Under a time limit sleeping takes no time, as in the
    JavaScript engine's timers: the script's clocks (``System/currentTimeMillis``,
    ``nanoTime``) move on by the time slept and the call goes on at once, so a
    program that sleeps runs as on the JVM within the policy's 100 ms.  A loop
    of sleeps still takes steps and meets the limits."""
    millis = _int_cast(ms) if not isinstance(ms, int) else ms
    if millis < 0:
        raise ValueError("timeout value is negative")
    budget = limits.current.budget
    if budget is not None and budget.deadline is not None:
        budget.slept_ns += millis * 1_000_000
        limits.step()
        return
    time.sleep(millis / 1000)


def _string_join(sep: Any, xs: tuple[Any, ...]) -> str:
    """``String/join``: a separator and either strings or one collection of them."""
    from kryon_lisp.core_str import CLOJURE_STRING

    items = xs[0] if len(xs) == 1 and not isinstance(xs[0], str) else xs
    return str(CLOJURE_STRING["join"](sep, items))


def _value_of(x: Any, radix: int = 10) -> int:
    """``Integer/valueOf``: of a string as ``parseInt``, of a number the number."""
    return x if type(x) is int else _parse_int(x, radix)


def _whole(rounding: Callable[[float], int]) -> Callable[[Any], float]:
    """Math/floor, ceil and rint: a double; NaN and the infinities stay as they are."""

    def whole(x: Any) -> float:
        x = float(x)
        return float(rounding(x)) if math.isfinite(x) else x

    return whole


def _bit_methods(width: int) -> dict[str, Callable[..., Any]]:
    """Integer's and Long's bit twiddling statics, on the two's complement of ``width`` bits."""
    mask = (1 << width) - 1

    def highest(x: int) -> int:
        u = x & mask
        return _signed(1 << (u.bit_length() - 1), width) if u else 0

    return {
        "bitCount": lambda x: bin(x & mask).count("1"),
        "numberOfTrailingZeros": lambda x: (x & -x & mask).bit_length() - 1 if x & mask else width,
        "numberOfLeadingZeros": lambda x: width - (x & mask).bit_length(),
        "highestOneBit": highest,
        "lowestOneBit": lambda x: _signed((x & -x) & mask, width),
    }


def _signed(u: int, width: int) -> int:
    return u - (1 << width) if u >> (width - 1) else u


NAMESPACES: dict[str, dict[str, Any]] = {
    "Math": {
        "PI": math.pi,
        "E": math.e,
        "abs": abs,
        "sqrt": _java_math(math.sqrt),
        "cbrt": lambda x: math.copysign(abs(x) ** (1 / 3), x),
        "pow": _java_math(lambda a, b: math.pow(float(a), float(b))),
        "floorDiv": lambda a, b: int(a) // int(b),
        "floorMod": lambda a, b: int(a) % int(b),
        "asin": _java_math(math.asin),
        "acos": _java_math(math.acos),
        "floor": _whole(math.floor),
        "ceil": _whole(math.ceil),
        "round": _round,
        "max": max,
        "min": min,
        "sin": _java_math(math.sin),
        "cos": _java_math(math.cos),
        "tan": _java_math(math.tan),
        "atan": _java_math(math.atan),
        "atan2": math.atan2,
        "exp": _java_math(math.exp),
        "log": _java_math(math.log),
        "log10": _java_math(math.log10),
        "signum": lambda x: float((x > 0) - (x < 0)),
        "hypot": math.hypot,
        "random": lambda: __import__("random").random(),
        "toRadians": math.radians,
        "toDegrees": math.degrees,
    },
    "Integer": {
        "TYPE": PRIMITIVE_CLASSES["int"],
        "parseInt": _parse_int32,
        "MAX_VALUE": 2**31 - 1,
        "MIN_VALUE": -(2**31),
        "valueOf": _value_of,
        "toString": lambda x, r=10: _to_radix(x, r),
        "toBinaryString": _twos_complement(32, 1),
        "toOctalString": _twos_complement(32, 3),
        "toHexString": _twos_complement(32, 4),
        **_bit_methods(32),
    },
    "Long": {
        "TYPE": PRIMITIVE_CLASSES["long"],
        "parseLong": _parse_int,
        "MAX_VALUE": 2**63 - 1,
        "MIN_VALUE": -(2**63),
        "valueOf": _value_of,
        "toString": lambda x, r=10: _to_radix(x, r),
        "toBinaryString": _twos_complement(64, 1),
        "toOctalString": _twos_complement(64, 3),
        "toHexString": _twos_complement(64, 4),
        **_bit_methods(64),
    },
    "Double": {
        "TYPE": PRIMITIVE_CLASSES["double"],
        "parseDouble": _parse_double,
        "MAX_VALUE": 1.7976931348623157e308,
        "POSITIVE_INFINITY": math.inf,
        "NEGATIVE_INFINITY": math.inf * -1,
        "NaN": math.nan,
        "isNaN": math.isnan,
    },
    "System": {
        "currentTimeMillis": lambda: (time.time_ns() + limits.slept_ns()) // 1_000_000,
        "nanoTime": limits.script_clock_ns,
        "exit": _exit,
    },
    "Thread": {"sleep": lambda ms, nanos=0: _sleep(ms)},
    "String": {"valueOf": str_of, "join": lambda sep, *xs: _string_join(sep, xs)},
    "Boolean": {"TYPE": PRIMITIVE_CLASSES["boolean"]},
    "Short": {"TYPE": PRIMITIVE_CLASSES["short"]},
    "Byte": {"TYPE": PRIMITIVE_CLASSES["byte"]},
    "Float": {
        "TYPE": PRIMITIVE_CLASSES["float"],
        "parseFloat": lambda text: to_float(_parse_double(text)),
        "valueOf": lambda text: to_float(_parse_double(text) if isinstance(text, str) else text),
        "MAX_VALUE": 3.4028235e38,
    },
    "Character": {
        "TYPE": PRIMITIVE_CLASSES["char"],
        "isDigit": lambda c: c.ch.isdigit(),
        "isLetter": lambda c: c.ch.isalpha(),
        "isWhitespace": lambda c: c.ch.isspace(),
        "isUpperCase": lambda c: c.ch.isupper(),
        "isLowerCase": lambda c: c.ch.islower(),
        "isLetterOrDigit": lambda c: c.ch.isalnum(),
        "isAlphabetic": lambda c: c.ch.isalpha(),
        "toUpperCase": lambda c: _one_char(c, c.ch.upper()),
        "toLowerCase": lambda c: _one_char(c, c.ch.lower()),
        "getNumericValue": lambda c: _digit(c, 36),
        "digit": _digit,
        "valueOf": lambda c: c,
    },
}


def _exact(op: Callable[[int, int], int]) -> Callable[[int, int], int]:
    """Math/addExact and friends: a long result or ArithmeticException."""

    def exact(a: int, b: int) -> int:
        r = op(a, b)
        if not -(2**63) <= r < 2**63:
            from kryon_lisp.classes import EXCEPTIONS

            raise EXCEPTIONS["ArithmeticException"]("long overflow")
        return r

    return exact


def _java_compare(a: Any, b: Any) -> int:
    return int(a > b) - int(a < b)


def _string_format(fmt: Any, *args: Any) -> str:
    """String/format: Java passes the arguments as an array, which may be one."""
    from kryon_lisp.arrays import JavaArray
    from kryon_lisp.core_str import format_

    if len(args) == 1 and type(args[0]) is JavaArray:
        args = tuple(args[0].data)
    return format_(fmt, *args)


_add_exact = _exact(operator.add)
_subtract_exact = _exact(operator.sub)
_negate_exact = _exact(lambda a, _: -a)

NAMESPACES["Math"].update(
    {
        "addExact": _add_exact,
        "subtractExact": _subtract_exact,
        "multiplyExact": _exact(operator.mul),
        "negateExact": lambda a: _negate_exact(a, 0),
        "incrementExact": lambda a: _add_exact(a, 1),
        "decrementExact": lambda a: _subtract_exact(a, 1),
        "sinh": _java_math(math.sinh),
        "cosh": _java_math(math.cosh),
        "tanh": _java_math(math.tanh),
        "log1p": _java_math(math.log1p),
        "expm1": _java_math(math.expm1),
        "rint": _whole(round),  # Java rounds half to even, as Python does
    }
)
for _boxed in ("Integer", "Long"):
    NAMESPACES[_boxed].update(
        {
            "compare": _java_compare,
            "max": max,
            "min": min,
            "sum": lambda a, b: a + b,
            "signum": lambda x: (x > 0) - (x < 0),
        }
    )
NAMESPACES["Double"].update({"compare": _java_compare, "max": max, "min": min})
NAMESPACES["String"]["format"] = _string_format
NAMESPACES["Character"].update(
    {
        "toString": lambda c: c.ch,
        "forDigit": lambda d, radix: (
            Char("0123456789abcdefghijklmnopqrstuvwxyz"[d]) if 0 <= d < radix <= 36 else Char("\0")
        ),
    }
)
NAMESPACES["Boolean"].update(
    {
        "parseBoolean": lambda s: isinstance(s, str) and s.lower() == "true",
        "TRUE": True,
        "FALSE": False,
    }
)
NAMESPACES["Double"].update(
    {
        "isInfinite": math.isinf,
        "MIN_VALUE": 5e-324,
        "valueOf": _parse_double,
        "toString": lambda x: str_of(float(x)),
    }
)


def _signed32(x: int) -> int:
    return x - (1 << 32) if x & 0x80000000 else x


def _to_radix(x: int, radix: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if not 2 <= radix <= 36:  # Java falls back on 10 (radix 1 never ended here)
        radix = 10
    if x == 0:
        return "0"
    sign, x = ("-", -x) if x < 0 else ("", x)
    out = []
    while x:
        x, r = divmod(x, radix)
        out.append(digits[r])
    return sign + "".join(reversed(out))


def _string_index(s: str, i: int) -> int:
    """``i`` if it indexes ``s``; Java throws where Python would count from the end."""
    if not 0 <= i < len(s):
        from kryon_lisp.classes import EXCEPTIONS

        raise EXCEPTIONS["StringIndexOutOfBoundsException"](f"String index out of range: {i}")
    return i


def _repeat(s: str, n: int) -> str:
    if n < 0:
        raise ValueError(f"count is negative: {n}")
    limits.check_text(len(s) * n)
    return s * n


def _compare_strings(a: str, b: str) -> int:
    """``String.compareTo``: the first differing characters' difference, else the lengths'."""
    for x, y in zip(a, b, strict=False):
        if x != y:
            return ord(x) - ord(y)
    return len(a) - len(b)


def _regex_call(name: str, regex: Any, s: str, *more: Any) -> Any:
    """Java's String methods that take a regex as a string."""
    from kryon_lisp.core_str import CLOJURE_STRING, STRINGS

    pattern = patterns.compile_pattern(regex)
    if name == "re-matches":
        return STRINGS[name](pattern, s)
    return CLOJURE_STRING[name](s, pattern, *more)


def _char_array(s: str) -> Any:
    from kryon_lisp.arrays_core import ARRAYS

    return ARRAYS["char-array"](s)


def _needle(p: Any) -> str:
    """What String.indexOf looks for: a string, or a character given as its
    code (``(.indexOf s (int \\l))``) or as a char."""
    if type(p) is int and 0 <= p <= 0x10FFFF:
        return chr(p)
    return str_of(p)


_STRING_METHODS: dict[str, Callable[..., Any]] = {
    "toUpperCase": str.upper,
    "toLowerCase": str.lower,
    "length": len,
    "trim": str.strip,
    "isEmpty": lambda s: s == "",
    "startsWith": lambda s, p: s.startswith(str_of(p)),
    "endsWith": lambda s, p: s.endswith(str_of(p)),
    "contains": lambda s, p: str_of(p) in s,
    "indexOf": lambda s, p, start=0: s.find(_needle(p), max(start, 0)),
    "lastIndexOf": lambda s, p: s.rfind(_needle(p)),
    "codePointAt": lambda s, i: ord(s[_string_index(s, i)]),
    "substring": lambda s, a, b=None: subs(s, a, b),  # subs is String.substring
    "charAt": lambda s, i: Char(s[_string_index(s, i)]),
    "replace": lambda s, a, b: _replace(s, str_of(a), str_of(b)),
    "equals": lambda s, o: s == o,
    "equalsIgnoreCase": lambda s, o: isinstance(o, str) and s.lower() == o.lower(),
    "concat": _concat,
    "toString": lambda s: s,
    "split": _split,  # a regex the time limit can stop, trailing empties dropped as Java
    "hashCode": lambda s: _signed32(java_string_hash(s)),
    "repeat": _repeat,
    "isBlank": lambda s: s.strip() == "",
    "strip": str.strip,
    "stripLeading": str.lstrip,
    "stripTrailing": str.rstrip,
    "compareTo": _compare_strings,
    "compareToIgnoreCase": lambda s, o: _compare_strings(s.lower(), o.lower()),
    "matches": lambda s, regex: _regex_call("re-matches", regex, s) is not None,
    "replaceAll": lambda s, regex, rep: _regex_call("replace", regex, s, rep),
    "replaceFirst": lambda s, regex, rep: _regex_call("replace-first", regex, s, rep),
    "toCharArray": _char_array,
}


def _index_of(coll: Any, x: Any, *, last: bool) -> int:
    """``java.util.List``'s ``indexOf``/``lastIndexOf`` on a sequential collection."""
    from kryon_lisp.core import is_sequential
    from kryon_lisp.equality import equals
    from kryon_lisp.seqs import iter_of

    if not is_sequential(coll):
        raise TypeError(f"No method indexOf for {type_name(coll)}")
    found = -1
    for i, item in enumerate(iter_of(coll)):
        if equals(item, x):
            found = i
            if not last:
                break
    return found


_HOST_PACKAGES = ("java.", "javax.", "jdk.", "sun.", "clojure.lang.")
_HOST_CLASSES = frozenset(
    {
        "Class", "ClassLoader", "Runtime", "Process", "ProcessBuilder", "ProcessHandle",
        "Thread", "System", "Compiler", "RT", "Reflector", "Var", "Namespace", "Unsafe",
        "File", "Files", "Path", "Paths", "URL", "URI", "Socket", "InetAddress", "Proxy",
        "Method", "Field", "MethodHandles", "Array", "Object", "String", "Integer", "Long",
        "Double", "Float", "Short", "Byte", "Boolean", "Character", "Math", "StrictMath",
        "BigInteger", "BigDecimal", "Arrays", "Collections", "Executors", "ScriptEngineManager",
    }
)  # fmt: skip
"""Java classes a Clojure program may name (``Class/forName``, ``Runtime/getRuntime``)."""


def is_host_class(name: str) -> bool:
    """Whether ``name`` (the part before ``/``) names a JVM class rather than a namespace."""
    return name.startswith(_HOST_PACKAGES) or name in _HOST_CLASSES


def no_host_member(member: str) -> NoReturn:
    """A JVM class member Kryon Lisp does not provide: Clojure would reach the
    host there, so the script fails when it gets there (not when it compiles,
    as a branch never taken would run on the JVM)."""
    from kryon_lisp.classes import EXCEPTIONS

    raise EXCEPTIONS["UnsupportedOperationException"](
        f"{member} is not available: Kryon Lisp has no host classes"
    )


def method_call(obj: Any, method: str, *args: Any) -> Any:
    """``(.method obj args...)``."""
    if getattr(type(obj), "deftype_instance", False):
        fn = obj.methods.get(method)
        if fn is not None:
            return fn(obj, *args)
        if not args and method in obj.vals:
            return obj.vals[method]  # (.x point): a field, as Clojure's reflection reads it
        if method not in ("toString", "equals", "hashCode"):
            raise ValueError(
                f"No matching method {method} found taking {len(args)} args "
                f"for class {obj.record_type.full_name}"
            )
        if method == "hashCode":
            return obj.hash_code()
    if isinstance(obj, str):
        fn = _STRING_METHODS.get(method)
        if fn is not None:
            return fn(obj, *args)
    if hasattr(obj, "get") and callable(obj.get) and not isinstance(obj, str):
        from kryon_lisp.types import Keyword, LMap

        if isinstance(obj, LMap):
            key = Keyword(method)
            member = obj.get(key)
            if callable(member):
                return member(*args)
            record_type = getattr(obj, "record_type", None)
            own = getattr(record_type, "methods", {}).get(method)
            if own is not None:  # an interface method the defrecord implements
                return own(obj, *args)
            if not args and record_type is not None and key in record_type.keys:
                return member  # (.x point): a record's field, as Clojure's reflection reads it
    if isinstance(obj, (PrintWriter, StringBuilder, Matcher)):
        return obj.call(method, args)
    if isinstance(obj, BaseException):
        from kryon_lisp.classes import exception_method

        return exception_method(obj, method)
    if method in ("getName", "getSimpleName", "getCanonicalName") and not args:
        from kryon_lisp.classes import JavaClass

        if isinstance(obj, JavaClass):
            # Class.getSimpleName drops the package and an inner class's outer name
            simple = obj.name.rpartition(".")[2].rpartition("$")[2]
            return simple if method == "getSimpleName" else obj.name
    if method == "toString":
        return str_of(obj)
    if method in ("equals",):
        from kryon_lisp.equality import equals

        return equals(obj, args[0])
    if method in ("size", "length", "count"):
        from kryon_lisp.collections import count

        return count(obj)
    if method == "get":
        from kryon_lisp.collections import get

        return get(obj, *args)
    if method == "contains":
        return args[0] in obj
    if method in ("indexOf", "lastIndexOf") and len(args) == 1:
        return _index_of(obj, args[0], last=method == "lastIndexOf")
    if method == "isEmpty":
        from kryon_lisp.collections import count

        return count(obj) == 0
    if method == "containsKey":
        from kryon_lisp.collections import contains

        return contains(obj, args[0])
    raise TypeError(f"No method {method} for {type_name(obj)} (Kryon Lisp has no host reflection)")

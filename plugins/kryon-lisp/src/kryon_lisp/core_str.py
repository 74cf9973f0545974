"""Strings, ``clojure.string``, ``format``, keywords/symbols and regexes."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from pyrsistent import pvector

from kryon_lisp import java_format, limits, patterns
from kryon_lisp.arrays import JavaArray
from kryon_lisp.classes import EXCEPTIONS
from kryon_lisp.printer import int_text, pr_str, str_of, type_name
from kryon_lisp.seqs import fused_iter, lazy_iter, seq
from kryon_lisp.types import Char, Keyword, LMap, Symbol

_FORMAT = re.compile(r"%(\d+\$)?([-#+ 0,(]*)(\d+)?(\.\d+)?([a-zA-Z%])")


_SHORT_TEXT = 1 << 20
"""No memory limit is below a MiB (``memory_limit_mb >= 1``): a shorter string
needs no check."""


def str_(*args: Any) -> str:
    if len(args) == 1:
        return str_of(args[0])
    parts = list(map(str_of, args))  # (a list comprehension is a frame of its own)
    total = sum(map(len, parts))
    if total >= _SHORT_TEXT:
        limits.check_text(total)
    return "".join(parts)


# (str a b), (str a b c), (str a b c d): what loops building strings call, compiled
# to these (no argument tuple, list or join)


def str2(a: Any, b: Any) -> str:
    if type(a) is not str:
        a = str_of(a)
    if type(b) is not str:
        b = str_of(b)
    if len(a) + len(b) >= _SHORT_TEXT:
        limits.check_text(len(a) + len(b))
    return a + b  # type: ignore[no-any-return]


def str3(a: Any, b: Any, c: Any) -> str:
    if type(a) is not str:
        a = str_of(a)
    if type(b) is not str:
        b = str_of(b)
    if type(c) is not str:
        c = str_of(c)
    if len(a) + len(b) + len(c) >= _SHORT_TEXT:
        limits.check_text(len(a) + len(b) + len(c))
    return a + b + c  # type: ignore[no-any-return]


def subs(s: str, start: int, end: int | None = None) -> str:
    end = len(s) if end is None else end
    if not 0 <= start <= end <= len(s):
        # String.substring's message since Java 9
        from kryon_lisp.classes import EXCEPTIONS

        raise EXCEPTIONS["StringIndexOutOfBoundsException"](
            f"begin {start}, end {end}, length {len(s)}"
        )
    return s[start:end]


def format_(fmt: str, *args: Any) -> str:
    """Java-style ``format`` (the common conversions)."""
    if not isinstance(fmt, str):
        raise TypeError(f"{type_name(fmt)} cannot be cast to java.lang.String")
    position = 0
    produced = _TextMeter()

    def convert(m: re.Match[str]) -> str:
        return produced.add(conversion(m))

    def conversion(m: re.Match[str]) -> str:
        nonlocal position
        index, flags, width, precision, conv = m.groups()
        if conv == "%":
            return "%"
        if conv == "n":
            return "\n"
        if index:
            value = args[int(index[:-1]) - 1]
        else:
            if position >= len(args):
                raise EXCEPTIONS["java.util.MissingFormatArgumentException"](
                    f"Format specifier '{m.group(0)}'"
                )
            value = args[position]
            position += 1
        if "(" in flags and conv in "deEfgG" and type(value) in (int, float, Fraction):
            return _parenthesised(m.group(0), flags, width, precision, conv, value)
        grouping = "," in flags
        flags = flags.replace(",", "")
        if (width and int(width) > 10_000) or (precision and int(precision[1:]) > 10_000):
            raise ValueError(f"Format width too large: {m.group(0)}")
        spec = f"%{flags}{width or ''}{precision or ''}"
        if conv in "sS":
            if value is None:
                text = "null"
            else:
                text = str_of(value) if not isinstance(value, bool) else str(value).lower()
            text = (spec + "s") % text
            return text.upper() if conv == "S" else text
        if conv in "hH":  # Integer.toHexString(arg.hashCode())
            from kryon_lisp.clojure_hash import java_hash_code

            text = "null" if value is None else f"{java_hash_code(value):x}"
            text = java_format.pad(text, flags.replace("0", ""), int(width or 0))
            return text.upper() if conv == "H" else text
        if conv not in "sSbB":
            if value is None:  # Java writes null for any conversion
                return java_format.pad("null", flags.replace("0", ""), int(width or 0))
            _check_argument(conv, value)
        if conv == "d" and int(value).bit_length() > 13_000:
            return (spec + "s") % int_text(int(value))  # past what "%d" converts
        if conv == "d":
            if grouping:
                return java_format.pad(f"{int(value):,}", flags, int(width or 0))
            return (spec + "d") % int(value)
        if conv in "feEgG":
            return java_format.format_float(
                float(value),
                m.group(2),
                int(width or 0),
                int(precision[1:]) if precision else None,
                conv,
            )
        if conv in "xXo":
            return java_format.format_integer(int(value), flags, int(width or 0), conv)
        if conv in "cC":
            text = java_format.pad(value.ch, flags, int(width or 0))
            return text.upper() if conv == "C" else text
        if conv in "bB":
            return "false" if value is None or value is False else "true"
        raise EXCEPTIONS["java.util.UnknownFormatConversionException"](f"Conversion = '{conv}'")

    return _sized(_FORMAT.sub(convert, fmt))


def _parenthesised(
    spec: str, flags: str, width: str | None, precision: str | None, conv: str, value: Any
) -> str:
    """The ``(`` flag: a negative number in parentheses, without its sign
    (``(format "%(d" -5)`` is ``"(5)"``; Python reads ``%(`` as a mapping key)."""
    if (width and int(width) > 10_000) or (precision and int(precision[1:]) > 10_000):
        raise ValueError(f"Format width too large: {spec}")
    inner = flags.replace("(", "")
    if not value < 0:
        return format_(f"%{inner}{width or ''}{precision or ''}{conv}", value)
    body = format_(f"%{inner.replace('-', '').replace('0', '')}{precision or ''}{conv}", -value)
    return java_format.pad(f"({body})", inner.replace("0", ""), int(width or 0))


_ACCEPTS: dict[str, tuple[str, ...]] = {
    # the argument classes each conversion of Java's Formatter takes
    # one Python int stands for Long, BigInt and BigInteger, so every integer
    # passes: (format "%d" (biginteger n)) must work, and a bare BigInt, which
    # Java refuses, cannot be told apart from it
    "d": ("java.lang.Long", "clojure.lang.BigInt"),
    "o": ("java.lang.Long", "clojure.lang.BigInt"),
    "x": ("java.lang.Long", "clojure.lang.BigInt"),
    "e": ("java.lang.Double",),
    "f": ("java.lang.Double",),
    "g": ("java.lang.Double",),
    "c": ("java.lang.Character",),
}


def _check_argument(conv: str, value: Any) -> None:
    """Java refuses an argument of the wrong class (``(format "%d" 3.0)``,
    ``(format "%.2f" 5)``, a ratio for ``%d``, a long for ``%c``)."""
    accepted = _ACCEPTS.get(conv.lower())
    if accepted is None:
        return
    java_class = type_name(value)
    if java_class not in accepted:
        raise EXCEPTIONS["java.util.IllegalFormatConversionException"](
            f"{conv.lower()} != {java_class}"
        )


def name_(x: Any) -> str:
    if isinstance(x, str):
        return x
    if isinstance(x, (Keyword, Symbol)):
        return x.name
    if x is None:
        raise TypeError('Cannot invoke "clojure.lang.Named.getName()" because "x" is null')
    raise TypeError(f"{type_name(x)} cannot be cast to clojure.lang.Named")


def namespace(x: Any) -> Any:
    return x.ns


def keyword(a: Any, b: Any = None) -> Any:
    if b is not None:
        return Keyword(b, a)
    if isinstance(a, Keyword):
        return a
    if isinstance(a, Symbol):
        return Keyword(a.name, a.ns)
    if isinstance(a, str):
        return Keyword.parse(a)
    return None


def symbol(a: Any, b: Any = None) -> Symbol:
    if b is not None:
        return _checked(Symbol(str_of(b), str_of(a)))
    if isinstance(a, Symbol):
        return a
    if isinstance(a, Keyword):
        return _checked(Symbol(a.name, a.ns))
    return _checked(Symbol.parse(str_of(a)))


def _checked(sym: Symbol) -> Symbol:
    # names beginning with "@" are the compiler's private helpers
    if sym.name.startswith("@") or (sym.ns or "").startswith("@"):
        raise ValueError(f"Invalid symbol name: {sym}")
    return sym


def char(x: Any) -> Char:
    if isinstance(x, Char):
        return x
    code = int(x)
    if not 0 <= code <= 0x10FFFF:
        raise ValueError(f"Value out of range for char: {code}")
    return Char(chr(code))


# -- clojure.string -------------------------------------------------------------


def _text(s: Any) -> str:
    if not isinstance(s, str):
        raise TypeError(f"expected a string, got {pr_str(s)}")
    return s


def split(s: str, sep: Any, limit: int | None = None) -> Any:
    if not isinstance(sep, patterns.Pattern):
        sep = patterns.compile_pattern(re.escape(str_of(sep)))
    text = _text(s)
    cap = _element_cap()
    if sep.pattern == "":
        if cap is not None:
            limits.check_size(len(text))
        parts = list(text)
    else:
        most = (limit - 1) if limit and limit > 0 else 0
        if cap is not None and len(text) >= cap and not 0 < most <= cap:
            # one string per piece, made in one C call: at most as many as a
            # collection may hold (a piece more says there were too many)
            parts = patterns.split(sep, text, cap)
            limits.check_size(len(parts))
        else:
            parts = patterns.split(sep, text, most)
    if not limit and len(parts) > 1:
        # Java drops trailing empty strings (but "" split is [""])
        while len(parts) > 1 and parts[-1] == "":
            parts.pop()
        if parts == [""]:
            parts = []
    return pvector(parts)


def _sized(text: str) -> str:
    """A string some builder made, refused when it is beyond the memory limit."""
    limits.check_text(len(text))
    return text


class _TextMeter:
    """The characters of a string being built piece by piece, refused as soon
    as they pass the memory limit: the pieces are joined in one C call, and a
    thousand megabyte pieces must not get that far."""

    __slots__ = ("cap", "total")

    def __init__(self, start: int = 0) -> None:
        budget = limits.current.budget
        self.cap = budget.memory_limit if budget is not None else None
        self.total = start

    def add(self, piece: str) -> str:
        if self.cap is not None:
            self.total += len(piece)
            if self.total > self.cap:
                limits.check_text(self.total)
        return piece

    def add_timed(self, piece: str, size: int = 0) -> str:
        """:meth:`add` of ``piece`` and ``size`` more characters, with a
        deadline check: for pieces that take long to make (a replacement
        expanded per match)."""
        budget = limits.current.budget
        if budget is not None:
            budget.check_clock()
        self.add(piece)
        if size and self.cap is not None:
            self.total += size
            if self.total > self.cap:
                limits.check_text(self.total)
        return piece


def _joined(sep: str, items: Any) -> str:
    meter = _TextMeter()
    if meter.cap is None:
        return sep.join(str_of(x) for x in items)
    pieces = [meter.add(str_of(x)) for x in items]
    if sep and len(pieces) > 1:
        limits.check_text(meter.total + len(sep) * (len(pieces) - 1))
    return sep.join(pieces)


_NO_COLL = object()


def join(sep: Any, coll: Any = _NO_COLL) -> str:
    for source in (sep, coll):
        if type(source) is JavaArray:
            # the pieces are all held at once while joined: as many as a collection may hold
            limits.check_size(len(source.data))
    if coll is _NO_COLL:  # (join coll); (join sep nil) joins nothing
        return _joined("", fused_iter(sep, 1))
    return _joined(str_of(sep), fused_iter(coll, 1))


def replace_text(s: str, match: str, replacement: str, count: int = -1) -> str:
    """``s`` with ``match`` replaced, its size checked before it is built."""
    if len(replacement) > len(match):
        found = s.count(match) if count < 0 else min(count, s.count(match))
        limits.check_text(len(s) + found * (len(replacement) - len(match)))
    return s.replace(match, replacement, count)


def _regex_replace(s: str, pattern: Any, replacement: Any, count: int = 0) -> str:
    meter = _TextMeter(len(s))
    if callable(replacement):
        return patterns.sub(
            pattern, lambda m: meter.add(str_of(replacement(_match_value(m)))), s, count
        )
    parts = _java_replacement(str_of(replacement), pattern.groups)
    template = "".join(
        f"\\g<{part}>" if type(part) is not str else part.replace("\\", "\\\\") for part in parts
    )
    if meter.cap is not None:
        # each match's text at most: the literal text, and every group it names as long as s
        literal = sum(len(part) for part in parts if type(part) is str)
        most = literal + (len(parts) - sum(type(part) is str for part in parts)) * len(s)
        if len(s) + (1 if count else len(s) + 1) * most > meter.cap:
            return patterns.sub(pattern, lambda m: _expand(m, parts, meter), s, count)
    return patterns.sub(pattern, template, s, count)


def _expand(m: Any, parts: list[str | _Group], meter: _TextMeter) -> str:
    """One match's replacement, its size checked before it is built."""
    pieces = [part if isinstance(part, str) else m.group(part.ref) or "" for part in parts]
    meter.add_timed("", sum(map(len, pieces)))
    return "".join(pieces)


def replace(s: str, match: Any, replacement: Any) -> str:
    if isinstance(match, patterns.Pattern):
        return _regex_replace(_text(s), match, replacement)
    return replace_text(_text(s), str_of(match), str_of(replacement))


def replace_first(s: str, match: Any, replacement: Any) -> str:
    if isinstance(match, patterns.Pattern):
        return _regex_replace(_text(s), match, replacement, count=1)
    return replace_text(_text(s), str_of(match), str_of(replacement), 1)


class _Group:
    """A group named in a replacement (``$1``, ``${name}``)."""

    __slots__ = ("ref",)

    def __init__(self, ref: int | str) -> None:
        self.ref = ref

    def __str__(self) -> str:
        return str(self.ref)


def _java_replacement(text: str, groups: int) -> list[str | _Group]:
    """Java's replacement syntax (``$1``, ``${name}``, ``\\$`` for a dollar) read
    into literal text and groups (``$0`` is the whole match)."""
    out: list[str | _Group] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            if i + 1 == len(text):
                raise ValueError("character to be escaped is missing")
            literal.append(text[i + 1])
            i += 2
            continue
        if c != "$":
            literal.append(c)
            i += 1
            continue
        i += 1
        if text[i : i + 1] == "{":
            end = text.find("}", i)
            if end < 0:
                raise ValueError("named capturing group is missing trailing '}'")
            group: int | str = text[i + 1 : end]
            i = end + 1
        elif text[i : i + 1].isdigit():
            # as Java: more digits while they still name a group
            number = int(text[i])
            i += 1
            while i < len(text) and text[i].isdigit() and number * 10 + int(text[i]) <= groups:
                number = number * 10 + int(text[i])
                i += 1
            if number > groups:
                raise IndexError(f"No group {number}")
            group = number
        else:
            raise ValueError("Illegal group reference")
        if literal:
            out.append("".join(literal))
            literal.clear()
        out.append(_Group(group))
    if literal:
        out.append("".join(literal))
    return out


def _match_value(m: Any) -> Any:
    if m.re.groups == 0:
        return m.group(0)
    return pvector([m.group(0), *m.groups()])


class Matcher:
    """``(re-matcher re s)``: Java's Matcher, found through by ``re-find``."""

    java_class = "java.util.regex.Matcher"
    __slots__ = ("last", "matches", "pattern", "text")

    def __init__(self, pattern: Any, s: Any) -> None:
        self.pattern = pattern
        self.text = _text(s)
        self.matches = patterns.finditer(pattern, self.text)
        self.last: Any = None

    def call(self, method: str, args: tuple[Any, ...]) -> Any:
        """Matcher's own methods: ``(.find m)``, ``(.group m 1)``, ``(.start m)`` ..."""
        if method == "find" and not args:
            return self._advance()
        if method == "matches" and not args:
            self.last = patterns.fullmatch(self.pattern, self.text)
            return self.last is not None
        if method == "groupCount" and not args:
            return int(patterns.compile_pattern(self.pattern).groups)
        if method in ("group", "start", "end") and len(args) <= 1:
            which = args[0] if args else 0
            return getattr(self._current(), method)(which)
        raise TypeError(f"No method {method} for java.util.regex.Matcher")

    def find(self) -> Any:
        return _match_value(self.last) if self._advance() else None

    def groups(self) -> Any:
        return _match_value(self._current())

    def _advance(self) -> bool:
        self.last = next(self.matches, None)
        return self.last is not None

    def _current(self) -> Any:
        """The last match; before one, Java's IllegalStateException."""
        if self.last is None:
            from kryon_lisp.classes import EXCEPTIONS

            raise EXCEPTIONS["IllegalStateException"]("No match found")
        return self.last


def re_find(pattern: Any, s: Any = None) -> Any:
    if type(pattern) is Matcher and s is None:  # (re-find matcher): its next match
        return pattern.find()
    m = patterns.search(pattern, _text(s))
    return None if m is None else _match_value(m)


def re_matches(pattern: Any, s: str) -> Any:
    m = patterns.fullmatch(pattern, _text(s))
    return None if m is None else _match_value(m)


def re_seq(pattern: Any, s: str) -> Any:
    return lazy_iter(_match_value(m) for m in patterns.finditer(pattern, _text(s)))


def _escaped(s: str, cmap: Any) -> Any:
    for c in s:
        limits.step()
        replacement = cmap(Char(c))
        yield c if replacement is None else replacement


def blank(s: Any) -> bool:
    return s is None or _text(s).strip() == ""


def capitalize(s: str) -> str:
    return s[:1].upper() + s[1:].lower()


def split_lines(s: str) -> Any:
    cap = _element_cap()
    if cap is not None and len(s) >= cap:
        limits.check_size(s.count("\n") + s.count("\r") + 1)
    return pvector(s.splitlines())


def _element_cap() -> int | None:
    budget = limits.current.budget
    return budget.element_cap if budget is not None else None


def index_of(s: str, value: Any, start: int = 0) -> Any:
    i = s.find(str_of(value), start)
    return None if i < 0 else i


def last_index_of(s: str, value: Any) -> Any:
    i = s.rfind(str_of(value))
    return None if i < 0 else i


CLOJURE_STRING: dict[str, Any] = {
    "upper-case": lambda s: _text(s).upper(),
    "lower-case": lambda s: _text(s).lower(),
    "capitalize": capitalize,
    "split": split,
    "split-lines": split_lines,
    "join": join,
    "trim": lambda s: _text(s).strip(),
    "triml": lambda s: _text(s).lstrip(),
    "trimr": lambda s: _text(s).rstrip(),
    "trim-newline": lambda s: _text(s).rstrip("\r\n"),
    "re-quote-replacement": lambda s: _text(s).replace("\\", "\\\\").replace("$", "\\$"),
    "replace": replace,
    "replace-first": replace_first,
    "includes?": lambda s, sub: str_of(sub) in _text(s),
    "starts-with?": lambda s, sub: _text(s).startswith(str_of(sub)),
    "ends-with?": lambda s, sub: _text(s).endswith(str_of(sub)),
    "blank?": blank,
    "reverse": lambda s: _text(s)[::-1],
    "index-of": index_of,
    "last-index-of": last_index_of,
    "escape": lambda s, m: _joined("", _escaped(_text(s), m)),
}

STRINGS: dict[str, Any] = {
    "str": str_,
    "@str2": str2,
    "@str3": str3,
    "subs": subs,
    "format": format_,
    "name": name_,
    "namespace": namespace,
    "keyword": keyword,
    "symbol": symbol,
    "char": char,
    "pr-str": lambda *xs: " ".join(pr_str(x) for x in xs),
    "print-str": lambda *xs: " ".join(pr_str(x, False) for x in xs),
    "prn-str": lambda *xs: " ".join(pr_str(x) for x in xs) + "\n",
    "println-str": lambda *xs: " ".join(pr_str(x, False) for x in xs) + "\n",
    "re-find": re_find,
    "re-matcher": Matcher,
    "re-groups": lambda m: m.groups(),
    "re-matches": re_matches,
    "re-seq": re_seq,
    "re-pattern": patterns.compile_pattern,
    "string?": lambda x: type(x) is str,
    "char?": lambda x: type(x) is Char,
    "keyword?": lambda x: type(x) is Keyword,
    "symbol?": lambda x: type(x) is Symbol,
    "simple-keyword?": lambda x: type(x) is Keyword and x.ns is None,
    "qualified-keyword?": lambda x: type(x) is Keyword and x.ns is not None,
    "gensym": None,
    "chars": lambda s: seq(_text(s)),
}

__all__ = ["CLOJURE_STRING", "STRINGS", "LMap"]
